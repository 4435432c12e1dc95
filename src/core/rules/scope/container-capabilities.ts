// scope/container-capabilities: adding ALL or SYS_ADMIN capabilities to a container
// (Kubernetes `securityContext.capabilities.add`, PodSecurityPolicy allowed/default capabilities,
// Compose `cap_add`).
import type { Rule } from '../../rule';
import { isScalar, isSeq } from '../../parse/model';
import { CONTAINER_KINDS, contextOf, isDangerousCapability } from '../../platforms/containers';

const PSP_KEYS = new Set(['allowedCapabilities', 'defaultAddCapabilities']);

export const containerCapabilities: Rule = {
  meta: {
    id: 'scope/container-capabilities',
    category: 'scope',
    title: 'Container granted ALL or SYS_ADMIN capabilities',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      '`ALL` adds every Linux capability and `SYS_ADMIN` alone allows mounting filesystems, changing namespaces and much more: both make the container as strong as a privileged one, so a compromise reaches the host. Add only the narrow capabilities the process uses (e.g. `NET_BIND_SERVICE`, `NET_ADMIN`, `CHOWN`) and drop the rest (`drop: [ALL]`).',
    fixable: false,
  },
  kinds: CONTAINER_KINDS,
  keywords: ['all', 'sys_admin', '*'],
  visitPair(ctx, pair, path) {
    const key = pair.key.value;
    const list = pair.value;
    if (!isSeq(list) && !isScalar(list)) return;
    let where: string | undefined;
    if (key === 'add' && path[path.length - 2] === 'capabilities' && path[path.length - 3] === 'securityContext') where = 'container';
    else if (key === 'cap_add' && contextOf(ctx.file.kind, pair, path) === 'compose-service') where = `service "${String(path[1])}"`;
    else if (PSP_KEYS.has(key) && contextOf(ctx.file.kind, pair, path) === 'psp') where = 'PodSecurityPolicy';
    if (!where) return;
    for (const item of isSeq(list) ? list.items : [list]) {
      if (!isScalar(item) || !isDangerousCapability(item.value)) continue;
      ctx.report({
        start: item.start,
        end: item.end,
        message: `The ${where} gets capability ${item.value}, which is enough to take over the host. Add only the capabilities it needs.`,
      });
    }
  },
};
