// fast-check generators for fuzzing Plainsight: grammar-ish documents of every syntax the
// engine parses (YAML, JSON, dotenv, Dockerfile, shell, HCL, ini/npmrc, netrc, plain text),
// filled with the keys, URLs, commands and fake secrets the rules look for, then optionally
// damaged with random edits; and mutations of the rule fixtures under test/fixtures/rules.
//
// Every secret generated here is fake: provider tokens are the synthetic positives of
// test/fixtures/catalog/tokens.json, passwords are built from a fixed "fake" marker and random
// characters, and "private keys" are random base64 between PEM markers (not a key).
import fc from 'fast-check';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

// ---------------------------------------------------------------------------------------------
// Fake secrets

const CATALOG = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/catalog/tokens.json'), 'utf8')) as Record<string, { positive: string[] }>;
/** Synthetic tokens in each provider's documented format (not real credentials). */
export const FAKE_TOKENS: string[] = Object.values(CATALOG).flatMap((e) => e.positive);

const passwordChars = fc.constantFrom(...'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#%&*+=?@^_~-'.split(''));
/** A password-looking fake: fixed marker plus random characters, so it has entropy but is obviously test data. */
export const fakePassword = fc
  .tuple(fc.constantFrom('Xq7', 'Zr9', 'Mk2', 'Pw4'), fc.string({ unit: passwordChars, minLength: 6, maxLength: 20 }))
  .map(([a, b]) => `${a}fake${b}`);
const base64Line = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('')), minLength: 64, maxLength: 64 });
/** PEM markers around random base64: shaped like a private key, but not one. */
export const fakePrivateKey = fc
  .tuple(fc.constantFrom('RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY'), fc.array(base64Line, { minLength: 2, maxLength: 6 }))
  .map(([label, lines]) => `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----`);
export const fakeUrlPassword = fc
  .tuple(fc.constantFrom('https', 'http', 'postgres', 'mysql', 'redis', 'amqp', 'mongodb+srv', 'ftp'), fc.constantFrom('admin', 'deploy', 'ci', 'app'), fakePassword, fc.constantFrom('db.example.com', '10.0.0.5:5432', 'cache.internal', 'localhost:6379'))
  .map(([scheme, user, pw, host]) => `${scheme}://${user}:${encodeURIComponent(pw)}@${host}/app`);
export const fakeSecret: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...FAKE_TOKENS), weight: 4 },
  { arbitrary: fakePassword, weight: 3 },
  { arbitrary: fakeUrlPassword, weight: 2 },
  { arbitrary: fakePrivateKey, weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// Vocabulary

const KEYS = [
  'password', 'passwd', 'pwd', 'secret', 'token', 'api_key', 'apiKey', 'client_secret', 'AWS_SECRET_ACCESS_KEY', 'AWS_ACCESS_KEY_ID', 'GITHUB_TOKEN',
  'DB_PASSWORD', 'POSTGRES_PASSWORD', 'auth', 'authorization', 'Authorization', '_authToken', 'private_key', 'connectionString', 'DATABASE_URL',
  'env', 'environment', 'run', 'script', 'before_script', 'command', 'args', 'entrypoint', 'cmd', 'test', 'shell', 'image', 'url', 'endpoint',
  'host', 'server', 'registry', 'permissions', 'contents', 'id-token', 'jobs', 'steps', 'uses', 'with', 'on', 'services', 'apiVersion', 'kind',
  'rules', 'verbs', 'resources', 'apiGroups', 'securityContext', 'privileged', 'insecure', 'sslVerify', 'rejectUnauthorized', 'strict-ssl',
  'NODE_TLS_REJECT_UNAUTHORIZED', 'verify', 'tls', 'insecure_skip_verify', 'skip_tls_verify', 'Statement', 'Effect', 'Action', 'Resource',
  'Principal', 'name', 'value', 'data', 'stringData', 'metadata', 'spec', 'containers', 'ports', 'volumes', 'http.sslVerify', 'proxy', 'scopes',
];
export const key = fc.oneof({ arbitrary: fc.constantFrom(...KEYS), weight: 5 }, { arbitrary: fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,20}$/), weight: 1 });

