// SARIF and the shared output formats, on reports built by the real engine: fingerprints that
// survive line moves, 1-based UTF-16 regions, portable URIs, and the text/summary formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { analyze } from '../../src/core/index';
import { toSarif, formatText, summaryLine, toFingerprint, fingerprintsOf, sha256Hex, artifactLocationOf, FINGERPRINT_KEY, type ScanReport } from '../../src/core/output/index';

const FAKE_PASSWORD = ['Zr4', 'fake', 'Secret', '77q'].join('-');
const OTHER_FAKE_PASSWORD = ['Zr4', 'fake', 'Sekret', '88q'].join('-');

function compose(password: string, linesAbove = 0): string {
  return `${'# comment line\n'.repeat(linesAbove)}services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "${password}"\n  cache:\n    image: redis\n    environment:\n      REDIS_PASSWORD: "${password}"\n`;
}

function reportOf(files: Record<string, string>): ScanReport {
  return { files: Object.entries(files).map(([path, text]) => ({ path, ...analyze(text, { path }) })) };
}

function resultsOf(report: ScanReport) {
  return toSarif(report).runs[0].results.map((r) => ({ fingerprint: r.partialFingerprints[FINGERPRINT_KEY], line: r.locations[0].physicalLocation.region.startLine, ruleId: r.ruleId }));
}

test('moving findings down by adding lines above keeps their fingerprints', () => {
  const before = resultsOf(reportOf({ 'docker-compose.yml': compose(FAKE_PASSWORD) }));
  const after = resultsOf(reportOf({ 'docker-compose.yml': compose(FAKE_PASSWORD, 7) }));
  assert.equal(before.length, 2);
  assert.deepEqual(
    after.map((r) => r.line),
    before.map((r) => r.line + 7),
  );
  assert.deepEqual(
    after.map((r) => r.fingerprint),
    before.map((r) => r.fingerprint),
  );
});

test('findings that differ only in place get different fingerprints; file and rule are part of it', () => {
  const [db, cache] = resultsOf(reportOf({ 'docker-compose.yml': compose(FAKE_PASSWORD) }));
  assert.notEqual(db.fingerprint, cache.fingerprint, 'different keys');
  const subject = { ruleId: 'secret/generic-password', excerpt: 'Zr4-…(20 chars)', path: ['services', 'db', 'environment', 'POSTGRES_PASSWORD'] };
  const twice = fingerprintsOf('a.yml', [subject, subject]);
  assert.notEqual(twice[0], twice[1], 'occurrence index separates identical findings');
  assert.equal(twice[1], toFingerprint(subject, 'a.yml', 1));
  assert.notEqual(toFingerprint(subject, 'a.yml', 0), toFingerprint(subject, 'b.yml', 0));
  assert.notEqual(toFingerprint(subject, 'a.yml', 0), toFingerprint({ ...subject, ruleId: 'secret/other' }, 'a.yml', 0));
  // Array indexes are not part of the identity: inserting a list item above must not change it.
  assert.equal(toFingerprint({ ...subject, path: ['steps', 3, 'env', 'TOKEN'] }, 'a.yml', 0), toFingerprint({ ...subject, path: ['steps', 4, 'env', 'TOKEN'] }, 'a.yml', 0));
});

test('fingerprints are built from masked text only, never from the raw secret', () => {
  // Same mask (first characters and length), different secret: a hash of the raw value would differ.
  const one = resultsOf(reportOf({ 'docker-compose.yml': compose(FAKE_PASSWORD) }));
  const other = resultsOf(reportOf({ 'docker-compose.yml': compose(OTHER_FAKE_PASSWORD) }));
  assert.equal(FAKE_PASSWORD.length, OTHER_FAKE_PASSWORD.length);
  assert.deepEqual(
    other.map((r) => r.fingerprint),
    one.map((r) => r.fingerprint),
  );
  const sarif = JSON.stringify(toSarif(reportOf({ 'docker-compose.yml': compose(FAKE_PASSWORD) })));
  assert.ok(!sarif.includes(FAKE_PASSWORD));
});

