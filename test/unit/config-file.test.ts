// The project configuration file: parsing (JSON and YAML) with positioned errors and suggestions,
// the precedence over settings, `ignore` globs, and the CLI finding the nearest file from any
// folder (monorepos). Fake values only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { ignoreMatcher, mergeConfig, parseConfigFile, suggestRuleId } from '../../src/core/config-file';
import { analyze } from '../../src/core/index';
import { scratchRoot, runCli } from './helpers/cli';

const FAKE_PASSWORD = ['Xq7', 'fake', 'Pa55word', '9Lm'].join('-');
const COMPOSE = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "${FAKE_PASSWORD}"\n      API_URL: http://api.example.com/v1\n`;

const scratch = scratchRoot('config');
const folder = scratch.folder;
const run = runCli;

test('a JSON file: every key, with comments and trailing commas', () => {
  const text = `{
    // shared by CI and editors
    "$schema": "./node_modules/plainsight/media/plainsight.schema.json",
    "rules": { "scope": "warning", "transport/cleartext-url": "error", "secret/generic-secret": "off", },
    "ignore": ["test/fixtures/**"],
    "allowedValues": ["changeme"],
    "allowedHosts": ["*.Svc.Cluster.Local"],
    "privateHostSeverity": "off",
    "maxFileSize": 1000,
  }`;
  const { config, ignore, errors } = parseConfigFile(text, '/repo/.plainsight.json');
  assert.deepEqual(errors, []);
  assert.deepEqual(config.rules, { scope: 'warning', 'transport/cleartext-url': 'error', 'secret/generic-secret': 'off' });
  assert.deepEqual(ignore, ['test/fixtures/**']);
  assert.deepEqual(config.options, { allowedValues: ['changeme'], allowedHosts: ['*.svc.cluster.local'], privateHostSeverity: 'off' });
  assert.equal(config.maxFileSize, 1000);
});

test('a YAML file parses to the same configuration', () => {
  const json = parseConfigFile('{"rules": {"secret": "warning"}, "ignore": ["a/**"]}', '.plainsight.json');
  const yaml = parseConfigFile('rules:\n  secret: warning\nignore:\n  - a/**\n', '.plainsight.yaml');
  assert.deepEqual(yaml, json);
  assert.deepEqual(parseConfigFile('', '.plainsight.yml'), { config: {}, ignore: [], errors: [] });
});

test('mistakes are reported with their position and the closest valid name', () => {
  const text = '{\n  "rules": {\n    "secret/generic-pasword": "off",\n    "generic-password": "warning",\n    "scope": "loud"\n  },\n  "ignroe": [],\n  "allowedHosts": [1]\n}';
  const { config, errors } = parseConfigFile(text, '.plainsight.json');
  const messages = errors.map((e) => e.message);
  assert.match(messages[0], /unknown rule id or category 'secret\/generic-pasword': did you mean 'secret\/generic-password'\?/);
  // A rule name without its category is recognised as that rule.
  assert.match(messages[1], /'generic-password': did you mean 'secret\/generic-password'\?/);
  assert.match(messages[2], /rules\.scope must be one of error, warning, info, off/);
  assert.match(messages[3], /unknown key 'ignroe': did you mean 'ignore'\?/);
  assert.match(messages[4], /allowedHosts\[0\] must be a non-empty string/);
  // Positions point at the offending key or value.
  assert.equal(text.slice(errors[0].start, errors[0].end), '"secret/generic-pasword"');
  assert.equal(text.slice(errors[2].start, errors[2].end), '"loud"');
  assert.equal(text.slice(errors[3].start, errors[3].end), '"ignroe"');
  // The valid rest still applies: nothing here was valid, so no rules are set.
  assert.deepEqual(config.rules, {});
});

test('YAML errors have positions too, and values never appear in messages', () => {
  const text = `rules:\n  transport/clear-url: warning\nallowedValues: ${FAKE_PASSWORD}\n`;
  const { errors } = parseConfigFile(text, '.plainsight.yaml');
  assert.equal(text.slice(errors[0].start, errors[0].end), 'transport/clear-url');
  assert.match(errors[0].message, /did you mean 'transport\/cleartext-url'/);
  assert.match(errors[1].message, /'allowedValues' must be an array of strings/);
  assert.ok(errors.every((e) => !e.message.includes(FAKE_PASSWORD)));
  const broken = parseConfigFile('{"rules": {', '.plainsight.json');
  assert.match(broken.errors[0].message, /invalid JSON/);
  assert.equal(suggestRuleId('completely-unrelated-words'), undefined);
});

