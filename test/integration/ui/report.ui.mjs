#!/usr/bin/env node
// @ts-check
/**
 * The security report, driven like a person in a real VS Code (code-server + Chromium, Plainsight
 * installed from the built folder): run "Plainsight: Show Security Report" from the command
 * palette, check the totals it shows against the CLI's JSON report of the same workspace (minus the
 * workspace's exclude settings, which only the editor knows), take screenshots in a light and a
 * dark theme, click a row and check the editor opens the right file at the right line, apply a fix
 * from the report and check the file changes and the totals follow.
 *
 *   npm run build && node test/integration/ui/report.ui.mjs [--keep]
 *
 * Screenshots: media/screenshots/report-light.png and report-dark.png (kept out of the .vsix by
 * .vscodeignore). Exit code 0 when every check passed, 1 otherwise.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { REPO_ROOT, log, missingTools } from '../harness/code-server.mjs';
import { checklist, openWorkbench, runCommand, WORKSPACE_FIXTURE } from '../harness/ui.mjs';

const require = createRequire(path.join(REPO_ROOT, 'package.json'));
const { parse: parseJsonc } = require('jsonc-parser');

const SHOTS = path.join(REPO_ROOT, 'media', 'screenshots');
const LIGHT = 'Default Light Modern';
const DARK = 'Default Dark Modern';
/** A file the fixture's .gitignore matches; made here because git would not commit it. */
const IGNORED_FILE = 'services/api/secrets.local.env';
const MAX_SCREENSHOT_BYTES = 150 * 1024;

const keep = process.argv.includes('--keep');
const { failures, check } = checklist();

/** @param {() => Promise<void>} action @param {number} attempts */
async function retry(action, attempts) {
  for (let i = 1; ; i++) {
    try {
      return await action();
    } catch (e) {
      if (i >= attempts) throw e;
      log(`attempt ${i} failed (${e instanceof Error ? e.message : e}); trying again`);
      await new Promise((r) => setTimeout(r, 5000));
    }
  }
}

/** The fixture copy this run opens: the repository's fixture plus a git-ignored file. */
function prepareWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-ui-fixture-'));
  fs.cpSync(WORKSPACE_FIXTURE, dir, { recursive: true });
  fs.writeFileSync(path.join(dir, IGNORED_FILE), `# git-ignored: never in the report. FAKE value\nDB_PASSWORD=${['Jx5', 'mock', 'Vb8n', 'Rt2k'].join('-')}\n`);
  return dir;
}

/**
 * What the report should show, computed without the extension: the CLI's JSON report (same
 * config-like files, same .gitignore handling, same core) minus the folders the workspace's
 * `files.exclude` and `search.exclude` hide (the fixture uses `folder/**` globs only).
 * @param {string} dir
 */
function expectedReport(dir) {
  const out = execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'cli.js'), 'scan', '.', '--format', 'json', '--fail-on', 'none'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const report = JSON.parse(out);
  const settings = parseJsonc(fs.readFileSync(path.join(dir, '.vscode', 'settings.json'), 'utf8'));
  const globs = [...Object.keys(settings['files.exclude'] || {}), ...Object.keys(settings['search.exclude'] || {})];
  for (const g of globs) if (!/^[\w-]+\/\*\*$/.test(g)) throw new Error(`this test understands folder globs only, not ${g}`);
  const excluded = globs.map((g) => g.slice(0, -2));
  const kept = (/** @type {string} */ p) => !excluded.some((folder) => p.startsWith(folder));
  /** @type {{ path: string, ruleId: string, category: string, severity: 'error' | 'warning' | 'info', range: { startLine: number, startColumn: number, endLine: number, endColumn: number } }[]} */
  const findings = report.findings.filter((/** @type {{ path: string }} */ f) => kept(f.path));
  const count = (/** @type {string} */ sev) => findings.filter((f) => f.severity === sev).length;
  // The raw values behind secret findings (1-based columns, end exclusive): the page must not show them.
  const secrets = findings
    .filter((f) => f.category === 'secret' && f.range.startLine === f.range.endLine)
    .map((f) => fs.readFileSync(path.join(dir, f.path), 'utf8').split(/\r?\n/)[f.range.startLine - 1].slice(f.range.startColumn - 1, f.range.endColumn - 1));
  return { findings, secrets, total: findings.length, error: count('error'), warning: count('warning'), info: count('info') };
}

