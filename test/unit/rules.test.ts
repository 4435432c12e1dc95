// Runs every registered rule over its own fixtures: ng files must produce exactly the marked
// findings of that rule, ok files none; every fix must apply, keep the file parseable and make
// its finding go away.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, applyEdits, docsPageOf, RULES } from '../../src/core/index';
import { fixturesOf } from './helpers/fixtures';

for (const rule of RULES) {
  const fixtures = fixturesOf(rule.meta.id);
  if (fixtures.length === 0) continue; // registry.test.ts fails for rules without fixtures
  // The ids the rule reports under: its own, its catalog's, and for secret/custom-pattern `secret/custom/<id>`.
  const ids = { has: (id: string) => docsPageOf(id) === rule.meta.id };
  describe(rule.meta.id, () => {
    for (const fx of fixtures) {
      test(`${fx.kind}/${fx.path}`, () => {
        const result = analyze(fx.text, { path: fx.path, config: fx.config });
        const mine = result.findings.filter((f) => ids.has(f.ruleId));
        const got = mine.map((f) => `${f.startLine + 1} ${f.ruleId}`).sort();
        const want = [...fx.expected].flatMap(([line, rs]) => rs.filter((r) => ids.has(r)).map((r) => `${line} ${r}`)).sort();
        assert.deepEqual(got, want, `findings of ${rule.meta.id} in ${fx.kind}/${fx.path}:\n${mine.map((f) => `  ${f.startLine + 1}:${f.startColumn + 1} ${f.message}`).join('\n')}`);
        if (fx.kind === 'ng') assert.ok(want.length > 0, 'an ng fixture must mark at least one expected finding');

        for (const finding of mine) {
          assert.ok(finding.start >= 0 && finding.end <= fx.text.length && finding.start <= finding.end, 'range inside the document');
          for (const fix of finding.fixes) {
            const fixed = applyEdits(fx.text, fix.edits);
            const again = analyze(fixed, { path: fx.path, config: fx.config });
            assert.ok(again.parseErrors.length <= result.parseErrors.length, `fix "${fix.title}" must keep ${fx.path} parseable`);
            const still = again.findings.some((f) => f.ruleId === finding.ruleId && f.startLine === finding.startLine && f.startColumn === finding.startColumn);
            assert.ok(!still, `fix "${fix.title}" must remove the finding at line ${finding.startLine + 1}`);
          }
        }
      });
    }
  });
}
