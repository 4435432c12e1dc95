// The security report page (webview). Renders what the extension posts: a ReportUpdate built by
// src/core/report/model.ts (masked values only). Everything from files is inserted as text
// (textContent), never as markup; the chart is SVG made here, nothing is fetched. Messages back to
// the extension carry row keys and fix indexes only. Filters survive hiding through the state API.
// @ts-check
(function () {
  'use strict';
  // @ts-ignore: provided by the webview host
  const vscode = acquireVsCodeApi();
  const SVG = 'http://www.w3.org/2000/svg';
  const SEVERITIES = ['error', 'warning', 'info'];
  const CATEGORIES = ['secret', 'scope', 'transport'];
  const PAGE = 200;

  /** @type {{ category: string, severity: string, rule: string, file: string, text: string }} */
  const filters = Object.assign({ category: '', severity: '', rule: '', file: '', text: '' }, (vscode.getState() || {}).filters);
  /** @type {any} the last ReportUpdate */
  let update = null;
  let limit = PAGE;

  // ---- tiny DOM helpers (text only, never innerHTML) ----
  /**
   * @param {string} tag
   * @param {Record<string, string | number | boolean | undefined>} [attrs]
   * @param {...(Node | string | null | undefined)} children
   */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === false) continue;
      if (k === 'text') el.textContent = String(v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c !== null && c !== undefined) el.append(c);
    return el;
  }
  /** @param {string} tag @param {Record<string, string | number>} attrs */
  function s(tag, attrs) {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    return el;
  }
  const plural = (/** @type {number} */ n, /** @type {string} */ word) => `${n} ${word}${n === 1 ? '' : 's'}`;

  // ---- the page skeleton, built once ----
  const app = /** @type {HTMLElement} */ (document.getElementById('app'));
  app.textContent = '';
  app.removeAttribute('aria-busy');

  const status = h('p', { id: 'status', class: 'muted', role: 'status' });
  const rescan = h('button', { id: 'rescan', class: 'secondary', type: 'button', text: 'Rescan workspace' });
  const exportButtons = [
    h('button', { type: 'button', 'data-export': 'sarif', text: 'Export SARIF' }),
    h('button', { type: 'button', class: 'secondary', 'data-export': 'markdown', text: 'Markdown' }),
    h('button', { type: 'button', class: 'secondary', 'data-export': 'json', text: 'JSON' }),
  ];
  app.append(
    h('header', { class: 'header' }, h('div', {}, h('h1', { text: 'Plainsight Security Report' }), status), h('div', { class: 'actions' }, rescan, ...exportButtons)),
  );
  const notice = h('div', { id: 'notice', class: 'notice', hidden: true });
  const empty = h('section', { id: 'empty', class: 'empty', hidden: true });
  app.append(notice, empty);

  const cards = Object.fromEntries(['total', ...SEVERITIES].map((k) => [k, h('span', { id: `count-${k}`, class: 'num' })]));
  const filesCard = h('span', { id: 'count-files', class: 'num' });
  const chart = s('svg', { id: 'chart', role: 'img', preserveAspectRatio: 'xMinYMin meet' });
  const legend = h('ul', { class: 'legend' }, ...SEVERITIES.map((sev) => h('li', {}, h('span', { class: `swatch sev-${sev}` }), sev)));
  const topRules = h('ol', { id: 'top-rules', class: 'top-list' });
  const topFiles = h('ol', { id: 'top-files', class: 'top-list' });

  const select = (/** @type {string} */ id, /** @type {string} */ label) => h('select', { id, 'aria-label': label });
  const fCategory = select('filter-category', 'Category');
  const fSeverity = select('filter-severity', 'Severity');
  const fRule = select('filter-rule', 'Rule');
  const fFile = select('filter-file', 'File');
  const fText = h('input', { id: 'filter-text', type: 'search', placeholder: 'Filter by text', 'aria-label': 'Filter by text' });
  const clear = h('button', { type: 'button', class: 'secondary', id: 'filter-clear', text: 'Clear filters' });
  const shown = h('p', { id: 'shown', class: 'muted' });
  const tbody = h('tbody', {});
  const more = h('button', { type: 'button', class: 'secondary', id: 'more', hidden: true });

  const content = h(
    'section',
    { id: 'content', hidden: true },
    h(
      'div',
      { class: 'summary' },
      h('div', { class: 'card total' }, cards.total, h('span', { class: 'label', text: 'findings' })),
      ...SEVERITIES.map((sev) => h('div', { class: `card sev-${sev}` }, cards[sev], h('span', { class: 'label', text: sev === 'info' ? 'info' : `${sev}s` }))),
      h('div', { class: 'card' }, filesCard, h('span', { class: 'label', text: 'files with findings' })),
    ),
    h(
      'div',
      { class: 'grid' },
      h('figure', { class: 'panel chart' }, h('figcaption', { text: 'By category and severity' }), chart, legend),
      h('div', { class: 'panel' }, h('h2', { text: 'Most frequent rules' }), topRules),
      h('div', { class: 'panel' }, h('h2', { text: 'Files with the most findings' }), topFiles),
    ),
    h('h2', { text: 'Findings' }),
    h('div', { class: 'filters' }, fCategory, fSeverity, fRule, fFile, fText, clear),
    shown,
    h(
      'table',
      { id: 'findings' },
      h('thead', {}, h('tr', {}, ...['Severity', 'Rule', 'Location', 'Message', 'Excerpt', 'Fixes'].map((t) => h('th', { scope: 'col', text: t })))),
      tbody,
    ),
    more,
  );
  app.append(content);

  // ---- events ----
  rescan.addEventListener('click', () => vscode.postMessage({ type: 'scan' }));
  for (const b of exportButtons) b.addEventListener('click', () => vscode.postMessage({ type: 'export', format: b.getAttribute('data-export') }));
  for (const [el, key] of /** @type {const} */ ([
    [fCategory, 'category'],
    [fSeverity, 'severity'],
    [fRule, 'rule'],
    [fFile, 'file'],
  ])) {
    el.addEventListener('change', () => setFilter(key, /** @type {HTMLSelectElement} */ (el).value));
  }
  fText.addEventListener('input', () => setFilter('text', /** @type {HTMLInputElement} */ (fText).value));
  clear.addEventListener('click', () => {
    Object.assign(filters, { category: '', severity: '', rule: '', file: '', text: '' });
    saveAndRender();
  });
  more.addEventListener('click', () => {
    limit += PAGE;
    renderTable();
  });
  tbody.addEventListener('click', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    const fix = target.closest('button[data-fix]');
    const row = target.closest('tr[data-key]');
    if (!row) return;
    event.preventDefault();
    const key = row.getAttribute('data-key');
    if (fix) vscode.postMessage({ type: 'fix', key, index: Number(fix.getAttribute('data-fix')) });
    else vscode.postMessage({ type: 'open', key });
  });
  tbody.addEventListener('keydown', (event) => {
    const target = /** @type {HTMLElement} */ (event.target);
    if (event.key !== 'Enter' || target.tagName !== 'TR') return;
    vscode.postMessage({ type: 'open', key: target.getAttribute('data-key') });
  });
  window.addEventListener('message', (event) => {
    if (!event.data || event.data.type !== 'update') return;
    update = event.data;
    render();
  });

  /** @param {keyof typeof filters} key @param {string} value */
  function setFilter(key, value) {
    filters[key] = value;
    saveAndRender();
  }
  function saveAndRender() {
    vscode.setState({ filters });
    limit = PAGE;
    render();
  }

  // ---- rendering ----
  function render() {
    if (!update) return;
    const { model, status: scan, enabled, hasWorkspace } = update;
    status.setAttribute('data-state', scan.state);
    status.textContent = statusText(model, scan);
    rescan.toggleAttribute('disabled', !enabled || !hasWorkspace);
    for (const b of exportButtons) b.toggleAttribute('disabled', !enabled || !hasWorkspace);

    notice.hidden = scan.state !== 'cancelled';
    notice.textContent = scan.state === 'cancelled' ? `Partial results: the last scan was cancelled after ${scan.done} of ${plural(scan.total, 'file')}. Rescan to see everything.` : '';

    const emptyText = emptyMessage(model, scan, enabled, hasWorkspace);
    empty.hidden = emptyText === null;
    content.hidden = emptyText !== null;
    if (emptyText !== null) {
      empty.replaceChildren(h('p', { class: 'empty-title', text: emptyText[0] }), h('p', { class: 'muted', text: emptyText[1] }));
      return;
    }
    cards.total.textContent = String(model.total);
    for (const sev of SEVERITIES) cards[sev].textContent = String(model.bySeverity[sev]);
    filesCard.textContent = `${model.files.withFindings} / ${model.files.scanned}`;
    renderChart(model);
    renderTops(model);
    renderFilters(model);
    renderTable();
  }

  /** @param {any} model @param {any} scan */
  function statusText(model, scan) {
    const skipped = model.files.skipped ? `, ${model.files.skipped} skipped` : '';
    switch (scan.state) {
      case 'scanning':
        return scan.total ? `Scanning: ${scan.done} of ${plural(scan.total, 'file')}…` : 'Looking for files…';
      case 'cancelled':
        return `Scan cancelled after ${scan.done} of ${plural(scan.total, 'file')}`;
      case 'complete':
        return `${plural(model.files.scanned, 'file')} scanned${skipped}; kept up to date as files change`;
      default:
        return 'Not scanned yet';
    }
  }

  /** @returns {[string, string] | null} the empty state's title and detail, or null when there is data */
  function emptyMessage(/** @type {any} */ model, /** @type {any} */ scan, /** @type {boolean} */ enabled, /** @type {boolean} */ hasWorkspace) {
    if (!enabled) return ['Plainsight is disabled.', 'Turn on the setting plainsight.enable to scan the workspace.'];
    if (!hasWorkspace) return ['No folder is open.', 'Open a folder or workspace to scan its workflow and config files.'];
    if (model.total > 0) return null;
    if (scan.state === 'scanning' || scan.state === 'idle') return ['Scanning the workspace…', 'Findings appear here as files are analysed.'];
    const files = plural(model.files.scanned, 'file');
    if (scan.state === 'cancelled') return ['No findings so far.', `The scan was cancelled after ${files}; rescan to check the rest.`];
    return ['No findings.', `Plainsight scanned ${files} and found nothing to report: no hardcoded secrets, overbroad scopes or unencrypted endpoints.`];
  }

  /** Stacked horizontal bars: one per category, one segment per severity. @param {any} model */
  function renderChart(model) {
    const width = 320;
    const labelWidth = 80;
    const countWidth = 36;
    const barHeight = 18;
    const gap = 10;
    const totals = CATEGORIES.map((c) => SEVERITIES.reduce((sum, sev) => sum + model.byCategory[c][sev], 0));
    const max = Math.max(1, ...totals);
    const height = CATEGORIES.length * (barHeight + gap);
    chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
    chart.setAttribute('aria-label', CATEGORIES.map((c, i) => `${c}: ${totals[i]}`).join(', '));
    chart.replaceChildren();
    CATEGORIES.forEach((category, i) => {
      const y = i * (barHeight + gap);
      const label = s('text', { x: 0, y: y + barHeight / 2, class: 'chart-label', 'dominant-baseline': 'central' });
      label.textContent = category;
      chart.append(label);
      chart.append(s('rect', { x: labelWidth, y, width: width - labelWidth - countWidth, height: barHeight, class: 'track' }));
      let x = labelWidth;
      for (const sev of SEVERITIES) {
        const n = model.byCategory[category][sev];
        if (!n) continue;
        const w = ((width - labelWidth - countWidth) * n) / max;
        const rect = s('rect', { x, y, width: w, height: barHeight, class: `seg sev-${sev}` });
        const title = s('title', {});
        title.textContent = `${category}: ${n} ${sev}`;
        rect.append(title);
        chart.append(rect);
        x += w;
      }
      const count = s('text', { x: width, y: y + barHeight / 2, class: 'chart-count', 'text-anchor': 'end', 'dominant-baseline': 'central' });
      count.textContent = String(totals[i]);
      chart.append(count);
    });
  }

  /** @param {any} model */
  function renderTops(model) {
    topRules.replaceChildren(
      ...model.topRules.map((/** @type {any} */ r) =>
        h('li', {}, h('button', { type: 'button', class: 'link', title: `${r.title}: show only these`, text: r.ruleId }), h('span', { class: 'count', text: String(r.count) })),
      ),
    );
    topRules.querySelectorAll('button').forEach((b, i) => b.addEventListener('click', () => setFilter('rule', model.topRules[i].ruleId)));
    topFiles.replaceChildren(
      ...model.topFiles.map((/** @type {any} */ f) =>
        h('li', {}, h('button', { type: 'button', class: 'link', title: `${f.path}: show only this file`, text: f.path }), h('span', { class: 'count', text: String(f.count) })),
      ),
    );
    topFiles.querySelectorAll('button').forEach((b, i) => b.addEventListener('click', () => setFilter('file', model.topFiles[i].path)));
  }

  /** @param {any} model */
  function renderFilters(model) {
    const unique = (/** @type {string[]} */ values) => [...new Set(values)].sort();
    fillSelect(fCategory, 'All categories', CATEGORIES, filters.category);
    fillSelect(fSeverity, 'All severities', SEVERITIES, filters.severity);
    fillSelect(fRule, 'All rules', unique(model.rows.map((/** @type {any} */ r) => r.ruleId)), filters.rule);
    fillSelect(fFile, 'All files', unique(model.rows.map((/** @type {any} */ r) => r.path)), filters.file);
    if (/** @type {HTMLInputElement} */ (fText).value !== filters.text) /** @type {HTMLInputElement} */ (fText).value = filters.text;
  }

  /** @param {HTMLElement} el @param {string} all @param {string[]} values @param {string} selected */
  function fillSelect(el, all, values, selected) {
    // A filter on a value that disappeared (fixed, file deleted) stays selectable, so it can be seen and cleared.
    const options = selected && !values.includes(selected) ? [...values, selected] : values;
    el.replaceChildren(h('option', { value: '', text: all }), ...options.map((v) => h('option', { value: v, text: v, selected: v === selected })));
    /** @type {HTMLSelectElement} */ (el).value = selected;
  }

  function renderTable() {
    if (!update) return;
    const rows = update.model.rows.filter(matches);
    shown.textContent = rows.length === update.model.rows.length ? `${plural(rows.length, 'finding')}` : `${rows.length} of ${plural(update.model.rows.length, 'finding')} match the filters`;
    tbody.replaceChildren(...rows.slice(0, limit).map(renderRow));
    more.hidden = rows.length <= limit;
    more.textContent = `Show ${Math.min(PAGE, rows.length - limit)} more`;
  }

  /** @param {any} r */
  function matches(r) {
    if (filters.category && r.category !== filters.category) return false;
    if (filters.severity && r.severity !== filters.severity) return false;
    if (filters.rule && r.ruleId !== filters.rule) return false;
    if (filters.file && r.path !== filters.file) return false;
    const text = filters.text.trim().toLowerCase();
    return !text || [r.ruleId, r.ruleTitle, r.path, r.message, r.excerpt].some((v) => String(v).toLowerCase().includes(text));
  }

  /** @param {any} r */
  function renderRow(r) {
    const location = `${r.path}:${r.line}`;
    return h(
      'tr',
      { 'data-key': r.key, 'data-path': r.path, 'data-line': r.line, tabindex: 0, title: `Open ${location}` },
      h('td', {}, h('span', { class: `sev sev-${r.severity}`, text: r.severity })),
      h('td', { class: 'rule' }, h('code', { title: r.ruleTitle, text: r.ruleId })),
      h('td', { class: 'location' }, h('a', { href: '#', text: location })),
      h('td', { class: 'message', text: r.message }),
      h('td', {}, r.excerpt ? h('code', { class: 'excerpt', text: r.excerpt }) : null),
      h(
        'td',
        { class: 'fixes' },
        ...r.fixes.map((/** @type {any} */ f) =>
          h('button', { type: 'button', class: f.safe ? 'fix' : 'fix secondary', 'data-fix': f.index, title: f.safe ? 'Safe fix: keeps behaviour' : 'Changes what the file does: review it', text: f.title }),
        ),
      ),
    );
  }

  vscode.postMessage({ type: 'ready' });
})();
