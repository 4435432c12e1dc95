// The security report's data model: totals, top lists, row order and content, and that nothing a
// webview receives holds a secret whole or a fix's replacement text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Finding } from '../../src/core/index';
import { buildReportModel, rowByKey, summarize, type ReportFileInput } from '../../src/core/report/model';

function finding(over: Partial<Finding> & Pick<Finding, 'ruleId' | 'category' | 'severity'>): Finding {
  const line = over.startLine ?? 0;
  return {
    confidence: 'high',
    message: `message of ${over.ruleId}`,
    excerpt: 'excerpt',
    start: line * 10,
    end: line * 10 + 5,
    startLine: line,
    startColumn: 2,
    endLine: line,
    endColumn: 7,
    fixes: [],
    ...over,
  };
}

const files: ReportFileInput[] = [
  {
    id: 'uri:b',
    path: 'b/compose.yml',
    kind: 'compose',
    findings: [
      finding({ ruleId: 'transport/cleartext-url', category: 'transport', severity: 'warning', startLine: 4 }),
      finding({ ruleId: 'secret/generic-password', category: 'secret', severity: 'error', startLine: 2, path: ['services', 'db', 'environment', 'PASSWORD'] }),
      finding({ ruleId: 'transport/cleartext-url', category: 'transport', severity: 'info', startLine: 9 }),
    ],
  },
  {
    id: 'uri:a',
    path: 'a/ci.yml',
    kind: 'github-workflow',
    findings: [
      finding({
        ruleId: 'scope/gha-write-all',
        category: 'scope',
        severity: 'error',
        startLine: 7,
        fixes: [
          { title: 'Use read-all', disposition: 'unsafe', edits: [{ start: 70, end: 75, newText: 'REPLACEMENT-TEXT' }] },
          { title: 'Remove the line', disposition: 'safe', edits: [] },
        ],
      }),
    ],
  },
  { id: 'uri:c', path: 'c/empty.json', kind: 'json', findings: [] },
  { id: 'uri:d', path: 'd/huge.json', kind: 'json', skipped: 'skipped: too large', findings: [] },
];

test('totals count every finding by severity and by category', () => {
  const model = buildReportModel(files);
  assert.equal(model.total, 4);
  assert.deepEqual(model.bySeverity, { error: 2, warning: 1, info: 1 });
  assert.deepEqual(model.byCategory, {
    secret: { error: 1, warning: 0, info: 0 },
    scope: { error: 1, warning: 0, info: 0 },
    transport: { error: 0, warning: 1, info: 1 },
  });
  assert.deepEqual(model.files, { scanned: 3, skipped: 1, withFindings: 2 });
  // The cheap summary (status bar) counts exactly what the full model counts.
  const { files: f, total, bySeverity, byCategory } = model;
  assert.deepEqual(summarize(files), { files: f, total, bySeverity, byCategory });
});

test('top rules and top files: most findings first, ties broken by severity then name', () => {
  const model = buildReportModel(files);
  assert.deepEqual(
    model.topRules.map((r) => [r.ruleId, r.count]),
    [
      ['transport/cleartext-url', 2],
      ['scope/gha-write-all', 1], // same count as generic-password and an error too: name decides
      ['secret/generic-password', 1],
    ],
  );
  assert.equal(model.topRules[0].title, 'Cleartext endpoint (http, ws, ftp, ...) to a non-local host');
  assert.deepEqual(model.topRules[0].bySeverity, { error: 0, warning: 1, info: 1 });
  assert.deepEqual(
    model.topFiles.map((f) => [f.fileId, f.path, f.count]),
    [
      ['uri:b', 'b/compose.yml', 3],
      ['uri:a', 'a/ci.yml', 1],
    ],
  );
  const limited = buildReportModel(files, { top: 1 });
  assert.deepEqual(limited.topRules.map((r) => r.ruleId), ['transport/cleartext-url']);
  assert.deepEqual(limited.topFiles.map((f) => f.path), ['b/compose.yml']);
  assert.equal(limited.rows.length, 4, 'the top limit never drops table rows');
});

test('rows: most severe first, then path and line; 1-based positions; fixes as titles only', () => {
  const model = buildReportModel(files);
  assert.deepEqual(
    model.rows.map((r) => [r.severity, r.path, r.line, r.column, r.ruleId]),
    [
      ['error', 'a/ci.yml', 8, 3, 'scope/gha-write-all'],
      ['error', 'b/compose.yml', 3, 3, 'secret/generic-password'],
      ['warning', 'b/compose.yml', 5, 3, 'transport/cleartext-url'],
      ['info', 'b/compose.yml', 10, 3, 'transport/cleartext-url'],
    ],
  );
  const first = model.rows[0];
  assert.deepEqual(first.fixes, [
    { index: 0, title: 'Use read-all', safe: false },
    { index: 1, title: 'Remove the line', safe: true },
  ]);
  assert.ok(!JSON.stringify(model).includes('REPLACEMENT-TEXT'), 'fix edits never reach the model');
  assert.equal(first.fileId, 'uri:a');
  assert.equal(first.message, 'message of scope/gha-write-all');
});

test('row keys are unique, stable across rebuilds, and found again by rowByKey', () => {
  const twins: ReportFileInput[] = [
    {
      id: 'uri:t',
      path: 't.yml',
      kind: 'yaml',
      findings: [
        finding({ ruleId: 'transport/cleartext-url', category: 'transport', severity: 'warning', startLine: 1 }),
        finding({ ruleId: 'transport/cleartext-url', category: 'transport', severity: 'warning', startLine: 2 }),
      ],
    },
  ];
  const a = buildReportModel(twins);
  assert.equal(new Set(a.rows.map((r) => r.key)).size, 2, 'identical findings get distinct keys (occurrence index)');
  // Lines added above must not change a finding's key (fingerprints ignore positions).
  const moved = buildReportModel([{ ...twins[0], findings: twins[0].findings.map((f) => ({ ...f, startLine: f.startLine + 5 })) }]);
  assert.deepEqual(moved.rows.map((r) => r.key), a.rows.map((r) => r.key));
  assert.equal(rowByKey(a, a.rows[1].key)?.line, 3);
  assert.equal(rowByKey(a, 'nope'), undefined);
});

test('an empty workspace: zero totals, empty lists, files still counted', () => {
  const model = buildReportModel([{ id: 'x', path: 'x.yml', kind: 'yaml', findings: [] }]);
  assert.equal(model.total, 0);
  assert.deepEqual(model.rows, []);
  assert.deepEqual(model.topRules, []);
  assert.deepEqual(model.files, { scanned: 1, skipped: 0, withFindings: 0 });
});

test('built from real engine output, the model never holds a secret whole', () => {
  const secret = 'Zq8vN3xLp0Rt7WmK2sYd'; // fake
  const text = `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${secret}\n      API_URL: http://api.partner-payments.io/v1\n`;
  const result = analyze(text, { path: 'docker-compose.yml' });
  assert.ok(result.findings.some((f) => f.category === 'secret'), 'the fixture must produce a secret finding');
  const model = buildReportModel([{ id: 'file:///w/docker-compose.yml', path: 'docker-compose.yml', kind: result.kind, findings: result.findings }]);
  assert.equal(model.total, result.findings.length);
  assert.ok(!JSON.stringify(model).includes(secret), 'no row, title or excerpt holds the secret');
  assert.ok(!JSON.stringify(model).includes(secret.slice(0, 8)), 'not even half of it');
});
