// Custom secret patterns end to end below the editor: validation and compilation of the entries
// (custom-pattern-specs.ts), the secret/custom-pattern rule (exact ranges, masking, references and
// placeholders, suppression, severities), `customPatterns` in .plainsight.json/.yaml, and the CLI
// (findings in text and SARIF under `secret/custom/<id>`, unsafe or invalid patterns → exit 2).
// Every value is fake and assembled at run time, so secret scanners do not flag this file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, docsPageOf, metaOf, type Config } from '../../src/core/index';
import { compileCustomPatterns, mergeCustomPatterns, CUSTOM_PATTERN_FIELDS, type CompiledCustomPattern } from '../../src/core/custom-pattern-specs';
import { mergeConfig, parseConfigFile } from '../../src/core/config-file';
import { formatText, toJson, toSarif } from '../../src/core/output/index';
import { toMarkdown } from '../../src/core/output/markdown';
import { runCli, scratchRoot } from './helpers/cli';

const fake = (...parts: string[]) => parts.join('');
const TOKEN = fake('acme_live_', 'FAKE', '0a1b2c3d4e5f6g7h8i9j');
const SALT = fake('Zm9', 'fake', 'A1s2d3f4g');
const SPECS = [
  { id: 'acme-live-key', pattern: '\\bacme_live_[A-Za-z0-9]{24}\\b', description: 'An Acme live key', keywords: ['ACME_LIVE_'] },
  // Patterns the CLI's recheck decides in milliseconds even on a loaded machine (an unbounded
  // `{16,}` after a literal takes seconds, and an undecided pattern is refused).
  { id: 'signing-salt', pattern: 'SIGNING_SALT=(?<secret>[A-Za-z0-9]{16})', severity: 'warning' },
];

function compiled(specs: unknown = SPECS): CompiledCustomPattern[] {
  const { patterns, problems } = compileCustomPatterns(specs, { label: 'customPatterns' });
  assert.deepEqual(problems, []);
  return patterns;
}

const withPatterns = (patterns = compiled(), rest: Config = {}): Config => ({ ...rest, options: { ...rest.options, customPatterns: patterns } });

test('entries compile to secret/custom/<id> rules; keywords are lowercased; a secret group asks for indices', () => {
  const [acme, salt] = compiled();
  assert.equal(acme.ruleId, 'secret/custom/acme-live-key');
  assert.deepEqual(acme.keywords, ['acme_live_']);
  assert.equal(acme.re.flags, 'g');
  assert.equal(salt.ruleId, 'secret/custom/signing-salt');
  assert.equal(salt.re.flags, 'dg');
  assert.equal(salt.secretGroup, true);
  // The compiled list serialises with what it was made from (the editor keys its cache on it).
  assert.match(JSON.stringify([acme]), /acme_live_\[A-Za-z0-9\]\{24\}/);
});

test('bad entries are refused one by one with the id and the reason; the others still compile', () => {
  const { patterns, problems } = compileCustomPatterns(
    [
      { id: 'slow', pattern: '(a+)+$' },
      { id: 'broken', pattern: '(' },
      { id: 'everywhere', pattern: 'x*' },
      { id: 'Bad Id', pattern: 'x' },
      { id: 'good', pattern: 'good_[0-9]{8}' },
      { id: 'good', pattern: 'again_[0-9]{8}' },
      { id: 'odd', pattern: 'x', colour: 'red' },
      { id: 'sev', pattern: 'x', severity: 'fatal' },
      { id: 'kw', pattern: 'x', keywords: 'x' },
      { id: 'flags', pattern: 'x', flags: 'g' },
      'not an object',
    ],
    { label: 'customPatterns' },
  );
  assert.deepEqual(patterns.map((p) => p.ruleId), ['secret/custom/good']);
  const messages = problems.map((p) => p.message);
  assert.match(messages[0], /^custom pattern 'slow' refused: .*exponential time/);
  assert.match(messages[1], /^custom pattern 'broken' refused: it is not a valid regular expression/);
  assert.match(messages[2], /^custom pattern 'everywhere' refused: it matches the empty string/);
  assert.match(messages[3], /^customPatterns\[3\]\.id must be lowercase letters, digits and single dashes/);
  assert.match(messages[4], /^custom pattern 'good': the id is used twice/);
  assert.match(messages[5], /unknown field 'colour'/);
  assert.match(messages[6], /'severity' must be one of error, warning, info/);
  assert.match(messages[7], /'keywords' must be an array/);
  assert.match(messages[8], /^custom pattern 'flags' refused: unsupported flags/);
  assert.match(messages[9], /^customPatterns\[10\] must be an object/);
  assert.deepEqual(problems[0].path, [0, 'pattern']);
  assert.equal(problems[5].onKey, true);
  assert.match(compileCustomPatterns({}, { label: 'plainsight.customPatterns' }).problems[0].message, /'plainsight.customPatterns' must be an array/);
});

