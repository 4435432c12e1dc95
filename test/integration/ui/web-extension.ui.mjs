#!/usr/bin/env node
// @ts-check
/**
 * The web extension (package.json `browser`: dist/web/extension.js) in a real web worker extension
 * host: code-server's workbench in Chromium, the host vscode.dev and github.dev use too.
 *
 * code-server has a remote (Node) extension host, and an extension with both `main` and `browser`
 * runs there by default (its deduced kind is ["workspace", "web"]). The user setting
 * `remote.extensionKind: { "plainsight.plainsight": ["web"] }` makes the workbench pick the web
 * worker host instead (VS Code 1.139 accepts "web" there although the setting's schema lists only
 * "ui" and "workspace"); the worker then loads `browser` from the server, `main` is never loaded.
 *
 * Checks: a compose file with a fake GitHub token gets its diagnostic (squiggle and Problems row);
 * its severity is the one a `.plainsight.json` in the workspace sets, so the project-file lookup
 * through `vscode.workspace.fs` works in the worker; no rule reports an internal error;
 * "Developer: Show Running Extensions" labels Plainsight "web worker"; the remote (Node) extension
 * host did not activate it.
 *
 *   npm run build && node test/integration/ui/web-extension.ui.mjs [--keep]     (npm run test:web)
 *
 * Screenshots: test-results/web-extension.png (editor and Problems panel) and
 * test-results/web-extension-running.png (Running Extensions). Exit code 0 when every check
 * passed, 1 when one failed, 2 when tools or the build are missing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT, log, missingTools, runDirs } from '../harness/code-server.mjs';
import { checklist, normalizeText, openFile, openWorkbench, readProblems, readSquiggles, runCommand, screenshot } from '../harness/ui.mjs';

const RESULTS = path.join(REPO_ROOT, 'test-results');
const FILE = 'docker-compose.yml';
// Fake, assembled at run time so the repository holds no token-shaped string.
const FAKE_TOKEN = ['ghp', 'Wb7kQ2mZ9xR4tL8vN1cF6hJ3pS5dG0aYe2Uq'].join('_');
const RULE = 'secret/github-pat-classic';
const keep = process.argv.includes('--keep');
const { failures, check } = checklist();

/** A workspace with one compose file holding the token, and a project file that lowers its rule to a warning. */
function prepareWorkspace() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-web-fixture-'));
  fs.writeFileSync(path.join(dir, FILE), `services:\n  app:\n    image: node:20\n    environment:\n      GITHUB_TOKEN: "${FAKE_TOKEN}"\n`);
  fs.writeFileSync(path.join(dir, '.plainsight.json'), `${JSON.stringify({ rules: { [RULE]: 'warning' } }, null, 2)}\n`);
  return dir;
}

/**
 * The text of every row of the Running Extensions editor. The list is virtualized (only the rows
 * in view exist), so it is scrolled with the mouse wheel until no new row appears.
 * @param {import('playwright-core').Page} page
 */
async function runningExtensionRows(page) {
  const list = page.locator('.runtime-extensions-editor .monaco-list').first();
  await list.locator('.monaco-list-row').first().waitFor({ timeout: 30_000 });
  const box = await list.boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  /** @type {Map<string, string>} */
  const rows = new Map();
  for (let stale = 0; stale < 3;) {
    const seen = await list.locator('.monaco-list-row').evaluateAll((els) => els.map((r) => [r.getAttribute('data-index') || '', r.textContent || '']));
    const before = rows.size;
    for (const [index, text] of seen) rows.set(index, normalizeText(text));
    stale = rows.size === before ? stale + 1 : 0;
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(200);
  }
  return [...rows.values()];
}

