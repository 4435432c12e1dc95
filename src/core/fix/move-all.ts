// "Move all secrets in this file to environment variables": one secret at a time, each planned on
// the text the previous moves produced (so two secrets in one step share its env: block, and a
// value seen twice reuses its name), then the whole result expressed as edits to the original
// texts, so front ends still apply one change.
import type { TextEdit } from '../types';
import type { AnalyzeOptions } from '../engine';
import { analyze } from '../engine';
import { applyEdits } from './apply';
import { editsBetween } from './text-diff';
import type { CommandHint, EnvContext, FileChange, MovePlan, MovePlanned } from './move-to-env';
import { locate, planMoveToEnv } from './move-to-env';

export interface MoveAllResult {
  /** Edits to the original document. */
  edits: TextEdit[];
  /** The document after them. */
  text: string;
  files: FileChange[];
  moved: { name: string; reference: string }[];
  /** Why secrets were left in place (one entry per secret, without values). */
  left: string[];
  message: string;
  /** What the user must do on each platform (deduplicated). */
  notes: string[];
  hints: CommandHint[];
  exposed?: boolean;
}

/** Upper bound on moves in one file, so a rule that keeps reporting its own replacement cannot loop. */
const MAX_MOVES = 500;

export function planMoveAll(text: string, options: AnalyzeOptions, env: EnvContext): MoveAllResult {
  let current = text;
  let state = env;
  const attempted = new Set<string>();
  const moved: MovePlanned[] = [];
  const left: string[] = [];
  for (let round = 0; round < MAX_MOVES; round++) {
    const result = analyze(current, options);
    if (!result.parsed) break;
    const doc = { text: current, path: options.path, kind: result.kind, syntax: result.syntax, parsed: result.parsed };
    const seen = new Map<string, number>();
    // A secret is known by its rule, its literal and where it sits (key path and offset in the
    // value, which other moves leave alone), not by offsets, which shift as moves happen.
    const next = result.findings
      .filter((f) => f.category === 'secret')
      .map((f) => {
        const loc = locate(doc, f);
        const literal = current.slice(f.start, f.end);
        const where = 'refusal' in loc ? '' : `${JSON.stringify(loc.path)}@${loc.from}`;
        const base = `${f.ruleId}\u0000${literal}\u0000${where}`;
        const nth = seen.get(base) ?? 0;
        seen.set(base, nth + 1);
        return { finding: f, key: `${base}\u0000${nth}` };
      })
      .find((c) => !attempted.has(c.key));
    if (!next) break;
    attempted.add(next.key);
    let plan: MovePlan;
    try {
      plan = planMoveToEnv(doc, next.finding, state);
    } catch (error) {
      // A planner bug must not cost the other moves; it is named without any data.
      left.push(`line ${next.finding.startLine + 1}: internal error (${(error as Error).name}); move it by hand.`);
      continue;
    }
    if (plan.status !== 'move') {
      left.push(`line ${next.finding.startLine + 1}: ${plan.status === 'refused' ? plan.reason : plan.message}`);
      continue;
    }
    current = applyEdits(current, plan.edits);
    state = advance(state, plan);
    moved.push(plan);
  }

  const files: FileChange[] = [];
  const changed = (path: string, before: string | undefined, after: string | undefined) => {
    if (after !== undefined && after !== before) files.push({ path, create: before === undefined, edits: editsBetween(before ?? '', after) });
  };
  changed(env.gitignore.path, env.gitignore.text, state.gitignore.text);
  changed(env.dotenv.path, env.dotenv.text, state.dotenv.text);
  if (env.example) changed(env.example.path, env.example.text, state.example?.text);

  const notes = [...new Set(moved.map((p) => p.note).filter(Boolean))];
  const exposed = moved.some((p) => p.exposed === true) ? true : moved.some((p) => p.exposed === undefined) ? undefined : moved.length ? false : undefined;
  const names = [...new Set(moved.map((p) => p.name))];
  const message = [
    moved.length ? `Moved ${moved.length} secret${moved.length === 1 ? '' : 's'} to ${env.dotenv.path} (${names.join(', ')}).` : 'No secret was moved.',
    files.some((f) => f.path === env.gitignore.path) ? `Added it to ${env.gitignore.path}.` : '',
    ...notes,
    left.length ? `${left.length} left in place: ${left.join(' ')}` : '',
    exposed === true ? 'Some values are in the last commit, so they are exposed: rotate them. Moving them is not enough.' : exposed === undefined && moved.length ? 'If the values were ever committed or shared, rotate them.' : '',
  ];
  const hints = dedupeHints(moved.flatMap((p) => p.hints));
  return {
    edits: editsBetween(text, current),
    text: current,
    files,
    moved: moved.map((p) => ({ name: p.name, reference: p.reference })),
    left,
    message: message.filter(Boolean).join(' '),
    notes,
    hints,
    exposed,
  };
}

/** The environment files as one plan left them, for planning the next move. */
function advance(env: EnvContext, plan: MovePlanned): EnvContext {
  const apply = (path: string, text: string | undefined) => {
    const change = plan.files.find((f) => f.path === path);
    return change ? applyEdits(text ?? '', change.edits) : text;
  };
  const ignoredNow = env.dotenvIgnored === undefined ? undefined : env.dotenvIgnored || plan.files.some((f) => f.path === env.gitignore.path);
  return {
    ...env,
    dotenv: { ...env.dotenv, text: apply(env.dotenv.path, env.dotenv.text) },
    gitignore: { ...env.gitignore, text: apply(env.gitignore.path, env.gitignore.text) },
    dotenvIgnored: ignoredNow,
    example: env.example && { ...env.example, text: apply(env.example.path, env.example.text) ?? env.example.text },
  };
}

function dedupeHints(hints: CommandHint[]): CommandHint[] {
  const seen = new Set<string>();
  return hints.filter((h) => !seen.has(h.command) && seen.add(h.command));
}
