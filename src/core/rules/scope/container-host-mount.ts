// scope/container-host-mount: mounting the host's root filesystem or a container runtime socket
// (Docker, containerd, CRI-O, Podman) into a container: Kubernetes `hostPath`, Compose volumes in
// short (`/var/run/docker.sock:/var/run/docker.sock`) and long (`source:`) syntax.
import type { Rule } from '../../rule';
import type { ScalarNode } from '../../parse/model';
import { get, isMap, isScalar, isSeq } from '../../parse/model';
import { CONTAINER_KINDS, contextOf, describeHostPath, sensitiveHostPath } from '../../platforms/containers';

export const containerHostMount: Rule = {
  meta: {
    id: 'scope/container-host-mount',
    category: 'scope',
    title: 'Container mounts the host root or a runtime socket',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'Mounting the Docker (or containerd, CRI-O, Podman) socket lets the container start new privileged containers on the host, and mounting `/` hands it the host\'s files: either is root on the machine for whoever controls the container. Mount only the directories the workload needs, read-only where possible; for Docker-in-Docker use rootless or a remote builder.',
    fixable: false,
  },
  kinds: CONTAINER_KINDS,
  keywords: ['.sock', 'hostpath', 'volumes'],
  visitPair(ctx, pair, path) {
    const key = pair.key.value;
    if (key === 'path' && path[path.length - 2] === 'hostPath' && isScalar(pair.value)) {
      report(ctx, pair.value, pair.value.value, 0);
      return;
    }
    if (key !== 'volumes' || !isSeq(pair.value) || contextOf(ctx.file.kind, pair, path) !== 'compose-service') return;
    for (const item of pair.value.items) {
      if (isScalar(item)) {
        // Short syntax: SOURCE[:TARGET[:MODE]]; a named volume has no slash.
        const source = item.value.split(':')[0];
        if (source.startsWith('/')) report(ctx, item, source, 0);
      } else if (isMap(item)) {
        const source = get(item, 'source');
        if (isScalar(source)) report(ctx, source, source.value, 0);
      }
    }
  },
};

function report(ctx: Parameters<NonNullable<typeof containerHostMount.visitPair>>[0], node: ScalarNode, source: string, from: number): void {
  const hit = sensitiveHostPath(source);
  if (!hit) return;
  const range = ctx.rangeIn(node, from, from + source.length);
  ctx.report({ ...range, message: `This mounts ${describeHostPath(hit)} into the container. Mount only the directories it needs.` });
}
