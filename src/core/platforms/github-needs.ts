// Infers what each job of a workflow needs from the GITHUB_TOKEN: the union of what its steps
// need (well-known actions from the table in github-actions.ts, `gh` and `git push` in scripts).
// Anything that cannot be judged is listed as unknown by name, never guessed.
import type { MapNode, Node } from '../parse/model';
import { get, str } from '../parse/model';
import { programName, tokenizeShell } from '../shell/tokenize';
import type { Grants, Job, Step } from './github';
import { isReusableCall, mergeGrants, stepsOf } from './github';
import { actionNeeds, envText, ghNeeds, usesGithubToken } from './github-actions';

export interface JobNeeds {
  /** The least each job needs, from the steps that are known. */
  grants: Grants;
  /** Steps (actions, reusable workflows, scripts) whose needs are not known, by name. */
  unknown: string[];
  /**
   * Script commands that run code this file does not show (local scripts, task runners,
   * interpreters on files, `${{ }}` commands). They see the OIDC request variables and the
   * credentials checkout leaves in the git config, so they may use `id-token` or push.
   */
  opaque: string[];
  /** True when a checkout step keeps the token in the git config (the default). */
  persistsCredentials: boolean;
}

/** Programs that run other code given as a file or task name. */
const RUNNERS = new Set([
  'make', 'just', 'task', 'rake', 'bash', 'sh', 'zsh', 'pwsh', 'powershell', 'python', 'python3', 'node', 'ruby', 'perl',
  'deno', 'bun', 'tox', 'nox', 'invoke', 'terraform', 'pulumi', 'vault', 'ansible-playbook', 'dist', 'goreleaser',
]);

/** Programs that cannot use a token handed to their environment. */
const INERT = new Set([
  'echo', 'printf', 'cd', 'ls', 'mkdir', 'cat', 'cp', 'mv', 'rm', 'test', '[', 'true', 'false', 'export', 'set', 'exit',
  'sleep', 'grep', 'sed', 'awk', 'jq', 'yq', 'tee', 'touch', 'pwd', 'wc', 'head', 'tail', 'sort', 'uniq', 'date',
  'basename', 'dirname', 'chmod', 'tr', 'cut', 'ln', 'find', 'tar', 'unzip', 'zip', 'gzip', 'shasum', 'sha256sum', 'md5sum',
]);

/** Commands that ask the runner for an OIDC token (trusted publishing, keyless signing). */
const OIDC_COMMANDS: readonly (readonly string[])[] = [
  ['npm', 'publish'],
  ['pnpm', 'publish'],
  ['yarn', 'npm', 'publish'],
  ['uv', 'publish'],
  ['jsr', 'publish'],
  ['deno', 'publish'],
  ['cosign', 'sign'],
  ['cosign', 'sign-blob'],
  ['cosign', 'attest'],
  ['cosign', 'attest-blob'],
  ['sigstore', 'sign'],
  ['bun', 'publish'],
];

const cache = new WeakMap<MapNode, JobNeeds>();

/** What one job needs; memoised per parse, so several rules can ask. */
export function jobNeeds(root: Node | null, job: Job): JobNeeds {
  const hit = cache.get(job.node);
  if (hit) return hit;
  const result: JobNeeds = { grants: {}, unknown: [], opaque: [], persistsCredentials: false };
  const jobUses = str(get(job.node, 'uses'));
  if (isReusableCall(job) && jobUses) {
    result.unknown.push(`reusable workflow ${jobUses}`);
  } else {
    // The workflow's and the job's `env:` are the same for every step: read them once.
    const inheritedToken = usesGithubToken(envText(root, job.node));
    for (const step of stepsOf(job)) addStep(result, step, inheritedToken);
  }
  result.unknown = [...new Set(result.unknown)];
  result.opaque = [...new Set(result.opaque)];
  cache.set(job.node, result);
  return result;
}