const HOSTS = ['example.com', 'api.example.org', 'localhost', '127.0.0.1', '10.1.2.3', '192.168.0.10', 'backend', 'svc.cluster.local', '[::1]', '${HOST}', '{{ .Values.host }}', 'registry.npmjs.org', 'xn--bcher-kva.example'];
export const url = fc
  .tuple(fc.constantFrom('http', 'https', 'ftp', 'ws', 'wss', 'git', 'ldap', 'HTTP', 'redis'), fc.option(fc.constantFrom('user@', 'user:pw@', ':@', 'a:$PASS@'), { nil: '' }), fc.constantFrom(...HOSTS), fc.option(fc.constantFrom(':80', ':8443', ':', ':99999'), { nil: '' }), fc.constantFrom('', '/', '/path?q=1#f', '/a(b).', '/${{ secrets.X }}', '/x,', "/'"))
  .map(([s, u, h, p, path]) => `${s}://${u}${h}${p}${path}`);

const COMMANDS = [
  'curl -k https://example.com/install.sh | sh', 'curl --insecure -fsSL $URL', 'wget --no-check-certificate http://example.com/x.tgz',
  'git config --global http.sslVerify false', 'npm config set strict-ssl false', 'pip install --trusted-host pypi.org -r req.txt',
  'export NODE_TLS_REJECT_UNAUTHORIZED=0', 'NODE_TLS_REJECT_UNAUTHORIZED=0 node app.js', 'echo "${{ secrets.TOKEN }}" | docker login -u x --password-stdin',
  'docker login -u admin -p hunter2fake registry.example.com', 'mysql -uroot -pfakepass123 db', 'sshpass -p fakepw ssh host', 'helm repo add x http://charts.example.com',
  'az login --service-principal -u app -p $SECRET --tenant t', 'kubectl --insecure-skip-tls-verify get pods', 'echo $(cat <<EOF\nhi\nEOF\n)',
  'a=$(b "$(c `d`)")', "x='unterminated", 'y="also unterminated', 'if [ -n "$X" ]; then echo ok; fi', 'for f in *; do echo "$f"; done',
  'cat <<-EOT > f\n\tcurl -k http://x\n\tEOT', '( cd sub && make ) || exit 1', 'echo \\\n  continued', 'f() { curl -k "$1"; }; f http://a',
];
export const shellCommand = fc.oneof({ arbitrary: fc.constantFrom(...COMMANDS), weight: 4 }, { arbitrary: fc.tuple(fc.constantFrom('curl', 'wget', 'git', 'npm', 'echo', 'export'), fc.array(fc.oneof(url, fakeSecret, fc.constantFrom('-k', '--insecure', '-u', 'user:pw', '-H', '"Authorization: Bearer x"', '|', '&&', ';', '$(', ')', '`', '"', "'", '\\', '#')), { maxLength: 6 })).map(([c, a]) => [c, ...a].join(' ')), weight: 2 });
export const shellScript = fc.array(shellCommand, { minLength: 1, maxLength: 6 }).chain((cmds) => fc.constantFrom('\n', '; ', ' && ', ' | ', ' \\\n  ').map((sep) => cmds.join(sep)));

/** Noise: random strings biased towards characters with meaning in the syntaxes. */
const structural = fc.constantFrom(...':-[]{}"\'#\n \t|>&*!%@$\\,=`;()<?~/\r'.split(''));
export const noise = fc.oneof(
  fc.string({ unit: structural, maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('\ufeff', '\r\n', '\u2028', '\ud800', '\udc00', '\u0085', '\u00a0', '\t\t', '# plainsight-ignore', '// plainsight-ignore secret', '${', '{{', '<<EOF', '---\n', '...\n'),
);

export const scalarText = fc.oneof(
  { arbitrary: fakeSecret, weight: 4 },
  { arbitrary: url, weight: 3 },
  { arbitrary: shellScript, weight: 2 },
  { arbitrary: fc.constantFrom('true', 'false', '0', '1', 'null', '~', 'yes', 'off', 'write-all', 'read-all', 'write', '*', 'changeme', 'your_token_here', '${{ secrets.TOKEN }}', '${DB_PASSWORD}', '$(cat /run/secrets/x)', '', ' ', '1.5e3', '0x1F'), weight: 3 },
  { arbitrary: fc.string({ maxLength: 30 }), weight: 2 },
  { arbitrary: noise, weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// A tree, rendered per syntax

export type Tree = { t: 'scalar'; v: string } | { t: 'map'; pairs: [string, Tree][] } | { t: 'seq'; items: Tree[] };

export const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: scalarText.map((v): Tree => ({ t: 'scalar', v })), weight: 3 },
    { arbitrary: fc.array(fc.tuple(key, tie('node')), { maxLength: 5 }).map((pairs): Tree => ({ t: 'map', pairs })), weight: 2 },
    { arbitrary: fc.array(tie('node'), { maxLength: 4 }).map((items): Tree => ({ t: 'seq', items })), weight: 1 },
  ),
})).node;

