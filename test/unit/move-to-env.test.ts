// "Move to environment variable": for every platform, the plan applied to the file and the
// environment files must leave a file that parses, holds a reference instead of the value, differs
// from the original only where the value was (plus the env entry GitHub run scripts need), a
// dotenv file that reads the value back under the name, and a .gitignore that ignores it.
// Fake values only, assembled at run time so secret scanners do not flag this file.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ignore from 'ignore';
import { main } from '../../src/cli/main';
import { analyze, applyEdits, type Finding } from '../../src/core/index';
import type { Node } from '../../src/core/parse/model';
import { planMoveToEnv, emptyEnvContext, type EnvContext, type MovePlan, type MovePlanned } from '../../src/core/fix/move-to-env';
import { planMoveAll } from '../../src/core/fix/move-all';
import { dotenvEntries, encodeDotenvValue } from '../../src/core/fix/env-files';
import { shellReference } from '../../src/core/fix/shell-ref';
import { editsBetween, unifiedDiff } from '../../src/core/fix/text-diff';
import { invalidEnvName } from '../../src/core/fix/env-names';
import { copyExampleWorkspace, filesUnder } from './helpers/workspace';

const fake = (...parts: string[]) => parts.join('');
const PASSWORD = fake('Xq7', '-fake-', 'Pa55word', '-9Lm');
const STRIPE = fake('sk_', 'live_', 'FAKE51Hq8vT2mXwKp9Lz0aB3cD');
const GH_PAT = fake('ghp', '_', 'R8fK2mQ9xL4vN7pT1wZ6yB3cD5hJ0gS8aE2u');
const SLACK = fake('xoxb', '-1234567890-1234567890123-', 'FAKEfakeFAKEfakeFAKEfake');
const NPM = fake('npm', '_', 'FAKEfake0123456789FAKEfake0123456789');
const TOKEN = fake('Zt4', 'FAKE', 'r9Qw2Lm8Vx5Kp1Hn');

/** A secret finding on the n-th occurrence of `literal`: the engine's own when a rule reports it there, else one made up. */
function findingOn(text: string, path: string, literal: string, ruleId = 'secret/generic-password', nth = 0): Finding {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(literal, start + 1);
  assert.ok(start >= 0, 'literal present');
  const end = start + literal.length;
  const real = analyze(text, { path }).findings.find((f) => f.category === 'secret' && f.start <= start && end <= f.end);
  if (real) return real;
  return { ruleId, category: 'secret', severity: 'error', confidence: 'high', message: '', start, end, startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, excerpt: '', fixes: [] };
}

function plan(path: string, text: string, finding: Finding, env: EnvContext = emptyEnvContext(), name?: string): MovePlan {
  const r = analyze(text, { path });
  assert.ok(r.parsed);
  return planMoveToEnv({ text, path, kind: r.kind, syntax: r.syntax, parsed: r.parsed }, finding, env, { name });
}

function moved(p: MovePlan): MovePlanned {
  assert.equal(p.status, 'move', p.status === 'refused' ? p.reason : p.status === 'advice' ? p.message : '');
  return p as MovePlanned;
}

/** Every scalar of a parsed file by its key path (document index first). */
function leaves(path: string, text: string): Map<string, string> {
  const r = analyze(text, { path });
  const out = new Map<string, string>();
  const walk = (node: Node | null, at: (string | number)[]) => {
    if (!node) return;
    if (node.kind === 'scalar') out.set(at.join('.'), node.value);
    else if (node.kind === 'seq') node.items.forEach((item, i) => walk(item, [...at, i]));
    else for (const pair of node.pairs) walk(pair.value, [...at, pair.key.value]);
  };
  r.parsed!.documents.forEach((d, i) => walk(d.root, [i]));
  return out;
}

/** The other files after the plan: path → text. */
function filesAfter(p: MovePlanned, env: EnvContext): Map<string, string> {
  const before = new Map<string, string | undefined>([
    [env.dotenv.path, env.dotenv.text],
    [env.gitignore.path, env.gitignore.text],
  ]);
  if (env.example) before.set(env.example.path, env.example.text);
  const out = new Map<string, string>();
  for (const f of p.files) {
    assert.ok(before.has(f.path), `only the environment files change, not ${f.path}`);
    assert.equal(f.create, before.get(f.path) === undefined, `${f.path}: create exactly when missing`);
    const old = before.get(f.path) ?? '';
    // Append only: every edit inserts at the end, nothing existing is touched.
    for (const e of f.edits) assert.ok(e.start === old.length && e.end === old.length, `${f.path} is appended to, never rewritten`);
    out.set(f.path, applyEdits(old, f.edits));
  }
  return out;
}

