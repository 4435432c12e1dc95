// The work behind `plainsight fix`: every file's new text, planned in memory first. Safe fixes
// (they keep what the file does) are applied round after round until none is left; with
// `--move-secrets`, every secret then moves to the git-ignored dotenv file, planned by the core
// against the dotenv, .gitignore and .env.example texts as earlier files left them, and a dotenv
// file with secrets gets ignored by git instead (fix-dotenv.ts).
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { analyze, applyEdits, planMoveAll, type CommandHint, type Config, type EnvContext, type Finding, type TextEdit } from '../core/index';
import { decode } from './read';
import { headText, isIgnored, isTracked, repositoryRoot } from './git';
import { isInside } from './walk';
import { ignoreDotenvFile } from './fix-dotenv';

/** Rounds of safe fixes per file: each round applies the non-overlapping ones, the next the rest. */
const MAX_ROUNDS = 10;

/** Texts of files as the fixes leave them, read from disk on first use. */
export class FileStore {
  private readonly files = new Map<string, { before: string | undefined; after: string | undefined; bom: boolean }>();

  async text(absolute: string): Promise<string | undefined> {
    return (await this.entry(absolute)).after;
  }

  async set(absolute: string, text: string): Promise<void> {
    (await this.entry(absolute)).after = text;
  }

  /** Whether the file's text differs from the disk (git's answers about it are then stale). */
  changed(absolute: string): boolean {
    const e = this.files.get(absolute);
    return !!e && e.after !== e.before;
  }

  /** Changed files: path, text on disk (undefined when absent), new text, whether it had a BOM. */
  changes(): { absolute: string; before: string | undefined; after: string; bom: boolean }[] {
    return [...this.files.entries()].flatMap(([absolute, e]) => (e.after !== undefined && e.after !== e.before ? [{ absolute, before: e.before, after: e.after, bom: e.bom }] : []));
  }

  private async entry(absolute: string) {
    let e = this.files.get(absolute);
    if (!e) {
      const bytes = await readFile(absolute).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return undefined;
        throw error;
      });
      const read = bytes ? decode(bytes) : undefined;
      const text = read && 'text' in read ? read.text : undefined;
      e = { before: text, after: text, bom: !!bytes && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf };
      this.files.set(absolute, e);
    }
    return e;
  }
}

export interface FixOptions {
  moveSecrets: boolean;
  envFileLocation: 'root' | 'beside';
  cwd: string;
}

export interface FileOutcome {
  safeFixes: number;
  moved: string[];
  /** Why secrets stayed (no values). */
  left: string[];
  /** Platform notes and commands from the moves. */
  notes: string[];
  hints: CommandHint[];
  exposed?: boolean;
  /** Secret texts seen in the file before fixing, to mask in diffs. */
  secrets: string[];
  /** Findings in the new text. */
  remaining: Finding[];
  /** A dotenv file that the changes make git ignore (its secrets stay in it and are no longer reported). */
  nowIgnored?: boolean;
}

const roots = new Map<string, Promise<string | undefined>>();
function rootOf(dir: string): Promise<string | undefined> {
  let r = roots.get(dir);
  if (!r) roots.set(dir, (r = repositoryRoot(dir)));
  return r;
}

/** Fixes one file (absolute path) whose text is already in `store`. */
export async function fixFile(absolute: string, gitIgnored: boolean, config: Config | undefined, store: FileStore, options: FixOptions): Promise<FileOutcome> {
  const original = (await store.text(absolute)) ?? '';
  const repo = await rootOf(dirname(absolute));
  // Paths in plans are relative to the repository root; without one, to the working directory.
  const root = repo ?? (isInside(options.cwd, absolute) ? options.cwd : dirname(absolute));
  const rel = toPosix(relative(root, absolute));
  const analyzeOptions = { path: rel, gitIgnored, config };
  const secrets = analyze(original, analyzeOptions)
    .findings.filter((f) => f.category === 'secret')
    .map((f) => original.slice(f.start, f.end));

  let text = original;
  let safeFixes = 0;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const edits = safeEdits(analyze(text, analyzeOptions).findings);
    if (edits.count === 0) break;
    text = applyEdits(text, edits.edits);
    safeFixes += edits.count;
  }

  const outcome: FileOutcome = { safeFixes, moved: [], left: [], notes: [], hints: [], secrets, remaining: [] };
  if (options.moveSecrets && secrets.length && analyze(text, analyzeOptions).kind === 'dotenv') {
    const dotenv = await ignoreDotenvFile(rel, root, repo !== undefined, store);
    Object.assign(outcome, { left: dotenv.left, notes: dotenv.notes, hints: dotenv.hints, nowIgnored: dotenv.ignored });
    // Analysed again the way the next scan will see it: ignored, so its secrets are where they belong.
    if (dotenv.ignored) analyzeOptions.gitIgnored = true;
  } else if (options.moveSecrets) {
    const dir = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
    const dotenvRel = options.envFileLocation === 'beside' && dir ? `${dir}/.env` : '.env';
    const exampleRel = `${dotenvRel.slice(0, dotenvRel.length - '.env'.length)}.env.example`;
    const abs = (p: string) => join(root, ...p.split('/'));
    const env: EnvContext = {
      dotenv: { path: dotenvRel, text: await store.text(abs(dotenvRel)), tracked: repo ? await isTracked(root, dotenvRel) : undefined },
      gitignore: { path: '.gitignore', text: await store.text(abs('.gitignore')) },
      // Git's answer holds for the .gitignore on disk only.
      dotenvIgnored: repo && !store.changed(abs('.gitignore')) ? await isIgnored(root, dotenvRel) : undefined,
      headText: repo ? await headText(root, rel) : undefined,
    };
    const example = await store.text(abs(exampleRel));
    if (example !== undefined) env.example = { path: exampleRel, text: example };
    const result = planMoveAll(text, analyzeOptions, env);
    text = result.text;
    for (const f of result.files) {
      const before = (await store.text(abs(f.path))) ?? '';
      await store.set(abs(f.path), applyEdits(before, f.edits));
    }
    outcome.moved = result.moved.map((m) => m.name);
    outcome.left = result.left;
    outcome.hints = result.hints;
    outcome.exposed = result.moved.length ? result.exposed : undefined;
    outcome.notes = result.notes;
    if (result.moved.length && result.exposed === true) outcome.notes.push('Some of these values are in the last commit, so they are exposed: rotate them. Moving them is not enough.');
  }
  await store.set(absolute, text);
  outcome.remaining = analyze(text, analyzeOptions).findings;
  return outcome;
}

/** The safe fixes of a round: the first safe fix of each finding, unless it touches one taken already. */
function safeEdits(findings: readonly Finding[]): { edits: TextEdit[]; count: number } {
  const edits: TextEdit[] = [];
  let count = 0;
  const touches = (a: TextEdit, b: TextEdit) => a.start < b.end && b.start < a.end || a.start === b.start || a.end === b.start || b.end === a.start;
  for (const f of [...findings].sort((a, b) => a.start - b.start)) {
    const fix = f.fixes.find((x) => x.disposition === 'safe');
    if (!fix || fix.edits.length === 0) continue;
    // Touching fixes wait for the next round, planned on the text this one leaves.
    if (fix.edits.some((e) => edits.some((taken) => touches(e, taken)))) continue;
    edits.push(...fix.edits);
    count++;
  }
  return { edits, count };
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}
