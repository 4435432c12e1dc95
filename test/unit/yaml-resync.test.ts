// Large YAML files the fast reader is not sure about (src/core/parse/yaml-resync.ts): read entry
// by entry instead of all through the `yaml` package, so an error costs milliseconds, what
// follows it is still analysed as structure, and the error is reported on its line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { analyze } from '../../src/core/index';
import type { MapNode, Node } from '../../src/core/parse/model';
import { parseYaml, parseYamlPackage } from '../../src/core/parse/yaml';
import { PACKAGE_ALLOWANCE, parseYamlResync } from '../../src/core/parse/yaml-resync';
import { strip } from './helpers/tree';

const FAKE_PASSWORD = ['Xq7', 'fake', 'Pa55word', '9Lm'].join('-');

const steps = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `      - name: step ${from + i}\n        run: echo ${from + i}\n`).join('');
const HEAD = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n';
const DEPLOY = `  deploy:\n    runs-on: ubuntu-latest\n    env:\n      DB_PASSWORD: ${FAKE_PASSWORD}\n    steps:\n      - run: curl -k https://example.com/install.sh\n`;

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;

function pairValue(map: Node | null, ...keys: string[]): Node | null | undefined {
  let node: Node | null | undefined = map;
  for (const key of keys) node = node?.kind === 'map' ? node.pairs.find((p) => p.key.value === key)?.value : undefined;
  return node;
}

test('a large workflow with an unclosed quote in the middle: the jobs after it are analysed, the error is on its line', () => {
  const broken = '      - name: "unclosed\n';
  const text = HEAD + steps(0, 60) + broken + steps(60, 120) + DEPLOY;
  assert.ok(text.length > PACKAGE_ALLOWANCE);
  const result = analyze(text, { path: '.github/workflows/ci.yml' });
  const brokenLine = lineOf(text, text.indexOf(broken));
  assert.deepEqual(
    result.parseErrors.map((e) => lineOf(text, e.start)),
    [brokenLine],
  );
  assert.match(result.parseErrors[0].message, /closing "quote/);
  const found = result.findings.map((f) => `${f.ruleId}@${f.startLine}`);
  const deployLine = lineOf(text, text.indexOf('  deploy:'));
  // The whole `yaml` package read the rest of the file as one quoted string: these were missed.
  assert.ok(found.includes(`secret/generic-password@${deployLine + 3}`), found.join(', '));
  assert.ok(found.includes(`transport/insecure-command@${deployLine + 5}`), found.join(', '));
});

test('a line that is neither a key nor an item: the keys around it stay in their map', () => {
  const text = HEAD + steps(0, 200) + '      - name: last\n        env:\n          A: b\n          oops\n          C: d\n' + DEPLOY;
  assert.ok(text.length > PACKAGE_ALLOWANCE);
  const { documents } = parseYaml(text);
  assert.equal(documents.length, 1);
  const [doc] = documents;
  assert.deepEqual(
    doc.errors.map((e) => text.slice(e.start, e.end)),
    ['oops'],
  );
  const stepsNode = pairValue(doc.root, 'jobs', 'build', 'steps');
  assert.equal(stepsNode?.kind, 'seq');
  const last = stepsNode.kind === 'seq' ? stepsNode.items[stepsNode.items.length - 1] : null;
  const env = pairValue(last, 'env') as MapNode;
  assert.deepEqual(
    env.pairs.map((p) => [p.key.value, p.value?.kind === 'scalar' ? p.value.value : null]),
    [['A', 'b'], ['C', 'd']],
  );
  assert.equal(pairValue(doc.root, 'jobs', 'deploy', 'env', 'DB_PASSWORD')?.kind, 'scalar');
});

test('entries before the error are read exactly as the package reads them', () => {
  const valid = HEAD + steps(0, 200);
  const text = `${valid}      - name: [unclosed\n${DEPLOY}`;
  assert.ok(valid.length > PACKAGE_ALLOWANCE);
  const resynced = parseYaml(text).documents[0].root as MapNode;
  const exact = parseYamlPackage(valid).documents[0].root as MapNode;
  // `on` is whole; of `jobs`, the steps before the broken one.
  assert.ok(isDeepStrictEqual(strip(resynced.pairs[0]), strip(exact.pairs[0])));
  const readSteps = pairValue(resynced, 'jobs', 'build', 'steps');
  const exactSteps = pairValue(exact, 'jobs', 'build', 'steps');
  assert.ok(readSteps?.kind === 'seq' && exactSteps?.kind === 'seq');
  assert.ok(isDeepStrictEqual(strip(readSteps.items.slice(0, 200)), strip(exactSteps.items)));
});

test('100 KB of broken lines: the package reads no more than its allowance, and the errors are merged', () => {
  const text = '[]\n'.repeat(34_000) + 'key: value\n';
  let read = 0;
  const result = parseYamlResync(text, (slice) => {
    read += slice.length;
    return parseYamlPackage(slice);
  });
  assert.ok(read <= PACKAGE_ALLOWANCE, `${read} characters read by the package`);
  const errors = result.documents.flatMap((d) => d.errors);
  assert.ok(errors.length <= 2, `${errors.length} errors`);
  assert.equal(pairValue(result.documents[0].root, 'key')?.kind, 'scalar');
});

test('a large file indented with tabs is read as if with spaces, and the tabs are reported', () => {
  const data = Array.from({ length: 300 }, (_, i) => `\tkey-${i}: dmFsdWUtJHtpfQ==\n`).join('');
  const text = `apiVersion: v1\nkind: Secret\nmetadata:\n\tname: app\ndata:\n${data}stringData:\n\tpassword: ${FAKE_PASSWORD}\n`;
  assert.ok(text.length > PACKAGE_ALLOWANCE);
  const result = analyze(text, { path: 'k8s/secret.yaml' });
  assert.deepEqual(
    result.parseErrors.map((e) => [lineOf(text, e.start), e.message]),
    [3, 5, 306].map((line) => [line, 'Tabs are not allowed as indentation (read as spaces here)']),
  );
  const root = result.parsed?.documents[0].root ?? null;
  assert.equal(pairValue(root, 'stringData', 'password')?.kind, 'scalar');
  assert.equal((pairValue(root, 'data') as MapNode).pairs.length, 300);
  assert.ok(result.findings.some((f) => f.startLine === 306), result.findings.map((f) => `${f.ruleId}@${f.startLine}`).join(', '));
});

test('documents that are a scalar or a flow collection are read too', () => {
  const filler = `settings:\n${Array.from({ length: 300 }, (_, i) => `  key${i}: value ${i}\n`).join('')}`;
  const text = `${filler}oops: [\n---\n"a scalar document"\n---\n{url: "http://api.example.org/x"}\n`;
  const { documents } = parseYaml(text);
  assert.equal(documents.length, 3);
  assert.equal(documents[0].errors.length, 1);
  assert.deepEqual(strip(documents[1].root), strip({ kind: 'scalar', value: 'a scalar document', type: 'string', style: 'double', start: text.indexOf('"a scalar'), end: text.indexOf('"a scalar') + 19 }));
  assert.equal(documents[2].root?.kind, 'map');
});
