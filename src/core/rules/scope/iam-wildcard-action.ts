// scope/iam-wildcard-action: an Allow statement with Action `*` (all actions), or `service:*` on
// Resource `*`, in any AWS policy document (IAM, resource, trust, IoT policies; CloudFormation,
// serverless, Ansible, Terraform, plain JSON/YAML).
import type { Rule } from '../../rule';
import { IAM_KEYWORDS, IAM_KINDS, isWildcard, serviceWildcard, statementsOf } from '../../platforms/iam';

/** Services whose `*` lets the holder grant itself everything else. */
const ESCALATING = new Set(['iam', 'sts', 'organizations']);

export const iamWildcardAction: Rule = {
  meta: {
    id: 'scope/iam-wildcard-action',
    category: 'scope',
    title: 'AWS policy allows all actions',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      '`"Action": "*"` allows every AWS action; on `"Resource": "*"` it is full administrator access, and even on one resource it includes deleting it and changing its policy. `"service:*"` on `"Resource": "*"` allows every action of that service on every resource in the account (for `iam:*` that includes granting itself anything). List the actions the principal calls (`s3:GetObject`, `sqs:SendMessage`, ...) and the resources it touches.',
    fixable: false,
  },
  kinds: IAM_KINDS,
  keywords: IAM_KEYWORDS,
  visitDocument(ctx, doc) {
    for (const s of statementsOf(ctx, doc)) {
      if (!s.allow || !s.actions) continue;
      const anyResource = !s.resources || s.resources.some((r) => isWildcard(r.value));
      for (const action of s.actions) {
        if (isWildcard(action.value)) {
          ctx.report({
            start: action.start,
            end: action.end,
            severity: anyResource ? 'error' : 'warning',
            message: anyResource
              ? 'This statement allows every action on every resource: full administrator access. List the actions and resources needed.'
              : `This statement allows every action on ${s.resources!.map((r) => r.value).join(', ')}, including deleting it and changing its policy. List the actions needed.`,
          });
          continue;
        }
        const service = serviceWildcard(action.value);
        if (!service || !anyResource) continue;
        ctx.report({
          start: action.start,
          end: action.end,
          severity: ESCALATING.has(service) ? 'error' : 'warning',
          message: `This statement allows every ${service} action on every resource${ESCALATING.has(service) ? ', enough to grant itself anything' : ''}. List the ${service} actions and resources needed.`,
        });
      }
    }
  },
};