test('a pattern the check accepts with a caveat (recheck undecided) carries the note, naming the pattern', () => {
  const check = () => ({ safe: true as const, note: 'recheck could not decide whether it is safe from ReDoS (no verdict within 10 s); it passed the structural check and is used' });
  const { patterns, problems } = compileCustomPatterns([{ id: 'slowish', pattern: 'x_[0-9]{8}' }], { label: 'customPatterns', check });
  assert.deepEqual(problems, []);
  assert.match(patterns[0].note ?? '', /^custom pattern 'slowish': recheck could not decide/);
});

test('matches are reported with exact ranges: the whole match, or only the (?<secret>...) group', () => {
  const text = `deploy:\n  key: ${TOKEN}\n  run: export SIGNING_SALT=${SALT}\n`;
  const r = analyze(text, { path: 'deploy.yml', config: withPatterns() });
  const custom = r.findings.filter((f) => f.ruleId.startsWith('secret/custom/'));
  assert.deepEqual(
    custom.map((f) => [f.ruleId, f.start, f.end, f.severity]),
    [
      ['secret/custom/acme-live-key', text.indexOf(TOKEN), text.indexOf(TOKEN) + TOKEN.length, 'error'],
      ['secret/custom/signing-salt', text.indexOf(SALT), text.indexOf(SALT) + SALT.length, 'warning'],
    ],
  );
  assert.deepEqual([custom[0].startLine, custom[0].startColumn, custom[0].endColumn], [1, 7, 7 + TOKEN.length]);
  assert.equal(custom[0].message, "An Acme live key matching the custom pattern 'acme-live-key' is hardcoded here. Move it to a secret store and rotate it.");
  for (const f of custom) {
    assert.equal(f.category, 'secret');
    assert.ok(!f.excerpt.includes(TOKEN) && !f.excerpt.includes(SALT), `${f.ruleId} excerpt is masked: ${f.excerpt}`);
  }
});

test('masked in the text, JSON, SARIF and Markdown reports; SARIF names the custom rule', () => {
  const text = `key: ${TOKEN}\nsalt: SIGNING_SALT=${SALT}\n`;
  const { kind, findings } = analyze(text, { path: 'app.yml', config: withPatterns() });
  const report = { files: [{ path: 'app.yml', kind, findings }] };
  const sarif = toSarif(report, { rootUri: 'file:///repo/' });
  for (const out of [formatText(report), JSON.stringify(toJson(report)), JSON.stringify(sarif), toMarkdown(report)]) {
    assert.ok(out.includes('secret/custom/acme-live-key'));
    assert.ok(!out.includes(TOKEN) && !out.includes(SALT), 'no custom secret whole in a report');
  }
  const rule = sarif.runs[0].tool.driver.rules.find((r) => r.id === 'secret/custom/signing-salt');
  assert.ok(rule, 'the SARIF run lists the custom rule');
  assert.equal(rule.shortDescription.text, "Value matching the custom secret pattern 'signing-salt'");
  assert.match(rule.helpUri, /secret\/custom-pattern\.md/);
  assert.equal(docsPageOf('secret/custom/signing-salt'), 'secret/custom-pattern');
  assert.equal(metaOf('secret/custom/signing-salt')?.category, 'secret');
});

