// scope/gha-workflow-level-write: a write grant at the top of a workflow that several jobs
// inherit, though not all of them are known to need it (zizmor's "overly broad at the workflow
// level"). Grants that no receiving job needs are gha-unneeded-write / gha-id-token-unused instead.
import type { Rule } from '../../rule';
import { grantVerdicts } from '../../platforms/github-grants';
import { leastPrivilegeFix, unknownNote } from '../../fix/least-privilege';

export const ghaWorkflowLevelWrite: Rule = {
  meta: {
    id: 'scope/gha-workflow-level-write',
    category: 'scope',
    title: 'GitHub Actions write permission granted to every job',
    defaultSeverity: 'warning',
    confidence: 'medium',
    explanation:
      'A `<permission>: write` in the workflow-level `permissions:` block reaches every job that does not set its own, so jobs that only build or test hold a token that can write. Keep the top-level block read-only (`contents: read` or `{}`) and grant the write on the jobs that use it. Not reported when every inheriting job is known to need the grant.',
    fixable: true,
  },
  kinds: ['github-workflow'],
  keywords: ['write'],
  visitDocument(ctx, doc) {
    const verdicts = grantVerdicts(doc.root).filter((v) => v.kind === 'workflow-level');
    if (verdicts.length === 0) return;
    const planned = leastPrivilegeFix(ctx.file.text, doc.root);
    for (const v of verdicts) {
      if (v.kind !== 'workflow-level') continue;
      const value = v.entry.pair.value;
      if (!value) continue;
      const list = (ids: string[]) => ids.map((j) => `"${j}"`).join(', ');
      const who = v.needing.length > 0 ? ` Known to need it: ${list(v.needing)}.` : '';
      ctx.report({
        start: value.start,
        end: value.end,
        message: `\`${v.entry.scope}: write\` at the workflow level applies to every job without its own permissions (${list(v.jobs)}).${who} Grant it on the jobs that need it.${unknownNote(planned?.unknown ?? [])}`,
        fixes: planned ? [planned.fix] : [],
      });
    }
  },
};
