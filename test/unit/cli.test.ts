// The CLI end to end through `main(argv, io)` with captured streams and temporary folders, plus
// one smoke test of the built bundle. Fake values only; none of them may appear in any output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { scratchRoot, runCli } from './helpers/cli';
import { collectTargets } from '../../src/cli/walk';
import { isConfigLike } from '../../src/core/file-types';
import { ALL_META, VERSION } from '../../src/core/index';
import { v8FlagsFor } from '../../src/cli/v8-tuning';

// Assembled at run time so secret scanners of this repository do not flag the test itself.
const FAKE_PASSWORD = ['Xq7', 'fake', 'Pa55word', '9Lm'].join('-');
const FAKE_TOKEN = ['ghp', '_', 'R8fK2mQ9xL4vN7pT1wZ6yB3cD5hJ0gS8aE2u'].join('');
const FAKE_VALUES = [FAKE_PASSWORD, FAKE_TOKEN];

const COMPOSE = `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: "${FAKE_PASSWORD}"
`;
const CLEAN_COMPOSE = `services:
  db:
    image: postgres:16
    environment:
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD}
`;

const scratch = scratchRoot('cli');
const folder = scratch.folder;
const run = runCli;

function assertNoFakeValue(...outputs: string[]) {
  for (const output of outputs) for (const value of FAKE_VALUES) assert.ok(!output.includes(value), 'a fake secret value appears in the output');
}

