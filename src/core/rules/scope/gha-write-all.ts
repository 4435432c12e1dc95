// scope/gha-write-all: `permissions: write-all` at workflow or job level.
import type { Rule } from '../../rule';
import type { Fix } from '../../types';
import { jobsOf, permissionsOf } from '../../platforms/github';
import { leastPrivilegeFix, unknownNote } from '../../fix/least-privilege';

export const ghaWriteAll: Rule = {
  meta: {
    id: 'scope/gha-write-all',
    category: 'scope',
    title: 'GitHub Actions token granted write-all',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      '`permissions: write-all` gives the workflow\'s GITHUB_TOKEN write access to every scope: contents, packages, deployments, pull requests, issues, actions and more. Any step that is compromised (a third-party action, a dependency, an injected script) can then push code, publish packages or change releases. Grant only what each job needs, e.g. `permissions: { contents: read }` at the top and job-level grants where a job writes.',
    fixable: true,
  },
  kinds: ['github-workflow'],
  keywords: ['write-all'],
  visitDocument(ctx, doc) {
    const root = doc.root;
    const candidates = [{ where: 'workflow', node: root, job: undefined as string | undefined }, ...jobsOf(root).map((j) => ({ where: `job "${j.id}"`, node: j.node, job: j.id }))];
    for (const { where, node, job } of candidates) {
      const spec = permissionsOf(node);
      if (spec.kind !== 'write-all') continue;
      const value = spec.node;
      const planned = leastPrivilegeFix(ctx.file.text, root, { job });
      const fixes: Fix[] = planned
        ? [planned.fix]
        : [{ title: 'Replace write-all with read-only contents', disposition: 'unsafe', edits: [{ start: value.start, end: value.end, newText: '{ contents: read }' }] }];
      ctx.report({
        start: value.start,
        end: value.end,
        message: `The ${where} grants the GITHUB_TOKEN write access to every scope. Grant only the scopes it needs.${unknownNote(planned?.unknown ?? [])}`,
        fixes,
      });
    }
  },
};
