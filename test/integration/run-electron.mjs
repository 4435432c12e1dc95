#!/usr/bin/env node
// @ts-check
/**
 * Runs the integration suite in desktop VS Code through @vscode/test-electron, for machines with
 * internet access: runTests() downloads VS Code (cached in .tools/vscode-test) and starts it with
 * the extension under development and the suite. Offline machines (CI here) cannot download VS
 * Code; use test/integration/run-code-server.mjs there, which runs the same suite in code-server.
 *
 *   node test/integration/run-electron.mjs [--version stable|insiders|1.90.0]
 *
 * Needs `npm run build` first, and a display on Linux (e.g. `xvfb-run -a node ...`).
 * Exit code: 0 passed, 1 a test failed, 2 anything else (download failure included). The last line
 * is `integration: N passed, N failed`, as with the code-server runner.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const EXTENSION_MAIN = path.join(REPO_ROOT, 'dist/extension.js');
const SUITE = path.join(REPO_ROOT, 'out/test/integration/suite/index.js');
const WORKSPACE_FIXTURE = path.join(REPO_ROOT, 'test/integration/workspace');
const CACHE = path.join(REPO_ROOT, '.tools/vscode-test'); // .tools/ is gitignored
const SUMMARY_PREFIX = 'plainsight-integration-summary '; // printed by test/integration/suite/index.ts

/** @type {{ passed: number, failed: number } | null} */
let summary = null;
/** @param {number} code */
function finish(code) {
  console.log(`integration: ${summary?.passed ?? 0} passed, ${summary?.failed ?? (code === 1 ? 1 : 0)} failed`);
  process.exitCode = code;
}

/** The suite's output reaches our stdout through runTests(); pick the summary line out of it. */
function watchStdoutForSummary() {
  const write = process.stdout.write.bind(process.stdout);
  let pending = '';
  // @ts-ignore -- same signature, forwarded as is
  process.stdout.write = (chunk, ...rest) => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const at = line.indexOf(SUMMARY_PREFIX);
      if (at >= 0) { try { summary = JSON.parse(line.slice(at + SUMMARY_PREFIX.length)); } catch { /* ignore */ } }
    }
    // @ts-ignore
    return write(chunk, ...rest);
  };
}

/** Errors that mean "could not reach the VS Code update service / CDN". @param {unknown} e */
function isDownloadFailure(e) {
  const text = `${e instanceof Error ? `${e.name} ${e.message} ${/** @type {any} */ (e).code ?? ''} ${e.cause ?? ''}` : String(e)}`;
  return /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|socket hang up|TimeoutError|timed out|Failed to get VS Code archive location|Failed to download|Failed to get JSON|update\.code\.visualstudio\.com|vscode\.download/i.test(text);
}

async function main() {
  let version = process.env.VSCODE_TEST_VERSION || 'stable';
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--version' && args[i + 1]) version = args[++i];
    else { console.error(`run-electron: unknown argument ${args[i]}`); return finish(2); }
  }
  const problems = [];
  if (!fs.existsSync(EXTENSION_MAIN)) problems.push('dist/extension.js is missing: run `npm run build`');
  if (!fs.existsSync(SUITE)) problems.push('out/test/integration/suite/index.js is missing: run `npm run build`');
  if (problems.length) { for (const p of problems) console.error(`run-electron: ${p}`); return finish(2); }

  const { runTests, TestRunFailedError } = await import('@vscode/test-electron');
  // Tests may edit files: run against a throw-away copy of the workspace fixture.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-electron-'));
  const workspace = path.join(tmp, 'ws');
  fs.cpSync(WORKSPACE_FIXTURE, workspace, { recursive: true });
  watchStdoutForSummary();
  try {
    await runTests({
      version,
      cachePath: CACHE,
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: SUITE,
      launchArgs: [workspace, '--disable-extensions'],
    });
    finish(summary && summary.failed > 0 ? 1 : 0);
  } catch (e) {
    if (e instanceof TestRunFailedError) {
      console.error(`run-electron: the test run failed (${e.message})`);
      finish(1);
    } else if (isDownloadFailure(e)) {
      console.error([
        `run-electron: could not download VS Code ${version} (${e instanceof Error ? e.message : String(e)}).`,
        '  @vscode/test-electron needs internet access to update.code.visualstudio.com; this machine is',
        '  probably offline, which is expected in CI here. Run the same suite in code-server instead:',
        '    node test/integration/run-code-server.mjs',
      ].join('\n'));
      finish(2);
    } else {
      console.error('run-electron: harness error:', e);
      finish(2);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e) => { console.error('run-electron: harness error:', e); finish(2); });
