// scope/k8s-secrets-cluster-read: a ClusterRole that can get, list or watch Secrets, i.e. read
// every Secret of every namespace once bound cluster-wide.
import type { Rule } from '../../rule';
import { kindOf, nameOf, rbacRules } from '../../platforms/k8s';

const READ_VERBS = new Set(['get', 'list', 'watch']);

export const k8sSecretsClusterRead: Rule = {
  meta: {
    id: 'scope/k8s-secrets-cluster-read',
    category: 'scope',
    title: 'ClusterRole reads Secrets in every namespace',
    defaultSeverity: 'warning',
    confidence: 'high',
    explanation:
      'A ClusterRole that can `get`, `list` or `watch` `secrets` reads every Secret in the cluster when bound with a ClusterRoleBinding: service-account tokens, TLS keys, registry and database credentials of all namespaces. `list` and `watch` return the values too. Use a namespaced Role for the namespaces the workload serves, and `resourceNames` for the Secrets it reads.',
    fixable: false,
  },
  kinds: ['kubernetes', 'yaml', 'json'],
  keywords: ['secrets'],
  visitDocument(ctx, doc) {
    const root = doc.root;
    if (kindOf(root) !== 'ClusterRole') return;
    for (const rule of rbacRules(root)) {
      if (rule.resourceNames.length > 0) continue;
      const coreGroup = rule.apiGroups.length === 0 || rule.apiGroups.some((g) => g.value === '' || g.value === '*');
      const reads = rule.verbs.filter((v) => READ_VERBS.has(v.value)).map((v) => v.value);
      if (!coreGroup || reads.length === 0) continue;
      for (const resource of rule.resources) {
        if (resource.value !== 'secrets') continue;
        ctx.report({
          start: resource.start,
          end: resource.end,
          message: `ClusterRole "${nameOf(root)}" can ${reads.join('/')} secrets in every namespace. Use a namespaced Role and resourceNames.`,
        });
      }
    }
  },
};
