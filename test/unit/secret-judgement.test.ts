// The shared judgement behind the secret rules: key names, values, exposure of dotenv files,
// masking of messages, and linear running time on hostile input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index';
import { secretKeyKind } from '../../src/core/rules/secret/keys';
import { decodeBase64Text, isPlaceholder, isReference, judgePassword, judgeToken, judgeUserinfoPassword } from '../../src/core/rules/secret/values';
import { urlCredentials } from '../../src/core/rules/secret/url-credentials';
import { connectionSecrets } from '../../src/core/rules/secret/connection-string-password';
import { fixturesOf } from './helpers/fixtures';
import { RULES } from '../../src/core/index';

test('key names: the last meaningful word decides', () => {
  const cases: [string, string | undefined][] = [
    ['POSTGRES_PASSWORD', 'password'],
    ['MasterUserPassword', 'password'],
    ['DB_PASS_BD', 'password'],
    ['db.password.prod', 'password'],
    ['adminpassword', 'password'],
    ['POSTGRES_PASSWORD_FILE', undefined],
    ['password_policy', undefined],
    ['PASSWORD_MIN_LENGTH', undefined],
    ['update_password', undefined],
    ['api_key', 'secret'],
    ['x-api-key', 'secret'],
    ['ClientSecret', 'secret'],
    ['OauthToken', 'secret'],
    ['//registry.example.com/:_authToken', 'secret'],
    ['databricks_pat', 'secret'],
    ['SECRET_NAME', undefined],
    ['token_url', undefined],
    ['secret_id', undefined],
    ['next_token', undefined],
    ['public_key', undefined],
    ['key', undefined],
    ['aws_access_key_id', undefined],
    ['Authorization', 'authorization'],
    ['SLACK_WEBHOOK_URL', 'webhook'],
  ];
  for (const [key, kind] of cases) assert.equal(secretKeyKind(key), kind, key);
});

test('references are never secrets', () => {
  for (const v of ['${{ secrets.X }}', '${X}', '${X:?set it}', '$X', '%X%', '{{ .Values.x }}', '={{ $env.X }}', '$(X)', 'ENC[AES256_GCM,data:abc,iv:x,tag:y,type:str]', 'vault:secret/data/x#y', '{{resolve:secretsmanager:db:SecretString:password}}', 'var.api_key', '{.credential.access_token}', "[parameters('adminPassword')]", '@Microsoft.KeyVault(SecretUri=https://v.vault.azure.net/secrets/x)']) {
    assert.ok(isReference(v), v);
  }
});

test('placeholders are skipped, weak defaults are warnings, real values are secrets', () => {
  for (const v of ['<password>', 'your-api-key-here', 'REPLACE_WITH_PASSWORD', 'YOUR_PASSWORD', 'xxxxxxxx', '********', '...', 'mypassword', 'TODO']) {
    assert.ok(isPlaceholder(v), v);
    assert.equal(judgeToken(v, []), 'skip', v);
  }
  assert.equal(judgePassword('changeme', []), 'weak');
  assert.equal(judgePassword('postgres', []), 'weak');
  assert.equal(judgePassword('123456', []), 'skip', 'numbers are never reported');
  assert.equal(judgePassword('Vq7#mZp2!rTx9wLk', []), 'secret');
  assert.equal(judgePassword('Vq7#mZp2!rTx9wLk', ['Vq7#mZp2!rTx9wLk']), 'skip', 'allowed values');
  assert.equal(judgeUserinfoPassword('password', []), 'skip');
  assert.equal(judgeUserinfoPassword('1111', []), 'skip');
});

test('token values must look generated', () => {
  for (const v of ['on_each_login', 'serviceAccount', 'genericCredentialType', 'ParentAccessToken', 'true', '/run/secrets/token', 'https://auth.example.com/token', 'sha256:4f3378c19cd5840f1aec544ad77bf39768915e2e', 'ops@example.com', 'short']) {
    assert.equal(judgeToken(v, []), 'skip', v);
  }
  for (const v of ['QOo6Cd6rvau5kHvRwMzzuVtY', 'Atzr|IwEBIk3qLm8vXz2R', '4f3378c19cd5840f1aec544ad77bf39768915e2e']) assert.equal(judgeToken(v, []), 'secret', v);
});

test('base64 decoding is strict', () => {
  assert.equal(decodeBase64Text('dXNlcjpwYXNzd29yZA=='), 'user:password');
  assert.equal(decodeBase64Text('dXNlcjpwYXNzd29yZA'), 'user:password', 'padding may be missing');
  assert.equal(decodeBase64Text('not base64!'), undefined);
  assert.equal(decodeBase64Text('AAECAwQFBgc='), undefined, 'binary is not text');
});

