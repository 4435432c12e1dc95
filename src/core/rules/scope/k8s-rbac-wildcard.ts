// scope/k8s-rbac-wildcard: `*` in the verbs, resources or apiGroups of a Role or ClusterRole rule.
import type { Rule } from '../../rule';
import { kindOf, nameOf, rbacRules } from '../../platforms/k8s';

export const k8sRbacWildcard: Rule = {
  meta: {
    id: 'scope/k8s-rbac-wildcard',
    category: 'scope',
    title: 'Kubernetes RBAC rule with a wildcard',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'A `*` in a Role or ClusterRole rule grants every verb, resource or API group, including ones added to the cluster later (custom resources, new subresources). Whoever holds the role can do far more than the workload needs, often enough to escalate to cluster-admin. List the exact verbs, resources and API groups the subject uses; which ones those are is not knowable from the manifest, so there is no automatic fix.',
    fixable: false,
  },
  kinds: ['kubernetes', 'yaml', 'json'],
  keywords: ['*'],
  visitDocument(ctx, doc) {
    const root = doc.root;
    for (const rule of rbacRules(root)) {
      for (const field of ['verbs', 'resources', 'apiGroups'] as const) {
        for (const item of rule[field]) {
          if (item.value !== '*') continue;
          ctx.report({
            start: item.start,
            end: item.end,
            message: `${kindOf(root)} "${nameOf(root)}" grants "*" in ${field}. List only what the subject needs.`,
          });
        }
      }
    }
  },
};
