// scope/gha-read-all: `permissions: read-all` at workflow or job level.
import type { Rule } from '../../rule';
import { jobsOf, permissionsOf } from '../../platforms/github';
import { leastPrivilegeFix, unknownNote } from '../../fix/least-privilege';

export const ghaReadAll: Rule = {
  meta: {
    id: 'scope/gha-read-all',
    category: 'scope',
    title: 'GitHub Actions token granted read-all',
    defaultSeverity: 'warning',
    confidence: 'medium',
    explanation:
      '`permissions: read-all` lets the GITHUB_TOKEN read every scope: private code, packages, security alerts, deployments, Actions artifacts and logs. Most jobs only need `contents: read`. In a private repository a compromised step can read far more than the job uses. Grant the scopes each job reads, e.g. `permissions: { contents: read }`.',
    fixable: true,
  },
  kinds: ['github-workflow'],
  keywords: ['read-all'],
  visitDocument(ctx, doc) {
    const root = doc.root;
    const candidates = [{ where: 'workflow', node: root, job: undefined as string | undefined }, ...jobsOf(root).map((j) => ({ where: `job "${j.id}"`, node: j.node, job: j.id }))];
    for (const { where, node, job } of candidates) {
      const spec = permissionsOf(node);
      if (spec.kind !== 'read-all') continue;
      const planned = leastPrivilegeFix(ctx.file.text, root, { job });
      ctx.report({
        start: spec.node.start,
        end: spec.node.end,
        message: `The ${where} lets the GITHUB_TOKEN read every scope. Grant only what it reads (usually \`contents: read\`).${unknownNote(planned?.unknown ?? [])}`,
        fixes: planned ? [planned.fix] : [],
      });
    }
  },
};