interface Case {
  title: string;
  path: string;
  text: string;
  literal: string;
  ruleId?: string;
  name: string;
  /** The reference as it must appear in the new file. */
  reference: string;
  /** Leaves (doc.key.path) whose value may change or appear; every other leaf must stay as it was. */
  changed: string[];
  /** What the dotenv file must hold (default: the literal). */
  stored?: string;
  /** The whole expected file, when the exact layout matters. */
  expected?: string;
}

const CASES: Case[] = [
  {
    title: 'GitHub Actions env: value',
    path: '.github/workflows/ci.yml',
    text: `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      STRIPE_API_KEY: ${STRIPE}\n    steps:\n      - run: npm test\n`,
    literal: STRIPE,
    ruleId: 'secret/stripe-secret-key',
    name: 'STRIPE_API_KEY',
    reference: 'STRIPE_API_KEY: ${{ secrets.STRIPE_API_KEY }}',
    changed: ['0.jobs.build.env.STRIPE_API_KEY'],
  },
  {
    title: 'GitHub Actions with: token of an action',
    path: '.github/workflows/ci.yml',
    text: `on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: foo/bar@v1\n        with:\n          token: "${GH_PAT}"\n`,
    literal: GH_PAT,
    ruleId: 'secret/github-pat-classic',
    name: 'BAR_TOKEN',
    reference: 'token: "${{ secrets.BAR_TOKEN }}"',
    changed: ['0.jobs.build.steps.0.with.token'],
  },
  {
    title: 'GitHub Actions run: script, env: block created',
    path: '.github/workflows/ci.yml',
    text: `on: push\njobs:\n  notify:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Notify\n        run: |\n          curl -H "Authorization: Bearer ${SLACK}" https://slack.com/api/chat.postMessage\n      - run: echo done\n`,
    literal: SLACK,
    ruleId: 'secret/slack-bot-token',
    name: 'SLACK_BOT_TOKEN',
    reference: '"Authorization: Bearer $SLACK_BOT_TOKEN"',
    changed: ['0.jobs.notify.steps.1.run', '0.jobs.notify.steps.1.env.SLACK_BOT_TOKEN'],
    expected:
      'on: push\njobs:\n  notify:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - name: Notify\n        run: |\n' +
      '          curl -H "Authorization: Bearer $SLACK_BOT_TOKEN" https://slack.com/api/chat.postMessage\n' +
      '        env:\n          SLACK_BOT_TOKEN: ${{ secrets.SLACK_BOT_TOKEN }}\n      - run: echo done\n',
  },
  {
    title: 'GitHub Actions run: script, existing env: block extended',
    path: '.github/workflows/deploy.yml',
    text: `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh --password ${PASSWORD}\n        env:\n          REGION: eu-west-1 # keep\n`,
    literal: PASSWORD,
    name: 'DEPLOY_PASSWORD',
    reference: './deploy.sh --password "$DEPLOY_PASSWORD"',
    changed: ['0.jobs.deploy.steps.0.run', '0.jobs.deploy.steps.0.env.DEPLOY_PASSWORD'],
    expected: `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh --password "$DEPLOY_PASSWORD"\n        env:\n          REGION: eu-west-1 # keep\n          DEPLOY_PASSWORD: \${{ secrets.DEPLOY_PASSWORD }}\n`,
  },
  {
    title: 'GitLab CI variable',
    path: '.gitlab-ci.yml',
    text: `variables:\n  DB_PASSWORD: "${PASSWORD}"\ntest:\n  script:\n    - make test\n`,
    literal: PASSWORD,
    name: 'DB_PASSWORD',
    reference: 'DB_PASSWORD: "$DB_PASSWORD"',
    changed: ['0.variables.DB_PASSWORD'],
  },
  {
    title: 'GitLab CI script',
    path: '.gitlab-ci.yml',
    text: `deploy:\n  script:\n    - curl -u deployer:${PASSWORD} https://example.invalid/hook\n`,
    literal: PASSWORD,
    name: 'DEPLOY_PASSWORD',
    reference: '- curl -u deployer:"$DEPLOY_PASSWORD" https://example.invalid/hook',
    changed: ['0.deploy.script.0'],
  },
  {
    title: 'Compose environment map',
    path: 'docker-compose.yml',
    text: `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${PASSWORD}\n`,
    literal: PASSWORD,
    name: 'POSTGRES_PASSWORD',
    reference: 'POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}',
    changed: ['0.services.db.environment.POSTGRES_PASSWORD'],
  },
  {
    title: 'Compose environment list with a URL password',
    path: 'deploy/docker-compose.yml',
    text: `services:\n  app:\n    image: app:1\n    environment:\n      - LOG_LEVEL=info\n      - DATABASE_URL=postgres://app:${PASSWORD}@db:5432/app\n`,
    literal: PASSWORD,
    name: 'DATABASE_URL_PASSWORD',
    reference: '- DATABASE_URL=postgres://app:${DATABASE_URL_PASSWORD}@db:5432/app',
    changed: ['0.services.app.environment.1'],
  },
  {
    title: 'Kubernetes container env entry',
    path: 'k8s/deployment.yaml',
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: web:1\n          env:\n            - name: DB_PASSWORD\n              value: "${PASSWORD}"\n            - name: MODE\n              value: prod\n`,
    literal: PASSWORD,
    name: 'DB_PASSWORD',
    reference: '              valueFrom:\n                secretKeyRef:\n                  name: web-secrets\n                  key: DB_PASSWORD\n',
    changed: [
      '0.spec.template.spec.containers.0.env.0.value',
      '0.spec.template.spec.containers.0.env.0.valueFrom.secretKeyRef.name',
      '0.spec.template.spec.containers.0.env.0.valueFrom.secretKeyRef.key',
    ],
  },
  {
    title: 'VS Code settings',
    path: '.vscode/settings.json',
    text: `{\n  "editor.tabSize": 2,\n  "sqltools.connections": [{ "name": "reports", "password": "${PASSWORD}" }]\n}\n`,
    literal: PASSWORD,
    name: 'REPORTS_PASSWORD',
    reference: '"password": "${env:REPORTS_PASSWORD}"',
    changed: ['0.sqltools.connections.0.password'],
  },
  {
    title: '.npmrc',
    path: '.npmrc',
    text: `registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=${NPM}\n`,
    literal: NPM,
    ruleId: 'secret/npm-access-token',
    name: 'NPM_TOKEN',
    reference: '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
    changed: ['0.//registry.npmjs.org/:_authToken'],
  },
  {
    title: 'n8n header parameter',
    path: 'workflows/notify.json',
    text: `{"name":"notify","nodes":[{"name":"Call API","type":"n8n-nodes-base.httpRequest","parameters":{"headerParameters":{"parameters":[{"name":"Authorization","value":"Bearer ${TOKEN}"}]}}}],"connections":{}}\n`,
    literal: TOKEN,
    name: 'CALL_API_TOKEN',
    reference: '"value":"=Bearer {{ $env.CALL_API_TOKEN }}"',
    changed: ['0.nodes.0.parameters.headerParameters.parameters.0.value'],
  },
  {
    title: 'Node-RED credentials',
    path: 'flows.json',
    text: `[{"id":"b1","type":"mqtt-broker","z":"","broker":"mqtt.example.invalid","password":"${PASSWORD}","wires":[]}]\n`,
    literal: PASSWORD,
    name: 'MQTT_BROKER_PASSWORD',
    reference: '"password":"${MQTT_BROKER_PASSWORD}"',
    changed: ['0.0.password'],
  },
  {
    title: 'appsettings.json',
    path: 'src/Api/appsettings.json',
    text: `{\n  "Logging": { "LogLevel": { "Default": "Information" } },\n  "Stripe": { "ApiKey": "${STRIPE}" }\n}\n`,
    literal: STRIPE,
    ruleId: 'secret/stripe-secret-key',
    name: 'Stripe__ApiKey',
    reference: '"ApiKey": ""',
    changed: ['0.Stripe.ApiKey'],
  },
  {
    title: 'appsettings.json connection string (the whole value moves)',
    path: 'appsettings.json',
    text: `{\n  "ConnectionStrings": { "Default": "Server=db;User Id=app;Password=${PASSWORD};" }\n}\n`,
    literal: PASSWORD,
    name: 'ConnectionStrings__Default',
    reference: '"Default": ""',
    changed: ['0.ConnectionStrings.Default'],
    stored: `Server=db;User Id=app;Password=${PASSWORD};`,
  },
  {
    title: 'generic YAML',
    path: 'config/app.yaml',
    text: `db:\n  host: db.internal\n  password: '${PASSWORD}'\n`,
    literal: PASSWORD,
    name: 'DB_PASSWORD',
    reference: "password: '${DB_PASSWORD}'",
    changed: ['0.db.password'],
  },
  {
    title: 'generic JSON',
    path: 'config/app.json',
    text: `{ "stripe": { "apiKey": "${STRIPE}" }, "port": 8080 }\n`,
    literal: STRIPE,
    ruleId: 'secret/stripe-secret-key',
    name: 'STRIPE_API_KEY',
    reference: '"apiKey": "${STRIPE_API_KEY}"',
    changed: ['0.stripe.apiKey'],
  },
];

describe('move to environment variable, per platform', () => {
  for (const c of CASES) {
    test(c.title, () => {
      const finding = findingOn(c.text, c.path, c.literal, c.ruleId);
      const env = emptyEnvContext();
      const p = moved(plan(c.path, c.text, finding, env));
      assert.equal(p.name, c.name);
      const after = applyEdits(c.text, p.edits);
      if (c.expected) assert.equal(after, c.expected);
      assert.ok(after.includes(c.reference), `the file holds ${c.reference}:\n${after}`);
      assert.ok(!after.includes(c.literal), 'the value left the file');

      // Still parses, and the analysis finds no secret where the edits went.
      const again = analyze(after, { path: c.path });
      assert.equal(again.parseErrors.length, 0, JSON.stringify(again.parseErrors));
      const edited = editsBetween(c.text, after);
      let shift = 0;
      const spans = edited.map((e) => {
        const span = { start: e.start + shift, end: e.start + shift + e.newText.length };
        shift += e.newText.length - (e.end - e.start);
        return span;
      });
      for (const f of again.findings.filter((x) => x.category === 'secret')) {
        assert.ok(!spans.some((s) => f.start < s.end && s.start < f.end), `secret finding ${f.ruleId} remains in the edited lines`);
      }

      // Nothing else changed: every original line the diff replaces held the value, and every
      // leaf of the tree other than the expected ones is as it was.
      for (const e of edited) {
        const replaced = c.text.slice(e.start, e.end);
        for (const line of replaced.split('\n').filter(Boolean)) assert.ok(line.includes(c.literal), `unrelated line changed: ${line}`);
      }
      const before = leaves(c.path, c.text);
      const now = leaves(c.path, after);
      const differing = [...new Set([...before.keys(), ...now.keys()])].filter((k) => before.get(k) !== now.get(k)).sort();
      assert.deepEqual(differing, [...c.changed].sort());

      // The dotenv file holds the value under the name; .gitignore ignores it.
      const files = filesAfter(p, env);
      assert.equal(dotenvEntries(files.get('.env')).get(c.name), c.stored ?? c.literal);
      assert.ok(ignore().add(files.get('.gitignore') ?? '').ignores('.env'), '.gitignore ignores .env');
      assert.ok(!p.message.includes(c.literal), 'the message does not hold the value');
      assert.ok(!(c.stored && p.message.includes(c.stored)));
    });
  }
});

const COMPOSE = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${PASSWORD}\n`;
const composeFinding = () => findingOn(COMPOSE, 'docker-compose.yml', PASSWORD);
const composePlan = (env: EnvContext, name?: string) => plan('docker-compose.yml', COMPOSE, composeFinding(), env, name);

describe('the dotenv file', () => {
  test('a name taken with another value picks a new name; the existing line stays', () => {
    const env: EnvContext = { ...emptyEnvContext(), dotenv: { path: '.env', text: 'POSTGRES_PASSWORD=other-value\nPOSTGRES_PASSWORD_2=x' } };
    const p = moved(composePlan(env));
    assert.equal(p.name, 'POSTGRES_PASSWORD_3');
    assert.ok(applyEdits(COMPOSE, p.edits).includes('${POSTGRES_PASSWORD_3}'));
    const dotenv = filesAfter(p, env).get('.env')!;
    assert.equal(dotenv, `POSTGRES_PASSWORD=other-value\nPOSTGRES_PASSWORD_2=x\nPOSTGRES_PASSWORD_3=${PASSWORD}\n`);
  });

  test('a name already holding the same value is reused without writing', () => {
    const env: EnvContext = { ...emptyEnvContext(), dotenv: { path: '.env', text: `POSTGRES_PASSWORD=${PASSWORD}\n` }, gitignore: { path: '.gitignore', text: '.env\n' } };
    const p = moved(composePlan(env));
    assert.equal(p.name, 'POSTGRES_PASSWORD');
    assert.deepEqual(p.files, []);
    assert.match(p.message, /already holds POSTGRES_PASSWORD/);
  });

  test('a dotenv file tracked by git is refused', () => {
    const env: EnvContext = { ...emptyEnvContext(), dotenv: { path: '.env', text: '', tracked: true } };
    const p = composePlan(env);
    assert.equal(p.status, 'refused');
    assert.match((p as { reason: string }).reason, /tracked by git/);
  });

  test('.gitignore is appended to only when it does not ignore the file already', () => {
    const missing = moved(composePlan({ ...emptyEnvContext(), gitignore: { path: '.gitignore', text: 'node_modules\ndist' } }));
    const gitignore = missing.files.find((f) => f.path === '.gitignore')!;
    assert.equal(gitignore.create, false);
    assert.equal(applyEdits('node_modules\ndist', gitignore.edits), 'node_modules\ndist\n.env\n');
    for (const text of ['.env\n', '*.env\n.env*\n', '/.env\n']) {
      const p = moved(composePlan({ ...emptyEnvContext(), gitignore: { path: '.gitignore', text } }));
      assert.ok(!p.files.some((f) => f.path === '.gitignore'), `${JSON.stringify(text)} already ignores .env`);
    }
    // Git's own answer wins over reading the file.
    const gitSays = moved(composePlan({ ...emptyEnvContext(), gitignore: { path: '.gitignore', text: '' }, dotenvIgnored: true }));
    assert.ok(!gitSays.files.some((f) => f.path === '.gitignore'));
    // A negation later in the file un-ignores it; the appended line ignores it again.
    const negated = moved(composePlan({ ...emptyEnvContext(), gitignore: { path: '.gitignore', text: '.env\n!.env\n' } }));
    assert.ok(ignore().add(filesAfter(negated, { ...emptyEnvContext(), gitignore: { path: '.gitignore', text: '.env\n!.env\n' } }).get('.gitignore')!).ignores('.env'));
  });

  test('a dotenv file beside a nested file is ignored by its path', () => {
    const text = COMPOSE;
    const env: EnvContext = { dotenv: { path: 'deploy/.env' }, gitignore: { path: '.gitignore', text: 'node_modules\n' } };
    const p = moved(plan('deploy/docker-compose.yml', text, findingOn(text, 'deploy/docker-compose.yml', PASSWORD), env));
    const files = filesAfter(p, env);
    assert.ok(ignore().add(files.get('.gitignore')!).ignores('deploy/.env'));
    assert.ok(!ignore().add(files.get('.gitignore')!).ignores('other/.env'), 'only that file is meant');
    assert.equal(dotenvEntries(files.get('deploy/.env')).get('POSTGRES_PASSWORD'), PASSWORD);
    assert.match(p.message, /reads the \.env file next to the compose file/);
  });

  test('.env.example gets NAME= when it exists and lacks it', () => {
    const env: EnvContext = { ...emptyEnvContext(), example: { path: '.env.example', text: 'PORT=8080\n' } };
    const p = moved(composePlan(env));
    assert.equal(filesAfter(p, env).get('.env.example'), 'PORT=8080\nPOSTGRES_PASSWORD=\n');
    const listed = moved(composePlan({ ...emptyEnvContext(), example: { path: '.env.example', text: 'POSTGRES_PASSWORD=\n' } }));
    assert.ok(!listed.files.some((f) => f.path === '.env.example'));
  });

  test('values with spaces, #, quotes, $, backslashes or newlines are quoted and read back exactly', () => {
    for (const value of ['a b', 'x#y', 'say "hi"', "it's", 'p$ss$word', 'back\\slash', 'two\nlines', 'tab\there', "mix 'of' \"both\" $x", 'plain-Value_1']) {
      const line = `K=${encodeDotenvValue(value)}`;
      assert.equal(dotenvEntries(line).get('K'), value, line);
      if (/[\s#"'\n]/.test(value)) assert.match(encodeDotenvValue(value), /^["']/, 'quoted');
    }
    assert.equal(encodeDotenvValue('plain-Value_1'), 'plain-Value_1');
  });
});

describe('names', () => {
  test('a chosen name is used, validated, and made unique like a derived one', () => {
    assert.equal(moved(composePlan(emptyEnvContext(), 'DB_ROOT_PASSWORD')).name, 'DB_ROOT_PASSWORD');
    assert.equal(composePlan(emptyEnvContext(), 'db-password').status, 'refused');
    assert.equal(invalidEnvName('1ABC', 'compose') !== undefined, true);
    assert.equal(invalidEnvName('GITHUB_DEPLOY_TOKEN', 'github-workflow') !== undefined, true);
    assert.equal(invalidEnvName('GITHUB_DEPLOY_TOKEN', 'compose'), undefined);
    const env: EnvContext = { ...emptyEnvContext(), dotenv: { path: '.env', text: 'DB_ROOT_PASSWORD=other\n' } };
    assert.equal(moved(composePlan(env, 'DB_ROOT_PASSWORD')).name, 'DB_ROOT_PASSWORD_2');
  });

  test('a GitLab variable in its long form is named after the variable', () => {
    const text = `variables:\n  DEPLOY_KEY:\n    value: "${TOKEN}"\n    description: deploy\n`;
    const p = moved(plan('.gitlab-ci.yml', text, findingOn(text, '.gitlab-ci.yml', TOKEN)));
    assert.equal(p.name, 'DEPLOY_KEY');
    assert.ok(applyEdits(text, p.edits).includes('value: "$DEPLOY_KEY"'));
  });

  test('GitHub names never start with GITHUB_', () => {
    const text = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      GITHUB_TOKEN: ${GH_PAT}\n    steps:\n      - run: gh pr list\n`;
    const path = '.github/workflows/a.yml';
    const p = moved(plan(path, text, findingOn(text, path, GH_PAT, 'secret/github-pat-classic')));
    assert.equal(p.name, 'GH_TOKEN');
    assert.equal(plan(path, text, findingOn(text, path, GH_PAT, 'secret/github-pat-classic'), emptyEnvContext(), 'GITHUB_PAT').status, 'refused');
  });

  test('appsettings reads one exact name: a different value under it is refused, not renamed', () => {
    const text = `{ "Stripe": { "ApiKey": "${STRIPE}" } }`;
    const env: EnvContext = { ...emptyEnvContext(), dotenv: { path: '.env', text: 'Stripe__ApiKey=other\n' } };
    const p = plan('appsettings.json', text, findingOn(text, 'appsettings.json', STRIPE, 'secret/stripe-secret-key'), env);
    assert.equal(p.status, 'refused');
    assert.ok(!moved(plan('appsettings.json', text, findingOn(text, 'appsettings.json', STRIPE, 'secret/stripe-secret-key'))).nameEditable);
  });
});

describe('refusals and advice', () => {
  test('a Kubernetes Secret manifest gets advice, never an edit', () => {
    const text = `apiVersion: v1\nkind: Secret\nmetadata:\n  name: db-credentials\nstringData:\n  password: ${PASSWORD}\n`;
    const p = plan('k8s/secret.yaml', text, findingOn(text, 'k8s/secret.yaml', PASSWORD));
    assert.equal(p.status, 'advice');
    if (p.status !== 'advice') return;
    assert.match(p.message, /kubectl create secret generic db-credentials --from-env-file=\.env/);
    assert.ok(!p.message.includes(PASSWORD));
    assert.deepEqual(p.hints.map((h) => h.command), ['kubectl create secret generic db-credentials --from-env-file=.env']);
  });

  test('a dotenv file is the environment file already', () => {
    const text = `DB_PASSWORD=${PASSWORD}\n`;
    assert.equal(plan('.env.local', text, findingOn(text, '.env.local', PASSWORD)).status, 'refused');
  });

  test('GitHub: a composite action cannot read secrets; matrix values cannot use them', () => {
    const action = `name: x\nruns:\n  using: composite\n  steps:\n    - run: echo ${GH_PAT}\n      shell: bash\n`;
    assert.equal(plan('action.yml', action, findingOn(action, 'action.yml', GH_PAT, 'secret/github-pat-classic')).status, 'refused');
    const wf = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n        token: [${GH_PAT}]\n    steps:\n      - run: echo\n`;
    assert.equal(plan('.github/workflows/a.yml', wf, findingOn(wf, '.github/workflows/a.yml', GH_PAT, 'secret/github-pat-classic')).status, 'refused');
  });

  test('a quoted heredoc does not expand variables: refused', () => {
    const wf = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          cat > .npmrc <<'EOF'\n          //registry.npmjs.org/:_authToken=${NPM}\n          EOF\n`;
    const p = plan('.github/workflows/a.yml', wf, findingOn(wf, '.github/workflows/a.yml', NPM, 'secret/npm-access-token'));
    assert.equal(p.status, 'refused');
  });
});

describe('exposure', () => {
  test('a value in the last commit is exposed and must be rotated', () => {
    const exposed = moved(composePlan({ ...emptyEnvContext(), headText: COMPOSE }));
    assert.equal(exposed.exposed, true);
    assert.match(exposed.message, /last commit.*rotate it/);
    const fresh = moved(composePlan({ ...emptyEnvContext(), headText: null }));
    assert.equal(fresh.exposed, false);
    assert.doesNotMatch(fresh.message, /rotate/);
    const unknown = moved(composePlan(emptyEnvContext()));
    assert.equal(unknown.exposed, undefined);
  });
});

describe('shell references', () => {
  const ref = (script: string, literal: string) => {
    const from = script.indexOf(literal);
    const r = shellReference(script, from, from + literal.length, 'TOKEN', 'sh');
    return 'refusal' in r ? r.refusal : script.slice(0, r.from) + r.text + script.slice(r.to);
  };
  test('quotes where the literal stood bare, plain inside double quotes, spliced into single quotes', () => {
    assert.equal(ref('curl --token S3CR3T https://x', 'S3CR3T'), 'curl --token "$TOKEN" https://x');
    assert.equal(ref('curl -H "X-Key: S3CR3T" https://x', 'S3CR3T'), 'curl -H "X-Key: $TOKEN" https://x');
    assert.equal(ref('echo "S3CR3Tsuffix"', 'S3CR3T'), 'echo "${TOKEN}suffix"');
    assert.equal(ref("echo 'a S3CR3T b'", 'S3CR3T'), `echo 'a '"$TOKEN"' b'`);
    assert.equal(ref("echo 'S3CR3T'", 'S3CR3T'), 'echo "$TOKEN"');
    assert.equal(ref('cat <<EOF\nkey=S3CR3T\nEOF\n', 'S3CR3T'), 'cat <<EOF\nkey=${TOKEN}\nEOF\n');
    assert.match(ref("cat <<'EOF'\nkey=S3CR3T\nEOF\n", 'S3CR3T'), /quoted heredoc/);
    assert.equal(ref('cat <<EOF\nx\nEOF\necho S3CR3T', 'S3CR3T'), 'cat <<EOF\nx\nEOF\necho "$TOKEN"');
  });
});

describe('move all', () => {
  test('every secret of a file moves in one plan; a repeated value under one name is stored once', () => {
    const text = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: ${PASSWORD}\n  app:\n    image: app:1\n    environment:\n      POSTGRES_PASSWORD: ${PASSWORD}\n      STRIPE_API_KEY: ${STRIPE}\n`;
    const path = 'docker-compose.yml';
    const before = analyze(text, { path }).findings.filter((f) => f.category === 'secret');
    assert.ok(before.length >= 2, 'the rules report these fake secrets');
    const result = planMoveAll(text, { path }, emptyEnvContext());
    const after = applyEdits(text, result.edits);
    assert.equal(after, result.text);
    assert.ok(!after.includes(PASSWORD) && !after.includes(STRIPE));
    assert.deepEqual(analyze(after, { path }).findings.filter((f) => f.category === 'secret'), []);
    const dotenv = applyEdits('', result.files.find((f) => f.path === '.env')!.edits);
    const entries = dotenvEntries(dotenv);
    assert.equal(entries.get('POSTGRES_PASSWORD'), PASSWORD);
    assert.equal(entries.get('STRIPE_API_KEY'), STRIPE);
    assert.deepEqual([...entries.keys()], ['POSTGRES_PASSWORD', 'STRIPE_API_KEY'], 'one entry for the repeated value');
    assert.equal(after.match(/\$\{POSTGRES_PASSWORD\}/g)?.length, 2);
    assert.equal(result.files.filter((f) => f.path === '.gitignore').length, 1);
    assert.ok(!result.message.includes(PASSWORD));
  });

  test('two run-script secrets in one step share one env: block', () => {
    const text = `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          curl -H "Authorization: Bearer ${SLACK}" https://slack.com/api\n          npm config set //registry.npmjs.org/:_authToken ${NPM}\n`;
    const path = '.github/workflows/a.yml';
    const result = planMoveAll(text, { path }, emptyEnvContext());
    assert.equal(result.moved.length, 2, result.left.join('\n'));
    const after = result.text;
    assert.equal(after.match(/^\s+env:$/gm)?.length, 1, after);
    assert.equal(analyze(after, { path }).parseErrors.length, 0);
    assert.ok(!after.includes(SLACK) && !after.includes(NPM));
  });
});

describe('text diff', () => {
  test('edits rebuild the new text; unified diff marks changed lines', () => {
    const a = 'one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n';
    const b = 'one\nTWO\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n';
    const edits = editsBetween(a, b);
    assert.equal(edits.length, 2);
    assert.equal(applyEdits(a, edits), b);
    const diff = unifiedDiff('f.txt', a, b, { context: 1 });
    assert.equal(diff, '--- a/f.txt\n+++ b/f.txt\n@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n@@ -10,1 +10,2 @@\n ten\n+eleven\n');
    assert.equal(unifiedDiff('n.txt', undefined, 'x\n'), '--- /dev/null\n+++ b/n.txt\n@@ -0,0 +1,1 @@\n+x\n');
    for (const [x, y] of [['', 'a'], ['a', ''], ['a\nb', 'a\nc'], ['x\r\ny\r\n', 'x\r\nz\r\n']]) assert.equal(applyEdits(x, editsBetween(x, y)), y);
  });
});

// ---------------------------------------------------------------------------------------------
// The CLI: `plainsight fix` on a copy of the integration workspace.

function copyOfWorkspace(): string {
  return copyExampleWorkspace(mkdtempSync(join(tmpdir(), 'plainsight-fix-')));
}

/** Every secret literal the core finds in the files of a folder. */
function secretTexts(files: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [path, text] of files) for (const f of analyze(text, { path }).findings) if (f.category === 'secret') out.push(text.slice(f.start, f.end));
  return out;
}

async function cli(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdoutIsTTY: false, env: {} });
  return { code, stdout, stderr };
}

interface JsonReport {
  files: { path: string; kind: string }[];
  findings: { path: string; ruleId: string; category: string }[];
}

async function scanJson(cwd: string): Promise<JsonReport> {
  const r = await cli(['scan', '--format', 'json', '--fail-on', 'none'], cwd);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as JsonReport;
}

describe('plainsight fix', () => {
  test('--move-secrets on a copy of the integration workspace leaves no secret outside environment files', async () => {
    const dir = copyOfWorkspace();
    try {
      const before = filesUnder(dir);
      const literals = secretTexts(before);
      const scanned = await scanJson(dir);
      const kinds = new Map(scanned.files.map((f) => [f.path, f.kind]));
      const movable = scanned.findings.filter((f) => f.category === 'secret' && kinds.get(f.path) !== 'dotenv');
      assert.ok(movable.length >= 3, 'the workspace holds fake secrets to move');

      const r = await cli(['fix', '--move-secrets'], dir);
      assert.equal(r.code, 1, 'other findings (transport, scope, the committed .env) remain');
      for (const value of literals) assert.ok(!r.stdout.includes(value) && !r.stderr.includes(value), 'no secret value in the output');
      assert.match(r.stdout, /kubectl create secret generic billing-worker-secrets --from-env-file=\.env/);

      const after = await scanJson(dir);
      const afterKinds = new Map(after.files.map((f) => [f.path, f.kind]));
      // Env files are where secrets belong: they are never rewritten, only reported (see the report).
      const left = after.findings.filter((f) => f.category === 'secret' && afterKinds.get(f.path) !== 'dotenv');
      assert.deepEqual(left, [], 'no secret left outside environment files');
      assert.ok(!after.findings.some((f) => f.path === '.env'), 'the new .env is git-ignored, so it is not reported');

      const files = filesUnder(dir);
      const dotenv = dotenvEntries(files.get('.env'));
      for (const value of literals.filter((v) => !before.get('services/api/.env')?.includes(v))) {
        assert.ok([...dotenv.values()].some((v) => v.includes(value)), 'every moved value is in .env');
      }
      assert.ok(ignore().add(files.get('.gitignore')!).ignores('.env'));
      for (const [path, text] of files) {
        if (/\.(ya?ml|json)$/.test(path)) assert.equal(analyze(text, { path }).parseErrors.length, 0, `${path} still parses`);
      }
      // Running it again changes nothing: everything movable has moved.
      const again = await cli(['fix', '--move-secrets'], dir);
      assert.match(again.stdout, /^0 files changed/m);
      assert.deepEqual(filesUnder(dir), files);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--dry-run prints a masked unified diff and writes nothing', async () => {
    const dir = copyOfWorkspace();
    try {
      const before = filesUnder(dir);
      const literals = secretTexts(before);
      const r = await cli(['fix', '--move-secrets', '--dry-run'], dir);
      assert.equal(r.code, 1);
      assert.deepEqual(filesUnder(dir), before, 'nothing written');
      assert.match(r.stdout, /^--- a\/deploy\/docker-compose\.yml\n\+\+\+ b\/deploy\/docker-compose\.yml$/m);
      assert.match(r.stdout, /^\+      POSTGRES_PASSWORD: \$\{POSTGRES_PASSWORD\}$/m);
      assert.match(r.stdout, /^--- \/dev\/null\n\+\+\+ b\/\.env$/m);
      assert.match(r.stdout, /^\+POSTGRES_PASSWORD=.*…\(\d+ chars\)$/m, 'dotenv values are masked');
      for (const value of literals) assert.ok(!r.stdout.includes(value) && !r.stderr.includes(value), 'no secret value in the diff');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('exit 0 when nothing is left to report, 2 for a missing path; without --move-secrets secrets stay', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'plainsight-fix-'));
    try {
      writeFileSync(join(dir, 'docker-compose.yml'), COMPOSE);
      const plain = await cli(['fix'], dir);
      assert.equal(plain.code, 1, 'safe fixes alone do not move secrets');
      assert.equal(readFileSync(join(dir, 'docker-compose.yml'), 'utf8'), COMPOSE);
      const moved = await cli(['fix', '--move-secrets'], dir);
      assert.equal(moved.code, 0, moved.stdout + moved.stderr);
      assert.equal(readFileSync(join(dir, '.env'), 'utf8'), `POSTGRES_PASSWORD=${PASSWORD}\n`);
      assert.equal(readFileSync(join(dir, '.gitignore'), 'utf8'), '.env\n');
      assert.equal((await cli(['fix', 'missing.yml'], dir)).code, 2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