test('url credentials: only the password part, never placeholders', () => {
  const text = 'a postgres://app:Wq8zLp3Nx2Vr@db/app b https://user:password@example.com c redis://:${R}@cache';
  const found = urlCredentials(text, []);
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].start, found[0].end), 'Wq8zLp3Nx2Vr');
});

test('connection strings: a component of a string, not a plain password= line', () => {
  const text = 'Server=db;User Id=app;Password=Xr7!mK2qLp9Z;\npassword=Xr7!mK2qLp9Z\n';
  const found = connectionSecrets(text, []);
  assert.equal(found.length, 1);
  assert.equal(text.slice(found[0].start, found[0].end), 'Xr7!mK2qLp9Z');
});

test('a git-ignored .env reports nothing; a committed or unknown one reports as errors', () => {
  const text = 'DATABASE_PASSWORD=hY6tR2qLw9Zs\nSIGNING=gX69YO4CvBsVjzAwYxdGyDd30t5+9ez31gKATtj4\nDB_URL=postgres://app:Wq8zLp3Nx2Vr@db/app\n';
  const secrets = (gitIgnored?: boolean) => analyze(text, { path: '.env', gitIgnored }).findings.filter((f) => f.category === 'secret');
  assert.equal(secrets(true).length, 0);
  for (const found of [secrets(false), secrets(undefined)]) {
    assert.deepEqual(found.map((f) => f.ruleId).sort(), ['secret/dotenv-high-entropy', 'secret/generic-password', 'secret/url-credentials']);
    assert.equal(found.find((f) => f.ruleId === 'secret/generic-password')?.severity, 'error');
  }
  const example = analyze('DATABASE_PASSWORD=<password>\nAPI_TOKEN=your-token-here\n', { path: '.env.example', gitIgnored: false });
  assert.equal(example.findings.length, 0);
});

test('no secret finding carries its value in the message', () => {
  for (const rule of RULES.filter((r) => r.meta.category === 'secret')) {
    for (const fx of fixturesOf(rule.meta.id).filter((f) => f.kind === 'ng')) {
      for (const f of analyze(fx.text, { path: fx.path }).findings.filter((x) => x.category === 'secret')) {
        const value = fx.text.slice(f.start, f.end);
        if (value.length >= 4) assert.ok(!f.message.includes(value), `${fx.path}: ${f.message}`);
      }
    }
  }
});

test('secret rules stay linear on hostile input', () => {
  const hostile = [
    ' '.repeat(30_000) + 'x',
    'password='.repeat(10_000),
    '-----BEGIN RSA PRIVATE KEY-----\n'.repeat(3_000),
    'https://a:'.repeat(10_000) + '@',
    'a:'.repeat(20_000) + '\n',
    'Authorization: Bearer '.repeat(5_000),
    'LS0tLS1CRUdJTi'.repeat(10_000),
    'export A=' + 'b'.repeat(100_000) + ' #',
    'PuTTY-User-Key-File-2: ssh-rsa\n'.repeat(3_000),
  ];
  const secretRules = RULES.filter((r) => r.meta.category === 'secret');
  const time = (f: () => void) => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  };
  for (const text of hostile) {
    for (const path of ['notes.txt', 'config.yaml', '.env']) {
      // Only the rules' own time counts: parsing is measured separately, by the parsers' tests.
      const parsing = time(() => analyze(text, { path, rules: [] }));
      const ms = time(() => analyze(text, { path, rules: secretRules })) - parsing;
      assert.ok(ms < 1500, `${path} with ${JSON.stringify(text.slice(0, 30))}...: ${ms.toFixed(0)} ms in the secret rules`);
    }
  }
});

// Fake values assembled at run time, so that secret scanners run on this repository stay quiet.
const STRIPE_LIVE = ['sk', 'live', 'Zq3fT8pLm2Xv9RcW4nHy7BdK'].join('_');
const STRIPE_PUBLIC = ['pk', 'live', 'Zq3fT8pLm2Xv9RcW4nHy7BdK'].join('_');
const TAILSCALE = ['tskey', 'api', 'k7Qm2Xv9Rc', 'W4nHy7BdKZq3fT8pLm2Xv9RcW'].join('-');

const secretIds = (text: string, path = 'config.yaml') => analyze(text, { path }).findings.filter((f) => f.category === 'secret').map((f) => f.ruleId);

test('tokens designed to be public are not secrets, under any key', () => {
  assert.deepEqual(secretIds(`stripe:\n  publishable_key: ${STRIPE_PUBLIC}\n  api_key: ${STRIPE_PUBLIC}\n`), []);
  assert.deepEqual(secretIds(`STRIPE_PUBLISHABLE_KEY=${STRIPE_PUBLIC}\n`, 'deploy/app.env'), []);
  assert.deepEqual(secretIds(`stripe:\n  secret_key: ${STRIPE_LIVE}\n`), ['secret/stripe-secret-key']);
});

