#!/usr/bin/env node
// @ts-check
/**
 * Diagnostics, quick fixes and the project configuration file, driven like a person in a real
 * VS Code (code-server + Chromium, Plainsight installed from the built folder): open a compose
 * file, check its squiggles and the Problems panel, open the quick fix menu on the password, then
 * write a `.plainsight.json` that turns the password rule off and check its squiggle goes away
 * (the file is watched), and that a mistyped rule id in it is underlined with a suggestion.
 *
 *   npm run build && node test/integration/ui/screenshots.ui.mjs [--keep]
 *
 * Screenshots for the README: test/integration/screenshots/diagnostics.png and quickfix.png (not
 * shipped: outside media/). Exit code 0 when every check passed, 1 otherwise.
 */
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, log, missingTools } from '../harness/code-server.mjs';
import { checklist, openFile, openWorkbench, readProblems, readSquiggles, screenshot } from '../harness/ui.mjs';

const SHOTS = path.join(REPO_ROOT, 'test', 'integration', 'screenshots');
const FILE = 'deploy/docker-compose.yml';
const keep = process.argv.includes('--keep');
const { failures, check } = checklist();

async function main() {
  const missing = missingTools();
  if (missing.length) {
    console.error(`missing tools: ${missing.join(', ')}: run \`bash .ci/install-tools.sh\``);
    return 2;
  }
  const ui = await openWorkbench({ settings: { 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false }, viewport: { width: 1280, height: 720 } });
  const { page } = ui;
  try {
    await openWithRetry(page, FILE);
    const squiggles = await readSquiggles(page, { wait: true });
    log(`squiggles: ${JSON.stringify(squiggles.map((s) => [s.severity, s.line, s.text]))}`);
    const password = squiggles.find((s) => /POSTGRES_PASSWORD/.test(s.lineText));
    check(!!password && password.severity === 'error', 'the hardcoded POSTGRES_PASSWORD is squiggled as an error');
    const problems = await readProblems(page);
    check(problems.some((p) => /Hardcoded password/.test(p)), 'the Problems panel lists the hardcoded password');
    await page.waitForTimeout(500);
    await screenshot(page, path.join(SHOTS, 'diagnostics.png'));

    // Put the cursor on the password squiggle and open the quick fix menu (Ctrl+.).
    const editor = page.locator('.editor-group-container.active .monaco-editor').first();
    await editor.locator('.view-overlays .squiggly-error').first().click({ force: true });
    await editor.locator('.view-lines').first().click({ position: await squiggleCentre(page) });
    await page.keyboard.press('Control+.');
    const rows = page.locator('.action-widget .monaco-list-row');
    await rows.first().waitFor({ timeout: 15_000 });
    const actions = (await rows.allTextContents()).map((t) => t.replace(/\u00a0/g, ' '));
    log(`quick fixes: ${JSON.stringify(actions)}`);
    check(actions.some((a) => /environment variable/i.test(a)), 'a quick fix moves the value to an environment variable');
    check(actions.some((a) => /^Ignore/i.test(a) || /Ignore .* on this line/i.test(a)), 'a quick fix adds an ignore comment');
    await screenshot(page, path.join(SHOTS, 'quickfix.png'));
    await page.keyboard.press('Escape');

    // A project config file turns the rule off: the squiggle goes (the file is watched).
    fs.writeFileSync(path.join(ui.workspace, '.plainsight.json'), '{ "rules": { "secret/generic-password": "off" } }\n');
    const gone = await waitFor(async () => !(await readSquiggles(page)).some((s) => /POSTGRES_PASSWORD/.test(s.lineText)), 15_000);
    check(gone, '.plainsight.json turning secret/generic-password off removes the squiggle');
    // A mistyped rule id is an error on the config file itself, with the closest id suggested.
    fs.writeFileSync(path.join(ui.workspace, '.plainsight.json'), '{ "rules": { "secret/generic-pasword": "off" } }\n');
    await openWithRetry(page, '.plainsight.json');
    const typo = await waitFor(async () => (await readProblems(page)).some((p) => /did you mean 'secret\/generic-password'/.test(p)), 15_000);
    check(typo, 'a mistyped rule id in .plainsight.json is reported with a suggestion');
  } catch (error) {
    failures.push(`harness: ${/** @type {Error} */ (error).message}`);
    log(/** @type {Error} */ (error).stack ?? String(error));
    await screenshot(page, path.join(ui.runDir, 'error.png')).catch(() => {});
  } finally {
    await ui.close({ keep: keep || failures.length > 0 });
  }
  log(failures.length ? `${failures.length} check(s) failed` : 'all checks passed');
  return failures.length ? 1 : 0;
}

/** Where the first error squiggle is, relative to the editor's text area. @param {import('playwright-core').Page} page */
async function squiggleCentre(page) {
  return page.locator('.editor-group-container.active .monaco-editor').first().evaluate((root) => {
    const squiggle = /** @type {HTMLElement} */ (root.querySelector('.view-overlays .squiggly-error'));
    const lines = /** @type {HTMLElement} */ (root.querySelector('.view-lines'));
    const s = squiggle.getBoundingClientRect();
    const l = lines.getBoundingClientRect();
    return { x: s.left - l.left + Math.min(20, s.width / 2), y: s.top - l.top + s.height / 2 };
  });
}

/** Quick Open needs the file search ready, which takes a while on a busy machine. @param {import('playwright-core').Page} page @param {string} file */
async function openWithRetry(page, file) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await openFile(page, file);
    } catch (error) {
      if (attempt === 4) throw error;
      log(`open ${file}: ${/** @type {Error} */ (error).message}; retrying`);
    }
  }
}

/** @param {() => Promise<boolean>} condition @param {number} timeoutMs */
async function waitFor(condition, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await condition()) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

main().then((code) => process.exit(code), (error) => {
  console.error(error);
  process.exit(2);
});
