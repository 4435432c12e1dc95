// Releasing a tree the caller is done with (src/core/parse/model.ts releaseTree, and analyze's
// `previous` option): every link between nodes is cleared, the earlier result keeps its findings,
// and the new analysis is exactly what it would be without the option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index';
import type { MapNode, Node, Pair, SeqNode } from '../../src/core/parse/model';
import { releaseTree } from '../../src/core/parse/model';
import { parseFile } from '../../src/core/parse/index';

const WORKFLOW = [
  'on: push',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    env:',
  `      API_TOKEN: ${['gh', 'p_'].join('')}${'A1b2C3d4E5'.repeat(3)}abcdef`,
  '    steps:',
  '      - run: curl -k http://example.org/x',
  '      - uses: actions/checkout@v4',
  '        with: { persist-credentials: false, path: [a, b] }',
  '',
].join('\n');

function everything(root: Node | null): { nodes: Node[]; pairs: Pair[] } {
  const nodes: Node[] = [];
  const pairs: Pair[] = [];
  const walk = (n: Node | null) => {
    if (!n) return;
    nodes.push(n);
    if (n.kind === 'map') for (const p of n.pairs) (pairs.push(p), nodes.push(p.key), walk(p.value));
    else if (n.kind === 'seq') n.items.forEach(walk);
  };
  walk(root);
  return { nodes, pairs };
}

for (const [syntax, text] of [['yaml', WORKFLOW], ['json', JSON.stringify({ a: { b: [1, { c: 'd' }], e: null, h: true }, f: 'g', i: { j: [{ k: 2 }] } })]] as const) {
  test(`releaseTree clears every link between the nodes of a ${syntax} tree`, () => {
    const root = parseFile(text, syntax).documents[0].root;
    const { nodes, pairs } = everything(root);
    assert.ok(nodes.length > 10 && pairs.length > 5);
    assert.ok(nodes.some((n) => n.parent !== undefined), 'the tree had parent links');
    releaseTree(root);
    for (const n of nodes) {
      assert.equal(n.parent, undefined);
      if (n.kind === 'map') assert.equal((n as MapNode).pairs.length, 0);
      if (n.kind === 'seq') assert.equal((n as SeqNode).items.length, 0);
    }
    for (const p of pairs) {
      assert.equal(p.key, null);
      assert.equal(p.value, null);
      assert.equal(p.parent, undefined);
    }
  });
}

test('analyze with `previous` releases its tree, keeps its findings, and analyses as without it', () => {
  const path = '.github/workflows/ci.yml';
  const first = analyze(WORKFLOW, { path });
  const root = first.parsed!.documents[0].root as MapNode;
  const findings = structuredClone(first.findings);
  assert.ok(findings.length >= 3, 'the workflow has findings of several rules');

  const edited = WORKFLOW.replace('build:', 'build-and-test:');
  const second = analyze(edited, { path, previous: first });

  assert.equal(first.parsed, undefined);
  assert.equal(root.pairs.length, 0, 'the earlier tree is unlinked');
  assert.deepEqual(first.findings, findings);
  const fresh = analyze(edited, { path });
  assert.deepEqual(second.findings, fresh.findings);
  assert.deepEqual(everything(second.parsed!.documents[0].root).nodes.length, everything(fresh.parsed!.documents[0].root).nodes.length);
});
