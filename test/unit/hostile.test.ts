// Hostile and odd files: each gets a defined outcome (analysed; partially analysed with what
// parses; or skipped with a clear message), never an exception, never a hang. Time bounds are
// CPU time and generous (a loaded CI machine must not make them flaky); a hang or a quadratic
// blow-up misses them by orders of magnitude. Secrets below are fake test values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type AnalysisResult } from '../../src/core/index';
import { decodeBytes, decode } from '../../src/core/decode';

const FAKE_PASSWORD = ['Xq7', 'fake', 'Hunter2', 'Zr9Lm'].join('-');

/** Analyses and returns the result with the CPU time it took (ms). */
function timed(text: string, path: string): { result: AnalysisResult; cpu: number } {
  const before = process.cpuUsage();
  const result = analyze(text, { path });
  const used = process.cpuUsage(before);
  return { result, cpu: (used.user + used.system) / 1000 };
}

function secretLines(result: AnalysisResult): number[] {
  return result.findings.filter((f) => f.category === 'secret').map((f) => f.startLine);
}

/** A flat string of `size` characters (Buffer-built: no rope for the engine to flatten first). */
function flat(unit: string, size: number): string {
  return Buffer.alloc(size, unit).toString('latin1');
}

test('binary content is skipped with a message', () => {
  const { result, cpu } = timed(`PNG\u0000\u0001\u0002${FAKE_PASSWORD}`, 'image.yml');
  assert.equal(result.skipped, 'skipped: binary content');
  assert.deepEqual(result.findings, []);
  assert.ok(cpu < 200, `${cpu} ms`);
  const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  assert.deepEqual(decodeBytes(bytes), { skipped: 'skipped: binary content' });
});

test('a 50 MB file is skipped by the size limit, quickly, with a clear message', () => {
  const text = flat('a', 50 * 1024 * 1024);
  const { result, cpu } = timed(text, 'huge.yml');
  assert.match(result.skipped ?? '', /^skipped: 52428800 characters is over the limit of 5242880 \(setting maxFileSize\)$/);
  assert.deepEqual(result.findings, []);
  assert.ok(cpu < 500, `skipping took ${cpu} ms of CPU`);
});

test('a 4 MB file is analysed whole (findings at the start and the end)', () => {
  // Long lines keep the line count (and so the yaml parser's per-line cost, ~9 µs) moderate: a
  // 4 MB file of 300,000 short lines takes about 7 s of CPU, too long for the unit run.
  const unit = `  svc:\n    image: app:1\n    environment:\n      DESCRIPTION: "${'a long description of the service '.repeat(12)}"\n      REPLICAS: "3"\n`;
  const body = unit.repeat(Math.ceil((4 * 1024 * 1024) / unit.length));
  const text = `services:\n  first:\n    environment:\n      POSTGRES_PASSWORD: ${FAKE_PASSWORD}\n${body}  last:\n    environment:\n      DB_PASSWORD: ${FAKE_PASSWORD}x\n`;
  assert.ok(text.length > 4 * 1024 * 1024 && text.length < 5 * 1024 * 1024);
  const { result, cpu } = timed(text, 'docker-compose.yml');
  assert.equal(result.skipped, undefined);
  const lines = secretLines(result);
  assert.ok(lines.includes(3), `finding on line 4 (got ${lines.slice(0, 5)})`);
  assert.ok(lines.includes(result.lines.lineCount - 2), 'finding on the last setting');
  assert.ok(cpu < 20_000, `${cpu} ms of CPU for 4 MB`);
  console.log(`4 MB compose file: ${cpu.toFixed(0)} ms of CPU, ${result.findings.length} findings`);
});

const DEEP = 10_000;

test(`${DEEP} levels of YAML flow nesting: analysed, the deep part cut with a parse error, the rest still found`, () => {
  for (const nest of ['['.repeat(DEEP) + ']'.repeat(DEEP), '['.repeat(DEEP), '{a: '.repeat(DEEP) + '1' + '}'.repeat(DEEP)]) {
    const text = `password: ${FAKE_PASSWORD}\ndeep: ${nest}\n`;
    const { result, cpu } = timed(text, 'config.yml');
    assert.equal(result.skipped, undefined);
    assert.ok(result.parseErrors.some((e) => /nesting deeper than 200 levels/.test(e.message)), 'nesting error reported');
    assert.deepEqual(secretLines(result), [0]);
    assert.ok(cpu < 5000, `${cpu} ms`);
  }
});

