// Text edits shared by the transport fixes: removing a word (a flag) from a command line without
// breaking the surrounding syntax.
import type { TextEdit, TextRange } from '../../types';

// Every fix here first checks that the file reads, at the finding's range, what the rule saw in
// the value: when a value's offsets cannot be mapped back to the source (an odd block scalar),
// ranges fall back to the whole value, and an edit there would break the file or lose text.

/**
 * `written` (one pair of surrounding quotes allowed) is the word `first`, or, given `last`, two
 * words: `first`, some blanks, `last`.
 */
function spells(written: string, first: string, last: string | undefined): boolean {
  const inner = unquoted(written);
  if (last === undefined) return inner === first;
  return inner.startsWith(first) && inner.endsWith(last) && inner.length <= first.length + last.length + 256;
}

function unquoted(written: string): string {
  const q = written[0];
  return (q === '"' || q === "'") && written.length >= 2 && written[written.length - 1] === q ? written.slice(1, -1) : written;
}

/** Puts `newText` over `range` when the file reads `expected` there (any case, quotes allowed). */
export function replaceSpelled(text: string, range: TextRange, expected: string, newText: string): TextEdit | undefined {
  return unquoted(text.slice(range.start, range.end)).toLowerCase() === expected.toLowerCase() ? { start: range.start, end: range.end, newText } : undefined;
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/**
 * Removes the word at `range` and the blank that separated it from its neighbour. In a flow list
 * (`["curl", "-k", "x"]`) the comma goes too. Returns undefined when removing would leave an empty
 * item behind (a block-sequence item that is only the word), because that changes the argv.
 */
export function removeWord(text: string, range: TextRange, words: { first: string; last?: string }): TextEdit | undefined {
  let { start, end } = range;
  if (!spells(text.slice(start, end), words.first, words.last)) return undefined;
  // A quoted list item whose range is its content: take the quotes with it.
  const quotedAlready = (text[start] === '"' || text[start] === "'") && text[end - 1] === text[start] && end - start >= 2;
  if (!quotedAlready && (text[start - 1] === '"' || text[start - 1] === "'") && text[end] === text[start - 1]) {
    start--;
    end++;
  }
  let left = start;
  while (isBlank(text[left - 1])) left--;
  if (text[left - 1] === ',') return { start: left - 1, end, newText: '' };
  let right = end;
  while (isBlank(text[right])) right++;
  if (text[right] === ',') {
    right++;
    while (isBlank(text[right])) right++;
    return { start, end: right, newText: '' };
  }
  if (onlyDashBefore(text, start)) return undefined;
  const nextChar = text[right];
  if (right > end && nextChar !== undefined && nextChar !== '\n' && nextChar !== '\r') return { start, end: right, newText: '' };
  // Blanks before the word that do not start its line (`left` is past any blank, so a line
  // start there is the line's very beginning).
  if (left < start && left > 0 && text[left - 1] !== '\n') return { start: left, end, newText: '' };
  return { start, end, newText: '' };
}

/**
 * `/^[ \t]*-[ \t]*$/` on the line before `start`, read backwards from `start` so that a long
 * line with many flags costs only the blanks before each one (finding the line start and slicing
 * the line made it quadratic).
 */
function onlyDashBefore(text: string, start: number): boolean {
  let i = start;
  while (isBlank(text[i - 1])) i--;
  if (text[i - 1] !== '-') return false;
  i--;
  while (isBlank(text[i - 1])) i--;
  return i === 0 || text[i - 1] === '\n';
}
