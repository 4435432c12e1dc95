// The Markdown report: structure, escaping of file-controlled text, masking.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type Finding } from '../../src/core/index';
import { toMarkdown, code, escapeText } from '../../src/core/output/markdown';
import type { ScanReport } from '../../src/core/output/model';

const base: Omit<Finding, 'ruleId' | 'category' | 'severity' | 'message' | 'excerpt'> = {
  confidence: 'high',
  start: 0,
  end: 1,
  startLine: 2,
  startColumn: 4,
  endLine: 2,
  endColumn: 9,
  fixes: [],
};

test('summary, counts per category and severity, one row per finding with 1-based positions', () => {
  const report: ScanReport = {
    files: [
      {
        path: 'deploy/compose.yml',
        kind: 'compose',
        findings: [
          { ...base, ruleId: 'transport/cleartext-url', category: 'transport', severity: 'warning', message: 'Cleartext URL', excerpt: 'http://x.example' },
          { ...base, startLine: 5, ruleId: 'secret/generic-password', category: 'secret', severity: 'error', message: 'Password', excerpt: 'Vq7#…(16 chars)' },
        ],
      },
      { path: 'big.json', kind: 'json', skipped: 'skipped: too large', findings: [] },
    ],
  };
  const md = toMarkdown(report);
  const lines = md.split('\n');
  assert.equal(lines[0], '# Plainsight security report');
  assert.equal(lines[2], '2 findings (1 error, 1 warning) in 1 file, 1 skipped');
  assert.ok(lines.includes('| secret | 1 | 0 | 0 | 1 |'), md);
  assert.ok(lines.includes('| transport | 0 | 1 | 0 | 1 |'), md);
  assert.ok(lines.includes('| scope | 0 | 0 | 0 | 0 |'), md);
  assert.ok(lines.includes('| warning | `transport/cleartext-url` | `deploy/compose.yml:3:5` | Cleartext URL | `http://x.example` |'), md);
  assert.ok(lines.includes('| error | `secret/generic-password` | `deploy/compose.yml:6:5` | Password | `Vq7#…(16 chars)` |'), md);
  assert.ok(lines.includes('- `big.json`: skipped: too large'), md);
});

test('no findings: the summary alone, no empty tables', () => {
  const md = toMarkdown({ files: [{ path: 'a.yml', kind: 'yaml', findings: [] }] }, { title: 'Scan of repo' });
  assert.equal(md, '# Scan of repo\n\n0 findings in 1 file\n');
});

test('text from files cannot break the table, inject HTML or links', () => {
  assert.equal(escapeText('a | b <img src=x> [l](http://e) *x*\nnext'), 'a \\| b \\<img src=x\\> \\[l\\](http://e) \\*x\\* next');
  // Code spans: pipes escaped, fence longer than any backtick run inside.
  assert.equal(code('a|b'), '`a\\|b`');
  assert.equal(code('run `x` now'), '``run `x` now``');
  assert.equal(code('`edge'), '`` `edge ``');
  assert.equal(code(''), '');
  const md = toMarkdown({
    files: [{ path: 'we|ird.yml', kind: 'yaml', findings: [{ ...base, ruleId: 'transport/cleartext-url', category: 'transport', severity: 'info', message: 'see | here', excerpt: 'a|b' }] }],
  });
  const row = md.split('\n').find((l) => l.startsWith('| info'))!;
  // Exactly the 6 unescaped pipes of a 5-column row.
  assert.equal(row.replace(/\\\|/g, '').split('|').length - 1, 6, row);
});

test('secrets from real engine output stay masked', () => {
  const secret = 'Zq8vN3xLp0Rt7WmK2sYd'; // fake
  const text = `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${secret}\n`;
  const result = analyze(text, { path: 'docker-compose.yml' });
  assert.ok(result.findings.length > 0, 'the fixture must produce a finding');
  const md = toMarkdown({ files: [{ path: 'docker-compose.yml', kind: result.kind, findings: result.findings }] });
  assert.ok(md.includes('secret/'), md);
  assert.ok(!md.includes(secret), md);
});