test(`${DEEP} levels of YAML block nesting (compact "- - -" and indentation): analysed, cut, rest found`, () => {
  const compact = `password: ${FAKE_PASSWORD}\ndeep:\n  ${'- '.repeat(DEEP)}x\n`;
  // Indentation nesting costs n²/2 characters: 3,000 levels is what fits under the 5 MB limit.
  const indented = `password: ${FAKE_PASSWORD}\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} v\n`;
  for (const text of [compact, indented]) {
    const { result, cpu } = timed(text, 'config.yml');
    assert.equal(result.skipped, undefined);
    assert.ok(result.parseErrors.some((e) => /nesting deeper than 200 levels/.test(e.message)), 'nesting error reported');
    assert.deepEqual(secretLines(result), [0]);
    assert.ok(cpu < 20_000, `${cpu} ms`);
  }
});

test(`${DEEP} levels of JSON nesting (arrays, objects, unclosed): analysed, cut, rest found`, () => {
  for (const nest of ['['.repeat(DEEP) + ']'.repeat(DEEP), '{"a":'.repeat(DEEP) + '1' + '}'.repeat(DEEP), '['.repeat(DEEP)]) {
    const text = `{"password": "${FAKE_PASSWORD}", "deep": ${nest}}`;
    const { result, cpu } = timed(text, 'config.json');
    assert.equal(result.skipped, undefined);
    assert.ok(result.parseErrors.some((e) => /nesting deeper than 200 levels/.test(e.message)), 'nesting error reported');
    assert.deepEqual(secretLines(result), [0]);
    assert.ok(cpu < 5000, `${cpu} ms`);
  }
});

test(`${DEEP} levels of HCL blocks: analysed, the deep blocks skipped with a parse error`, () => {
  const text = `password = "${FAKE_PASSWORD}"\n${'a {\n'.repeat(DEEP)}${'}\n'.repeat(DEEP)}token = "${FAKE_PASSWORD}y"\n`;
  const { result, cpu } = timed(text, 'main.tf');
  assert.ok(result.parseErrors.some((e) => /nesting deeper than 200 levels/.test(e.message)));
  assert.deepEqual(secretLines(result), [0, result.lines.lineCount - 2]);
  assert.ok(cpu < 5000, `${cpu} ms`);
});

test('a 1 MB line is analysed (YAML, JSON, .env, Dockerfile, text), with a secret after it still found', () => {
  const long = flat('x', 1024 * 1024);
  const cases: [string, string][] = [
    ['config.yml', `note: ${long}\npassword: ${FAKE_PASSWORD}\n`],
    ['config.json', `{"note": "${long}", "password": "${FAKE_PASSWORD}"}`],
    ['.env', `NOTE=${long}\nDB_PASSWORD=${FAKE_PASSWORD}\n`],
    ['Dockerfile', `FROM x\nRUN echo ${long}\nENV DB_PASSWORD=${FAKE_PASSWORD}\n`],
    ['notes.txt', `${long}\npassword = ${FAKE_PASSWORD}\n`],
  ];
  for (const [path, text] of cases) {
    const { result, cpu } = timed(text, path);
    assert.equal(result.skipped, undefined, path);
    assert.equal(secretLines(result).length, 1, `${path}: ${result.findings.map((f) => f.ruleId)}`);
    assert.ok(cpu < 5000, `${path}: ${cpu} ms`);
  }
});

test('a byte-order mark and CRLF line ends change nothing', () => {
  const cases: [string, string][] = [
    ['docker-compose.yml', `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${FAKE_PASSWORD}\n`],
    ['config.json', `{\n  "password": "${FAKE_PASSWORD}"\n}\n`],
    ['.env', `DB_PASSWORD=${FAKE_PASSWORD}\nOTHER=1\n`],
    ['.npmrc', `[section]\npassword=${FAKE_PASSWORD}\n`],
    ['Dockerfile', `FROM node\nENV DB_PASSWORD=${FAKE_PASSWORD}\n`],
    ['main.tf', `resource "x" "y" {\n  password = "${FAKE_PASSWORD}"\n}\n`],
    ['notes.txt', `password = ${FAKE_PASSWORD}\n`],
  ];
  for (const [path, text] of cases) {
    const plain = analyze(text, { path }).findings.map((f) => `${f.ruleId}@${f.startLine}`);
    assert.ok(plain.length > 0, `${path} has a finding to compare`);
    assert.deepEqual(analyze(`\ufeff${text}`, { path }).findings.map((f) => `${f.ruleId}@${f.startLine}`), plain, `${path} with a BOM`);
    assert.deepEqual(analyze(text.replace(/\n/g, '\r\n'), { path }).findings.map((f) => `${f.ruleId}@${f.startLine}`), plain, `${path} with CRLF`);
  }
});

