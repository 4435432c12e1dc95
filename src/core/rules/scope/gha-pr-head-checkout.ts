// scope/gha-pr-head-checkout: a `pull_request_target` or `workflow_run` workflow that checks out
// (and so runs) the pull request's code while holding the base repository's token and secrets.
import type { Rule, RuleContext } from '../../rule';
import type { Node, ScalarNode } from '../../parse/model';
import { get, isMap, isScalar, str } from '../../parse/model';
import type { Job, Step } from '../../platforms/github';
import { actionName } from '../../platforms/github-actions';
import { eventNames, jobsOf, stepsOf } from '../../platforms/github';
import { programName, tokenizeShell } from '../../shell/tokenize';

const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run'];

/** Expressions that name the pull request's head (fork) code. Alternation of literals: linear. */
const HEAD_REF =
  /github\.event\.pull_request\.head\.(?:sha|ref|repo)|github\.head_ref|github\.event\.pull_request\.merge_commit_sha|github\.event\.workflow_run\.head_(?:sha|branch|commit|repository)|github\.event\.workflow_run\.pull_requests|refs\/pull\/|\bpull\/\$/i;

/** Conditions that restrict the job to pull requests from the repository itself (not forks). */
const SAME_REPO_GUARD = /head\.repo\.full_name\s{0,5}==\s{0,5}github\.repository|github\.repository\s{0,5}==\s{0,5}github\.event\.pull_request\.head\.repo\.full_name|head\.repo\.fork\s{0,5}==\s{0,5}false|!\s{0,5}github\.event\.pull_request\.head\.repo\.fork/i;

const GIT_FETCHING = new Set(['checkout', 'switch', 'fetch', 'pull', 'reset', 'clone', 'worktree']);

export const ghaPrHeadCheckout: Rule = {
  meta: {
    id: 'scope/gha-pr-head-checkout',
    category: 'scope',
    title: 'Privileged workflow checks out pull request code',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      '`pull_request_target` and `workflow_run` workflows run with the base repository\'s GITHUB_TOKEN (often with write access) and its secrets, even for pull requests from forks. Checking out the pull request\'s head (`ref: ${{ github.event.pull_request.head.sha }}`, `gh pr checkout`, `git fetch origin pull/N/head`) and then building or testing it runs the contributor\'s code with those privileges. Use `pull_request` for anything that runs untrusted code, or split the work: build in an unprivileged `pull_request` workflow and only consume its artifacts, as data, in the privileged one.',
    fixable: false,
  },
  kinds: ['github-workflow'],
  keywords: ['pull_request_target', 'workflow_run'],
  visitDocument(ctx, doc) {
    const root = doc.root;
    const triggers = eventNames(root).filter((e) => PRIVILEGED_TRIGGERS.includes(e));
    if (triggers.length === 0) return;
    const trigger = triggers.join(' / ');
    for (const job of jobsOf(root)) {
      if (guarded(get(job.node, 'if'))) continue;
      for (const step of stepsOf(job)) {
        if (guarded(get(step.node, 'if'))) continue;
        if (step.uses && actionName(step.uses) === 'actions/checkout') checkCheckout(ctx, step, trigger);
        else if (step.run) checkScript(ctx, root, job, step, step.run, trigger);
      }
    }
  },
};

function guarded(condition: Node | null | undefined): boolean {
  const text = str(condition);
  return !!text && SAME_REPO_GUARD.test(text);
}

function checkCheckout(ctx: RuleContext, step: Step, trigger: string): void {
  const inputs = get(step.node, 'with');
  if (!isMap(inputs)) return;
  // One finding per step, on the first input (in source order) that names the head.
  for (const pair of inputs.pairs) {
    const key = pair.key.value;
    const value = pair.value;
    if ((key !== 'ref' && key !== 'repository') || !isScalar(value) || !HEAD_REF.test(value.value)) continue;
    ctx.report({
      start: value.start,
      end: value.end,
      message: `This ${trigger} workflow checks out the pull request's code (\`${key}: ${value.value.trim()}\`) with the base repository's token and secrets. Run untrusted code in a \`pull_request\` workflow instead.`,
    });
    return;
  }
}

function checkScript(ctx: RuleContext, root: Node | null, job: Job, step: Step, run: ScalarNode, trigger: string): void {
  const env = envValues(root, job, step);
  const script = run.value;
  for (const command of tokenizeShell(script)) {
    const argv = command.argv;
    if (argv.length < 2) continue;
    const program = programName(argv[0].value);
    const isGhCheckout = program === 'gh' && argv[1].value === 'pr' && argv[2]?.value === 'checkout';
    const isGitFetch = program === 'git' && argv.some((w, i) => i > 0 && GIT_FETCHING.has(w.value));
    if (!isGhCheckout && !isGitFetch) continue;
    const head = isGhCheckout ? argv[2] : argv.find((w) => HEAD_REF.test(w.value) || refersToHead(w.value, env));
    if (!head) continue;
    const range = ctx.rangeIn(run, head.start, head.end);
    ctx.report({
      ...range,
      message: `This ${trigger} workflow fetches the pull request's code in a script (\`${script.slice(command.start, command.end).slice(0, 80)}\`) with the base repository's token and secrets. Run untrusted code in a \`pull_request\` workflow instead.`,
    });
  }
}

/** `$NAME` / `${NAME}` references to env variables set from a head expression. */
function refersToHead(word: string, env: Map<string, string>): boolean {
  if (!word.includes('$')) return false;
  for (const [name, value] of env) {
    if (HEAD_REF.test(value) && (word.includes(`$${name}`) || word.includes(`\${${name}}`))) return true;
  }
  return false;
}

function envValues(root: Node | null, job: Job, step: Step): Map<string, string> {
  const out = new Map<string, string>();
  for (const owner of [root, job.node, step.node]) {
    const env = get(owner, 'env');
    if (isMap(env)) for (const p of env.pairs) out.set(p.key.value, str(p.value) ?? '');
  }
  return out;
}
