// scope/iam-not-action: an Allow statement with NotAction, which allows everything except a list.
import type { Rule } from '../../rule';
import { IAM_KEYWORDS, IAM_KINDS, isWildcard, statementsOf } from '../../platforms/iam';

export const iamNotAction: Rule = {
  meta: {
    id: 'scope/iam-not-action',
    category: 'scope',
    title: 'AWS policy allows with NotAction',
    defaultSeverity: 'warning',
    confidence: 'high',
    explanation:
      '`"Effect": "Allow"` with `"NotAction"` allows every action except the listed ones, including every action AWS adds later. It is nearly always broader than intended. Allow the actions needed with `"Action"`; to carve out exceptions, add a separate `Deny` statement.',
    fixable: false,
  },
  kinds: IAM_KINDS,
  keywords: IAM_KEYWORDS,
  visitDocument(ctx, doc) {
    for (const s of statementsOf(ctx, doc)) {
      if (!s.allow || !s.notActions || !s.notActionKey) continue;
      const anyResource = !s.resources || s.resources.some((r) => isWildcard(r.value));
      ctx.report({
        ...s.notActionKey,
        severity: anyResource ? 'error' : undefined,
        message: `This statement allows every action except ${s.notActions.map((a) => a.value).join(', ') || 'the listed ones'}${anyResource ? ' on every resource' : ''}, including actions added later. Allow the needed actions explicitly.`,
      });
    }
  },
};
