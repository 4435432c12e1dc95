// No leaks: with fake secrets of many kinds planted in files of every syntax, no secret appears
// whole in any finding's message, excerpt or fix title, in any report format (text, JSON, SARIF,
// Markdown), in the engine's internal-error path, or in what the CLI prints or writes. Custom
// patterns (a project's own formats, from `customPatterns`) are planted and configured too.
//
// Every secret here is fake: provider tokens are the synthetic positives of
// test/fixtures/catalog/tokens.json, passwords are assembled at run time from a "fake" marker
// (so this repository's own secret scanning does not flag the test), the private key is random
// base64 between PEM markers.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { analyze, type Finding } from '../../src/core/index';
import type { Rule } from '../../src/core/rule';
import { formatText, toJson, toSarif, type ScanReport } from '../../src/core/output/index';
import { toMarkdown } from '../../src/core/output/markdown';
import { currentCli } from '../fuzz/cli-bundle';
import { compileCustomPatterns } from '../../src/core/custom-pattern-specs';

const CATALOG = JSON.parse(readFileSync(join(__dirname, '../fixtures/catalog/tokens.json'), 'utf8')) as Record<string, { positive: string[] }>;
const TOKENS = Object.values(CATALOG).flatMap((e) => e.positive);
const fake = (...parts: string[]) => parts.join('');
const PASSWORDS = [fake('Xq7', '-fake-', 'Hunter2', '-Zr9Lm'), fake('Pw4', 'fake', 'Qz8', '!vB3nM'), fake('Mk2', '_fake_', 'Ty6wE1rT')];
const URL_PASSWORD = fake('Ur1', 'fake', 'Db9Pass', 'K7x');
const BASIC_PASSWORD = fake('Cu3', 'fake', 'Basic', 'W4q');
const KEY_LINES = ['MIIEpAIBAAKCAQEAfakeFAKEfake0123456789abcdefghijklmnopqrstuvwxyzAB', 'CDEFGHIJKLMNOPQRSTUVWXYZfakeFAKE0123456789abcdefghijklmnopqrstuvwx', 'yzfakeFAKEfakeFAKE0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijk'];
const PRIVATE_KEY = `-----BEGIN RSA PRIVATE KEY-----\n${KEY_LINES.join('\n')}\n-----END RSA PRIVATE KEY-----`;
const CUSTOM_TOKEN = fake('corp_tok_', 'Fk3', 'fakeQ9w8e7r6t5y4u3i2o1p0', 'aZ');
const CUSTOM_SALT = fake('Sl7', 'fake', 'Mn4Bv8Cx2');
const CUSTOM_PATTERNS = [
  { id: 'corp-token', pattern: '\\bcorp_tok_[A-Za-z0-9]{20,40}\\b', keywords: ['corp_tok_'] },
  { id: 'signing-salt', pattern: 'SIGNING_SALT=(?<secret>[A-Za-z0-9]{16})', description: 'A signing salt' },
];
const CUSTOM = compileCustomPatterns(CUSTOM_PATTERNS, { label: 'customPatterns' }).patterns;
/** Everything that must never appear whole in any output. */
const SECRETS = [...TOKENS, ...PASSWORDS, URL_PASSWORD, BASIC_PASSWORD, ...KEY_LINES, CUSTOM_TOKEN, CUSTOM_SALT];