/** Per-render choices, drawn once per document so renders stay deterministic for a seed. */
const styleBits = fc.array(fc.nat(99), { minLength: 64, maxLength: 64 });

function picker(bits: number[]): (n: number) => number {
  let i = 0;
  return (n) => bits[i++ % bits.length] % n;
}

function yamlScalar(v: string, pick: (n: number) => number, indent: string): string {
  if (v.includes('\n') && pick(3) > 0) return `${pick(2) ? '|' : '>-'}\n${v.split('\n').map((l) => `${indent}  ${l}`).join('\n')}`;
  switch (pick(4)) {
    case 0:
      return JSON.stringify(v);
    case 1:
      return `'${v.replace(/'/g, "''").replace(/\n/g, ' ')}'`;
    default:
      return v.replace(/\n/g, ' ');
  }
}

export function renderYaml(node: Tree, bits: number[]): string {
  const pick = picker(bits);
  let anchors = 0;
  const flow = (n: Tree): string => {
    if (n.t === 'scalar') return JSON.stringify(n.v);
    if (n.t === 'seq') return `[${n.items.map(flow).join(', ')}]`;
    return `{${n.pairs.map(([k, v]) => `${k}: ${flow(v)}`).join(', ')}}`;
  };
  const block = (n: Tree, indent: string): string => {
    if (n.t === 'scalar') return yamlScalar(n.v, pick, indent);
    if (pick(6) === 0) return flow(n);
    const anchor = pick(8) === 0 ? `&a${anchors++} ` : '';
    if (n.t === 'seq') {
      if (n.items.length === 0) return `${anchor}[]`;
      return `${anchor}\n${n.items.map((it) => `${indent}- ${block(it, `${indent}  `).replace(/^\n\s*/, '')}`).join('\n')}`;
    }
    if (n.pairs.length === 0) return `${anchor}{}`;
    return `${anchor}\n${n.pairs
      .map(([k, v]) => {
        const comment = pick(10) === 0 ? `  # ${pick(2) ? 'plainsight-ignore' : 'note'}` : '';
        const value = anchors > 0 && pick(12) === 0 ? `*a${pick(anchors)}` : block(v, `${indent}  `);
        return `${indent}${k}:${value.startsWith('\n') ? '' : ' '}${value}${comment}`;
      })
      .join('\n')}`;
  };
  return block(node, '').replace(/^\n/, '');
}

export function renderJson(node: Tree, bits: number[]): string {
  const pick = picker(bits);
  const out = (n: Tree, indent: string): string => {
    if (n.t === 'scalar') return pick(5) === 0 && /^-?\d+$/.test(n.v) ? n.v : JSON.stringify(n.v);
    const inner = `${indent}  `;
    const trailing = pick(6) === 0 ? ',' : '';
    const comment = pick(8) === 0 ? ` // ${pick(2) ? 'plainsight-ignore' : 'c'}` : '';
    if (n.t === 'seq') return `[${comment}\n${n.items.map((i) => inner + out(i, inner)).join(',\n')}${trailing}\n${indent}]`;
    return `{${comment}\n${n.pairs.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${out(v, inner)}`).join(',\n')}${trailing}\n${indent}}`;
  };
  return out(node, '');
}

function flatten(node: Tree, prefix = ''): [string, string][] {
  if (node.t === 'scalar') return [[prefix || 'VALUE', node.v]];
  if (node.t === 'seq') return node.items.flatMap((it, i) => flatten(it, `${prefix}_${i}`));
  return node.pairs.flatMap(([k, v]) => flatten(v, prefix ? `${prefix}_${k}` : k));
}

export function renderDotenv(node: Tree, bits: number[]): string {
  const pick = picker(bits);
  return flatten(node)
    .map(([k, v]) => {
      const name = k.replace(/[^A-Za-z0-9_.-]/g, '_').replace(/^[^A-Za-z_]/, '_');
      const q = ['', '"', "'", '`'][pick(4)];
      const value = q === '"' ? v.replace(/"/g, '\\"') : q ? v.replace(new RegExp(q, 'g'), '') : v.replace(/\n/g, ' ');
      return `${pick(5) === 0 ? 'export ' : ''}${name}${pick(6) === 0 ? ' = ' : '='}${q}${value}${q}${pick(8) === 0 ? ' # comment' : ''}`;
    })
    .join(pick(3) === 0 ? '\r\n' : '\n');
}

