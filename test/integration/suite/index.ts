// Entry point of the integration suite, loaded INSIDE the VS Code extension host. Same contract as
// @vscode/test-electron: the host requires this module and awaits `run()`; the run passes when the
// promise resolves. Used by test/integration/run-code-server.mjs (code-server) and
// test/integration/run-electron.mjs (desktop VS Code). Bundled to out/test/integration/suite/index.js.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import Mocha from 'mocha';

/**
 * Prefix of the one machine-readable line printed when the run ends, followed by JSON:
 * `plainsight-integration-summary {"passed":1,"failed":0,"pending":0,"total":1,"durationMs":42}`.
 * The runners parse it (keep them in step when changing it). A file that fails to load counts as
 * one failure and adds `"error"`.
 */
export const SUMMARY_PREFIX = 'plainsight-integration-summary ';

export interface Summary {
  passed: number;
  failed: number;
  pending: number;
  total: number;
  durationMs: number;
  error?: string;
}

function printSummary(summary: Summary): void {
  console.log(SUMMARY_PREFIX + JSON.stringify(summary));
}

export function run(): Promise<void> {
  // In code-server the host's console.* reaches the harness through the workbench's log bridge,
  // which does not apply printf-style formatting: mocha's `consoleLog('%s) %s', n, title)` would
  // arrive as "%s) %s,1,title". Format every reporter line into one string first.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(util.format(...args));

  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 20000, reporter: 'spec' });
  // Optional filter (a plain substring of "describe title + it title"), e.g. PLAINSIGHT_TEST_GREP=activation.
  const grep = process.env.PLAINSIGHT_TEST_GREP;
  if (grep) mocha.grep(grep);

  const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));

  const started = Date.now();
  return new Promise<void>((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats;
        printSummary({
          passed: s?.passes ?? 0,
          failed: failures,
          pending: s?.pending ?? 0,
          total: s?.tests ?? 0,
          durationMs: s?.duration ?? Date.now() - started,
        });
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed.`));
        else resolve();
      });
    } catch (err) {
      // A test file that throws while loading (before any test ran).
      const message = err instanceof Error ? err.stack || err.message : String(err);
      console.error(message);
      printSummary({ passed: 0, failed: 1, pending: 0, total: 0, durationMs: Date.now() - started, error: message.split('\n')[0] });
      reject(err instanceof Error ? err : new Error(message));
    }
  });
}
