// Where container settings live: Kubernetes pod specs and security contexts (also Helm values and
// PodSecurityPolicies) and Compose services. Rules ask what context a key/value pair sits in.
import type { FileKind } from '../types';
import type { Node, Pair, PathSegment } from '../parse/model';
import { get, getPair, str } from '../parse/model';

export type ContainerContext =
  /** `securityContext:` of a pod or container (Kubernetes manifests, Helm values). */
  | 'security-context'
  /** A pod spec: the map that holds `containers:` (or any map in values-like YAML). */
  | 'pod-spec'
  /** `spec:` of a PodSecurityPolicy: what pods may do. */
  | 'psp'
  /** One service of a Compose file. */
  | 'compose-service';

/** Kinds in which container settings are looked for. */
export const CONTAINER_KINDS: readonly FileKind[] = ['kubernetes', 'compose', 'yaml', 'json'];

/** The context of `pair`, a key/value pair at `path` (whose last segment is the pair's key). */
export function contextOf(kind: FileKind, pair: Pair, path: readonly PathSegment[]): ContainerContext | undefined {
  const n = path.length;
  if (kind !== 'kubernetes' && n === 3 && path[0] === 'services' && typeof path[1] === 'string') return 'compose-service';
  if (kind === 'compose') return undefined;
  if (n >= 2 && path[n - 2] === 'securityContext') return 'security-context';
  if (n === 2 && path[0] === 'spec' && str(get(rootOf(pair.parent), 'kind')) === 'PodSecurityPolicy') return 'psp';
  // In manifests a pod spec is the map with `containers`; values files for charts have no fixed shape.
  if (kind === 'kubernetes') return getPair(pair.parent, 'containers') ? 'pod-spec' : undefined;
  return 'pod-spec';
}

/** YAML `true`, also when quoted or capitalised. */
export function isTrue(node: Node | null | undefined): boolean {
  return node?.kind === 'scalar' && node.value.toLowerCase() === 'true';
}

export function rootOf(node: Node | undefined): Node | undefined {
  let cur = node;
  while (cur?.parent) cur = cur.parent;
  return cur;
}

/** Capabilities that amount to root on the host: all of them, or CAP_SYS_ADMIN. */
export function isDangerousCapability(value: string): boolean {
  const cap = value.trim().toUpperCase().replace(/^CAP_/, '');
  return cap === 'ALL' || cap === 'SYS_ADMIN' || cap === '*';
}

/** Host paths whose mount gives the container the host: its root, or a container runtime socket. */
const SENSITIVE_HOST_PATHS = new Set([
  '/',
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/docker',
  '/run/containerd/containerd.sock',
  '/var/run/containerd/containerd.sock',
  '/run/crio/crio.sock',
  '/var/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock',
  '/run/podman/podman.sock',
]);

/** Normalises `//x/./y/` style spellings before the lookup. */
export function sensitiveHostPath(path: string): string | undefined {
  let p = path.trim().replace(/\/{2,}/g, '/').replace(/\/\.(?=\/|$)/g, '');
  if (p.length > 1) p = p.replace(/\/$/, '');
  if (p === '') p = '/';
  return SENSITIVE_HOST_PATHS.has(p) ? p : undefined;
}

export function describeHostPath(p: string): string {
  return p === '/' ? "the host's root filesystem" : `the container runtime socket ${p} (root on the host)`;
}
