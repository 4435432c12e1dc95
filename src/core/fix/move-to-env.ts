// "Move to environment variable": a pure planner. Given the analysed document, one secret finding
// and what the caller knows about the environment files (dotenv file, .gitignore, .env.example,
// git state), it returns every edit to make (the document, the dotenv append, the .gitignore and
// .env.example appends), the name used and a message; or advice (Kubernetes Secret manifests), or
// a refusal that says why. Front ends apply the plan as one change (one WorkspaceEdit, one write).
import type { Finding, TextEdit } from '../types';
import type { Node, ScalarNode } from '../parse/model';
import { pathOf, sourceRange } from '../parse/model';
import type { CommandHint, Located, MoveDocument } from './move-site';
import { isRefusal } from './move-site';
import { siteFor } from './env-platforms';
import { invalidEnvName } from './env-names';
import { appendLines, chooseName, dotenvEntries, encodeDotenvValue, ignoreLine, ignoredBy, relativeToIgnoreFile } from './env-files';

export type { MoveDocument, CommandHint } from './move-site';

/** What the caller knows about the files around the document. Paths are workspace-relative, `/`-separated. */
export interface EnvContext {
  /** The dotenv file the value goes to; `text` undefined when it does not exist yet. */
  dotenv: { path: string; text?: string; tracked?: boolean };
  /** The `.gitignore` that should ignore it (the workspace root's); `text` undefined when missing. */
  gitignore: { path: string; text?: string };
  /** Git's own answer (`git check-ignore`), when known; otherwise `gitignore.text` decides. */
  dotenvIgnored?: boolean;
  /** A committed template listing the names, when one exists. */
  example?: { path: string; text: string };
  /** The document as of the last commit: null when it is not in it, undefined when unknown. */
  headText?: string | null;
}

export interface MoveOptions {
  /** The name to use instead of the derived one (validated; made unique like a derived one). */
  name?: string;
}

/** Edits to another file; `create` when it does not exist yet (edits then apply to ''). */
export interface FileChange {
  path: string;
  create: boolean;
  edits: TextEdit[];
}

export interface MovePlanned {
  status: 'move';
  name: string;
  /** The name derived before any choice, for the editor's input box. */
  suggestedName: string;
  /** False when the platform reads one exact name (then no input box). */
  nameEditable: boolean;
  /** The reference as written into the file. */
  reference: string;
  edits: TextEdit[];
  files: FileChange[];
  message: string;
  /** The platform part of the message: what the user must do there. */
  note: string;
  hints: CommandHint[];
  /** True when the value is in the last commit (it must be rotated); undefined when unknown. */
  exposed?: boolean;
}

export interface MoveAdvice {
  status: 'advice';
  message: string;
  hints: CommandHint[];
}

export interface MoveRefusal {
  status: 'refused';
  reason: string;
}

export type MovePlan = MovePlanned | MoveAdvice | MoveRefusal;

export const MOVE_TITLE = 'Move to environment variable';

/** A context with no files: enough to tell whether a finding can be moved at all (code actions). */
export function emptyEnvContext(dotenvPath = '.env'): EnvContext {
  return { dotenv: { path: dotenvPath }, gitignore: { path: '.gitignore' } };
}

