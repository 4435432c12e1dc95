// scope/iot-policy-wildcard-resource: an AWS IoT policy that allows its actions on Resource `*`,
// so a device can connect as any client and use every topic.
import type { Rule } from '../../rule';
import { IAM_KEYWORDS, IAM_KINDS, isWildcard, statementsOf } from '../../platforms/iam';

export const iotPolicyWildcardResource: Rule = {
  meta: {
    id: 'scope/iot-policy-wildcard-resource',
    category: 'scope',
    title: 'AWS IoT policy on every resource',
    defaultSeverity: 'warning',
    confidence: 'high',
    explanation:
      'An AWS IoT policy with `"Resource": "*"` lets every device that holds it connect with any client ID (taking over other devices\' sessions) and publish, subscribe and receive on every topic, including shadow and job topics of other things. Scope resources with policy variables such as `arn:aws:iot:REGION:ACCOUNT:client/${iot:Connection.Thing.ThingName}` and per-thing topic ARNs.',
    fixable: false,
  },
  kinds: IAM_KINDS,
  keywords: IAM_KEYWORDS,
  visitDocument(ctx, doc) {
    for (const s of statementsOf(ctx, doc)) {
      const iot = s.owner === 'AWS::IoT::Policy' || /^resource\.aws_iot_policy\b/.test(s.owner ?? '');
      if (!iot || !s.allow || !s.resources) continue;
      for (const r of s.resources) {
        if (!isWildcard(r.value)) continue;
        ctx.report({
          start: r.start,
          end: r.end,
          message: 'This IoT policy applies to every client and topic: a device holding it can connect as any thing and use any topic. Scope the resources with policy variables.',
        });
      }
    }
  },
};
