// scope/gha-missing-permissions: a workflow whose jobs run with the repository's default token
// permissions because neither the workflow nor the job sets `permissions:`. Reported once per
// workflow, on the `on:` key (where a top-level block would go).
import type { Rule } from '../../rule';
import { isReusableCall, isReusableOnly, jobsOf, permissionsOf, triggersOf } from '../../platforms/github';
import { getPair } from '../../parse/model';
import { leastPrivilegeFix, unknownNote } from '../../fix/least-privilege';

export const ghaMissingPermissions: Rule = {
  meta: {
    id: 'scope/gha-missing-permissions',
    category: 'scope',
    title: 'GitHub Actions workflow without a permissions block',
    defaultSeverity: 'warning',
    confidence: 'medium',
    explanation:
      'Without a `permissions:` block the GITHUB_TOKEN gets the repository\'s default permissions, which are write access to most scopes in repositories created before 2023 and in many organizations. Every step, including third-party actions, then holds a token that can push code or publish releases. Set `permissions: { contents: read }` (or `{}`) at the top of the workflow and grant writes on the jobs that need them. Reusable workflows that only run on `workflow_call` take the caller\'s permissions, so only their nested reusable calls are reported.',
    fixable: true,
  },
  kinds: ['github-workflow'],
  keywords: ['jobs'],
  visitDocument(ctx, doc) {
    const root = doc.root;
    if (permissionsOf(root).kind !== 'default') return;
    const reusableOnly = isReusableOnly(root);
    // A called workflow's jobs run with the caller's token; its own reusable calls still pass it on.
    const exposed = jobsOf(root).filter((j) => permissionsOf(j.node).kind === 'default' && (!reusableOnly || isReusableCall(j)));
    if (exposed.length === 0) return;
    const anchor = triggersOf(root)?.key ?? getPair(root, 'jobs')?.key;
    if (!anchor) return;
    const planned = leastPrivilegeFix(ctx.file.text, root);
    const names = exposed.map((j) => `"${j.id}"`).join(', ');
    const one = exposed.length === 1;
    const what = reusableOnly
      ? `No \`permissions:\` block: ${one ? 'the reusable workflow call' : 'the reusable workflow calls'} ${names} pass on the caller's token with everything the caller granted.`
      : `No \`permissions:\` block: ${one ? 'job' : 'jobs'} ${names} ${one ? 'runs' : 'run'} with the repository's default GITHUB_TOKEN permissions, which may be write access to most scopes.`;
    ctx.report({
      start: anchor.start,
      end: anchor.end,
      message: `${what} Set \`permissions: { contents: read }\` (or \`{}\`) at the top and grant writes per job.${unknownNote(planned?.unknown ?? [])}`,
      fixes: planned ? [planned.fix] : [],
    });
  },
};