export function planMoveToEnv(doc: MoveDocument, finding: Finding, env: EnvContext, options: MoveOptions = {}): MovePlan {
  if (finding.category !== 'secret') return refuse('Only secrets can be moved to an environment variable.');
  const loc = locate(doc, finding);
  if (isRefusal(loc)) return refuse(loc.refusal);
  const site = siteFor(loc, env.dotenv.path);
  if (isRefusal(site)) return refuse(site.refusal);
  if ('advice' in site) return { status: 'advice', message: site.advice, hints: site.hints };

  if (env.dotenv.tracked) {
    return refuse(`${env.dotenv.path} is tracked by git, so a secret written there would be committed. Untrack it first (git rm --cached ${env.dotenv.path}) and try again.`);
  }
  const rel = relativeToIgnoreFile(env.gitignore.path, env.dotenv.path);
  const ignored = env.dotenvIgnored ?? (rel !== undefined && ignoredBy(env.gitignore.text, rel));
  if (!ignored && rel === undefined) return refuse(`${env.dotenv.path} is outside the folder of ${env.gitignore.path}, so it cannot be ignored there.`);

  let base = site.name;
  if (options.name !== undefined && !site.fixedName) {
    const problem = invalidEnvName(options.name, doc.kind);
    if (problem) return refuse(problem);
    base = options.name;
  }
  const entries = dotenvEntries(env.dotenv.text);
  const existing = entries.get(base);
  if (site.fixedName && existing !== undefined && existing !== site.value) {
    return refuse(`${base} is already set in ${env.dotenv.path} to another value, and this platform reads exactly that name. Update or remove it there first.`);
  }
  const { name, reuse } = chooseName(base, site.value, entries, site.taken);
  const edits = site.edits(name);
  if (isRefusal(edits)) return refuse(edits.refusal);

  const files: FileChange[] = [];
  // .gitignore first: the value must never sit in a file git would pick up.
  if (!ignored) files.push({ path: env.gitignore.path, create: env.gitignore.text === undefined, edits: [appendLines(env.gitignore.text, [ignoreLine(rel!)])] });
  if (!reuse) files.push({ path: env.dotenv.path, create: env.dotenv.text === undefined, edits: [appendLines(env.dotenv.text, [`${name}=${encodeDotenvValue(site.value)}`])] });
  const listed = env.example && !dotenvEntries(env.example.text).has(name);
  if (env.example && listed) files.push({ path: env.example.path, create: false, edits: [appendLines(env.example.text, [`${name}=`])] });

  const raw = doc.text.slice(finding.start, finding.end);
  const exposed = env.headText === undefined ? undefined : env.headText !== null && (env.headText.includes(raw) || env.headText.includes(loc.literal));
  const note = site.note({ dotenvPath: env.dotenv.path, name });
  const parts = [
    reuse
      ? `${env.dotenv.path} already holds ${name} with this value; the file now uses ${site.reference(name)}.`
      : `Moved the secret to ${env.dotenv.path} as ${name}; the file now uses ${site.reference(name)}.`,
    ignored ? '' : `Added ${rel} to ${env.gitignore.path}.`,
    listed ? `Listed ${name} in ${env.example!.path}.` : '',
    note.text,
    exposed === true
      ? 'The value is in the last commit, so it is exposed: rotate it at its provider. Moving it is not enough.'
      : exposed === undefined
        ? 'If the value was ever committed or shared, rotate it.'
        : '',
  ];
  return {
    status: 'move',
    name,
    suggestedName: site.name,
    nameEditable: !site.fixedName,
    reference: site.reference(name),
    edits,
    files,
    message: parts.filter(Boolean).join(' '),
    note: note.text,
    hints: note.hints,
    exposed,
  };
}

function refuse(reason: string): MoveRefusal {
  return { status: 'refused', reason };
}

/** The scalar holding the finding and the literal's offsets inside its value. */
export function locate(doc: MoveDocument, finding: Finding): Located | { refusal: string } {
  for (let i = 0; i < doc.parsed.documents.length; i++) {
    const node = deepestScalar(doc.parsed.documents[i].root, finding.start, finding.end);
    if (!node) continue;
    const offsets = valueOffsets(doc.text, node, finding.start, finding.end);
    if (!offsets) return { refusal: 'The secret cannot be matched to its value in the file; move it by hand.' };
    return { doc, finding, node, docIndex: i, path: pathOf(node), ...offsets, literal: node.value.slice(offsets.from, offsets.to) };
  }
  return { refusal: 'The secret is not a value Plainsight can rewrite (it sits outside the file’s key/value structure); move it by hand.' };
}

function deepestScalar(node: Node | null, start: number, end: number): ScalarNode | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar') return !node.alias && node.start <= start && end <= node.end ? node : undefined;
  const children = node.kind === 'map' ? node.pairs.map((p) => p.value) : node.items;
  for (const child of children) {
    if (child && child.start <= start && end <= child.end) {
      const found = deepestScalar(child, start, end);
      if (found) return found;
    }
  }
  return undefined;
}

/** value[from, to) whose source range is exactly [start, end). */
function valueOffsets(text: string, node: ScalarNode, start: number, end: number): { from: number; to: number } | undefined {
  const raw = text.slice(start, end);
  // The raw text, single-quote doubling undone, escapes decoded, block indentation removed.
  const guesses = new Set([raw, raw.replace(/''/g, "'"), decodeJsonish(raw), raw.replace(/\n[ \t]+/g, '\n')]);
  for (const guess of guesses) {
    if (!guess) continue;
    for (let at = node.value.indexOf(guess); at >= 0; at = node.value.indexOf(guess, at + 1)) {
      const r = sourceRange(text, node, at, at + guess.length);
      if (r.start === start && r.end === end) return { from: at, to: at + guess.length };
    }
  }
  if (start === node.start && end === node.end && node.style === 'plain') return { from: 0, to: node.value.length };
  return undefined;
}

function decodeJsonish(raw: string): string | undefined {
  if (!raw.includes('\\')) return undefined;
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return undefined;
  }
}