/** 1-based line and column of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

test('scan exits 1 with a finding on a compose file holding a fake password, in the documented text format', async () => {
  const dir = folder({ 'docker-compose.yml': COMPOSE });
  const { code, stdout, stderr } = await run(['scan'], dir);
  assert.equal(code, 1);
  assert.equal(stderr, '');
  const lines = stdout.trimEnd().split('\n');
  const { line, column } = positionOf(COMPOSE, FAKE_PASSWORD);
  assert.match(lines[0], new RegExp(`^docker-compose\\.yml:${line}:${column} error secret/generic-password \\S.*$`));
  assert.equal(lines[lines.length - 1], '1 finding (1 error) in 1 file');
  assert.ok(!stdout.includes('\u001b['), 'no colours when stdout is not a terminal');
  assertNoFakeValue(stdout, stderr);
});

test('scan exits 0 on a clean folder and says so', async () => {
  const dir = folder({ 'docker-compose.yml': CLEAN_COMPOSE, 'README.md': `password: ${FAKE_PASSWORD}\n` });
  const { code, stdout } = await run(['scan', '.'], dir);
  assert.equal(code, 0);
  // README.md is not config-like, so the walk does not analyse it.
  assert.equal(stdout, '0 findings in 1 file\n');
});

test('usage and I/O errors exit 2 with one message line and a hint, and nothing on stdout', async () => {
  const dir = folder({ 'docker-compose.yml': COMPOSE });
  const cases: [string[], RegExp][] = [
    [['scan', 'does-not-exist'], /^plainsight: no such file or directory: does-not-exist$/],
    [['scan', '--bogus'], /^plainsight: unknown option --bogus$/],
    [['scan', '--format', 'xml'], /^plainsight: invalid value 'xml' for --format: expected text, json, sarif$/],
    [['scan', '--fail-on'], /^plainsight: option --fail-on needs a value$/],
    [['scan', '--output', join(dir, 'missing-dir', 'report.json')], /^plainsight: cannot write .*report\.json: ENOENT$/],
    [['frobnicate'], /^plainsight: unknown command 'frobnicate'$/],
    [[], /^Usage: plainsight <command>/],
  ];
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = await run(args, dir);
    assert.equal(code, 2, args.join(' '));
    assert.equal(stdout, '', args.join(' '));
    assert.match(stderr.split('\n')[0], message);
    if (args.length) assert.match(stderr.split('\n')[1], /^Run 'plainsight (help scan|--help)' for usage\.$/);
    assertNoFakeValue(stderr);
  }
});

test('walks skip what .gitignore files exclude (nested ones too), .git, node_modules and non-config files', async () => {
  const secret = `password: ${FAKE_PASSWORD}\n`;
  const dir = folder({
    '.gitignore': 'secrets/\n*.local.yml\n!keep.local.yml\n',
    'app.yml': 'name: app\n',
    'keep.local.yml': 'name: kept\n',
    'dev.local.yml': secret,
    'secrets/prod.yml': secret,
    'nested/.gitignore': 'generated.yml\n/rooted.yml\n',
    'nested/generated.yml': secret,
    'nested/rooted.yml': secret,
    'nested/deeper/rooted.yml': 'name: only ignored at the level of its .gitignore\n',
    'node_modules/pkg/config.yml': secret,
    '.git/config.yml': secret,
    'package-lock.json': '{"lockfileVersion": 3}\n',
    'script.js': `const password = "${FAKE_PASSWORD}";\n`,
  });
  const { code, stdout } = await run(['scan', '--format', 'json'], dir);
  const report = JSON.parse(stdout);
  assert.deepEqual(
    report.files.map((f: { path: string }) => f.path),
    ['app.yml', 'keep.local.yml', 'nested/deeper/rooted.yml'],
  );
  assert.equal(code, 0);
});

test('files named explicitly are analysed whatever their type, and ignored ones are marked gitIgnored', async () => {
  const dir = folder({ '.gitignore': '.env\n', '.env': `GITHUB_TOKEN=${FAKE_TOKEN}\n`, 'tracked.env': `GITHUB_TOKEN=${FAKE_TOKEN}\n`, 'notes.txt': `token ${FAKE_TOKEN}\n` });
  const targets = await collectTargets(['.env', 'tracked.env'], dir, () => assert.fail('no notes expected'));
  assert.deepEqual(
    targets.map((t) => [t.absolute.slice(dir.length + 1), t.gitIgnored]),
    [
      ['.env', true],
      ['tracked.env', false],
    ],
  );
  const { code, stdout, stderr } = await run(['scan', 'notes.txt', '--format', 'json'], dir);
  const report = JSON.parse(stdout);
  assert.deepEqual(report.files, [{ path: 'notes.txt', kind: 'text' }]);
  assert.ok(report.findings.some((f: { ruleId: string }) => f.ruleId.startsWith('secret/')));
  assert.equal(code, 1);
  assertNoFakeValue(stdout, stderr);
});

test('binary and oversized files are skipped with a note on stderr, never a crash', async () => {
  const dir = folder({ 'blob.json': new Uint8Array([0x7b, 0x00, 0x01, 0x02, 0x7d]), 'big.yml': `key: ${'x'.repeat(4000)}\n`, 'small.yml': 'name: ok\n', 'config.json': '{"maxFileSize": 1000}' });
  const { code, stdout, stderr } = await run(['scan', '.', 'blob.json', '--config', 'config.json', '--format', 'json'], dir);
  assert.equal(code, 0);
  assert.match(stderr, /^plainsight: blob\.json: skipped: binary content$/m);
  assert.match(stderr, /^plainsight: big\.yml: skipped: .*over the limit of 1000/m);
  const report = JSON.parse(stdout);
  assert.deepEqual(
    report.files.map((f: { path: string; skipped?: string }) => [f.path, Boolean(f.skipped)]),
    [
      ['big.yml', true],
      ['blob.json', true],
      ['config.json', false],
      ['small.yml', false],
    ],
  );
});

test('json output follows the documented schema with 1-based ranges', async () => {
  const dir = folder({ 'docker-compose.yml': COMPOSE });
  const { stdout, stderr } = await run(['scan', '--format', 'json'], dir);
  const report = JSON.parse(stdout);
  assert.deepEqual(Object.keys(report), ['version', 'tool', 'files', 'findings']);
  assert.equal(report.version, 1);
  assert.deepEqual(report.tool, { name: 'Plainsight', version: VERSION });
  assert.deepEqual(report.files, [{ path: 'docker-compose.yml', kind: 'compose' }]);
  assert.equal(report.findings.length, 1);
  const finding = report.findings[0];
  assert.deepEqual(Object.keys(finding).sort(), ['category', 'confidence', 'excerpt', 'fixable', 'message', 'path', 'range', 'ruleId', 'severity'].sort());
  const start = positionOf(COMPOSE, FAKE_PASSWORD);
  assert.deepEqual(finding.range, { startLine: start.line, startColumn: start.column, endLine: start.line, endColumn: start.column + FAKE_PASSWORD.length });
  assert.equal(finding.category, 'secret');
  assert.equal(typeof finding.fixable, 'boolean');
  // The excerpt shows that something was found without showing it.
  assert.match(finding.excerpt, new RegExp(`^${FAKE_PASSWORD.slice(0, 4)}…\\(${FAKE_PASSWORD.length} chars\\)$`));
  assert.equal(stderr, '1 finding (1 error) in 1 file\n');
  assertNoFakeValue(stdout, stderr);
});

test('sarif output has the fields code scanning needs, and no fake value in any format or file', async () => {
  const dir = folder({ 'deploy/docker-compose.yml': COMPOSE, 'deploy/.env.production': `GITHUB_TOKEN=${FAKE_TOKEN}\n` });
  const { code, stdout, stderr } = await run(['scan', '--format', 'sarif'], dir);
  assert.equal(code, 1);
  const log = JSON.parse(stdout);
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run0 = log.runs[0];
  assert.equal(run0.tool.driver.name, 'Plainsight');
  assert.equal(run0.tool.driver.version, VERSION);
  assert.match(run0.tool.driver.informationUri, /^https:\/\//);
  assert.equal(run0.columnKind, 'utf16CodeUnits');
  assert.match(run0.originalUriBaseIds['%SRCROOT%'].uri, /^file:\/\/.*\/$/);
  assert.deepEqual(
    run0.artifacts.map((a: { location: { uri: string } }) => a.location.uri),
    ['deploy/.env.production', 'deploy/docker-compose.yml'],
  );
  assert.ok(run0.results.length >= 2);
  for (const result of run0.results) {
    const rule = run0.tool.driver.rules[result.ruleIndex];
    assert.equal(rule.id, result.ruleId);
    for (const field of ['name', 'shortDescription', 'fullDescription', 'help', 'helpUri', 'defaultConfiguration', 'properties']) assert.ok(rule[field], `rule.${field}`);
    assert.ok(rule.help.text && rule.help.markdown);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
    assert.ok(rule.properties.category && Array.isArray(rule.properties.tags));
    assert.ok(['error', 'warning', 'note'].includes(result.level));
    assert.ok(result.message.text);
    const location = result.locations[0].physicalLocation;
    assert.equal(location.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.equal(run0.artifacts[location.artifactLocation.index].location.uri, location.artifactLocation.uri);
    assert.ok(location.region.startLine >= 1 && location.region.startColumn >= 1);
    assert.match(result.partialFingerprints['plainsight/v1'], /^[0-9a-f]{64}$/);
  }
  const compose = run0.results.find((r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => r.locations[0].physicalLocation.artifactLocation.uri === 'deploy/docker-compose.yml');
  const start = positionOf(COMPOSE, FAKE_PASSWORD);
  assert.deepEqual(compose.locations[0].physicalLocation.region, { startLine: start.line, startColumn: start.column, endLine: start.line, endColumn: start.column + FAKE_PASSWORD.length });
  assert.equal(new Set(run0.tool.driver.rules.map((r: { id: string }) => r.id)).size, run0.tool.driver.rules.length, 'each rule listed once');

  const outputs = [stdout, stderr];
  for (const format of ['text', 'json']) {
    const r = await run(['scan', '--format', format], dir);
    outputs.push(r.stdout, r.stderr);
  }
  const written = await run(['scan', '--format', 'sarif', '--output', 'report.sarif'], dir);
  outputs.push(written.stdout, written.stderr, readFileSync(join(dir, 'report.sarif'), 'utf8'));
  assertNoFakeValue(...outputs);
});

test('--output writes the report to the file and only a summary line to stderr', async () => {
  const dir = folder({ 'docker-compose.yml': COMPOSE });
  const { code, stdout, stderr } = await run(['scan', '-o', 'report.txt', '--format', 'text'], dir);
  assert.equal(code, 1);
  assert.equal(stdout, '');
  assert.equal(stderr, '1 finding (1 error) in 1 file\n');
  assert.match(readFileSync(join(dir, 'report.txt'), 'utf8'), /^docker-compose\.yml:\d+:\d+ error secret\/generic-password .*\n1 finding \(1 error\) in 1 file\n$/);
});

test('--fail-on sets the severity that fails the run', async () => {
  const dir = folder({ 'docker-compose.yml': COMPOSE, 'lower.json': '{"rules": {"secret/generic-password": "warning"}}' });
  assert.equal((await run(['scan', 'docker-compose.yml', '--fail-on', 'none'], dir)).code, 0);
  assert.equal((await run(['scan', 'docker-compose.yml', '--fail-on', 'error'], dir)).code, 1);
  const lowered = await run(['scan', 'docker-compose.yml', '--config', 'lower.json', '--fail-on', 'error'], dir);
  assert.match(lowered.stdout, / warning secret\/generic-password /);
  assert.equal(lowered.code, 0);
  assert.equal((await run(['scan', 'docker-compose.yml', '--config', 'lower.json', '--fail-on', 'warning'], dir)).code, 1);
});

test('--config reads flat or editor-settings style files and rejects bad ones with exit 2', async () => {
  const dir = folder({
    'docker-compose.yml': COMPOSE,
    'off.json': '// comments are fine\n{"rules": {"secret": "off"},}',
    '.vscode/settings.json': '{"editor.tabSize": 2, "plainsight.rules": {"secret/generic-password": "off"}}',
    'bad.json': '{"rules": {"secret": "loud"}}',
    'typo.json': '{"rule": {}}',
    'broken.json': '{"rules": ',
  });
  assert.equal((await run(['scan', 'docker-compose.yml', '--config', 'off.json'], dir)).code, 0);
  assert.equal((await run(['scan', 'docker-compose.yml', '--config', '.vscode/settings.json'], dir)).code, 0);
  for (const [file, message] of [
    ['bad.json', /'rules\.secret' must be error, warning, info, off/],
    ['typo.json', /unknown key 'rule'/],
    ['broken.json', /cannot parse config broken\.json: line 1/],
    ['absent.json', /cannot read config absent\.json: ENOENT/],
  ] as const) {
    const r = await run(['scan', '--config', file], dir);
    assert.equal(r.code, 2, file);
    assert.match(r.stderr, message);
  }
});

test('rules lists every rule id, as a table or as json', async () => {
  const dir = folder({});
  const text = await run(['rules'], dir);
  assert.equal(text.code, 0);
  const rows = text.stdout.trimEnd().split('\n');
  assert.match(rows[0], /^RULE\s+CATEGORY\s+SEVERITY\s+TITLE$/);
  assert.equal(rows.length, ALL_META.length + 1);
  for (const meta of ALL_META) assert.ok(rows.some((r) => r.startsWith(`${meta.id} `)), meta.id);
  const json = await run(['rules', '--format', 'json'], dir);
  const rules = JSON.parse(json.stdout);
  assert.deepEqual(
    rules.map((r: { id: string }) => r.id),
    ALL_META.map((m) => m.id),
  );
  assert.deepEqual(Object.keys(rules[0]).sort(), ['category', 'confidence', 'defaultSeverity', 'fixable', 'helpUri', 'id', 'title']);
});

test('--version, --help and help <command>', async () => {
  const dir = folder({});
  assert.deepEqual(await run(['--version'], dir), { code: 0, stdout: `${VERSION}\n`, stderr: '' });
  const help = await run(['--help'], dir);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^\s+scan\s+/m);
  assert.match(help.stdout, /^\s+rules\s+/m);
  const scanHelp = await run(['help', 'scan'], dir);
  assert.equal(scanHelp.code, 0);
  assert.match(scanHelp.stdout, /^Usage: plainsight scan/);
  assert.match(scanHelp.stdout, /--fail-on/);
  assert.equal((await run(['scan', '--help'], dir)).stdout, scanHelp.stdout);
});

test('walks leave out lockfiles and program sources named like Dockerfiles', () => {
  // The accepted names are covered by file-types.test.ts; these are the walk's exclusions.
  for (const name of ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', '.terraform.lock.hcl', 'dockerfile.ts', 'Dockerfile.test.js', 'dockerfile.md']) {
    assert.ok(!isConfigLike(name), name);
  }
  for (const name of ['Dockerfile.alpine', 'dockerfile-ci.yml', 'Containerfile.prod']) assert.ok(isConfigLike(name), name);
});

const BUNDLE = join(__dirname, '..', '..', 'dist', 'cli.js');

test('smoke: the built dist/cli.js runs as a program', { skip: !existsSync(BUNDLE) && 'dist/cli.js is not built (npm run build)' }, () => {
  const dir = folder({ 'docker-compose.yml': COMPOSE });
  const found = spawnSync(process.execPath, [BUNDLE, 'scan', '--format', 'json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(found.status, 1, found.stderr);
  assert.equal(JSON.parse(found.stdout).findings[0].ruleId, 'secret/generic-password');
  assertNoFakeValue(found.stdout, found.stderr);
  // The V8 tuning must stay silent: V8 prints an error for a flag it does not know.
  assert.doesNotMatch(found.stderr, /flag/i);
  const missing = spawnSync(process.execPath, [BUNDLE, 'scan', 'nowhere'], { cwd: dir, encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /no such file or directory: nowhere/);
});

test('V8 tuning: a larger interrupt budget under V8 11 (Node 20) only; later V8s lack the flag', () => {
  assert.deepEqual(v8FlagsFor('11.3.244.8-node.33'), ['--interrupt-budget=405504']);
  for (const version of ['10.2.154.26-node.26', '12.4.254.21-node.33', '13.6.233.17-node.27']) assert.deepEqual(v8FlagsFor(version), [], version);
});