export function renderIni(node: Tree, bits: number[]): string {
  const pick = picker(bits);
  return flatten(node)
    .map(([k, v], i) => `${i > 0 && pick(4) === 0 ? `[section${i}]\n` : ''}${pick(3) === 0 ? `//registry.example.com/:${k}` : k}${pick(2) ? ' = ' : '='}${v.replace(/\n/g, ' ')}`)
    .join('\n');
}

export function renderNetrc(node: Tree, bits: number[]): string {
  const pick = picker(bits);
  return flatten(node)
    .map(([k, v]) => `machine ${k.replace(/\s/g, '')}${pick(2) ? '\n  ' : ' '}login ${pick(2) ? 'user' : v.split(/\s/)[0] || 'x'} password ${v.split(/\s/)[0] || 'x'}`)
    .join('\n');
}

export function renderHcl(node: Tree, bits: number[]): string {
  const pick = picker(bits);
  const out = (n: Tree, indent: string): string => {
    if (n.t === 'scalar') {
      if (n.v.includes('\n')) return `<<-EOT\n${n.v}\n${indent}EOT`;
      return pick(4) === 0 ? `var.${n.v.replace(/\W/g, '_') || 'x'}` : JSON.stringify(n.v);
    }
    if (n.t === 'seq') return `[${n.items.map((i) => out(i, indent)).join(', ')}]`;
    return `{\n${n.pairs.map(([k, v]) => `${indent}  ${k.replace(/\W/g, '_') || 'k'} = ${out(v, `${indent}  `)}`).join('\n')}\n${indent}}`;
  };
  const body = node.t === 'map' ? node.pairs.map(([k, v]) => `resource "aws_${k.replace(/\W/g, '_')}" "x" ${v.t === 'map' ? out(v, '') : `{\n  value = ${out(v, '  ')}\n}`}`).join('\n\n') : `locals ${out({ t: 'map', pairs: [['v', node]] }, '')}`;
  return pick(5) === 0 ? `/* comment */\n${body}\n# trailing` : body;
}

export function renderDockerfile(node: Tree, bits: number[]): string {
  const pick = picker(bits);
  const lines = ['FROM node:20'];
  for (const [k, v] of flatten(node)) {
    switch (pick(5)) {
      case 0:
        lines.push(`ENV ${k.replace(/\W/g, '_')}=${JSON.stringify(v)}`);
        break;
      case 1:
        lines.push(`ARG ${k.replace(/\W/g, '_')}=${v.split(/\s/)[0]}`);
        break;
      case 2:
        lines.push(`ENV ${k.replace(/\W/g, '_')} ${v.replace(/\n/g, ' ')}`);
        break;
      default:
        lines.push(`RUN ${v.replace(/\n/g, pick(2) ? ' \\\n    && ' : ' && ')}`);
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Documents with paths

export interface FuzzInput {
  path: string;
  text: string;
}

const YAML_PATHS = ['.github/workflows/ci.yml', 'action.yml', '.gitlab-ci.yml', 'docker-compose.yml', 'k8s/deploy.yaml', 'serverless.yml', 'openapi.yaml', 'playbook.yml', 'values.yaml', 'template.yaml'];
const JSON_PATHS = ['config.json', '.vscode/settings.json', 'appsettings.json', '.docker/config.json', 'policy.json', 'flows.json', 'workflow.json', 'x.code-workspace'];

/** A top-level skeleton that makes classification pick a specific kind, with a generated body. */
const yamlSkeleton = fc.constantFrom(
  (body: string) => `on: push\npermissions: write-all\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          ${body.split('\n').join('\n          ')}\n`,
  (body: string) => `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nrules:\n  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: ["*"]\n---\n${body}\n`,
  (body: string) => `services:\n  app:\n    image: app\n    environment:\n      X: y\n${body.split('\n').map((l) => `      ${l}`).join('\n')}\n`,
  (body: string) => body,
);

export const yamlDoc: fc.Arbitrary<FuzzInput> = fc
  .tuple(tree, styleBits, yamlSkeleton, fc.constantFrom(...YAML_PATHS), fc.integer({ min: 1, max: 3 }))
  .map(([t, bits, skel, path, docs]) => ({ path, text: Array.from({ length: docs }, (_, i) => skel(renderYaml(t, bits.slice(i)))).join('\n---\n') }));
export const jsonDoc: fc.Arbitrary<FuzzInput> = fc.tuple(tree, styleBits, fc.constantFrom(...JSON_PATHS)).map(([t, bits, path]) => ({ path, text: renderJson(t, bits) }));
export const dotenvDoc: fc.Arbitrary<FuzzInput> = fc.tuple(tree, styleBits, fc.constantFrom('.env', '.env.production', 'app.env')).map(([t, bits, path]) => ({ path, text: renderDotenv(t, bits) }));
export const iniDoc: fc.Arbitrary<FuzzInput> = fc.tuple(tree, styleBits, fc.constantFrom('.npmrc', '.pypirc', 'setup.cfg', '.gitconfig', 'app.properties', '.yarnrc')).map(([t, bits, path]) => ({ path, text: renderIni(t, bits) }));
export const netrcDoc: fc.Arbitrary<FuzzInput> = fc.tuple(tree, styleBits).map(([t, bits]) => ({ path: '.netrc', text: renderNetrc(t, bits) }));
export const hclDoc: fc.Arbitrary<FuzzInput> = fc.tuple(tree, styleBits, fc.constantFrom('main.tf', 'vars.tfvars', 'x.hcl')).map(([t, bits, path]) => ({ path, text: renderHcl(t, bits) }));
export const dockerfileDoc: fc.Arbitrary<FuzzInput> = fc.tuple(tree, styleBits, fc.constantFrom('Dockerfile', 'build.dockerfile', 'Containerfile')).map(([t, bits, path]) => ({ path, text: renderDockerfile(t, bits) }));
export const shellDoc: fc.Arbitrary<FuzzInput> = fc.tuple(shellScript, fc.constantFrom('deploy.sh', 'notes.txt', '.git-credentials', 'README')).map(([text, path]) => ({ path, text }));

// ---------------------------------------------------------------------------------------------
// Fixture mutations

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : name.endsWith('.expected') ? [] : [full];
  });
}

/** Every rule fixture, with the path it is classified by (relative to its ok/ or ng/ folder). */
export function fixtureCorpus(): FuzzInput[] {
  const base = join(ROOT, 'test/fixtures/rules');
  return walk(base).map((file) => ({ path: relative(base, file).split('/').slice(3).join('/'), text: readFileSync(file, 'utf8') }));
}

type Mutation = (text: string) => string;
const at = (text: string, r: number) => Math.floor(r * (text.length + 1));
export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), noise).map(([r, s]): Mutation => (t) => t.slice(0, at(t, r)) + s + t.slice(at(t, r))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(40)).map(([r, n]): Mutation => (t) => t.slice(0, at(t, r)) + t.slice(at(t, r) + n)),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })).map(([a, b]): Mutation => (t) => {
    const [s, e] = [at(t, a), at(t, b)].sort((x, y) => x - y);
    return t.slice(0, e) + t.slice(s, e) + t.slice(e); // duplicate a range
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fakeSecret).map(([r, s]): Mutation => (t) => t.slice(0, at(t, r)) + s + t.slice(at(t, r))),
  fc.constant<Mutation>((t) => t.replace(/\n/g, '\r\n')),
  fc.constant<Mutation>((t) => `\ufeff${t}`),
  fc.constant<Mutation>((t) => t.replace(/ {2}/g, '\t')),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true })).map(([r]): Mutation => (t) => t.slice(0, at(t, r))), // truncate
);

