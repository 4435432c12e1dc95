// scope/container-privilege-escalation: `allowPrivilegeEscalation: true` in a Kubernetes security
// context (also Helm values) or PodSecurityPolicy.
import type { Rule } from '../../rule';
import { contextOf, isTrue } from '../../platforms/containers';

export const containerPrivilegeEscalation: Rule = {
  meta: {
    id: 'scope/container-privilege-escalation',
    category: 'scope',
    title: 'Container allows privilege escalation',
    defaultSeverity: 'warning',
    confidence: 'high',
    explanation:
      '`allowPrivilegeEscalation: true` lets a process in the container gain more privileges than its parent, through setuid binaries or file capabilities, so a compromised non-root process can become root in the container. Set it to `false` (the Kubernetes restricted policy requires it). The quick fix is unsafe only for the rare workloads that rely on setuid.',
    fixable: true,
  },
  kinds: ['kubernetes', 'yaml', 'json'],
  keywords: ['allowprivilegeescalation'],
  visitPair(ctx, pair, path) {
    if (pair.key.value !== 'allowPrivilegeEscalation' || !isTrue(pair.value) || !pair.value) return;
    const where = contextOf(ctx.file.kind, pair, path);
    if (where !== 'security-context' && where !== 'psp') return;
    const value = pair.value;
    ctx.report({
      start: value.start,
      end: value.end,
      message:
        where === 'psp'
          ? 'This PodSecurityPolicy lets pods escalate privileges. Set `allowPrivilegeEscalation: false`.'
          : 'This container lets its processes gain privileges (setuid, file capabilities). Set `allowPrivilegeEscalation: false`.',
      fixes: [{ title: 'Set allowPrivilegeEscalation: false', disposition: 'unsafe', edits: [{ start: value.start, end: value.end, newText: 'false' }] }],
    });
  },
};