/** `inheritedToken`: the workflow's or the job's `env:` hands the token to every step. */
function addStep(result: JobNeeds, step: Step, inheritedToken: boolean): void {
  if (step.uses) {
    const inputs = get(step.node, 'with');
    if (/^actions\/checkout@/i.test(step.uses) && str(get(inputs, 'persist-credentials')) !== 'false') result.persistsCredentials = true;
    const verdict = actionNeeds(step.uses, inputs);
    if (verdict.known) mergeGrants(result.grants, verdict.grants);
    else result.unknown.push(step.uses.startsWith('./') ? `local action ${step.uses}` : step.uses.replace(/@.*/, ''));
    return;
  }
  if (!step.run) return;
  const script = step.run.value;
  // The token pattern never spans a line, so testing each env text on its own is testing them joined.
  const tokenInEnv = usesGithubToken(script) || inheritedToken || usesGithubToken(envText(step.node));
  if (script.includes('ACTIONS_ID_TOKEN_REQUEST')) mergeGrants(result.grants, { 'id-token': 'write' });
  for (const command of tokenizeShell(script)) {
    const argv = unwrap(command.argv.map((w) => w.value));
    if (argv.length === 0) continue;
    const program = programName(argv[0]);
    if (isOpaque(argv)) result.opaque.push(`run: ${argv.slice(0, 2).join(' ')}`);
    if (OIDC_COMMANDS.some((c) => startsCommand(c, program, argv))) {
      mergeGrants(result.grants, { 'id-token': 'write' });
    }
    if (program === 'git') {
      // Checkout leaves the token in the git config, so a push needs contents: write.
      if (gitSubcommand(argv) === 'push') mergeGrants(result.grants, { contents: 'write' });
      continue;
    }
    if (!tokenInEnv) continue;
    if (program === 'gh') {
      const grants = ghNeeds(argv);
      if (grants) mergeGrants(result.grants, grants);
      else result.unknown.push(`run: ${argv.slice(0, 2).join(' ')}`);
      continue;
    }
    if (!INERT.has(program) && !program.includes('=')) result.unknown.push(`run: ${program}`);
  }
}

/** A command whose behaviour depends on code elsewhere (see JobNeeds.opaque). */
function isOpaque(argv: string[]): boolean {
  const first = argv[0];
  if (first.includes('${{') || first.startsWith('$')) return true;
  // A path to a program in the repository (`./build.sh`, `bin/release`), not a system binary.
  if (first.includes('/') && !/^\/(usr|bin|sbin|opt)\//.test(first)) return true;
  const program = programName(first);
  if (RUNNERS.has(program)) return true;
  return (program === 'npm' || program === 'pnpm' || program === 'yarn') && (argv[1] === 'run' || argv[1] === 'run-script' || argv[1] === 'exec');
}

/** Drops wrappers such as `sudo`, `npx`, `pnpm dlx` so the real program comes first. */
function unwrap(argv: string[]): string[] {
  let a = argv;
  for (let guard = 0; guard < 4 && a.length > 0; guard++) {
    const p = programName(a[0]);
    if (p === 'sudo' || p === 'npx' || p === 'pnpx' || p === 'bunx' || p === 'exec' || p === 'command') a = a.slice(1);
    else if ((p === 'pnpm' || p === 'yarn') && a[1] === 'dlx') a = a.slice(2);
    else break;
  }
  return a;
}

/** `git -C dir -c k=v push` → push. */
function gitSubcommand(argv: string[]): string | undefined {
  for (let i = 1; i < argv.length; i++) {
    const w = argv[i];
    if (w === '-C' || w === '-c') i++;
    else if (!w.startsWith('-')) return w;
  }
  return undefined;
}

/** Is the command `words` (program first, then its leading arguments) what `argv` runs? A loop, not two closures per known command: a workflow's scripts have thousands of commands. */
function startsCommand(words: readonly string[], program: string, argv: readonly string[]): boolean {
  if (program !== words[0]) return false;
  for (let i = 1; i < words.length; i++) if (argv[i] !== words[i]) return false;
  return true;
}