/** The planted files; the CLI runs get fewer tokens per file to stay fast (the engine sees all). */
const filesWith = (tokens: readonly string[]): Record<string, string> => ({
  'tokens/.env': tokens.map((t, i) => `TOKEN_${i}=${t}`).join('\n'),
  'tokens/docker-compose.yml': `services:\n  app:\n    image: app\n    environment:\n${tokens.map((t, i) => `      API_KEY_${i}: "${t}"`).join('\n')}\n`,
  'tokens/config.json': `{\n${tokens.map((t, i) => `  "token_${i}": ${JSON.stringify(t)}`).join(',\n')}\n}\n`,
  'app/secrets.yml': [
    `password: ${PASSWORDS[0]}`,
    `db_password: "${PASSWORDS[1]}"`,
    `database_url: postgres://admin:${URL_PASSWORD}@db.example.com:5432/app`,
    `cache_url: http://cache:${URL_PASSWORD}@10.0.0.5:6379`,
    `private_key: |\n  ${PRIVATE_KEY.split('\n').join('\n  ')}`,
    `notes: "curl -u deploy:${BASIC_PASSWORD} http://api.example.com/upload"`,
  ].join('\n'),
  '.github/workflows/ci.yml': `on: push\npermissions: write-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      NPM_TOKEN: ${TOKENS[0]}\n      DB_PASSWORD: ${PASSWORDS[2]}\n    steps:\n      - run: |\n          echo "${PASSWORDS[0]}" | docker login -u ci --password-stdin registry.example.com\n          curl -k -u admin:${BASIC_PASSWORD} http://internal.example.com/deploy\n          mysql -uroot -p${PASSWORDS[1]} app\n          git clone https://x:${URL_PASSWORD}@github.com/acme/app.git\n`,
  Dockerfile: `FROM node:20\nENV DB_PASSWORD=${PASSWORDS[0]}\nARG API_TOKEN=${TOKENS[2]}\nRUN curl -u user:${BASIC_PASSWORD} http://files.example.com/x.tgz | tar xz\nRUN docker login -u admin -p ${PASSWORDS[1]} registry.example.com\n`,
  '.npmrc': `//registry.npmjs.org/:_authToken=${TOKENS[4]}\n//npm.example.com/:_password=${PASSWORDS[2]}\n`,
  '.netrc': `machine api.example.com login deploy password ${PASSWORDS[1]}\n`,
  '.git-credentials': `https://deploy:${URL_PASSWORD}@github.com\n`,
  'infra/main.tf': `resource "aws_db_instance" "db" {\n  password = "${PASSWORDS[2]}"\n  endpoint = "http://admin:${URL_PASSWORD}@db.internal"\n}\n`,
  'k8s/secret.yaml': `apiVersion: v1\nkind: Secret\nmetadata:\n  name: app\nstringData:\n  password: ${PASSWORDS[0]}\n  token: ${TOKENS[6]}\n`,
  'custom/deploy.yml': `deploy:\n  token: ${CUSTOM_TOKEN}\n  run: export INTERNAL_SIGNING_SALT=${CUSTOM_SALT}\n`,
  '.vscode/settings.json': `{\n  // comment\n  "http.proxy": "http://user:${URL_PASSWORD}@proxy.example.com:8080",\n  "sqltools.connections": [{ "password": "${PASSWORDS[1]}" }]\n}\n`,
});
const FILES = filesWith(TOKENS);

/** Every planted secret found whole in `text`. */
function leaksIn(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

function findingStrings(f: Finding): string[] {
  return [f.message, f.excerpt, ...f.fixes.map((x) => x.title)];
}

let report: ScanReport;
before(() => {
  report = {
    files: Object.entries(FILES).map(([path, text]) => {
      const r = analyze(text, { path, config: { options: { customPatterns: CUSTOM } } });
      return { path, kind: r.kind, findings: r.findings };
    }),
  };
});

test('the leak check itself finds secrets where they are (it can fail)', () => {
  assert.ok(leaksIn(Object.values(FILES).join('\n')).length === SECRETS.length, 'every planted secret is in the files');
  // And the engine finds most of them, so "no leak" is not "nothing looked at".
  const secretFindings = report.files.flatMap((f) => f.findings).filter((f) => f.category === 'secret').length;
  assert.ok(secretFindings >= TOKENS.length, `${secretFindings} secret findings`);
  const custom = report.files.flatMap((f) => f.findings).filter((f) => f.ruleId.startsWith('secret/custom/')).map((f) => f.ruleId);
  assert.deepEqual(custom.sort(), ['secret/custom/corp-token', 'secret/custom/signing-salt']);
});

test('no secret appears whole in finding messages, excerpts or fix titles', () => {
  const leaks: string[] = [];
  for (const file of report.files) {
    for (const f of file.findings) {
      for (const s of findingStrings(f)) for (const leak of leaksIn(s)) leaks.push(`${file.path}:${f.startLine + 1} ${f.ruleId}: ${leak.slice(0, 6)}… in ${JSON.stringify(s.replace(leak, '<SECRET>')).slice(0, 160)}`);
    }
  }
  assert.deepEqual(leaks, []);
});

test('no secret appears whole in the text, JSON, SARIF or Markdown report', () => {
  const outputs: Record<string, string> = {
    text: formatText(report),
    json: JSON.stringify(toJson(report)),
    sarif: JSON.stringify(toSarif(report, { rootUri: 'file:///repo/' })),
    markdown: toMarkdown(report),
  };
  for (const [format, out] of Object.entries(outputs)) {
    assert.ok(out.length > 1000, `${format} report has content`);
    assert.deepEqual(leaksIn(out).map((s) => `${s.slice(0, 6)}…`), [], `${format} report`);
  }
});

test("the engine's internal-error path names the rule and the error type, never the error's message", () => {
  const secret = PASSWORDS[0];
  const throwing: Rule = {
    meta: { id: 'secret/test-throws', category: 'secret', title: 't', defaultSeverity: 'error', confidence: 'high', explanation: 'e', fixable: false },
    visitText() {
      throw new TypeError(`cannot parse ${secret}`);
    },
  };
  const r = analyze(`password: ${secret}\n`, { path: 'a.yml', rules: [throwing] });
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0].message, 'internal error in secret/test-throws: TypeError');
  assert.deepEqual(leaksIn(JSON.stringify(r.findings)), []);
});