export function mutatedFixture(corpus: FuzzInput[]): fc.Arbitrary<FuzzInput> {
  return fc.tuple(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([f, ms]) => ({ path: f.path, text: ms.reduce((t, m) => m(t), f.text) }));
}

/** Generated documents, sometimes damaged by random edits (structure mixed with random bytes). */
export function damaged(doc: fc.Arbitrary<FuzzInput>): fc.Arbitrary<FuzzInput> {
  return fc.tuple(doc, fc.array(mutation, { maxLength: 3 })).map(([d, ms]) => ({ path: d.path, text: ms.reduce((t, m) => m(t), d.text) }));
}

const anyPath = fc.constantFrom(...YAML_PATHS, ...JSON_PATHS, '.env', '.npmrc', '.netrc', 'Dockerfile', 'main.tf', 'notes.txt', '.git-credentials', 'x', 'a.yml', 'a.json');

/** Any input: every generator, damaged or not, plus fixture mutations, plus random text under any name. */
export function fuzzInput(corpus: FuzzInput[]): fc.Arbitrary<FuzzInput> {
  return fc.oneof(
    { arbitrary: damaged(yamlDoc), weight: 5 },
    { arbitrary: damaged(jsonDoc), weight: 3 },
    { arbitrary: damaged(dotenvDoc), weight: 2 },
    { arbitrary: damaged(dockerfileDoc), weight: 2 },
    { arbitrary: damaged(hclDoc), weight: 1 },
    { arbitrary: damaged(iniDoc), weight: 1 },
    { arbitrary: damaged(netrcDoc), weight: 1 },
    { arbitrary: damaged(shellDoc), weight: 1 },
    { arbitrary: mutatedFixture(corpus), weight: 5 },
    // The same text under a name of another syntax: every parser sees every kind of input.
    { arbitrary: fc.tuple(fc.oneof(yamlDoc, jsonDoc, dockerfileDoc, dotenvDoc), anyPath).map(([d, path]) => ({ path, text: d.text })), weight: 2 },
    { arbitrary: fc.tuple(fc.string({ unit: 'grapheme', maxLength: 200 }), anyPath).map(([text, path]) => ({ path, text })), weight: 1 },
  );
}