test('a token glued to a digit is still reported; glued to a letter it is part of a word', () => {
  assert.deepEqual(secretIds(`note: build0${TAILSCALE}\n`), ['secret/tailscale-api-token']);
  assert.deepEqual(secretIds(`note: MY_${TAILSCALE}\n`), ['secret/tailscale-api-token']);
  assert.deepEqual(secretIds(`note: x${STRIPE_LIVE}\n`), []);
});

test("other scanners' allowlist comments silence secret findings on their line only", () => {
  const yaml = (comment: string) => `env:\n  STRIPE_KEY: ${STRIPE_LIVE} ${comment}\n  OTHER_KEY: ${STRIPE_LIVE}\n  API: http://api.example.com ${comment}\n`;
  for (const comment of ['# pragma: allowlist secret', '# gitleaks:allow']) {
    const findings = analyze(yaml(comment), { path: 'config.yaml' }).findings;
    assert.deepEqual(findings.filter((f) => f.category === 'secret').map((f) => f.startLine), [2], comment);
    assert.ok(findings.some((f) => f.category === 'transport'), `${comment} must not silence other categories`);
  }
  const nextLine = `env:\n  # pragma: allowlist nextline secret\n  STRIPE_KEY: ${STRIPE_LIVE}\n  OTHER_KEY: ${STRIPE_LIVE}\n`;
  assert.deepEqual(analyze(nextLine, { path: 'config.yaml' }).findings.map((f) => f.startLine), [3]);
});

test('a distinctive prefix is enough: a placeholder body is a low-confidence note, a failed format check lowers confidence', () => {
  const findings = (text: string) => analyze(text, { path: 'config.yaml' }).findings.filter((f) => f.category === 'secret');
  const summary = (text: string) => findings(text).map((f) => `${f.ruleId} ${f.severity} ${f.confidence}`);
  const hfPlaceholder = ['hf', 'x'.repeat(34)].join('_');
  assert.deepEqual(summary(`HF_TOKEN: ${hfPlaceholder}\n`), ['secret/huggingface-access-token info low']);
  const slackPlaceholder = `https://hooks.slack.com/services/${['T00000000', 'B00000000', 'X'.repeat(24)].join('/')}`;
  assert.deepEqual(summary(`notify: ${slackPlaceholder}\n`), ['secret/slack-webhook info low']);
  // The same placeholder behind a weak prefix (a format that needs entropy to be told apart) is nothing.
  assert.deepEqual(summary(`note: ${['secret', 'x'.repeat(43)].join('_')}\n`), []);
  // OpenAI keys carry a marker; without it the key is still reported, with medium confidence.
  const body = 'J4IjkRJ_VmfziOA9crZKViUu3kWHhr0PF6iEZbuyf6';
  assert.deepEqual(summary(`key: ${['sk', 'proj', body].join('-')}\n`), ['secret/openai-project-key error medium']);
  assert.deepEqual(summary(`key: ${['sk', 'proj', body.slice(0, 20) + 'T3BlbkFJ' + body.slice(20)].join('-')}\n`), ['secret/openai-project-key error high']);
  // Linear documents only its prefix: an unusual length is reported, with medium confidence.
  assert.deepEqual(summary(`key: ${['lin', 'api', 'WYHcseZmH5ygrN3aKvsgIY1qNa2ADyXIhWXg2R1tQz'].join('_')}\n`), ['secret/linear-api-key error medium']);
  // The message never repeats the value.
  for (const f of findings(`HF_TOKEN: ${hfPlaceholder}\n`)) assert.ok(!f.message.includes(hfPlaceholder));
});

test('a base64-encoded private key header with a placeholder body is a note; with key material, an error', () => {
  const encode = (s: string) => Buffer.from(s).toString('base64');
  const header = ['-----BEGIN RSA', 'PRIVATE KEY-----'].join(' ');
  const summary = (text: string) => analyze(text, { path: 'template.yaml' }).findings.filter((f) => f.category === 'secret').map((f) => `${f.ruleId} ${f.severity} ${f.confidence}`);
  assert.deepEqual(summary(`UserData: ${encode(`${header}\nsomeKey`)}\n`), ['secret/private-key info low']);
  const material = 'MIIEowIBAAKCAQEA7bq9Xv4nHy7BdKZq3fT8pLm2Xv9RcW4nHy7BdKZq3fT8pLm2Xv9RcW4nHy7BdKZq3fT8pLm2';
  assert.deepEqual(summary(`UserData: ${encode(`${header}\n${material}\n-----END RSA PRIVATE KEY-----\n`)}\n`), ['secret/private-key error high']);
});
