// scope/k8s-rbac-escalation: the `escalate`, `bind` and `impersonate` verbs in a Role or
// ClusterRole, each a known path to more privileges than the role itself grants.
import type { Rule } from '../../rule';
import { kindOf, nameOf, rbacRules } from '../../platforms/k8s';
import { table } from '../../table';

const VERBS = table<string>({
  escalate: 'create or edit roles with permissions it does not hold itself',
  bind: 'bind any role, cluster-admin included, to any subject',
  impersonate: 'act as any user, group or service account it can name',
});

export const k8sRbacEscalation: Rule = {
  meta: {
    id: 'scope/k8s-rbac-escalation',
    category: 'scope',
    title: 'Kubernetes RBAC role can escalate, bind or impersonate',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'The RBAC verbs `escalate` (on roles), `bind` (on roles and bindings) and `impersonate` (on users, groups, service accounts) bypass the rule that you cannot grant more than you hold: a subject with them can make itself cluster-admin. Only the controllers that manage RBAC need them; narrow them with `resourceNames` where they are truly required.',
    fixable: false,
  },
  kinds: ['kubernetes', 'yaml', 'json'],
  keywords: ['escalate', 'bind', 'impersonate'],
  visitDocument(ctx, doc) {
    const root = doc.root;
    for (const rule of rbacRules(root)) {
      if (rule.resourceNames.length > 0) continue; // narrowed to named objects: a deliberate grant
      for (const verb of rule.verbs) {
        const what = VERBS[verb.value];
        if (!what) continue;
        ctx.report({
          start: verb.start,
          end: verb.end,
          message: `${kindOf(root)} "${nameOf(root)}" has the "${verb.value}" verb: its holder can ${what}.`,
        });
      }
    }
  },
};
