// "Add <file> to .gitignore": the fix for secrets in a dotenv file that git does not ignore. A
// dotenv file is where secrets belong (moving a value into another dotenv file changes nothing);
// what is wrong is that git would commit it. A pure planner like move-to-env: the caller says
// which `.gitignore` files exist between the root and the file and whether git tracks it; the plan
// is one append to one `.gitignore`, never a rewrite of its lines.
import ignore from 'ignore';
import { isDotenvTemplate } from '../rules/secret/exposure';
import type { CommandHint } from './move-site';
import type { FileChange } from './move-to-env';
import { appendLines, ignoreLine, relativeToIgnoreFile } from './env-files';

export interface IgnoreContext {
  /** The dotenv file, relative to the root (the repository's, else the workspace folder), `/`-separated. */
  path: string;
  /** The `.gitignore` of every folder from the root down to the file's own (`gitignorePaths`); `text` undefined when absent. */
  gitignores: { path: string; text?: string }[];
  /** Whether git tracks the file; undefined when git cannot tell (no repository, no git, the web). */
  tracked?: boolean;
}

export type IgnorePlan =
  | { status: 'ignore'; title: string; change: FileChange; message: string }
  /** The given `.gitignore` texts ignore the file already (e.g. an entry another fix just added). */
  | { status: 'ignored'; message: string }
  | { status: 'tracked'; message: string; hints: CommandHint[] }
  | { status: 'refused'; reason: string };

/** `<folder>/.gitignore` for every folder from the root down to the one holding `path`, root first. */
export function gitignorePaths(path: string): string[] {
  const folders = path.split('/').slice(0, -1);
  return Array.from({ length: folders.length + 1 }, (_, depth) => [...folders.slice(0, depth), '.gitignore'].join('/'));
}

export function planIgnoreDotenv(context: IgnoreContext): IgnorePlan {
  const { path, gitignores } = context;
  if (isDotenvTemplate(path)) return { status: 'refused', reason: `${path} is a template meant to be committed: replace the value with a placeholder instead of ignoring the file.` };
  if (context.tracked) {
    const untrack = `git rm --cached -- ${shellWord(path)}`;
    return {
      status: 'tracked',
      // An ignore rule does not apply to a file git already tracks, so adding one would only pretend.
      message: `${path} is tracked by git, so it is committed (or about to be) and a .gitignore entry would change nothing. Rotate its secrets at their providers, then remove the file from the index (${untrack}) and add it to .gitignore.`,
      hints: [{ label: 'Untrack the file', command: untrack }],
    };
  }
  if (ignoredByFiles(gitignores, path)) return { status: 'ignored', message: `${path} is ignored by git now.` };
  // The nearest existing .gitignore: the project keeps the rules for that part of the tree there.
  // Without any, the root's is created.
  const target = [...gitignores].reverse().find((g) => g.text !== undefined) ?? gitignores[0];
  // Every candidate is in a folder above the file (gitignorePaths), so the path is inside it.
  const rel = relativeToIgnoreFile(target.path, path)!;
  // Anchored: exactly this file. A bare `.env` would also hide every other `.env` below, including
  // ones a project commits on purpose (Vite and others commit `.env` and ignore `.env.local`).
  const entry = `/${ignoreLine(rel)}`;
  const change: FileChange = { path: target.path, create: target.text === undefined, edits: [appendLines(target.text, [entry])] };
  const unknown =
    context.tracked === undefined
      ? ` If it was ever committed, that is not enough: rotate its secrets and remove it from the index (git rm --cached -- ${shellWord(path)}).`
      : '';
  return { status: 'ignore', title: `Add ${path} to ${target.path}`, change, message: `Added ${entry} to ${target.path}: git now ignores ${path}, where its secrets belong.${unknown}` };
}

/** Whether the `.gitignore` texts (root first) ignore `path`, deeper files overriding shallower ones, as git applies them. */
export function ignoredByFiles(gitignores: IgnoreContext['gitignores'], path: string): boolean {
  let ignored = false;
  for (const g of gitignores) {
    const rel = relativeToIgnoreFile(g.path, path);
    if (!g.text || rel === undefined) continue;
    const verdict = ignore().add(g.text).test(rel);
    if (verdict.ignored) ignored = true;
    else if (verdict.unignored) ignored = false;
  }
  return ignored;
}

/** A path as one word of a POSIX shell command. */
function shellWord(path: string): string {
  return /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