// ---------------------------------------------------------------------------------------------
// Large inputs for time bounds (~100 KB)

const TARGET = 100 * 1024;

function grow(unit: string, size = TARGET): string {
  if (unit.length === 0) return 'x'.repeat(size);
  return unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
}

/** Pathological shapes: deep nesting, long lines, long blank runs, dense secrets, many directives. */
export const pathological: fc.Arbitrary<FuzzInput> = fc.oneof(
  fc.constantFrom(...YAML_PATHS, ...JSON_PATHS, '.env', 'Dockerfile', 'main.tf', 'notes.txt').chain((path) =>
    fc.constantFrom(
      { path, text: grow('[') },
      { path, text: grow('[') + grow(']') },
      { path, text: grow('{a: ') },
      { path, text: grow('{"a":') },
      { path, text: grow('- ') },
      { path, text: grow('? ') },
      { path, text: grow('a {\n') },
      { path, text: grow('\n') },
      { path, text: grow(' \n') },
      { path, text: grow('\t') + 'x' },
      { path, text: `key: ${grow(' ')}# c` },
      { path, text: grow('#plainsight-ignore ') },
      { path, text: grow('http://') },
      { path, text: grow('x://{{:') },
      { path, text: grow('a: &a [*a, *a]\n') },
      { path, text: grow('$($(') },
      { path, text: grow('"\\') },
      { path, text: grow('<<EOF\n') },
      { path, text: `run: ${grow('curl -k http://a.example.com && ')}` },
      { path, text: grow('-----BEGIN RSA PRIVATE KEY-----\n') },
    ),
  ),
);

/** Realistic-looking documents repeated to ~100 KB. */
export const large: fc.Arbitrary<FuzzInput> = fc
  .oneof(yamlDoc, jsonDoc, dotenvDoc, dockerfileDoc, hclDoc, iniDoc)
  .filter((d) => d.text.length > 0)
  .map((d) => ({ path: d.path, text: grow(`${d.text}\n`) }));

export const hundredKb: fc.Arbitrary<FuzzInput> = fc.oneof(pathological, large);
