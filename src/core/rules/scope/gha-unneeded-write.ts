// scope/gha-unneeded-write: a `<permission>: write` that no step of the jobs receiving it needs.
// Only reported when every step of those jobs is known (table in platforms/github-actions.ts);
// a job with an unknown action, script use of the token or reusable call is left alone.
import type { Rule } from '../../rule';
import { grantVerdicts } from '../../platforms/github-grants';

export const ghaUnneededWrite: Rule = {
  meta: {
    id: 'scope/gha-unneeded-write',
    category: 'scope',
    title: 'GitHub Actions write permission no step needs',
    defaultSeverity: 'warning',
    confidence: 'medium',
    explanation:
      'A `<permission>: write` grant that none of the job\'s steps uses only widens what a compromised step can do with the GITHUB_TOKEN (push code, edit releases, comment as the repository). The rule knows what well-known actions and `gh`/`git push` commands need, and reports a write only when every step of the job is known; a job with an unknown action, a reusable workflow call or a script that receives the token is never reported. Lower the grant to what the steps need.',
    fixable: true,
  },
  kinds: ['github-workflow'],
  keywords: ['write'],
  visitDocument(ctx, doc) {
    for (const v of grantVerdicts(doc.root)) {
      if (v.kind !== 'unneeded') continue;
      const value = v.entry.pair.value;
      if (!value) continue;
      const who = v.level === 'job' ? `job "${v.jobs[0]}"` : `the workflow (inherited by ${v.jobs.map((j) => `"${j}"`).join(', ')})`;
      const need = v.needed === 'read' ? `its steps only read (\`${v.entry.scope}: read\`)` : 'no step uses it';
      ctx.report({
        start: value.start,
        end: value.end,
        message: `\`${v.entry.scope}: write\` on ${who} is more than needed: ${need}.`,
        fixes: [
          {
            title: `Lower to ${v.entry.scope}: ${v.needed}`,
            disposition: 'unsafe',
            edits: [{ start: value.start, end: value.end, newText: v.needed }],
          },
        ],
      });
    }
  },
};
