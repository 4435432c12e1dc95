// The files a moved secret lands in: the dotenv file (append only, never overwrite), the
// `.gitignore` that must ignore it, and the committed `.env.example` that lists its names.
import ignore from 'ignore';
import type { TextEdit } from '../types';
import { parseDotenv } from '../parse/lines';
import { isScalar } from '../parse/model';

/** Names and values of a dotenv text, as our dotenv parser (the same one the rules use) reads them. */
export function dotenvEntries(text: string | undefined): Map<string, string> {
  const entries = new Map<string, string>();
  if (!text) return entries;
  const root = parseDotenv(text).documents[0]?.root;
  if (root?.kind !== 'map') return entries;
  for (const pair of root.pairs) entries.set(pair.key.value, isScalar(pair.value) ? pair.value.value : '');
  return entries;
}

/**
 * A value as a dotenv line writes it. Plain when nothing in it is special; single-quoted when it
 * holds `$` (docker compose and most loaders expand `$` in double quotes and bare values);
 * otherwise double-quoted with backslash escapes (spaces, `#`, quotes, newlines).
 */
export function encodeDotenvValue(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_\-.,/:@+=%~^!?*&|<>;[\]{}()]+$/.test(value)) return value;
  if (value.includes('$') && !/['\r\n\\]/.test(value)) return `'${value}'`;
  const escaped = value.replace(/[\\"$\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', $: '\\$', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
  return `"${escaped}"`;
}

export interface NameChoice {
  name: string;
  /** The dotenv file already holds this name with this value: nothing to append. */
  reuse: boolean;
}

/**
 * `base` when it is free, or already holds `value`; else `base_2`, `base_3`, ... The dotenv file
 * is never overwritten. `taken` reports names used elsewhere (e.g. a step's `env:` keys).
 */
export function chooseName(base: string, value: string, entries: ReadonlyMap<string, string>, taken: (name: string) => boolean = () => false): NameChoice {
  for (let i = 1; i < 1000; i++) {
    const name = i === 1 ? base : `${base}_${i}`;
    const existing = entries.get(name);
    if (existing === value) return { name, reuse: true };
    if (existing === undefined && !taken(name)) return { name, reuse: false };
  }
  throw new Error('no free name');
}

/** An insertion appending `lines` at the end of `text`, starting on a fresh line. */
export function appendLines(text: string | undefined, lines: readonly string[]): TextEdit {
  const current = text ?? '';
  const eol = current.includes('\r\n') ? '\r\n' : '\n';
  const lead = current === '' || current.endsWith('\n') ? '' : eol;
  return { start: current.length, end: current.length, newText: lead + lines.map((l) => l + eol).join('') };
}

/** The dotenv path as a `.gitignore` in `gitignorePath`'s folder sees it, or undefined when outside. */
export function relativeToIgnoreFile(gitignorePath: string, dotenvPath: string): string | undefined {
  const folder = dirnameOf(gitignorePath);
  const prefix = folder ? `${folder}/` : '';
  if (!dotenvPath.startsWith(prefix) || dotenvPath.length === prefix.length) return undefined;
  return dotenvPath.slice(prefix.length);
}

/** The folder of a `/`-separated path ('' for a bare name). The core stays free of `node:path`. */
export function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Whether the rules of one `.gitignore` text ignore `relPath` (relative to its folder). */
export function ignoredBy(gitignoreText: string | undefined, relPath: string): boolean {
  if (!gitignoreText) return false;
  return ignore().add(gitignoreText).ignores(relPath);
}

/**
 * The line that makes `.gitignore` ignore the dotenv file: its bare name when it sits next to the
 * `.gitignore` (the usual `.env`, which also covers `.env` files in subfolders), else its path
 * from there (a path with a slash is anchored, so only that file is meant).
 */
export function ignoreLine(relPath: string): string {
  const escaped = relPath.replace(/([*?[\]!#\\])/g, '\\$1');
  // Git drops trailing spaces from a pattern unless they are escaped (counted by hand: / +$/ is quadratic).
  let end = escaped.length;
  while (end > 0 && escaped[end - 1] === ' ') end--;
  return escaped.slice(0, end) + '\\ '.repeat(escaped.length - end);
}
