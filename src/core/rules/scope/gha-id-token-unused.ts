// scope/gha-id-token-unused: `id-token: write` where no step logs in to a cloud or signs or
// publishes with an OIDC token. Only reported when every step of the receiving jobs is known.
import type { Rule } from '../../rule';
import { grantVerdicts } from '../../platforms/github-grants';

export const ghaIdTokenUnused: Rule = {
  meta: {
    id: 'scope/gha-id-token-unused',
    category: 'scope',
    title: 'GitHub Actions id-token: write without an OIDC login',
    defaultSeverity: 'warning',
    confidence: 'medium',
    explanation:
      '`id-token: write` lets every step request an OIDC token for the workflow, which cloud providers and registries trust for federated login (AWS, Google Cloud, Azure, PyPI/npm trusted publishing, Sigstore signing, attestations). When no step performs such a login the grant only helps a compromised step impersonate the workflow towards those services. It is reported only when every step of the job is known (known actions, or scripts that do not mention `ACTIONS_ID_TOKEN_REQUEST`); remove the grant or set it to `none`.',
    fixable: true,
  },
  kinds: ['github-workflow'],
  keywords: ['id-token'],
  visitDocument(ctx, doc) {
    for (const v of grantVerdicts(doc.root)) {
      if (v.kind !== 'id-token-unused') continue;
      const value = v.entry.pair.value;
      if (!value) continue;
      const who = v.level === 'job' ? `job "${v.jobs[0]}"` : `the workflow (inherited by ${v.jobs.map((j) => `"${j}"`).join(', ')})`;
      ctx.report({
        start: value.start,
        end: value.end,
        message: `\`id-token: write\` on ${who}, but no step logs in with an OIDC token (cloud login, trusted publishing, signing, attestation). Remove the grant.`,
        fixes: [{ title: 'Set id-token: none', disposition: 'unsafe', edits: [{ start: value.start, end: value.end, newText: 'none' }] }],
      });
    }
  },
};
