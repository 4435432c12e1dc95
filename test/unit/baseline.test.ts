// Baselines end to end through the CLI: `plainsight baseline` records today's findings, `scan
// --baseline` reports only new ones, line moves do not bring old ones back, and the file holds no
// secret value. Fake values only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scratchRoot, runCli } from './helpers/cli';
import { createBaseline, filterBaselined, parseBaseline, relativePath } from '../../src/core/baseline';
import { analyze } from '../../src/core/index';

const FAKE_PASSWORD = ['Xq7', 'fake', 'Pa55word', '9Lm'].join('-');
const OTHER_PASSWORD = ['Zr4', 'fake', 'Secr3t', 'Qw8'].join('-');
const COMPOSE = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "${FAKE_PASSWORD}"\n`;

const scratch = scratchRoot('baseline');
const folder = scratch.folder;
const run = runCli;

const ruleIds = (stdout: string) => (JSON.parse(stdout).findings as { path: string; ruleId: string }[]).map((f) => `${f.path} ${f.ruleId}`);

test('a baselined finding stays baselined when lines are added above it; a new finding is reported', async () => {
  const dir = folder({ 'deploy/compose.yml': COMPOSE });
  const written = await run(['baseline'], dir);
  assert.equal(written.code, 0, written.stderr);
  assert.match(written.stderr, /baseline of 1 finding in 1 file written to \.plainsight-baseline\.json/);

  const clean = await run(['scan', '--baseline', '.plainsight-baseline.json', '--format', 'json'], dir);
  assert.equal(clean.code, 0);
  assert.deepEqual(ruleIds(clean.stdout), []);
  assert.match(clean.stderr, /1 finding in the baseline not shown/);

  // New lines above the old finding, and a new secret below it.
  writeFileSync(
    join(dir, 'deploy/compose.yml'),
    `# header comment\nx-common: &common\n  restart: always\n${COMPOSE}      REDIS_PASSWORD: "${OTHER_PASSWORD}"\n`,
  );
  const after = await run(['scan', '--baseline', '.plainsight-baseline.json', '--format', 'json'], dir);
  assert.equal(after.code, 1);
  const findings = JSON.parse(after.stdout).findings;
  assert.equal(findings.length, 1);
  assert.equal(findings[0].ruleId, 'secret/generic-password');
  assert.equal(findings[0].range.startLine, 9, 'the new REDIS_PASSWORD, not the moved POSTGRES_PASSWORD');

  // Without the baseline both are reported: the baseline is what hid the old one.
  assert.equal(ruleIds((await run(['scan', '--format', 'json'], dir)).stdout).length, 2);
});

test('the baseline works from any working directory (its paths are relative to its own folder)', async () => {
  const dir = folder({ 'a/compose.yml': COMPOSE, 'b/compose.yml': COMPOSE });
  await run(['baseline', '--output', 'ci/baseline.json'], dir);
  const file = JSON.parse(readFileSync(join(dir, 'ci/baseline.json'), 'utf8'));
  assert.deepEqual(
    file.fingerprints.map((e: { path: string; ruleId: string }) => [e.path, e.ruleId]),
    [
      ['../a/compose.yml', 'secret/generic-password'],
      ['../b/compose.yml', 'secret/generic-password'],
    ],
  );
  const fromSub = await run(['scan', '.', '--baseline', '../ci/baseline.json', '--format', 'json'], join(dir, 'a'));
  assert.equal(fromSub.code, 0);
  assert.deepEqual(ruleIds(fromSub.stdout), []);
  // The same content in a file the baseline does not know is new.
  mkdirSync(join(dir, 'c'));
  writeFileSync(join(dir, 'c/compose.yml'), COMPOSE);
  assert.deepEqual(ruleIds((await run(['scan', '--baseline', 'ci/baseline.json', '--format', 'json'], dir)).stdout), ['c/compose.yml secret/generic-password']);
});

test('the baseline file has a version, the tool, and no secret values', async () => {
  const dir = folder({ 'compose.yml': COMPOSE });
  await run(['baseline', '-o', 'b.json'], dir);
  const text = readFileSync(join(dir, 'b.json'), 'utf8');
  assert.ok(!text.includes(FAKE_PASSWORD));
  assert.ok(!text.includes(FAKE_PASSWORD.slice(4)), 'not even the unmasked part');
  const parsed = JSON.parse(text);
  assert.equal(parsed.version, 1);
  assert.equal(parsed.tool.name, 'Plainsight');
  assert.match(parsed.fingerprints[0].fingerprint, /^[0-9a-f]{64}$/);
});

test('an unreadable or malformed baseline is a usage error (exit 2)', async () => {
  const dir = folder({ 'compose.yml': COMPOSE, 'bad.json': '{"version": 1, "fingerprints": [{"fingerprint": "nope"}]}', 'old.json': '{"version": 99, "fingerprints": []}' });
  assert.equal((await run(['scan', '--baseline', 'missing.json'], dir)).code, 2);
  const bad = await run(['scan', '--baseline', 'bad.json'], dir);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /64 hex digits/);
  assert.match((await run(['scan', '--baseline', 'old.json'], dir)).stderr, /unsupported version 99/);
});

test('core: filtering counts occurrences, so a second identical finding is new', () => {
  const text = `services:\n  a:\n    environment:\n      POSTGRES_PASSWORD: "${FAKE_PASSWORD}"\n`;
  const one = analyze(text, { path: 'compose.yml' }).findings;
  const baseline = createBaseline([{ path: 'compose.yml', findings: one }]);
  const known = parseBaseline(JSON.stringify(baseline));
  assert.ok('fingerprints' in known);
  const doubled = analyze(`${text}  b:\n    environment:\n      POSTGRES_PASSWORD: "${FAKE_PASSWORD}"\n`, { path: 'compose.yml' }).findings;
  const { kept, baselined } = filterBaselined('compose.yml', doubled, known.fingerprints);
  assert.equal(baselined, 1);
  assert.equal(kept.length, 1);
  assert.equal(relativePath('/repo/ci', '/repo/src/a.yml'), '../src/a.yml');
  assert.equal(relativePath('/repo', '/repo/a.yml'), 'a.yml');
  assert.equal(relativePath('C:/repo', 'C:/repo/x/a.yml'), 'x/a.yml');
});
