// scope/container-privileged: `privileged: true` on a Kubernetes container (security context,
// also in Helm values), in a PodSecurityPolicy, or on a Compose service.
import type { Rule } from '../../rule';
import { CONTAINER_KINDS, contextOf, isTrue } from '../../platforms/containers';

export const containerPrivileged: Rule = {
  meta: {
    id: 'scope/container-privileged',
    category: 'scope',
    title: 'Privileged container',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'A privileged container gets every Linux capability and access to all host devices, and is not confined by seccomp or AppArmor: anyone who gets code running in it can take over the host (mount its disks, load kernel modules, reach every other container). Grant only the capabilities the workload needs (`capabilities.add` / `cap_add`) instead. The quick fix sets the flag to `false`; it is unsafe because a workload that relies on the privilege will fail.',
    fixable: true,
  },
  kinds: CONTAINER_KINDS,
  keywords: ['privileged'],
  visitPair(ctx, pair, path) {
    if (pair.key.value !== 'privileged' || !isTrue(pair.value) || !pair.value) return;
    const where = contextOf(ctx.file.kind, pair, path);
    if (where !== 'security-context' && where !== 'psp' && where !== 'compose-service') return;
    const value = pair.value;
    const message =
      where === 'psp'
        ? 'This PodSecurityPolicy allows privileged pods, which can take over the node. Set `privileged: false`.'
        : where === 'compose-service'
          ? `Service "${String(path[1])}" runs privileged: it can take over the host. Add only the capabilities it needs (\`cap_add\`).`
          : 'This container runs privileged: it can take over the node. Add only the capabilities it needs (`capabilities.add`).';
    ctx.report({
      start: value.start,
      end: value.end,
      message,
      fixes: [{ title: 'Set privileged: false', disposition: 'unsafe', edits: [{ start: value.start, end: value.end, newText: 'false' }] }],
    });
  },
};
