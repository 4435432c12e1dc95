// scope/iam-public-principal: an Allow statement whose Principal is `*` (anyone, also anonymous)
// without a Condition that narrows it, in a resource or trust policy.
import type { Rule } from '../../rule';
import { IAM_KEYWORDS, IAM_KINDS, isWildcard, statementsOf } from '../../platforms/iam';

export const iamPublicPrincipal: Rule = {
  meta: {
    id: 'scope/iam-public-principal',
    category: 'scope',
    title: 'AWS policy allows any principal',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      '`"Principal": "*"` (or `{"AWS": "*"}`) in an Allow statement lets every AWS account, and for most services anonymous callers, perform the actions: a public bucket, queue, topic or key, or a role anyone can assume. Name the accounts, roles or services that need access, or add a `Condition` (e.g. `aws:SourceArn`, `aws:PrincipalOrgID`) that restricts who the statement applies to.',
    fixable: false,
  },
  kinds: IAM_KINDS,
  keywords: IAM_KEYWORDS,
  visitDocument(ctx, doc) {
    for (const s of statementsOf(ctx, doc)) {
      if (!s.allow || !s.principals || s.hasCondition) continue;
      const star = s.principals.find((p) => isWildcard(p.value));
      if (!star) continue;
      const actions = (s.actions ?? []).map((a) => a.value).join(', ') || 'the listed actions';
      ctx.report({
        start: star.start,
        end: star.end,
        message: `This statement lets anyone (every AWS account, often anonymous callers) perform ${actions}. Name the principals or add a Condition.`,
      });
    }
  },
};