/**
 * Switch to the dark theme the way a person does: "Preferences: Color Theme", then pick it. The
 * picker labels it "Dark Modern" in recent VS Code and "Default Dark Modern" (its settings id) in
 * older ones.
 * @param {import('playwright-core').Page} page
 */
async function switchToDark(page) {
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill('Dark Modern');
  const labels = [DARK, 'Dark Modern'];
  const rows = page.locator('.quick-input-list .monaco-list-row');
  const deadline = Date.now() + 15_000;
  for (;;) {
    const names = (await rows.locator('.label-name').allTextContents()).map((t) => t.replace(/\u00a0/g, ' ').trim());
    const index = names.findIndex((n) => labels.includes(n));
    if (index >= 0) {
      await rows.nth(index).click();
      break;
    }
    if (Date.now() > deadline) throw new Error(`no dark theme offered: ${JSON.stringify(names)}`);
    await page.waitForTimeout(200);
  }
  await page.waitForFunction(() => document.querySelector('.monaco-workbench')?.classList.contains('vs-dark'), null, { timeout: 20_000 });
  await page.waitForTimeout(800); // the webview restyles from the new theme variables
}

/** @param {import('playwright-core').Page} page @param {string} file */
async function shoot(page, file) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // The editor area only (the report), not the whole window: smaller and to the point.
  const box = await page.locator('.part.editor').boundingBox();
  await page.screenshot({ path: file, clip: box || undefined });
  const size = fs.statSync(file).size;
  log(`screenshot ${path.relative(REPO_ROOT, file)} (${Math.round(size / 1024)} KB)`);
  check(size <= MAX_SCREENSHOT_BYTES, `${path.basename(file)} is at most ${MAX_SCREENSHOT_BYTES / 1024} KB`);
}