test('precedence: the file wins for what it names, categories included; allow-lists add up', () => {
  const settings = { rules: { 'secret/generic-password': 'warning' as const, 'scope/gha-write-all': 'info' as const, transport: 'off' as const }, options: { allowedValues: ['a'], privateHostSeverity: 'info' as const } };
  const file = { rules: { secret: 'off' as const, 'scope/gha-write-all': 'error' as const }, options: { allowedValues: ['b'] } };
  const merged = mergeConfig(settings, file);
  // The settings' per-id secret entry goes: the file turned the whole category off.
  assert.deepEqual(merged.rules, { transport: 'off', secret: 'off', 'scope/gha-write-all': 'error' });
  assert.deepEqual(merged.options, { allowedValues: ['a', 'b'], privateHostSeverity: 'info' });
  const result = analyze(COMPOSE, { path: 'compose.yml', config: merged });
  assert.deepEqual(result.findings, [], 'secret off by the file, transport off by the settings');
  assert.deepEqual(mergeConfig(settings, undefined), settings);
});

test('ignore globs use .gitignore syntax relative to the config folder', () => {
  const ignores = ignoreMatcher(['test/fixtures/**', '*.sample.env', '!keep.sample.env']);
  assert.equal(ignores('test/fixtures/a/compose.yml'), true);
  assert.equal(ignores('deep/dir/x.sample.env'), true);
  assert.equal(ignores('keep.sample.env'), false);
  assert.equal(ignores('src/compose.yml'), false);
  assert.equal(ignores('../outside/test/fixtures/a.yml'), false);
  assert.equal(ignoreMatcher([])('anything'), false);
});

test('CLI: the nearest config from each file wins, in a monorepo, from any working directory', async () => {
  const dir = folder({
    '.plainsight.json': '{"rules": {"transport": "off"}}',
    'packages/api/compose.yml': COMPOSE,
    'packages/web/.plainsight.yaml': 'rules:\n  secret: "off"\n',
    'packages/web/compose.yml': COMPOSE,
  });
  for (const cwd of [dir, join(dir, 'packages'), join(dir, 'packages', 'web')]) {
    const { code, stdout } = await run(['scan', dir, '--format', 'json'], cwd);
    assert.equal(code, 1);
    const findings = JSON.parse(stdout).findings as { path: string; ruleId: string }[];
    // Paths are shown relative to the working directory: `compose.yml` is web's from packages/web.
    const api = findings.filter((f) => f.path.endsWith('api/compose.yml')).map((f) => f.ruleId);
    const web = findings.filter((f) => !f.path.endsWith('api/compose.yml')).map((f) => f.ruleId);
    // api: root config (transport off, secrets on); web: its own config only (nearest wins, no merging of the two).
    assert.deepEqual(api, ['secret/generic-password'], `from ${cwd}`);
    assert.deepEqual(web, ['transport/cleartext-url'], `from ${cwd}`);
  }
  const without = await run(['scan', '--no-config', '--format', 'json'], dir);
  assert.equal(JSON.parse(without.stdout).findings.length, 4);
});

test('CLI: the file wins over --config; ignore globs skip files, named ones too (pre-commit passes names)', async () => {
  const dir = folder({
    '.plainsight.json': '{"rules": {"secret/generic-password": "warning"}, "ignore": ["fixtures/"]}',
    'settings.json': '{"rules": {"secret/generic-password": "off", "transport": "off"}}',
    'compose.yml': COMPOSE,
    'fixtures/compose.yml': COMPOSE,
  });
  const { stdout } = await run(['scan', '--config', 'settings.json', '--format', 'json'], dir);
  const report = JSON.parse(stdout);
  assert.deepEqual(report.findings.map((f: { path: string; ruleId: string; severity: string }) => [f.path, f.ruleId, f.severity]), [['compose.yml', 'secret/generic-password', 'warning']]);
  assert.ok(!report.files.some((f: { path: string }) => f.path.startsWith('fixtures/')));
  // The configuration itself is not scanned: "secret/generic-password": "warning" is no password.
  assert.ok(!report.files.some((f: { path: string }) => f.path === '.plainsight.json'));
  const named = await run(['scan', 'fixtures/compose.yml', '--format', 'json'], dir);
  assert.deepEqual(JSON.parse(named.stdout).files, []);
  assert.equal(named.code, 0);
});

test('CLI: an invalid config stops the scan with every error and its position (exit 2)', async () => {
  const dir = folder({ '.plainsight.json': '{\n  "rules": {"scop": "off"},\n  "ignroe": []\n}', 'compose.yml': COMPOSE });
  const { code, stdout, stderr } = await run(['scan'], dir);
  assert.equal(code, 2);
  assert.equal(stdout, '');
  assert.match(stderr, /\.plainsight\.json:2:13: unknown rule id or category 'scop': did you mean 'scope'\?/);
  assert.match(stderr, /\.plainsight\.json:3:3: unknown key 'ignroe': did you mean 'ignore'\?/);
});
