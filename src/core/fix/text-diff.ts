// Line diff between two versions of a text: minimal edits (so a fix computed by rewriting the whole
// text still reaches editors as small, cursor-friendly replacements) and unified diffs (the CLI's
// `--dry-run`). Common leading and trailing lines are trimmed first; the rest is a longest common
// subsequence, which is cheap because fixes change a few lines of a file.
import type { TextEdit } from '../types';

/** Above this many cells of LCS table the middle is treated as one changed block. */
const MAX_TABLE = 4_000_000;

interface Line {
  /** Text including its line break, so edits rebuild the text exactly. */
  text: string;
  start: number;
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl + 1;
    lines.push({ text: text.slice(start, end), start });
    start = end;
  }
  return lines;
}

/** A run of changed lines: a[aStart, aEnd) became b[bStart, bEnd). */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

function diffHunks(a: Line[], b: Line[]): Hunk[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head].text === b[head].text) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail].text === b[b.length - 1 - tail].text) tail++;
  const n = a.length - head - tail;
  const m = b.length - head - tail;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_TABLE) return [{ aStart: head, aEnd: head + n, bStart: head, bEnd: head + m }];

  // LCS lengths of suffixes, then walk forwards collecting runs of differences.
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[at(i, j)] = a[head + i].text === b[head + j].text ? table[at(i + 1, j + 1)] + 1 : Math.max(table[at(i + 1, j)], table[at(i, j + 1)]);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | undefined;
  const close = () => {
    if (open) hunks.push(open);
    open = undefined;
  };
  while (i < n || j < m) {
    if (i < n && j < m && a[head + i].text === b[head + j].text) {
      close();
      i++;
      j++;
      continue;
    }
    open ??= { aStart: head + i, aEnd: head + i, bStart: head + j, bEnd: head + j };
    if (j < m && (i === n || table[at(i, j + 1)] >= table[at(i + 1, j)])) {
      j++;
      open.bEnd = head + j;
    } else {
      i++;
      open.aEnd = head + i;
    }
  }
  close();
  return hunks;
}

/** Edits turning `before` into `after`, one per changed block of lines. */
export function editsBetween(before: string, after: string): TextEdit[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const offsetA = (line: number) => (line < a.length ? a[line].start : before.length);
  return diffHunks(a, b).map((h) => ({
    start: offsetA(h.aStart),
    end: offsetA(h.aEnd),
    newText: b.slice(h.bStart, h.bEnd).map((l) => l.text).join(''),
  }));
}

export interface UnifiedDiffOptions {
  /** Lines of context around each change. */
  context?: number;
  /** Applied to every line shown (e.g. to mask secrets). */
  mapLine?: (line: string) => string;
}

/** A unified diff (`--- a/path`, `+++ b/path`, `@@` hunks); '' when the texts are equal. */
export function unifiedDiff(path: string, before: string | undefined, after: string, options: UnifiedDiffOptions = {}): string {
  if (before === after) return '';
  const context = options.context ?? 3;
  const show = options.mapLine ?? ((l: string) => l);
  const a = splitLines(before ?? '');
  const b = splitLines(after);
  const hunks = diffHunks(a, b);
  if (hunks.length === 0) return '';
  const out: string[] = [`--- ${before === undefined ? '/dev/null' : `a/${path}`}`, `+++ b/${path}`];
  const line = (prefix: string, l: Line) => {
    const body = l.text.endsWith('\n') ? l.text.slice(0, l.text.endsWith('\r\n') ? -2 : -1) : l.text;
    out.push(prefix + show(body));
    if (!l.text.endsWith('\n')) out.push('\\ No newline at end of file');
  };
  // Group hunks whose context would touch into one @@ block.
  let g = 0;
  while (g < hunks.length) {
    let last = g;
    while (last + 1 < hunks.length && hunks[last + 1].aStart - hunks[last].aEnd <= 2 * context) last++;
    const aFrom = Math.max(0, hunks[g].aStart - context);
    const aTo = Math.min(a.length, hunks[last].aEnd + context);
    const bFrom = hunks[g].bStart - (hunks[g].aStart - aFrom);
    const bTo = hunks[last].bEnd + (aTo - hunks[last].aEnd);
    const range = (from: number, to: number) => `${to - from === 0 ? from : from + 1},${to - from}`;
    out.push(`@@ -${range(aFrom, aTo)} +${range(bFrom, bTo)} @@`);
    let ai = aFrom;
    for (let h = g; h <= last; h++) {
      for (; ai < hunks[h].aStart; ai++) line(' ', a[ai]);
      for (let k = hunks[h].aStart; k < hunks[h].aEnd; k++) line('-', a[k]);
      for (let k = hunks[h].bStart; k < hunks[h].bEnd; k++) line('+', b[k]);
      ai = hunks[h].aEnd;
    }
    for (; ai < aTo; ai++) line(' ', a[ai]);
    g = last + 1;
  }
  return `${out.join('\n')}\n`;
}