test('decodeBytes: UTF-8 (BOM dropped), UTF-16 LE and BE with BOM decoded, the rest skipped with a reason', () => {
  const text = `DB_PASSWORD=${FAKE_PASSWORD}\nNAME=café ☕ 𝄞\n`;
  const utf8 = new TextEncoder().encode(text);
  assert.deepEqual(decodeBytes(utf8), { text, encoding: 'utf-8', bom: false, lossy: false });
  assert.deepEqual(decodeBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8])), { text, encoding: 'utf-8', bom: true, lossy: false });
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  assert.deepEqual(decodeBytes(Uint8Array.from([0xff, 0xfe, ...le])), { text, encoding: 'utf-16le', bom: true, lossy: false });
  assert.deepEqual(decodeBytes(Uint8Array.from([0xfe, 0xff, ...be])), { text, encoding: 'utf-16be', bom: true, lossy: false });
  // An odd trailing byte: decoded, with U+FFFD for the stray byte, and marked lossy.
  const odd = decodeBytes(Uint8Array.from([0xff, 0xfe, ...le, 0x41]));
  assert.ok('text' in odd && odd.lossy && odd.text.startsWith(text) && odd.text.endsWith('\ufffd'));
  assert.match((decodeBytes(Uint8Array.from([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0])) as { skipped: string }).skipped, /UTF-32/);
  assert.match((decodeBytes(Uint8Array.from(le)) as { skipped: string }).skipped, /UTF-16 without a byte-order mark/);
  // The analysed text of a decoded UTF-16 file finds what the UTF-8 one finds.
  const decoded = decodeBytes(Uint8Array.from([0xfe, 0xff, ...be]));
  assert.ok('text' in decoded);
  assert.deepEqual(secretLines(analyze(decoded.text, { path: '.env' })), [0]);
  // `decode` (what the CLI and workspace scan call) narrows to text or skipped.
  assert.deepEqual(decode(utf8), { text });
});

test('invalid UTF-8 is decoded with U+FFFD and the rest of the file is still analysed', () => {
  const good = new TextEncoder().encode(`DB_PASSWORD=${FAKE_PASSWORD}\n`);
  const bytes = Uint8Array.from([...new TextEncoder().encode('NOTE=bad '), 0xc3, 0x28, 0xff, 0xfe, 0x80, 0x0a, ...good]);
  const d = decodeBytes(bytes);
  assert.ok('text' in d && d.lossy && d.encoding === 'utf-8');
  if ('text' in d) {
    assert.ok(d.text.includes('\ufffd'));
    assert.deepEqual(secretLines(analyze(d.text, { path: '.env' })), [1]);
  }
});

test('a YAML alias bomb (billion laughs) is not expanded', () => {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  lines.push(`password: ${FAKE_PASSWORD}`, 'self: &s [*s, *s]');
  const { result, cpu } = timed(`${lines.join('\n')}\n`, 'config.yml');
  assert.equal(result.skipped, undefined);
  assert.deepEqual(secretLines(result), [10]);
  assert.ok(cpu < 2000, `${cpu} ms (an expanded bomb would be 9^9 nodes)`);
  // The tree holds the aliases as aliases: count the nodes.
  let nodes = 0;
  const stack = result.parsed!.documents.map((d) => d.root);
  while (stack.length) {
    const n = stack.pop();
    if (!n) continue;
    nodes++;
    if (n.kind === 'seq') stack.push(...n.items);
    else if (n.kind === 'map') stack.push(...n.pairs.map((p) => p.value));
  }
  assert.ok(nodes < 200, `${nodes} nodes`);
});

test('duplicate keys: every value is still analysed', () => {
  const yaml = analyze(`password: ${FAKE_PASSWORD}\npassword: ${FAKE_PASSWORD}z\n`, { path: 'config.yml' });
  assert.deepEqual(secretLines(yaml), [0, 1]);
  const json = analyze(`{\n"password": "${FAKE_PASSWORD}",\n"password": "${FAKE_PASSWORD}z"\n}`, { path: 'config.json' });
  assert.deepEqual(secretLines(json), [1, 2]);
});

