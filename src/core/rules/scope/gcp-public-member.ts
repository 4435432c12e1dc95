// scope/gcp-public-member: a Google Cloud IAM binding or ACL granted to allUsers (anyone on the
// internet) or allAuthenticatedUsers (anyone with a Google account).
import type { Rule, RuleContext } from '../../rule';
import { scalarStrings } from '../../platforms/iam';
import { table } from '../../table';

const MEMBERS = table<string>({
  allusers: 'anyone on the internet, without signing in',
  allauthenticatedusers: 'anyone with a Google account',
});

export const gcpPublicMember: Rule = {
  meta: {
    id: 'scope/gcp-public-member',
    category: 'scope',
    title: 'Google Cloud resource granted to allUsers or allAuthenticatedUsers',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      '`allUsers` is everyone on the internet and `allAuthenticatedUsers` is everyone with any Google account, not just your organization. A role or ACL granted to either makes the bucket, function, dataset or service public. Grant the role to the users, groups or service accounts that need it; for intentionally public content (a static website bucket), document it with a suppression comment.',
    fixable: false,
  },
  keywords: ['allusers', 'allauthenticatedusers'],
  visitScalar(ctx, node) {
    for (const item of scalarStrings(ctx.file.text, node)) report(ctx, item, item.value);
  },
  visitCommand(ctx, hit) {
    for (const word of hit.command.argv) {
      // `--member=allUsers`, and gsutil's `allUsers:objectViewer` / `AllUsers:R`.
      const value = (word.value.startsWith('--member=') ? word.value.slice(9) : word.value).split(':')[0];
      if (MEMBERS[value.toLowerCase()]) report(ctx, hit.rangeOf(word), value);
    }
  },
};

function report(ctx: RuleContext, range: { start: number; end: number }, value: string): void {
  const who = MEMBERS[value.trim().toLowerCase()];
  if (!who) return;
  ctx.report({ ...range, message: `${value.trim()} is ${who}: this grant makes the resource public. Grant it to specific principals.` });
}