test('references, placeholders and allowed values are not reported; the keyword prefilter skips files', () => {
  const patterns = compiled([{ id: 'corp', pattern: 'CORP_KEY=(?<secret>\\S{8,})' }, ...SPECS]);
  const text = 'CORP_KEY=${CORP_KEY_FROM_VAULT}\nA=acme_live_xxxxxxxxxxxxxxxxxxxxxxxx\nB=acme_live_EXAMPLEKEY00000000000000\n';
  assert.deepEqual(analyze(text, { path: 'a.env', config: withPatterns(patterns) }).findings.filter((f) => f.ruleId.startsWith('secret/custom/')), []);
  const allowed = analyze(`k: ${TOKEN}\n`, { path: 'a.yml', config: withPatterns(compiled(), { options: { allowedValues: [TOKEN] } }) });
  assert.equal(allowed.findings.length, 0);
  // The keyword must appear in the file (any case) for the pattern to run.
  const gated = compiled([{ id: 'gated', pattern: 'tok_[0-9]{8}', keywords: ['needle'] }]);
  assert.equal(analyze('a: tok_12345678\n', { path: 'a.yml', config: withPatterns(gated) }).findings.length, 0);
  assert.equal(analyze('a: tok_12345678 # NEEDLE\n', { path: 'a.yml', config: withPatterns(gated) }).findings.length, 1);
});

test('suppression comments, per-id severities and switching the rule off work as for any rule', () => {
  const text = `# plainsight-ignore secret/custom/acme-live-key: fixture\na: ${TOKEN}\nb: ${TOKEN}\n`;
  const base = analyze(text, { path: 'a.yml', config: withPatterns() });
  assert.equal(base.suppressed, 1);
  assert.deepEqual(base.findings.map((f) => [f.ruleId, f.startLine]), [['secret/custom/acme-live-key', 2]]);
  const lowered = analyze(text, { path: 'a.yml', config: withPatterns(compiled(), { rules: { 'secret/custom/acme-live-key': 'info' } }) });
  assert.equal(lowered.findings[0].severity, 'info');
  for (const off of ['secret/custom/acme-live-key', 'secret/custom-pattern', 'secret']) {
    assert.equal(analyze(text, { path: 'a.yml', config: withPatterns(compiled(), { rules: { [off]: 'off' } }) }).findings.length, 0, off);
  }
});

test('a too-broad pattern reports at most 1000 matches per file', () => {
  const broad = compiled([{ id: 'broad', pattern: 'ab' }]);
  assert.equal(analyze(`x: ${'ab '.repeat(3000)}\n`, { path: 'a.yml', config: withPatterns(broad) }).findings.length, 1000);
});

test('.plainsight.json and .yaml: customPatterns compile, mistakes are located, rules accept custom ids', () => {
  const json = JSON.stringify({ rules: { 'secret/custom/acme-live-key': 'warning' }, customPatterns: SPECS }, null, 2);
  const ok = parseConfigFile(json, '.plainsight.json');
  assert.deepEqual(ok.errors, []);
  assert.deepEqual(ok.config.options?.customPatterns?.map((p) => p.ruleId), ['secret/custom/acme-live-key', 'secret/custom/signing-salt']);
  assert.equal(ok.config.rules?.['secret/custom/acme-live-key'], 'warning');

  const bad = '{\n  "customPatterns": [\n    { "id": "slow", "pattern": "(a+)+$" },\n    { "id": "fine", "pattern": "fine_[0-9]{8}", "colour": 1 }\n  ]\n}\n';
  const r = parseConfigFile(bad, '.plainsight.json');
  assert.equal(r.errors.length, 2);
  assert.match(r.errors[0].message, /custom pattern 'slow' refused/);
  assert.equal(r.errors[0].key, 'customPatterns');
  assert.equal(bad.slice(r.errors[0].start, r.errors[0].end), '"(a+)+$"');
  assert.equal(bad.slice(r.errors[1].start, r.errors[1].end), '"colour"');

  const yaml = 'customPatterns:\n  - id: slow\n    pattern: (a+)+$\n  - id: ok-one\n    pattern: ok_[0-9]{8}\n';
  const y = parseConfigFile(yaml, '.plainsight.yaml');
  assert.equal(y.errors.length, 1);
  assert.equal(yaml.slice(y.errors[0].start, y.errors[0].end), '(a+)+$');
  assert.deepEqual(y.config.options?.customPatterns?.map((p) => p.ruleId), ['secret/custom/ok-one']);

  assert.match(parseConfigFile('{"customPatterns": {"id": "x"}}', '.plainsight.json').errors[0].message, /'customPatterns' must be an array/);
});