test('syntax errors mid-file: the parts that parse still yield findings', () => {
  // YAML: the broken middle document does not hide the other two.
  const yaml = analyze(`password: ${FAKE_PASSWORD}\n---\nbroken: [unclosed, {x: \n  - : : :\n---\ntoken_password: ${FAKE_PASSWORD}q\n`, { path: 'config.yml' });
  assert.ok(yaml.parseErrors.length > 0);
  assert.deepEqual(secretLines(yaml), [0, 5]);
  // JSON: jsonc-parser recovers from a missing value or colon and keeps the members after it.
  for (const broken of ['[1, 2,, ]', '{"a" 1}']) {
    const json = analyze(`{"password": "${FAKE_PASSWORD}",\n"x": ${broken},\n"db_password": "${FAKE_PASSWORD}q"}`, { path: 'config.json' });
    assert.ok(json.parseErrors.length > 0);
    assert.deepEqual(secretLines(json), [0, 2], broken);
  }
  // A mismatched bracket ends the structure jsonc-parser can rebuild; rules that read the raw
  // text (provider tokens) still see the rest. The token is a synthetic catalog fixture.
  const token = 'ghp_RQUigU5SgefwYeMRBEsuqcAjNup1uScFImJg';
  const mismatched = analyze(`{"password": "${FAKE_PASSWORD}",\n"x": [1, 2, },\n"token": "${token}"}`, { path: 'config.json' });
  assert.deepEqual(secretLines(mismatched), [0, 2]);
  // dotenv: a garbage line is skipped, the lines around it are read.
  const env = analyze(`DB_PASSWORD=${FAKE_PASSWORD}\n=== not a setting ===\n"\nAPI_PASSWORD=${FAKE_PASSWORD}q\n`, { path: '.env' });
  assert.deepEqual(secretLines(env), [0, 3]);
});

test('a JSON file of one error repeated reports it once, over its whole run; different errors stay apart', () => {
  const broken = analyze('- '.repeat(20000), { path: 'package.json' });
  assert.equal(broken.parseErrors.length, 1);
  assert.equal(broken.parseErrors[0].start, 0);
  assert.ok(broken.parseErrors[0].end >= 39_998, `ends at ${broken.parseErrors[0].end}`);
  const mixed = analyze('{"a": 1,, "b": }\n', { path: 'config.json' });
  assert.ok(new Set(mixed.parseErrors.map((e) => e.message)).size >= 2, JSON.stringify(mixed.parseErrors));
});

test("words that name Object.prototype's members (constructor, toString, ...) are plain words to every rule", () => {
  const names = Object.getOwnPropertyNames(Object.prototype).filter((n) => /^[a-zA-Z_]+$/.test(n));
  const block = (indent: string, value: string) => names.map((n) => `${indent}${n}: ${value}`).join('\n');
  const files: [string, string][] = [
    ['compose.yaml', `services:\n  app:\n    image: app\n${block('    ', 'host')}\n    command: ${names.map((n) => `${n} -p Zr9fakeQ2mx7`).join(' && ')}\n`],
    ['k8s/pod.yaml', `apiVersion: v1\nkind: Pod\nspec:\n${block('  ', 'true')}\n  containers:\n    - name: app\n      image: app\n`],
    ['k8s/role.yaml', `apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nrules:\n  - apiGroups: ["*"]\n    resources: [${names.join(', ')}]\n    verbs: [${names.join(', ')}]\n`],
    ['.github/workflows/ci.yml', `on: push\npermissions: {}\njobs:\n  a:\n    runs-on: x\n    permissions:\n${block('      ', 'write')}\n    steps:\n      - uses: some/action@v1\n        with:\n          scopes: ${names.join(' ')}\n`],
    ['iam.json', JSON.stringify({ bindings: [{ role: 'constructor', members: names }], oauthScopes: names, permissions: names })],
    ['db.env', names.map((n) => `DATABASE_URL=postgres://u:Zr9fakeQ2mx7@db.example.com/x?${n}=disable`).join('\n')],
  ];
  for (const [path, text] of files) {
    for (const f of analyze(text, { path }).findings) {
      assert.ok(!/native code|\[object |undefined/.test(f.message), `${path}: ${f.ruleId}: ${f.message}`);
      assert.notEqual(f.ruleId, 'scope/container-host-namespace', `${path}: ${f.message}`);
    }
  }
});