async function main() {
  const missing = missingTools();
  if (missing.length) {
    console.error(`missing tools: ${missing.join(', ')}: run \`bash .ci/install-tools.sh\``);
    return 2;
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'web', 'extension.js'))) {
    console.error('dist/web/extension.js is missing: run `npm run build` first');
    return 2;
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const id = `${pkg.publisher}.${pkg.name}`;
  const fixture = prepareWorkspace();
  const ui = await openWorkbench({
    workspace: fixture,
    settings: { 'remote.extensionKind': { [id]: ['web'] }, 'workbench.colorTheme': 'Default Light Modern', 'editor.minimap.enabled': false },
    viewport: { width: 1280, height: 720 },
  }).catch((error) => {
    fs.rmSync(fixture, { recursive: true, force: true });
    throw error;
  });
  const { page } = ui;
  try {
    // Quick Open lists files once the server's file search answers, slow on a busy machine.
    for (let attempt = 1; ; attempt++) {
      try {
        await openFile(page, FILE);
        break;
      } catch (error) {
        if (attempt === 4) throw error;
        log(`open ${FILE}: ${/** @type {Error} */ (error).message}; retrying`);
      }
    }
    // The worker starts after the workbench is restored; on a busy machine that takes a while.
    let squiggles = await readSquiggles(page, { wait: true, timeoutMs: 90_000 });
    log(`first squiggles: ${JSON.stringify(squiggles.map((s) => [s.severity, s.line, s.text]))}`);
    // The first diagnostic can land before the project file is read (seen here: the default
    // severity, error, for a second or two); give the file's severity time to apply.
    const findToken = () => squiggles.find((s) => s.text.includes(FAKE_TOKEN));
    for (const until = Date.now() + 30_000; findToken()?.severity !== 'warning' && Date.now() < until;) {
      await page.waitForTimeout(500);
      squiggles = await readSquiggles(page);
    }
    log(`squiggles: ${JSON.stringify(squiggles.map((s) => [s.severity, s.line, s.text]))}`);
    const token = findToken();
    check(!!token && token.line === 5, 'the fake GitHub token on line 5 is squiggled');
    check(token?.severity === 'warning', `its severity is the .plainsight.json one, warning (got ${token?.severity}): the project file was read through vscode.workspace.fs`);
    const problems = await readProblems(page);
    log(`problems: ${JSON.stringify(problems)}`);
    check(problems.some((p) => /^Warning: GitHub personal access token \(classic\) is hardcoded here\..*generated by Plainsight/.test(p)), 'the Problems panel lists the token as a Plainsight warning');
    // A rule that throws is reported as an info "internal error in <rule>" instead of stopping the
    // analysis; in the worker that is how a Node-only assumption in the core would show.
    const crashed = problems.filter((p) => /internal error in /.test(p));
    check(crashed.length === 0, `no rule failed in the web worker${crashed.length ? `: ${crashed.join(' | ')}` : ''}`);
    await page.waitForTimeout(300);
    await screenshot(page, path.join(RESULTS, 'web-extension.png'));

    await runCommand(page, 'Developer: Show Running Extensions');
    const rows = await runningExtensionRows(page);
    const ours = rows.find((r) => r.startsWith(pkg.displayName));
    log(`running extensions: ${rows.length}; ${pkg.displayName}: ${JSON.stringify(ours)}`);
    check(!!ours && /web worker/.test(ours), `Running Extensions shows ${pkg.displayName} in the web worker host`);
    const row = page.locator('.runtime-extensions-editor .monaco-list-row', { hasText: pkg.displayName });
    if (await row.count()) await row.first().scrollIntoViewIfNeeded();
    await screenshot(page, path.join(RESULTS, 'web-extension-running.png'));

    // The Node host logs each extension it activates ("ExtensionService#_doActivateExtension
    // vscode.git, ..."); it activated built-in ones, and Plainsight must not be among them.
    const logs = path.join(runDirs(ui.runDir).userData, 'logs');
    const remoteHostLog = fs.readdirSync(logs, { recursive: true, encoding: 'utf8' })
      .filter((f) => path.basename(f) === 'remoteexthost.log')
      .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
      .join('\n');
    const activated = [...remoteHostLog.matchAll(/_doActivateExtension (\S+?),/g)].map((m) => m[1]);
    log(`activated in the remote extension host: ${activated.join(' ')}`);
    check(activated.length > 0 && !activated.includes(id), `the remote (Node) extension host activated ${activated.length} extensions, ${id} not among them`);
  } catch (error) {
    failures.push(`harness: ${/** @type {Error} */ (error).message}`);
    log(/** @type {Error} */ (error).stack ?? String(error));
    await screenshot(page, path.join(ui.runDir, 'error.png')).catch(() => {});
  } finally {
    await ui.close({ keep: keep || failures.length > 0 });
    fs.rmSync(fixture, { recursive: true, force: true });
  }
  log(failures.length ? `web extension: ${failures.length} check(s) failed` : 'web extension: all checks passed');
  return failures.length ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (error) => {
  log(`error: ${error instanceof Error ? error.stack : error}`);
  process.exitCode = 1;
});
