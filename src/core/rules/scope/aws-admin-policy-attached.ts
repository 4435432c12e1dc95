// scope/aws-admin-policy-attached: the AWS managed policy AdministratorAccess attached to a role,
// user or group (CloudFormation ManagedPolicyArns, serverless managedPolicies, Terraform
// policy_arn / managed_policy_arns, Ansible managed_policies, `aws iam attach-*-policy`).
import type { Rule, RuleContext } from '../../rule';
import type { PathSegment } from '../../parse/model';
import { scalarStrings } from '../../platforms/iam';

/** Keys that attach managed policies, normalised (lowercase, no `_`/`-`). */
const ATTACH_KEYS = new Set(['managedpolicyarns', 'managedpolicyarn', 'managedpolicies', 'managedpolicy', 'policyarn', 'policyarns']);

/** The ARN of the managed policy (any partition, also inside `!Sub`), or its bare name. */
const ADMIN = /(?:^|:policy\/)AdministratorAccess$/;

export const awsAdminPolicyAttached: Rule = {
  meta: {
    id: 'scope/aws-admin-policy-attached',
    category: 'scope',
    title: 'AWS AdministratorAccess policy attached',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'The AWS managed policy `AdministratorAccess` allows every action on every resource. A role, user or group that has it (a CI deploy role, a Lambda execution role) turns any compromise of its credentials into control of the whole account. Attach a policy with the actions and resources the identity uses; AWS IAM Access Analyzer can generate one from CloudTrail activity.',
    fixable: false,
  },
  keywords: ['administratoraccess'],
  visitScalar(ctx, node, path) {
    const key = keyOf(path);
    if (!key || !ATTACH_KEYS.has(key.toLowerCase().replace(/[_-]/g, ''))) return;
    for (const item of scalarStrings(ctx.file.text, node)) {
      if (ADMIN.test(item.value.trim())) report(ctx, item, item.value.trim());
    }
  },
  visitCommand(ctx, hit) {
    const argv = hit.command.argv;
    for (let i = 0; i < argv.length; i++) {
      const w = argv[i].value;
      const value = w === '--policy-arn' ? argv[i + 1]?.value : w.startsWith('--policy-arn=') ? w.slice('--policy-arn='.length) : undefined;
      const word = w === '--policy-arn' ? argv[i + 1] : argv[i];
      if (value && word && ADMIN.test(value)) report(ctx, hit.rangeOf(word), value);
    }
  },
};

function keyOf(path: PathSegment[]): string | undefined {
  const last = path[path.length - 1];
  if (typeof last === 'string') return last;
  const parent = path[path.length - 2];
  return typeof parent === 'string' ? parent : undefined;
}

function report(ctx: RuleContext, range: { start: number; end: number }, value: string): void {
  ctx.report({
    start: range.start,
    end: range.end,
    message: `${value.includes(':') ? 'The managed policy' : 'Managed policy'} AdministratorAccess gives this identity every action on every resource of the account. Attach a policy with only what it uses.`,
  });
}

