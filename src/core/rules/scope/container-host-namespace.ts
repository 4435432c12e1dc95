// scope/container-host-namespace: pods sharing the node's network, process or IPC namespace
// (`hostNetwork`, `hostPID`, `hostIPC`), and Compose services with `network_mode`, `pid`, `ipc`,
// `uts` or `userns_mode` set to `host`.
import type { Rule } from '../../rule';
import { CONTAINER_KINDS, contextOf, isTrue } from '../../platforms/containers';
import { table } from '../../table';

const K8S = table<string>({
  hostNetwork: "the node's network (its interfaces, localhost services and traffic)",
  hostPID: "the node's processes (it can see and signal them, and read their environment)",
  hostIPC: "the node's shared memory and IPC",
});

const COMPOSE = table<string>({
  network_mode: "the host's network (its interfaces and localhost services)",
  pid: "the host's processes",
  ipc: "the host's shared memory and IPC",
  uts: "the host's hostname namespace",
  userns_mode: "the host's user namespace (no user remapping)",
});

export const containerHostNamespace: Rule = {
  meta: {
    id: 'scope/container-host-namespace',
    category: 'scope',
    title: 'Container shares a host namespace',
    defaultSeverity: 'warning',
    confidence: 'high',
    explanation:
      'Sharing the host\'s network, process or IPC namespace (`hostNetwork`/`hostPID`/`hostIPC: true`, Compose `network_mode`/`pid`/`ipc: host`) removes the isolation between the container and the machine: it can reach services bound to the host\'s localhost, sniff traffic, see and signal host processes and read their environment. Use ports, services and volumes instead; keep host namespaces for node agents that truly need them.',
    fixable: true,
  },
  kinds: CONTAINER_KINDS,
  keywords: ['host'],
  visitPair(ctx, pair, path) {
    const key = pair.key.value;
    const value = pair.value;
    if (!value || value.kind !== 'scalar') return;
    if (K8S[key] && isTrue(value)) {
      const where = contextOf(ctx.file.kind, pair, path);
      if (where !== 'pod-spec' && where !== 'psp') return;
      ctx.report({
        start: value.start,
        end: value.end,
        message: where === 'psp' ? `This PodSecurityPolicy allows \`${key}\`: pods may share ${K8S[key]}.` : `\`${key}: true\` shares ${K8S[key]} with the pod.`,
        fixes: [{ title: `Set ${key}: false`, disposition: 'unsafe', edits: [{ start: value.start, end: value.end, newText: 'false' }] }],
      });
    } else if (COMPOSE[key] && value.value.trim().toLowerCase() === 'host' && contextOf(ctx.file.kind, pair, path) === 'compose-service') {
      ctx.report({
        start: value.start,
        end: value.end,
        message: `Service "${String(path[1])}" shares ${COMPOSE[key]} (\`${key}: host\`). Publish ports or use a network instead.`,
      });
    }
  },
};
