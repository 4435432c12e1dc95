// The accuracy benchmark's scoring rules (bench/lib/score.mjs) on a hand-made label set, so a
// change in the numbers comes from the engine, not from the scorer.
import { test } from 'node:test';
import assert from 'node:assert/strict';

// A non-literal specifier: the scorer is plain JavaScript without type declarations.
const scorePath = '../../bench/lib/score.mjs';

const labels = [
  { file: 'a.yml', line: 3, lines: [3, 4], category: 'secret', expect: true, tier: 'core' },
  { file: 'a.yml', line: 9, lines: [9, 9], category: 'secret', expect: 'may' },
  { file: 'a.yml', line: 12, lines: [12, 12], category: 'secret', expect: false },
  { file: 'a.yml', line: 20, lines: [20, 20], category: 'secret', expect: true, tier: 'extended' },
  { file: 'wf.yml', line: null, lines: null, category: 'scope', expect: true, tier: 'core' },
  { file: 'clean.yml', line: null, lines: null, category: 'any', expect: false },
  { file: 'clean2.yml', line: null, lines: null, category: 'transport', expect: false },
];
const finding = (file: string, category: string, line: number, ruleId = `${category}/x`) => ({ file, category, line, ruleId, confidence: 'high' });

test('recall, precision and false positives per 100 clean files follow the label semantics', async () => {
  const { match, summarize, recallOfTier, byRule } = await import(scorePath);
  const findings = [
    finding('a.yml', 'secret', 4), // inside [3, 4]: finds the true label
    finding('a.yml', 'secret', 9), // a "may" label: correct, but no recall credit
    finding('a.yml', 'secret', 12), // a forbidden line: false positive
    finding('a.yml', 'transport', 3), // right line, wrong category: false positive
    finding('wf.yml', 'scope', 40), // a file-level label is found anywhere in the file
    finding('clean.yml', 'transport', 1), // clean for every category
    finding('clean.yml', 'transport', 2, 'transport/y'),
  ];
  const matched = match(labels, findings);

  const secret = summarize(matched, 'secret');
  assert.deepEqual([secret.found, secret.trueLabels, secret.correct, secret.findings, secret.falsePositives, secret.onForbiddenLines], [1, 2, 2, 3, 1, 1]);
  assert.equal(secret.recall, 0.5);
  assert.equal(secret.cleanFiles, 1);
  assert.equal(secret.fpPer100Clean, 0);

  const scope = summarize(matched, 'scope');
  assert.deepEqual([scope.recall, scope.precision], [1, 1]);

  const transport = summarize(matched, 'transport');
  assert.equal(transport.recall, null, 'no true transport labels');
  assert.deepEqual([transport.findings, transport.falsePositives, transport.cleanFiles, transport.fpInClean, transport.cleanFilesFlagged], [3, 3, 2, 2, 1]);
  assert.equal(transport.fpPer100Clean, 100);

  assert.deepEqual(recallOfTier(matched, 'secret', 'extended'), { trueLabels: 1, found: 0, recall: 0 });
  const onlyWorkflow = summarize(matched, 'secret', (file: string) => file === 'wf.yml'); // no secret labels there
  assert.equal(onlyWorkflow.trueLabels, 0);
  assert.deepEqual(
    byRule(matched).map((r: { ruleId: string; falsePositives: number }) => [r.ruleId, r.falsePositives]),
    [
      ['transport/x', 2],
      ['secret/x', 1],
      ['transport/y', 1],
      ['scope/x', 0],
    ],
  );
});
