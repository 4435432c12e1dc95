// scope/gcp-primitive-role: granting the basic roles roles/owner or roles/editor (Terraform IAM
// resources, Deployment Manager and policy files, Config Connector, `gcloud ... --role`).
import type { Rule, RuleContext } from '../../rule';
import type { PathSegment } from '../../parse/model';
import { scalarStrings } from '../../platforms/iam';
import { table } from '../../table';

const ROLES = table<{ severity: 'error' | 'warning'; what: string }>({
  'roles/owner': { severity: 'error', what: 'full control of every resource, IAM and billing included' },
  'roles/editor': { severity: 'warning', what: 'write access to almost every resource of the project' },
});

export const gcpPrimitiveRole: Rule = {
  meta: {
    id: 'scope/gcp-primitive-role',
    category: 'scope',
    title: 'Google Cloud basic role owner or editor granted',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'The basic roles `roles/owner` and `roles/editor` cover nearly every Google Cloud service: owner can also change IAM and billing, editor can modify or delete almost any resource. Granted to a service account (a CI deployer, a VM) they turn a leaked key into control of the project. Grant predefined roles for the services used (e.g. `roles/run.developer`, `roles/storage.objectAdmin`) or a custom role.',
    fixable: false,
  },
  keywords: ['roles/owner', 'roles/editor'],
  visitScalar(ctx, node, path) {
    const key = keyOf(path);
    if (!key || !/role/i.test(key)) return;
    for (const item of scalarStrings(ctx.file.text, node)) report(ctx, item, item.value.trim());
  },
  visitCommand(ctx, hit) {
    const argv = hit.command.argv;
    for (let i = 0; i < argv.length; i++) {
      const w = argv[i].value;
      if (w === '--role' && argv[i + 1]) report(ctx, hit.rangeOf(argv[i + 1]), argv[i + 1].value);
      else if (w.startsWith('--role=')) report(ctx, hit.rangeOf(argv[i], 7, w.length), w.slice(7));
    }
  },
};

function keyOf(path: PathSegment[]): string | undefined {
  const last = path[path.length - 1];
  if (typeof last === 'string') return last;
  const parent = path[path.length - 2];
  return typeof parent === 'string' ? parent : undefined;
}

function report(ctx: RuleContext, range: { start: number; end: number }, role: string): void {
  const info = ROLES[role];
  if (!info) return;
  ctx.report({ ...range, severity: info.severity, message: `${role} grants ${info.what}. Grant predefined roles for the services actually used.` });
}