test('settings and a project file add up; the file wins for an id both define', () => {
  const settings = compiled([{ id: 'shared', pattern: 'old_[0-9]{8}' }, { id: 'mine', pattern: 'mine_[0-9]{8}' }]);
  const file = compiled([{ id: 'shared', pattern: 'new_[0-9]{8}' }]);
  const merged = mergeConfig({ options: { customPatterns: settings } }, { options: { customPatterns: file } }).options?.customPatterns;
  assert.deepEqual(merged?.map((p) => `${p.ruleId} ${p.source}`), ['secret/custom/mine mine_[0-9]{8}', 'secret/custom/shared new_[0-9]{8}']);
  assert.equal(mergeCustomPatterns(undefined, undefined), undefined);
});

test('a project file without custom patterns keeps the empty list of the settings (no rule crash)', () => {
  // The extension always passes the setting's list, often []; merging a .plainsight.json without
  // `customPatterns` over it once produced `customPatterns: undefined`, and the rule threw.
  const merged = mergeConfig({ options: { customPatterns: [] } }, { rules: { scope: 'warning' } });
  assert.deepEqual(merged.options?.customPatterns, []);
  const findings = analyze('password: "x"\n', { path: 'config.yaml', config: merged }).findings;
  assert.ok(!findings.some((f) => f.message.includes('internal error')), JSON.stringify(findings));
});

test('the setting is declared with its schema and restricted in untrusted workspaces', () => {
  const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  assert.ok(pkg.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('plainsight.customPatterns'));
  const setting = pkg.contributes.configuration.properties['plainsight.customPatterns'];
  assert.deepEqual(setting.items.required, ['id', 'pattern']);
  assert.deepEqual(Object.keys(setting.items.properties).sort(), Object.keys(CUSTOM_PATTERN_FIELDS).sort());
});

// ---------------------------------------------------------------------------------------------
// The CLI (recheck checks every pattern before the scan)

const scratch = scratchRoot('custom-patterns');

test('plainsight scan: a project pattern is found in text and SARIF output under secret/custom/<id>', async () => {
  const dir = scratch.folder({ '.plainsight.json': JSON.stringify({ customPatterns: SPECS }), 'deploy.yml': `deploy:\n  key: ${TOKEN}\n` });
  const text = await runCli(['scan', '.', '--fail-on', 'error'], dir);
  assert.equal(text.code, 1, text.stderr);
  assert.match(text.stdout, /deploy\.yml:2:8 .*secret\/custom\/acme-live-key/);
  const sarif = await runCli(['scan', '.', '--format', 'sarif'], dir);
  const run = JSON.parse(sarif.stdout).runs[0];
  assert.deepEqual(run.results.map((r: { ruleId: string }) => r.ruleId), ['secret/custom/acme-live-key']);
  assert.deepEqual(run.results[0].locations[0].physicalLocation.region, { startLine: 2, startColumn: 8, endLine: 2, endColumn: 8 + TOKEN.length });
  for (const out of [text.stdout, text.stderr, sarif.stdout, sarif.stderr]) assert.ok(!out.includes(TOKEN), 'the value is masked');
});

test('plainsight scan: an unsafe pattern stops the scan with exit 2, naming the pattern and the reason', async () => {
  const dir = scratch.folder({ '.plainsight.json': JSON.stringify({ customPatterns: [{ id: 'slow', pattern: '(a+)+$' }] }), 'a.yml': 'a: 1\n' });
  const r = await runCli(['scan', '.'], dir);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /\.plainsight\.json:1:\d+: custom pattern 'slow' refused: a repeated group contains another repeat or an alternation, which can make matching take exponential time/);
});

test('plainsight scan: recheck refuses a polynomial pattern the structural check lets through, also from --config', async () => {
  const dir = scratch.folder({ 'settings.json': JSON.stringify({ 'plainsight.customPatterns': [{ id: 'poly', pattern: '[a-z]+\\d+\\d+$' }] }), 'a.yml': 'a: 1\n' });
  const r = await runCli(['scan', 'a.yml', '--config', 'settings.json'], dir);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /config settings\.json:\n {2}custom pattern 'poly' refused: matching can take 3rd degree polynomial time \(ReDoS\)/);
  const good = scratch.folder({ 'settings.json': JSON.stringify({ customPatterns: SPECS }), 'a.yml': `a: ${TOKEN}\n` });
  const found = await runCli(['scan', 'a.yml', '--config', 'settings.json', '--format', 'json'], good);
  assert.equal(found.code, 1, found.stderr);
  assert.match(found.stdout, /"ruleId": "secret\/custom\/acme-live-key"/);
});
