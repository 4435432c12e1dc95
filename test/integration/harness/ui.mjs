// @ts-check
/**
 * Approach B: drive the real VS Code workbench like a person (code-server + Chromium through
 * playwright-core), with Plainsight INSTALLED (not under development) into code-server's
 * --extensions-dir, from the built folder or from a .vsix.
 *
 *   import { openWorkbench, openFile, runCommand, readSquiggles, screenshot } from './harness/ui.mjs';
 *   const ui = await openWorkbench({ extension: { folder: REPO_ROOT } });
 *   try {
 *     await openFile(ui.page, '.github/workflows/ci.yml');
 *     await runCommand(ui.page, 'Plainsight: Show Report');
 *     console.log(await readSquiggles(ui.page));
 *     await screenshot(ui.page, '/tmp/report.png');
 *   } finally {
 *     await ui.close();
 *   }
 *
 * Selectors are the workbench's own DOM (VS Code 1.139 in code-server 4.139.1); the smoke-test
 * driver (window.driver, enabled by the harness) tells when the workbench is restored.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  CODE_SERVER_ENTRY, NODE24, REPO_ROOT, cleanup, codeServerEnv, copyWorkspace, launchBrowser, log,
  makeRunDir, removeRunDir, runDirs, startCodeServer, workbenchUrl,
} from './code-server.mjs';

/** @typedef {import('playwright-core').Page} Page */

export const WORKSPACE_FIXTURE = path.join(REPO_ROOT, 'test/integration/workspace');

/**
 * What a folder install copies from the extension root: what a .vsix would ship (package.json,
 * the bundle, docs, assets). node_modules is not needed: esbuild bundles the dependencies.
 */
export const EXTENSION_FILES = [
  'package.json', 'package.nls.json', 'dist', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE.md',
  'media', 'resources', 'images', 'assets', 'schemas', 'syntaxes', 'l10n',
];

/**
 * Install an extension folder by copying its runtime files to
 * `<extensions-dir>/<publisher>.<name>-<version>` (code-server scans that folder at start-up).
 * @param {string} extensionRoot  folder with package.json (and a built dist/)
 * @param {string} extensionsDir  code-server's --extensions-dir
 * @param {string[]} [files]      top-level entries to copy (missing ones are skipped)
 * @returns {{ id: string, dir: string }}
 */