async function main() {
  const missing = missingTools();
  if (missing.length) throw new Error(`missing tools: ${missing.join(', ')}; run \`bash .ci/install-tools.sh\``);
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js')) || !fs.existsSync(path.join(REPO_ROOT, 'dist', 'cli.js'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  const fixture = prepareWorkspace();
  const want = expectedReport(fixture);
  log(`expected: ${want.total} findings (${want.error} errors, ${want.warning} warnings, ${want.info} info)`);
  if (want.total === 0 || !want.findings.some((f) => f.ruleId === 'transport/tls-verify-disabled')) throw new Error('the fixture lost the findings this test needs');

  const ui = await openWorkbench({ workspace: fixture, settings: { 'workbench.colorTheme': LIGHT }, viewport: { width: 1280, height: 860 } });
  let passed = false;
  try {
    const { page } = ui;
    // The palette lists an extension's commands once its host has registered them, which can take
    // a while after the workbench is restored on a busy machine: try again rather than fail.
    await retry(() => runCommand(page, 'Plainsight: Show Security Report'), 4);
    const report = page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
    await report.locator('#status[data-state="complete"]').waitFor({ timeout: 60_000 });
    const light = await page.evaluate(() => document.querySelector('.monaco-workbench')?.classList.contains('vs'));
    check(!!light, `the workbench starts in a light theme (${LIGHT} from the user settings)`);
    // The scan reports progressively; give the last update time to land.
    await report.locator('#count-total').filter({ hasText: String(want.total) }).waitFor({ timeout: 10_000 }).catch(() => {});

    const shown = {
      total: Number(await report.locator('#count-total').textContent()),
      error: Number(await report.locator('#count-error').textContent()),
      warning: Number(await report.locator('#count-warning').textContent()),
      info: Number(await report.locator('#count-info').textContent()),
    };
    log(`shown:    ${JSON.stringify(shown)}`);
    check(JSON.stringify(shown) === JSON.stringify({ total: want.total, error: want.error, warning: want.warning, info: want.info }), 'the totals shown equal the expected ones');
    const rows = report.locator('#findings tbody tr');
    check((await rows.count()) === want.total, `the table has one row per finding (${await rows.count()})`);
    const paths = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-path')));
    check(!paths.includes(IGNORED_FILE), 'the git-ignored file is not in the report');
    check(!paths.some((p) => p?.startsWith('legacy/') || p?.startsWith('generated/')), 'excluded folders are not in the report');
    const pageText = await report.locator('body').innerText();
    check(want.secrets.length >= 2 && want.secrets.every((secret) => secret.length >= 8 && !pageText.includes(secret)), `no secret value appears whole in the report (${want.secrets.length} checked)`);
    const statusBar = page.locator('.statusbar-item', { has: page.locator('.codicon-shield') });
    const statusText = ((await statusBar.first().textContent().catch(() => '')) || '').trim();
    check(statusText === String(want.total), `the status bar item shows ${want.total} (got "${statusText}")`);

    // Screenshots for the README, in both themes, with the report using the whole window width.
    await runCommand(page, 'View: Toggle Primary Side Bar Visibility');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden' }).catch(() => {});
    await shoot(page, path.join(SHOTS, 'report-light.png'));
    await switchToDark(page);
    await shoot(page, path.join(SHOTS, 'report-dark.png'));

    // A click on a row opens its file at its line.
    const target = want.findings.find((f) => f.ruleId === 'transport/tls-verify-disabled');
    if (!target) throw new Error('unreachable');
    const row = report.locator(`#findings tbody tr[data-path="${target.path}"][data-line="${target.range.startLine}"]`);
    await row.locator('td.location a').click();
    const name = path.posix.basename(target.path);
    const tab = await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: 15_000 }).then(() => true, () => false);
    check(tab, `clicking the row opens ${target.path}`);
    const selection = page.locator('[id="status.editor.selection"]');
    const position = await selection.textContent({ timeout: 10_000 }).catch(() => '');
    check(new RegExp(`Ln ${target.range.startLine},`).test(position || ''), `the editor is at line ${target.range.startLine} (status bar: "${position}")`);

    // A fix button applies the fix to the file, and the report follows the change.
    const fix = row.locator('button[data-fix="0"]');
    check((await fix.count()) === 1, 'the row offers its fix');
    await fix.click();
    const fixed = await page
      .locator('.editor-group-container .monaco-editor .view-line', { hasText: 'verify_ssl: true' })
      .first()
      .waitFor({ timeout: 15_000 })
      .then(() => true, () => false);
    check(fixed, 'the fix changed verify_ssl: false to true in the editor');
    const after = await report
      .locator('#count-total')
      .filter({ hasText: new RegExp(`^${want.total - 1}$`) })
      .waitFor({ timeout: 15_000 })
      .then(() => true, () => false);
    check(after, `the report now counts ${want.total - 1} findings`);
    passed = failures.length === 0;
  } catch (e) {
    failures.push(String(e instanceof Error ? e.message : e));
    await ui.page.screenshot({ path: path.join(ui.runDir, 'failure.png') }).catch(() => {});
    log(`error: ${e instanceof Error ? e.stack : e}; screenshot ${path.join(ui.runDir, 'failure.png')}`);
  } finally {
    await ui.close({ keep: keep || !passed });
    fs.rmSync(fixture, { recursive: true, force: true });
  }
  log(`report UI: ${passed ? 'passed' : `FAILED (${failures.length}): ${failures.join('; ')}`}`);
  process.exitCode = passed ? 0 : 1;
}

main().catch((e) => {
  log(`error: ${e instanceof Error ? e.stack : e}`);
  process.exitCode = 1;
});
