// scope/gha-secrets-inherit: `secrets: inherit` on a reusable workflow call.
import type { Rule } from '../../rule';
import { getPair, isScalar, str, get } from '../../parse/model';
import { jobsOf } from '../../platforms/github';

export const ghaSecretsInherit: Rule = {
  meta: {
    id: 'scope/gha-secrets-inherit',
    category: 'scope',
    title: 'Reusable workflow called with secrets: inherit',
    defaultSeverity: 'warning',
    confidence: 'high',
    explanation:
      '`secrets: inherit` hands every secret the calling workflow can see (repository, environment and organization secrets) to the called workflow, not just the ones it uses. A change in the called workflow, or a compromise of the repository it lives in, then exposes all of them. Pass the secrets it declares under `on.workflow_call.secrets` one by one: `secrets: { NPM_TOKEN: ${{ secrets.NPM_TOKEN }} }`. Which secrets those are is declared in the called file, not in this one, so there is no automatic fix.',
    fixable: false,
  },
  kinds: ['github-workflow'],
  keywords: ['inherit'],
  visitDocument(ctx, doc) {
    for (const job of jobsOf(doc.root)) {
      const uses = str(get(job.node, 'uses'));
      const value = getPair(job.node, 'secrets')?.value;
      if (!uses || !isScalar(value) || value.value !== 'inherit') continue;
      ctx.report({
        start: value.start,
        end: value.end,
        message: `Job "${job.id}" passes every secret to ${uses}. Pass only the secrets it declares in \`on.workflow_call.secrets\` (not knowable from this file, so there is no automatic fix).`,
      });
    }
  },
};