export function installExtensionFolder(extensionRoot, extensionsDir, files = EXTENSION_FILES) {
  const pkg = JSON.parse(fs.readFileSync(path.join(extensionRoot, 'package.json'), 'utf8'));
  const main = pkg.main ? path.join(extensionRoot, pkg.main) : null;
  if (main && !fs.existsSync(main) && !fs.existsSync(`${main}.js`)) {
    throw new Error(`${pkg.main} does not exist in ${extensionRoot}: run \`npm run build\` first`);
  }
  const id = `${pkg.publisher}.${pkg.name}`;
  const dir = path.join(extensionsDir, `${id}-${pkg.version}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const f of files) {
    const src = path.join(extensionRoot, f);
    if (fs.existsSync(src)) fs.cpSync(src, path.join(dir, f), { recursive: true, dereference: true });
  }
  return { id, dir };
}

/**
 * Install a .vsix into a run directory's --extensions-dir with code-server's own CLI (offline,
 * about a second). Call before startCodeServer() (or restart it afterwards).
 * @param {string} vsix
 * @param {string} runDir
 * @returns {string} the CLI's output
 */
export function installVsix(vsix, runDir) {
  const d = runDirs(runDir);
  const file = path.resolve(vsix);
  if (!fs.existsSync(file)) throw new Error(`${file} does not exist`);
  try {
    return execFileSync(NODE24, [
      CODE_SERVER_ENTRY,
      '--config', d.config, '--user-data-dir', d.userData, '--extensions-dir', d.extensions,
      '--install-extension', file,
    ], { env: codeServerEnv(d), encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  } catch (e) {
    const err = /** @type {{ stderr?: string, stdout?: string, message: string }} */ (e);
    throw new Error(`code-server --install-extension ${file} failed: ${(err.stderr || err.stdout || err.message).trim().split('\n').slice(0, 3).join(' ')}`);
  }
}

/**
 * Wait for the smoke-test driver and for the workbench to reach the "Restored" lifecycle phase.
 * @param {Page} page
 * @param {number} [timeoutMs]
 */
export async function waitForWorkbench(page, timeoutMs = 60_000) {
  await page.waitForFunction(() => !!(/** @type {any} */ (window).driver), null, { timeout: timeoutMs });
  await page.evaluate(() => /** @type {any} */ (window).driver.whenWorkbenchRestored());
  await page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
}

/**
 * @typedef {object} Workbench
 * @property {Page} page
 * @property {import('playwright-core').BrowserContext} context
 * @property {import('./code-server.mjs').CodeServer} server
 * @property {string} runDir
 * @property {string} workspace   the copy of the fixture that is open
 * @property {string | null} extensionId
 * @property {(opts?: { keep?: boolean }) => Promise<void>} close  stop everything; keeps the run dir with keep
 */

/**
 * Start code-server with the extension installed, open a copy of the workspace in Chromium and
 * wait until the workbench is restored.
 * @param {object} [opts]
 * @param {{ folder: string } | { vsix: string } | null} [opts.extension] default: this repository's folder
 * @param {string} [opts.workspace]   fixture folder to copy and open (default test/integration/workspace)
 * @param {Record<string, unknown>} [opts.settings] user settings merged over the harness defaults
 * @param {{ width: number, height: number }} [opts.viewport]
 * @param {number} [opts.timeoutMs]   for start-up
 * @returns {Promise<Workbench>}
 */
export async function openWorkbench(opts = {}) {
  const runDir = makeRunDir('ps-ui-');
  const workspace = copyWorkspace(opts.workspace || WORKSPACE_FIXTURE, runDir);
  const extension = opts.extension === undefined ? { folder: REPO_ROOT } : opts.extension;
  /** @type {string | null} */
  let extensionId = null;
  try {
    if (extension && 'vsix' in extension) {
      log(`install ${extension.vsix}: ${installVsix(extension.vsix, runDir).split('\n').pop()}`);
      const dir = fs.readdirSync(runDirs(runDir).extensions).find((n) => !n.startsWith('.') && !n.endsWith('.json'));
      extensionId = dir ? dir.replace(/-\d+\.\d+\.\d+.*$/, '') : null;
    } else if (extension) {
      const installed = installExtensionFolder(extension.folder, runDirs(runDir).extensions);
      extensionId = installed.id;
      log(`installed ${installed.id} into ${installed.dir}`);
    }
    const server = await startCodeServer({ runDir, settings: opts.settings });
    log(`code-server ${server.pid} healthy on ${server.base} in ${server.readyMs} ms`);
    const browser = await launchBrowser({ runDir, viewport: opts.viewport });
    const page = browser.page;
    page.setDefaultTimeout(30_000);
    const t = Date.now();
    await page.goto(workbenchUrl(server, workspace), { waitUntil: 'domcontentloaded', timeout: opts.timeoutMs ?? 60_000 });
    await waitForWorkbench(page, opts.timeoutMs ?? 60_000);
    log(`workbench restored ${Date.now() - t} ms after navigation`);
    return {
      page, context: browser.context, server, runDir, workspace, extensionId,
      close: async ({ keep = false } = {}) => {
        await cleanup();
        if (keep) log(`kept ${runDir}`); else removeRunDir(runDir);
      },
    };
  } catch (e) {
    await cleanup();
    throw e;
  }
}

/** `\u00a0` (how the editor renders spaces) to plain spaces. @param {string | null | undefined} s */
export const normalizeText = (s) => (s || '').replace(/\u00a0/g, ' ');

/**
 * Put keyboard focus into the workbench (keybindings need a focused window, not the body).
 * @param {Page} page
 */
async function focusWorkbench(page) {
  await page.bringToFront();
  const editor = page.locator('.editor-group-container.active .monaco-editor textarea').first();
  if (await editor.count()) await editor.focus().catch(() => {});
  else await page.locator('.monaco-workbench').click({ position: { x: 5, y: 5 } }).catch(() => {});
}

/**
 * Open the quick input with `keys`, type `text` and pick the row whose label matches `label`.
 * @param {Page} page
 * @param {string} keys
 * @param {string} text
 * @param {(label: string) => boolean} matches
 * @param {string} what
 */
async function pickFromQuickInput(page, keys, text, matches, what) {
  await focusWorkbench(page);
  await page.keyboard.press(keys);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(text);
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const deadline = Date.now() + 15_000;
  for (;;) {
    const labels = (await rows.locator('.label-name').allTextContents().catch(() => [])).map(normalizeText);
    const index = labels.findIndex(matches);
    if (index >= 0) {
      // Rows are virtualized but the few candidates are all rendered; click the exact one.
      await rows.nth(index).click();
      return;
    }
    if (Date.now() > deadline) {
      await page.keyboard.press('Escape');
      throw new Error(`${what} not offered; quick input rows: ${JSON.stringify(labels)}`);
    }
    await page.waitForTimeout(150);
  }
}

/**
 * Run a command from the palette (Ctrl+Shift+P) by its title as shown there, e.g.
 * `Plainsight: Show Report` or `View: Toggle Minimap`.
 * @param {Page} page
 * @param {string} title
 */
export async function runCommand(page, title) {
  await pickFromQuickInput(page, 'Control+Shift+P', `>${title}`, (l) => l === title, `command "${title}"`);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' }).catch(() => {});
}

/**
 * Open a workspace file with Quick Open (Ctrl+P) and wait for its editor tab and text.
 * @param {Page} page
 * @param {string} relativePath  e.g. `.github/workflows/ci.yml`
 */
export async function openFile(page, relativePath) {
  const name = path.posix.basename(relativePath);
  await pickFromQuickInput(page, 'Control+P', relativePath, (l) => l === name, `file "${relativePath}"`);
  await page.locator('.tab.active', { hasText: name }).waitFor();
  await page.locator('.editor-group-container.active .monaco-editor .view-line').first().waitFor();
}

/**
 * The rendered lines of the active editor (only what is in the viewport: the editor virtualizes).
 * @param {Page} page
 * @returns {Promise<string[]>}
 */
export async function editorLines(page) {
  const lines = await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().evaluate((el) => {
    return [...el.querySelectorAll('.view-line')]
      .map((l) => ({ top: parseFloat(/** @type {HTMLElement} */ (l).style.top) || 0, text: l.textContent || '' }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text);
  });
  return lines.map(normalizeText);
}

/**
 * @typedef {object} Squiggle
 * @property {'error' | 'warning' | 'info' | 'hint'} severity
 * @property {number} line      1-based line number
 * @property {string} lineText  the whole line
 * @property {string} text      the squiggled part (from the decoration's position; approximate)
 */

/**
 * The squiggles rendered in the active editor (viewport only), top to bottom.
 * @param {Page} page
 * @param {{ wait?: boolean, timeoutMs?: number }} [opts] wait: wait until at least one is shown
 * @returns {Promise<Squiggle[]>}
 */
export async function readSquiggles(page, { wait = false, timeoutMs = 30_000 } = {}) {
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  if (wait) await editor.locator('[class*="squiggly-"]').first().waitFor({ timeout: timeoutMs });
  const found = await editor.evaluate((root) => {
    const top = (/** @type {Element | null} */ el) => (el ? parseFloat(/** @type {HTMLElement} */ (el).style.top) : NaN);
    const lineNumbers = new Map([...root.querySelectorAll('.margin-view-overlays > div')].map((d) => [top(d), (d.textContent || '').trim()]));
    const lines = new Map([...root.querySelectorAll('.view-lines .view-line')].map((l) => [top(l), l]));
    /** @type {{ severity: string, line: number, lineText: string, text: string }[]} */
    const out = [];
    for (const s of root.querySelectorAll('.view-overlays [class*="squiggly-"]')) {
      const m = /squiggly-(error|warning|info|hint)/.exec(s.className);
      if (!m) continue;
      const rowTop = top(s.parentElement);
      const lineEl = lines.get(rowTop);
      const lineText = lineEl?.textContent || '';
      // Map the decoration's horizontal extent to characters through the rendered spans.
      let text = '';
      if (lineEl) {
        const sl = /** @type {HTMLElement} */ (s);
        const left = parseFloat(sl.style.left) || 0;
        const width = parseFloat(sl.style.width) || 0;
        const base = lineEl.getBoundingClientRect().left;
        const range = document.createRange();
        const walker = document.createTreeWalker(lineEl, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (let i = 0; i < (n.textContent || '').length; i++) {
            range.setStart(n, i); range.setEnd(n, i + 1);
            const r = range.getBoundingClientRect();
            const mid = r.left + r.width / 2 - base;
            if (mid >= left && mid <= left + width) text += (n.textContent || '')[i];
          }
        }
      }
      out.push({ severity: m[1], line: Number(lineNumbers.get(rowTop)) || 0, lineText, text });
    }
    return out.sort((a, b) => a.line - b.line);
  });
  return found.map((s) => ({ ...s, severity: /** @type {Squiggle['severity']} */ (s.severity), lineText: normalizeText(s.lineText), text: normalizeText(s.text) }));
}

/**
 * The rows of the Problems panel (Ctrl+Shift+M opens it), as their accessible labels
 * (message, source, line and column).
 * @param {Page} page
 * @returns {Promise<string[]>}
 */
export async function readProblems(page) {
  if (!(await page.locator('.markers-panel').isVisible().catch(() => false))) {
    await focusWorkbench(page);
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor();
  }
  const rows = page.locator('.markers-panel .monaco-list-row');
  return (await rows.evaluateAll((els) => els.map((r) => r.getAttribute('aria-label') || r.textContent || ''))).map(normalizeText);
}

/**
 * Save a PNG of the whole window.
 * @param {Page} page
 * @param {string} file
 */
export async function screenshot(page, file) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  await page.screenshot({ path: file });
  return file;
}

/**
 * The checks of one UI script: `check` logs each outcome and keeps the failed ones in `failures`,
 * which decides the script's exit code.
 */
export function checklist() {
  /** @type {string[]} */
  const failures = [];
  /** @param {boolean} ok @param {string} what */
  const check = (ok, what) => {
    log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
    if (!ok) failures.push(what);
  };
  return { failures, check };
}