test('a rule message quoting a secret (or a URL password) is masked centrally', () => {
  const secret = PASSWORDS[1];
  const text = `password: ${secret}\nurl: http://u:${URL_PASSWORD}@example.com\n`;
  const at = text.indexOf(secret);
  const careless: Rule[] = [
    {
      meta: { id: 'secret/test-careless', category: 'secret', title: 't', defaultSeverity: 'error', confidence: 'high', explanation: 'e', fixable: false },
      visitText: (ctx) => ctx.report({ start: at, end: at + secret.length, message: `found ${secret} here` }),
    },
    {
      meta: { id: 'transport/test-careless', category: 'transport', title: 't', defaultSeverity: 'warning', confidence: 'high', explanation: 'e', fixable: false },
      visitText: (ctx) => ctx.report({ start: 0, end: text.length, message: `see ${secret} and http://u:${URL_PASSWORD}@example.com` }),
    },
  ];
  const r = analyze(text, { path: 'a.yml', rules: careless });
  assert.equal(r.findings.length, 2);
  for (const f of r.findings) assert.deepEqual(leaksIn(findingStrings(f).join('\n')), [], f.ruleId);
});

// ---------------------------------------------------------------------------------------------
// The CLI, as built

let root: string;
let cli: string;
let temp: string | undefined;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'plainsight-noleak-'));
  for (const [path, text] of Object.entries(filesWith(TOKENS.filter((_, i) => i % 12 === 0)))) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  writeFileSync(join(root, '.plainsight.json'), JSON.stringify({ customPatterns: CUSTOM_PATTERNS }));
  ({ cli, temp } = currentCli());
});
after(() => {
  rmSync(root, { recursive: true, force: true });
  if (temp) rmSync(temp, { recursive: true, force: true });
});

for (const format of ['text', 'json', 'sarif']) {
  test(`plainsight scan --format ${format}: stdout, stderr and --output files hold no secret`, () => {
    const run = spawnSync(process.execPath, [cli, 'scan', root, '--format', format], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(run.status, 1, `exit 1 (findings): ${run.stderr.slice(0, 500)}`);
    assert.ok(run.stdout.length > 1000, 'the report is on stdout');
    assert.match(run.stdout, /secret\/custom\/corp-token/, 'the custom pattern of the project file applied');
    assert.deepEqual(leaksIn(run.stdout).map((s) => `${s.slice(0, 6)}…`), [], 'stdout');
    assert.deepEqual(leaksIn(run.stderr).map((s) => `${s.slice(0, 6)}…`), [], 'stderr');
    const out = join(root, `report.${format}`);
    const toFile = spawnSync(process.execPath, [cli, 'scan', root, '--format', format, '--output', out], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.equal(toFile.status, 1, toFile.stderr.slice(0, 500));
    assert.deepEqual(leaksIn(readFileSync(out, 'utf8')).map((s) => `${s.slice(0, 6)}…`), [], `${format} file`);
    assert.deepEqual(leaksIn(toFile.stdout + toFile.stderr).map((s) => `${s.slice(0, 6)}…`), [], 'streams with --output');
    rmSync(out);
  });
}
