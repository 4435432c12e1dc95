// scope/k8s-cluster-admin-binding: a RoleBinding or ClusterRoleBinding to the cluster-admin
// ClusterRole; an error for service accounts and the system:authenticated/unauthenticated groups.
import type { Rule } from '../../rule';
import { bindingOf, describeSubject, isBroadSubject, nameOf } from '../../platforms/k8s';

export const k8sClusterAdminBinding: Rule = {
  meta: {
    id: 'scope/k8s-cluster-admin-binding',
    category: 'scope',
    title: 'Binding to cluster-admin',
    defaultSeverity: 'warning',
    confidence: 'high',
    explanation:
      '`cluster-admin` allows every action on every resource. Bound with a ClusterRoleBinding it owns the cluster; even in a RoleBinding it owns the namespace, Secrets included. Bound to a service account, any pod running as it (and anyone who can exec into such a pod) is cluster-admin; bound to `system:authenticated` or `system:unauthenticated` it is everyone\'s. Those cases are errors. Bind a role with the verbs and resources the subject uses instead.',
    fixable: false,
  },
  kinds: ['kubernetes', 'yaml', 'json'],
  keywords: ['cluster-admin'],
  visitDocument(ctx, doc) {
    const binding = bindingOf(doc.root);
    if (!binding || binding.roleRef.name.value !== 'cluster-admin' || binding.roleRef.kind === 'Role') return;
    const broad = binding.subjects.filter(isBroadSubject);
    const who = (broad.length > 0 ? broad : binding.subjects).map(describeSubject).join(', ') || 'its subjects';
    const scope = binding.kind === 'ClusterRoleBinding' ? 'the whole cluster' : 'the namespace';
    ctx.report({
      start: binding.roleRef.name.start,
      end: binding.roleRef.name.end,
      severity: broad.length > 0 ? 'error' : undefined,
      message: `${binding.kind} "${nameOf(doc.root)}" makes ${who} cluster-admin over ${scope}. Bind a role with only the permissions needed.`,
    });
  },
};
