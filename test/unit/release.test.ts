// Releasing a tree the caller is done with (src/core/parse/model.ts releaseTree, and analyze's
// `previous` option): every link between nodes is cleared, the earlier result keeps its findings,
// and the new analysis is exactly what it would be without the option.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyze } from '../../src/core/index';
import { RELEASE_FROM } from '../../src/core/engine';
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

/** The workflow with `jobs` more jobs like its own: about 300 characters each. */
function bigWorkflow(jobs: number): string {
  const job = WORKFLOW.slice(WORKFLOW.indexOf('  build:'));
  return WORKFLOW + Array.from({ length: jobs }, (_, i) => job.replace('build:', `job-${i}:`)).join('');
}

test('analyze with `previous` releases a large tree, keeps its findings, and analyses as without it', () => {
  const path = '.github/workflows/ci.yml';
  const text = bigWorkflow(300);
  assert.ok(text.length >= RELEASE_FROM);
  const first = analyze(text, { path });
  const root = first.parsed!.documents[0].root as MapNode;
  const findings = structuredClone(first.findings);
  assert.ok(findings.length >= 3, 'the workflow has findings of several rules');

  const edited = text.replace('build:', 'build-and-test:');
  const second = analyze(edited, { path, previous: first });

  assert.equal(first.parsed, undefined);
  assert.equal(root.pairs.length, 0, 'the earlier tree is unlinked');
  assert.deepEqual(first.findings, findings);
  const fresh = analyze(edited, { path });
  assert.deepEqual(second.findings, fresh.findings);
  assert.equal(everything(second.parsed!.documents[0].root).nodes.length, everything(fresh.parsed!.documents[0].root).nodes.length);
});

test('a small previous tree is left as it is: unlinking it would cost more than it saves', () => {
  const path = '.github/workflows/ci.yml';
  const first = analyze(WORKFLOW, { path });
  const nodes = everything(first.parsed!.documents[0].root).nodes.length;
  const second = analyze(WORKFLOW.replace('build:', 'test:'), { path, previous: first });
  assert.ok(first.parsed, 'still there');
  assert.equal(everything(first.parsed.documents[0].root).nodes.length, nodes);
  assert.ok(second.findings.length > 0);
});