test('sha256Hex agrees with node:crypto', () => {
  for (const input of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(64), 'é✓😀'.repeat(50), 'x'.repeat(100_000)]) {
    assert.equal(sha256Hex(input), createHash('sha256').update(input, 'utf8').digest('hex'), `length ${input.length}`);
  }
});

test('regions are 1-based with UTF-16 columns', () => {
  const text = `services:\n  app:\n    image: x\n    environment:\n      NOTE: "😀"\n      API_TOKEN: "${FAKE_PASSWORD}"   # 😀 after\n`;
  const log = toSarif(reportOf({ 'docker-compose.yml': text }));
  assert.equal(log.runs[0].columnKind, 'utf16CodeUnits');
  const region = log.runs[0].results[0].locations[0].physicalLocation.region;
  const line = text.split('\n')[5];
  assert.deepEqual(region, { startLine: 6, startColumn: line.indexOf(FAKE_PASSWORD) + 1, endLine: 6, endColumn: line.indexOf(FAKE_PASSWORD) + FAKE_PASSWORD.length + 1 });
});

test('artifact locations are relative to %SRCROOT% and percent-encoded; absolute paths stay absolute', () => {
  assert.deepEqual(artifactLocationOf('deploy/my app/.env'), { uri: 'deploy/my%20app/.env', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(artifactLocationOf('./a#b.yml'), { uri: 'a%23b.yml', uriBaseId: '%SRCROOT%' });
  assert.deepEqual(artifactLocationOf('/srv/x y/ci.yml'), { uri: 'file:///srv/x%20y/ci.yml' });
  assert.deepEqual(artifactLocationOf('C:\\work\\ci.yml'), { uri: 'file:///C:/work/ci.yml' });
});

test('skipped files become artifacts and notifications, and rules list only ids with results', () => {
  const report: ScanReport = { files: [...reportOf({ 'docker-compose.yml': compose(FAKE_PASSWORD) }).files, { path: 'blob.json', kind: 'json', skipped: 'skipped: binary content', findings: [] }] };
  const run = toSarif(report, { rootUri: 'file:///work/repo/' }).runs[0];
  assert.deepEqual(run.originalUriBaseIds['%SRCROOT%'].uri, 'file:///work/repo/');
  assert.deepEqual(
    run.artifacts.map((a) => a.location.uri),
    ['docker-compose.yml', 'blob.json'],
  );
  assert.deepEqual(run.invocations[0].toolExecutionNotifications.map((n) => n.message.text), ['blob.json: skipped: binary content']);
  assert.deepEqual(
    run.tool.driver.rules.map((r) => r.id),
    [...new Set(run.results.map((r) => r.ruleId))],
  );
});

test('text format: path:line:col severity rule-id message, colours only on request, and the summary line', () => {
  const report = reportOf({ 'docker-compose.yml': compose(FAKE_PASSWORD) });
  const plain = formatText(report);
  const lines = plain.trimEnd().split('\n');
  assert.match(lines[0], /^docker-compose\.yml:5:27 error secret\/generic-password \S/);
  assert.equal(lines[2], '2 findings (2 errors) in 1 file');
  assert.ok(!plain.includes('\u001b['));
  assert.ok(formatText(report, { color: true }).includes('\u001b[31merror\u001b[0m'));
  assert.ok(!plain.includes(FAKE_PASSWORD));

  const mixed: ScanReport = {
    files: [
      { path: 'a.yml', kind: 'yaml', findings: [{ ...report.files[0].findings[0], severity: 'warning' }, { ...report.files[0].findings[0], severity: 'info' }, report.files[0].findings[0]] },
      { path: 'b.yml', kind: 'yaml', findings: [] },
      { path: 'c.bin', kind: 'text', skipped: 'skipped: binary content', findings: [] },
    ],
  };
  assert.equal(summaryLine(mixed), '3 findings (1 error, 1 warning, 1 info) in 2 files, 1 skipped');
  assert.equal(summaryLine({ files: [] }), '0 findings in 0 files');
});
