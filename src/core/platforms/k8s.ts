// Kubernetes RBAC structure: roles, their rules, and bindings. Read-only helpers for rules.
import type { MapNode, Node, ScalarNode } from '../parse/model';
import { get, isMap, isScalar, isSeq, str } from '../parse/model';

const ROLE_KINDS = new Set(['Role', 'ClusterRole']);
const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);

export interface RbacRule {
  node: MapNode;
  apiGroups: ScalarNode[];
  resources: ScalarNode[];
  verbs: ScalarNode[];
  resourceNames: ScalarNode[];
}

export function kindOf(root: Node | null): string {
  return str(get(root, 'kind')) ?? '';
}

export function nameOf(root: Node | null): string {
  return str(get(get(root, 'metadata'), 'name')) ?? '?';
}

/** The scalar items of a list, or the scalar itself (manifests sometimes use a bare string). */
export function scalars(node: Node | null | undefined): ScalarNode[] {
  if (isScalar(node)) return [node];
  return isSeq(node) ? node.items.filter(isScalar) : [];
}

/** The rules of a Role or ClusterRole; empty for anything else. */
export function rbacRules(root: Node | null): RbacRule[] {
  if (!ROLE_KINDS.has(kindOf(root))) return [];
  const rules = get(root, 'rules');
  if (!isSeq(rules)) return [];
  return rules.items.filter(isMap).map((node) => ({
    node,
    apiGroups: scalars(get(node, 'apiGroups')),
    resources: scalars(get(node, 'resources')),
    verbs: scalars(get(node, 'verbs')),
    resourceNames: scalars(get(node, 'resourceNames')),
  }));
}

export interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

export interface Binding {
  kind: string;
  roleRef: { kind: string; name: ScalarNode };
  subjects: Subject[];
}

export function bindingOf(root: Node | null): Binding | undefined {
  const kind = kindOf(root);
  if (!BINDING_KINDS.has(kind)) return undefined;
  const roleRef = get(root, 'roleRef');
  const name = get(roleRef, 'name');
  if (!isScalar(name)) return undefined;
  const subjects = get(root, 'subjects');
  return {
    kind,
    roleRef: { kind: str(get(roleRef, 'kind')) ?? '', name },
    subjects: (isSeq(subjects) ? subjects.items : []).filter(isMap).map((s) => ({
      kind: str(get(s, 'kind')) ?? '',
      name: str(get(s, 'name')) ?? '',
      namespace: str(get(s, 'namespace')),
    })),
  };
}

/** Subjects that stand for many or anonymous identities, or for workloads rather than people. */
export function isBroadSubject(s: Subject): boolean {
  if (s.kind === 'ServiceAccount') return true;
  if (s.kind === 'Group') return ['system:authenticated', 'system:unauthenticated', 'system:serviceaccounts'].includes(s.name) || s.name.startsWith('system:serviceaccounts:');
  if (s.kind === 'User') return s.name === 'system:anonymous' || s.name.startsWith('system:serviceaccount:');
  return false;
}

export function describeSubject(s: Subject): string {
  return s.kind === 'ServiceAccount' ? `service account ${s.namespace ? `${s.namespace}/` : ''}${s.name}` : `${s.kind.toLowerCase()} ${s.name}`;
}
