#!/usr/bin/env node
// @ts-check
/**
 * Runs the integration suite (out/test/integration/suite/index.js) inside the extension host of a
 * real VS Code: code-server + Debian Chromium, no download needed. What CI runs.
 *
 *   node test/integration/run-code-server.mjs [--timeout 10m] [--grep TEXT] [--keep] [--verbose]
 *
 *   --timeout  overall limit: a number of seconds, or with a unit: 90s, 10m, 600000ms (default 10m)
 *   --grep     run only tests whose full title contains TEXT (PLAINSIGHT_TEST_GREP in the suite)
 *   --keep     keep the run directory (/tmp/ps-e2e-*) even when the run passes
 *   --verbose  also print the workbench's own log lines (offline noise included)
 *
 * Builds nothing: run `npm run build` first. Tools come from `bash .ci/install-tools.sh`.
 * Exit code: 0 all tests passed, 1 a test failed, 2 harness error or time-out. The last line is
 * always `integration: N passed, N failed`.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  REPO_ROOT, cleanup, copyWorkspace, launchBrowser, log, makeRunDir, missingTools, remoteUri,
  removeRunDir, runDirs, startCodeServer, stamp, workbenchUrl,
} from './harness/code-server.mjs';

const EXTENSION_MAIN = path.join(REPO_ROOT, 'dist/extension.js');
const SUITE = path.join(REPO_ROOT, 'out/test/integration/suite/index'); // required by the host, `.js` implied
const WORKSPACE_FIXTURE = path.join(REPO_ROOT, 'test/integration/workspace');
const SUMMARY_PREFIX = 'plainsight-integration-summary '; // printed by test/integration/suite/index.ts

// Workbench log lines that are expected on an offline machine; shown only with --verbose. All are
// anchored at the start of the line, so test output (mocha reporter lines, indented) is never hidden.
const NOISE = [
  /^\[(AgentHost|AgentHost:remote|ChatModelSelection|AccountPolicyGate|DefaultAccount|reconnection-grace-time|Service Worker|Extension Host)\]/,
  /^(Resolving|Resolved) connection token/,
  /^Creating a socket/,
  /^Updating additional builtin/,
  /^Timed out waiting for authentication provider 'github'/,
  /^getaddrinfo (ENOTFOUND|EAI_AGAIN) open-vsx\.org/, // extension gallery look-ups
  /^Creation of workbench contribution '.*' took \d+ms/,
  /^Canceled(: Canceled)*$/, // the workbench shutting down after the run
];

/** @param {string[]} argv */
function parseArgs(argv) {
  const o = { timeoutMs: 10 * 60_000, grep: '', keep: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--timeout' || a.startsWith('--timeout=')) o.timeoutMs = parseDuration(value());
    else if (a === '--grep' || a.startsWith('--grep=')) o.grep = value();
    else if (a === '--keep') o.keep = true;
    else if (a === '--verbose') o.verbose = true;
    else if (a === '--help' || a === '-h') {
      finalPrinted = true; // no run, no summary line
      console.log('usage: node test/integration/run-code-server.mjs [--timeout 10m] [--grep TEXT] [--keep] [--verbose]');
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  return o;
}

/** "600" (seconds), "90s", "10m", "600000ms" -> milliseconds. @param {string} s */
function parseDuration(s) {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(s.trim());
  if (!m || Number(m[1]) <= 0) throw new Error(`--timeout: expected seconds or a number with ms/s/m, got "${s}"`);
  return Math.round(Number(m[1]) * ({ ms: 1, s: 1000, m: 60_000 }[m[2] || 's'] ?? 1000));
}

/** @typedef {{ passed: number, failed: number, pending?: number, total?: number, durationMs?: number, error?: string }} Summary */

/** @type {Summary | null} */
let summary = null;
let finalPrinted = false;
/** The last line of every run, whatever happened. @param {number} code */
function finish(code) {
  if (!finalPrinted) {
    finalPrinted = true;
    // Without a summary the suite never finished; a reported failure still counts as one.
    const s = summary || { passed: 0, failed: code === 1 ? 1 : 0 };
    console.log(`integration: ${s.passed} passed, ${s.failed} failed`);
  }
  process.exitCode = code;
  // Everything is stopped by now; do not let a stray handle keep CI waiting.
  setTimeout(() => process.exit(code), 3000).unref();
}

// Interrupted (SIGINT/SIGTERM: the harness kills code-server and Chromium and exits 130/143):
// still end with the summary line.
process.on('exit', () => {
  if (!finalPrinted) { finalPrinted = true; console.log(`integration: ${summary?.passed ?? 0} passed, ${summary?.failed ?? 0} failed`); }
});

async function main() {
  const wall = Date.now();
  /** @type {ReturnType<typeof parseArgs>} */
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`run-code-server: ${/** @type {Error} */ (e).message}`);
    return finish(2);
  }

  // ---- preflight: this runner builds nothing and installs nothing ----
  const problems = [];
  if (!fs.existsSync(EXTENSION_MAIN)) problems.push(`${path.relative(REPO_ROOT, EXTENSION_MAIN)} is missing: run \`npm run build\``);
  if (!fs.existsSync(`${SUITE}.js`)) {
    problems.push(`${path.relative(REPO_ROOT, SUITE)}.js is missing: run \`npm run build\` (tests only: \`npx esbuild test/integration/suite/*.ts --bundle --platform=node --format=cjs --external:vscode --external:mocha --outdir=out/test/integration/suite\`)`);
  }
  const missing = missingTools();
  if (missing.length) problems.push(`missing tools: ${missing.join(', ')}: run \`bash .ci/install-tools.sh\``);
  if (problems.length) {
    for (const p of problems) console.error(`run-code-server: ${p}`);
    return finish(2);
  }

  const runDir = makeRunDir();
  const dirs = runDirs(runDir);
  const workspace = copyWorkspace(WORKSPACE_FIXTURE, runDir);
  log(`run directory ${runDir}`);
  const timings = /** @type {Record<string, number>} */ ({});
  const transcript = /** @type {string[]} */ ([]);
  let exitCode = 2;
  /** @type {import('playwright-core').Page | undefined} */
  let page;
  const deadline = wall + opts.timeoutMs;

  try {
    const cs = await startCodeServer({ runDir, env: opts.grep ? { PLAINSIGHT_TEST_GREP: opts.grep } : {} });
    timings.codeServerReadyMs = cs.readyMs;
    log(`code-server ${cs.pid} healthy on ${cs.base} in ${cs.readyMs} ms (log ${cs.logFile})`);

    let t = Date.now();
    const browser = await launchBrowser({ runDir });
    page = browser.page;
    timings.chromiumLaunchMs = Date.now() - t;
    log(`chromium up in ${timings.chromiumLaunchMs} ms`);

    // ---- the workbench's automation contract (smoke-test driver) ----
    /** @type {(r: { code: number, logs: { relativePath: string, contents: string }[] }) => void} */
    let onExit = () => {};
    const exited = new Promise((resolve) => { onExit = resolve; });
    await browser.context.exposeFunction('codeAutomationLog', (/** @type {string} */ level, /** @type {unknown} */ message) => {
      const text = String(message);
      transcript.push(`${stamp()} [${level}] ${text}`);
      for (const line of text.split('\n')) {
        if (line.startsWith(SUMMARY_PREFIX)) {
          try { summary = JSON.parse(line.slice(SUMMARY_PREFIX.length)); } catch { /* printed below anyway */ }
        }
      }
      if (opts.verbose || !NOISE.some((re) => re.test(text))) {
        // Test output (the extension host's console) is printed as it is; errors keep one line
        // unless --verbose, since workbench errors carry long stacks.
        const shown = opts.verbose || level !== 'error' ? text : text.split('\n')[0];
        process.stdout.write(level === 'info' || level === 'debug' || level === 'trace' ? `${shown}\n` : `[${level}] ${shown}\n`);
      }
    });
    await browser.context.exposeFunction('codeAutomationExit', (/** @type {number} */ code, /** @type {any} */ logs) => {
      onExit({ code: Number(code), logs: Array.isArray(logs) ? logs : [] });
    });
    page.on('pageerror', (e) => { if (opts.verbose) log(`page error: ${e.message}`); });

    const payload = /** @type {[string, string][]} */ ([
      ['extensionDevelopmentPath', remoteUri(cs.authority, REPO_ROOT)],
      ['extensionTestsPath', remoteUri(cs.authority, SUITE)],
    ]);
    const url = workbenchUrl(cs, workspace, payload);
    log(`open ${url}`);
    t = Date.now();
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    const outcome = await Promise.race([
      exited.then((r) => ({ kind: /** @type {const} */ ('exit'), ...r })),
      cs.whenExited.then((r) => ({ kind: /** @type {const} */ ('server-died'), detail: JSON.stringify(r) })),
      new Promise((resolve) => page?.once('close', () => resolve({ kind: 'page-closed' }))),
      new Promise((resolve) => { timer = setTimeout(() => resolve({ kind: 'timeout' }), Math.max(0, deadline - Date.now())); }),
    ]);
    clearTimeout(timer);
    timings.navigateToExitMs = Date.now() - t;

    const o = /** @type {any} */ (outcome);
    if (o.kind === 'exit') {
      for (const f of o.logs) {
        if (!f || typeof f.relativePath !== 'string') continue;
        const dst = path.join(dirs.logs, 'workbench', path.normalize(f.relativePath).replace(/^(\.\.[/\\])+/, ''));
        fs.mkdirSync(path.dirname(dst), { recursive: true });
        fs.writeFileSync(dst, String(f.contents ?? ''));
      }
      const failedCount = summary ? summary.failed : 0;
      exitCode = o.code === 0 && failedCount === 0 ? 0 : 1;
      log(`suite finished (workbench exit code ${o.code}) ${timings.navigateToExitMs} ms after navigation`);
      if (!summary) log(`the suite printed no summary line: it failed before mocha finished (see the output above and ${dirs.logs})`);
    } else if (o.kind === 'timeout') {
      log(`TIME-OUT: no result within ${opts.timeoutMs} ms (--timeout); screenshot ${path.join(runDir, 'timeout.png')}`);
      await page.screenshot({ path: path.join(runDir, 'timeout.png') }).catch(() => {});
    } else if (o.kind === 'server-died') {
      log(`code-server exited during the run (${o.detail}); see ${cs.logFile}`);
    } else {
      log('the browser page closed during the run');
    }
  } catch (e) {
    log(`harness error: ${/** @type {Error} */ (e).stack || e}`);
    if (page) await page.screenshot({ path: path.join(runDir, 'error.png') }).catch(() => {});
    exitCode = 2;
  } finally {
    fs.writeFileSync(path.join(dirs.logs, 'automation-transcript.log'), transcript.join('\n') + '\n');
    const tDown = Date.now();
    const leftovers = await cleanup();
    timings.teardownMs = Date.now() - tDown;
    if (leftovers.length) log(`killed leftover processes ${leftovers.join(', ')}`);
    timings.wallMs = Date.now() - wall;
    log(`timings ${JSON.stringify(timings)}`);
    if (exitCode === 0 && !opts.keep) removeRunDir(runDir);
    else log(`kept ${runDir} (code-server.log, logs/automation-transcript.log, logs/workbench/)`);
  }
  finish(exitCode);
}

main().catch((e) => {
  console.error(e);
  finish(2);
});
