#!/usr/bin/env node
// @ts-check
/**
 * The report page itself (media/report.js + report.css) in Chromium, without VS Code: the webview
 * API is stubbed, the page gets the panel's Content-Security-Policy, and the data is built by the
 * real core (src/core/report/model.ts over engine output). Checks what the full UI run cannot
 * reach cheaply: the empty and disabled states, filters, that file content is rendered as text
 * only, that nothing violates the CSP, and the messages the page sends back.
 *
 *   node --import tsx test/integration/ui/report-page.ui.mjs
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, cleanup, launchBrowser, log, makeRunDir, removeRunDir } from '../harness/code-server.mjs';
import { analyze } from '../../../src/core/index.ts';
import { buildReportModel } from '../../../src/core/report/model.ts';

const ORIGIN = 'https://webview.test';
const NONCE = 'b2f1c0de5e7a4d2f9a1b3c4d5e6f7a8b';
// The panel's policy (src/vscode/report/panel.ts), with ORIGIN standing for webview.cspSource.
const CSP = `default-src 'none'; style-src ${ORIGIN}; script-src 'nonce-${NONCE}'; img-src ${ORIGIN} data:;`;
const HTML = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<link rel="stylesheet" href="${ORIGIN}/media/report.css"><title>report</title></head>
<body><main id="app"></main><script nonce="${NONCE}" src="${ORIGIN}/media/report.js"></script></body></html>`;

const FAKE_PASSWORD = ['Zq8v', 'N3xL', 'p0Rt', '7WmK'].join(''); // fake
const COMPOSE = `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${FAKE_PASSWORD}\n      API_URL: http://api.partner-payments.io/v1\n      CACHE_URL: http://cache:6379\n`;
const HOSTILE_PATH = 'odd/<img src=x onerror="window.__xss=1">.yml';

function model() {
  const result = analyze(COMPOSE, { path: 'docker-compose.yml' });
  const hostile = analyze('api:\n  endpoint: http://api.partner-payments.io/v1\n', { path: HOSTILE_PATH });
  return buildReportModel([
    { id: 'file:///w/docker-compose.yml', path: 'docker-compose.yml', kind: result.kind, findings: result.findings },
    { id: 'file:///w/odd.yml', path: HOSTILE_PATH, kind: hostile.kind, findings: hostile.findings },
    { id: 'file:///w/clean.yml', path: 'clean.yml', kind: 'yaml', findings: [] },
  ]);
}

/** @param {import('playwright-core').BrowserContext} context @param {unknown} state */
async function openPage(context, state) {
  const page = await context.newPage();
  /** @type {string[]} */
  const violations = [];
  page.on('console', (m) => {
    if (m.type() === 'error') violations.push(m.text());
  });
  await page.route(`${ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: HTML });
    const file = path.join(REPO_ROOT, url.pathname);
    if (!url.pathname.startsWith('/media/') || !fs.existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: fs.readFileSync(file) });
  });
  await page.addInitScript((initial) => {
    const w = /** @type {any} */ (window);
    w.__posted = [];
    w.__state = initial;
    document.addEventListener('securitypolicyviolation', (e) => (w.__csp = (w.__csp || []).concat(`${e.violatedDirective}: ${e.blockedURI}`)));
    w.acquireVsCodeApi = () => ({
      postMessage: (m) => w.__posted.push(m),
      getState: () => w.__state,
      setState: (s) => (w.__state = s),
    });
  }, state);
  await page.goto(`${ORIGIN}/`);
  await page.waitForFunction(() => /** @type {any} */ (window).__posted.some((m) => m.type === 'ready'));
  return { page, violations };
}

/** @param {import('playwright-core').Page} page @param {object} update */
async function send(page, update) {
  await page.evaluate((u) => window.postMessage({ type: 'update', ...u }, '*'), update);
}

const posted = (/** @type {import('playwright-core').Page} */ page) => page.evaluate(() => /** @type {any} */ (window).__posted);

async function main() {
  const runDir = makeRunDir('ps-page-');
  let ok = false;
  try {
    const { context } = await launchBrowser({ runDir });
    const m = model();
    assert.ok(m.total >= 3, `the fixture yields findings (${m.total})`);
    const complete = { state: 'complete', done: 3, total: 3 };

    // ---- full report ----
    const { page, violations } = await openPage(context, undefined);
    await send(page, { model: m, status: complete, enabled: true, hasWorkspace: true });
    await page.locator('#count-total', { hasText: String(m.total) }).waitFor();
    assert.equal(await page.locator('#count-error').textContent(), String(m.bySeverity.error));
    assert.equal(await page.locator('#count-warning').textContent(), String(m.bySeverity.warning));
    assert.equal(await page.locator('#count-info').textContent(), String(m.bySeverity.info));
    assert.equal(await page.locator('#findings tbody tr').count(), m.total);
    assert.equal(await page.locator('#chart rect.seg').count(), Object.values(m.byCategory).flatMap((c) => Object.values(c)).filter((n) => n > 0).length, 'one chart segment per non-empty category and severity');
    assert.equal(await page.locator('#top-rules li').count(), m.topRules.length);
    assert.equal(await page.locator('#top-files li').count(), m.topFiles.length);
    log('ok   totals, rows, chart and top lists render');

    // File content is text: the hostile path shows literally and creates no element.
    const body = await page.locator('body').innerText();
    assert.ok(body.includes(HOSTILE_PATH), 'the hostile path is shown as text');
    assert.equal(await page.locator('#app img').count(), 0, 'no element injected from file content');
    assert.equal(await page.evaluate(() => /** @type {any} */ (window).__xss), undefined);
    assert.ok(!body.includes(FAKE_PASSWORD), 'no secret value whole');
    log('ok   file content is rendered as text; no secret shown');

    // Filters, and their state kept for the next load.
    await page.selectOption('#filter-severity', 'error');
    assert.equal(await page.locator('#findings tbody tr').count(), m.bySeverity.error);
    await page.selectOption('#filter-severity', '');
    await page.fill('#filter-text', 'partner-payments');
    const byText = m.rows.filter((r) => [r.ruleId, r.ruleTitle, r.path, r.message, r.excerpt].some((v) => v.toLowerCase().includes('partner-payments'))).length;
    assert.ok(byText > 0 && byText < m.total);
    assert.equal(await page.locator('#findings tbody tr').count(), byText);
    await page.fill('#filter-text', '');
    await page.selectOption('#filter-file', HOSTILE_PATH);
    assert.equal(await page.locator('#findings tbody tr').count(), m.rows.filter((r) => r.path === HOSTILE_PATH).length);
    await page.click('#filter-clear');
    assert.equal(await page.locator('#findings tbody tr').count(), m.total);
    await page.locator('#top-rules button').first().click();
    assert.equal(await page.locator('#findings tbody tr').count(), m.topRules[0].count, 'a top rule filters the table');
    const saved = await page.evaluate(() => /** @type {any} */ (window).__state);
    assert.equal(saved.filters.rule, m.topRules[0].ruleId, 'filters are saved in the webview state');
    await page.click('#filter-clear');
    log('ok   filters (severity, text, file, rule from the top list, clear) and saved state');

    // Messages back: a row click opens, a fix button applies fix N, export buttons name a format.
    const withFix = m.rows.find((r) => r.fixes.length > 0);
    assert.ok(withFix, 'a finding with a fix');
    await page.locator(`#findings tbody tr[data-key="${withFix.key}"] td.location a`).click();
    await page.locator(`#findings tbody tr[data-key="${withFix.key}"] button[data-fix="0"]`).click();
    await page.click('button[data-export="sarif"]');
    await page.click('#rescan');
    const sent = (await posted(page)).filter((/** @type {{ type: string }} */ x) => x.type !== 'ready');
    assert.deepEqual(sent, [
      { type: 'open', key: withFix.key },
      { type: 'fix', key: withFix.key, index: 0 },
      { type: 'export', format: 'sarif' },
      { type: 'scan' },
    ]);
    log('ok   open, fix, export and rescan messages carry row keys, indexes and formats only');

    // Partial results after a cancelled scan are said so.
    await send(page, { model: m, status: { state: 'cancelled', done: 2, total: 3 }, enabled: true, hasWorkspace: true });
    await page.locator('#notice', { hasText: 'cancelled after 2 of 3 files' }).waitFor();
    log('ok   a cancelled scan is announced as partial');

    // ---- empty and disabled states ----
    const empty = buildReportModel([{ id: 'a', path: 'a.yml', kind: 'yaml', findings: [] }, { id: 'b', path: 'b.yml', kind: 'yaml', findings: [] }]);
    await send(page, { model: empty, status: { state: 'complete', done: 2, total: 2 }, enabled: true, hasWorkspace: true });
    await page.locator('#empty', { hasText: 'Plainsight scanned 2 files and found nothing to report' }).waitFor();
    assert.ok(await page.locator('#content').isHidden());
    await send(page, { model: empty, status: { state: 'idle', done: 0, total: 0 }, enabled: false, hasWorkspace: true });
    await page.locator('#empty', { hasText: 'Plainsight is disabled' }).waitFor();
    log('ok   empty state (files scanned, nothing found) and disabled state');

    // A reload (the panel is not retained when hidden) restores the saved filters.
    const again = await openPage(context, { filters: { category: '', severity: 'warning', rule: '', file: '', text: '' } });
    await send(again.page, { model: m, status: complete, enabled: true, hasWorkspace: true });
    await again.page.locator('#count-total', { hasText: String(m.total) }).waitFor();
    assert.equal(await again.page.locator('#filter-severity').inputValue(), 'warning');
    assert.equal(await again.page.locator('#findings tbody tr').count(), m.bySeverity.warning);
    log('ok   a reloaded page restores its filters');

    const csp = [...((await page.evaluate(() => /** @type {any} */ (window).__csp)) || []), ...((await again.page.evaluate(() => /** @type {any} */ (window).__csp)) || [])];
    assert.deepEqual(csp, [], `CSP violations: ${csp.join('; ')}`);
    assert.deepEqual([...violations, ...again.violations], [], 'no console errors');
    log('ok   no CSP violation, no console error');
    ok = true;
  } finally {
    await cleanup();
    if (ok) removeRunDir(runDir);
    else log(`kept ${runDir}`);
  }
  log('report page: passed');
}

main().catch((e) => {
  log(`report page: FAILED: ${e instanceof Error ? e.stack : e}`);
  process.exitCode = 1;
});
