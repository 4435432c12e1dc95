// Finds a token pattern's matches without stepping the pattern through every character of a file.
//
// Nearly every provider format contains a fixed piece of text at a known distance from the start of
// any match: a prefix (`ghp_`, offset 0), or a marker further in (Mailchimp's `-us` after 32 hex
// digits, Azure DevOps' `AZDO` after 76 characters; in general anywhere in a bounded range). `indexOf`
// finds that text natively, many times faster than a pattern tried at each position, and the
// pattern is then tried only at the starts that would put the text where the pattern needs it:
// the same attempts, in the same order, minus the ones that cannot succeed, so the matches are
// exactly those of the global pattern.

/** Text every match contains, `minOffset` to `maxOffset` characters after the match starts. */
export interface Anchor {
  literal: string;
  minOffset: number;
  maxOffset: number;
}

export class AnchoredSearch {
  readonly anchor: Anchor | undefined;
  private readonly global: RegExp;
  private readonly sticky: RegExp;

  constructor(pattern: RegExp) {
    const flags = pattern.flags.replace(/[gy]/g, '');
    this.global = new RegExp(pattern.source, flags + 'g');
    this.sticky = new RegExp(pattern.source, flags + 'y');
    this.anchor = anchorOf(pattern);
  }

  /** The first match starting at or after `from`, as the global pattern finds it. */
  next(text: string, from: number): RegExpExecArray | null {
    const anchor = this.anchor;
    if (!anchor) {
      this.global.lastIndex = from;
      return this.global.exec(text);
    }
    const { literal, minOffset, maxOffset } = anchor;
    // Starts below `untried` have been tried (or lie before `from`); each occurrence of the literal
    // adds the starts that would put it at an allowed offset, in increasing order.
    let untried = from;
    for (let at = text.indexOf(literal, from + minOffset); at >= 0; at = text.indexOf(literal, at + 1)) {
      for (let start = Math.max(untried, at - maxOffset); start <= at - minOffset; start++) {
        this.sticky.lastIndex = start;
        const m = this.sticky.exec(text);
        if (m) return m;
      }
      untried = Math.max(untried, at - minOffset + 1);
    }
    return null;
  }
}

/**
 * What to search for: the literal every match starts with, when there is one; else the longest
 * literal every match contains at a bounded offset (ties: the one whose offset varies least), if
 * it is two characters or more: one common character (Telegram's `:`, Discord's `.`) occurs so
 * often that trying the pattern around each occurrence costs more than letting it scan. Undefined
 * for case-insensitive patterns, an alternative at the top level, and syntax this reading does
 * not take apart (see alternativesOf): those are matched the plain way.
 */
export function anchorOf(pattern: RegExp): Anchor | undefined {
  if (pattern.flags.includes('i')) return undefined;
  const alternatives = alternativesOf(pattern.source);
  if (!alternatives || alternatives.length !== 1) return undefined;
  const runs: Anchor[] = [];
  let min = 0;
  let max = 0;
  let run: Anchor | undefined;
  for (const atom of alternatives[0]) {
    if (atom.char === undefined) run = undefined;
    else if (run) run.literal += atom.char;
    else runs.push((run = { literal: atom.char, minOffset: min, maxOffset: max }));
    min += atom.min;
    max += atom.max;
  }
  const spread = (a: Anchor) => a.maxOffset - a.minOffset;
  const prefix = runs.find((r) => r.maxOffset === 0);
  const longest = runs.filter((r) => Number.isFinite(r.maxOffset)).reduce<Anchor | undefined>((best, r) => (!best || r.literal.length > best.literal.length || (r.literal.length === best.literal.length && spread(r) < spread(best)) ? r : best), undefined);
  return prefix ?? (longest && longest.literal.length >= 2 ? longest : undefined);
}

/** A piece of a pattern: how many characters it matches, and the character when it is one literal. */
interface Atom {
  min: number;
  max: number;
  char?: string;
}

/**
 * The alternatives of `source` (split at `|` outside groups and classes), each as its atoms. What
 * the catalog's patterns are written with is taken apart: characters, escaped punctuation, classes,
 * `.`, `\b`, `(?:…)` groups and quantifiers; anything else (other escapes, lookarounds, capturing
 * groups, `^`, `$`) gives undefined, and the pattern is matched the plain way.
 */
function alternativesOf(source: string): Atom[][] | undefined {
  const alternatives: Atom[][] = [[]];
  for (let i = 0; i < source.length; ) {
    const c = source[i];
    const e = source[i + 1] ?? '';
    let atom: Atom;
    let end = i + 1;
    if (c === '|') {
      alternatives.push([]);
      i++;
      continue;
    } else if (c === '\\') {
      // `\b` is zero-width; escaped punctuation stands for itself; other escapes are not read.
      if (e === 'b') atom = { min: 0, max: 0 };
      else if (/^[^A-Za-z0-9]$/.test(e)) atom = { min: 1, max: 1, char: e };
      else return undefined;
      end = i + 2;
    } else if (c === '[') {
      end = closingBracket(source, i) + 1;
      atom = { min: 1, max: 1 };
    } else if (c === '(' && e === '?' && source[i + 2] === ':') {
      end = closingParen(source, i) + 1;
      const width = end > 0 ? widthOf(source.slice(i + 3, end - 1)) : undefined;
      if (!width) return undefined;
      atom = width;
    } else if (c === '.') {
      atom = { min: 1, max: 1 };
    } else if ('()[]{}*+?^$'.includes(c)) {
      return undefined;
    } else {
      atom = { min: 1, max: 1, char: c };
    }
    if (end <= 0) return undefined;
    const quantifier = /^(?:([*+?])|\{(\d+)(,(\d*))?\})\??/.exec(source.slice(end, end + 24));
    if (quantifier) {
      const [low, high] = quantifier[1] === '*' ? [0, Infinity] : quantifier[1] === '+' ? [1, Infinity] : quantifier[1] === '?' ? [0, 1] : [Number(quantifier[2]), quantifier[3] === undefined ? Number(quantifier[2]) : quantifier[4] === '' ? Infinity : Number(quantifier[4])];
      // (0 × ∞ would be NaN: a zero-width piece stays zero-width however often it repeats.)
      atom = { min: atom.min * low, max: high === 0 || atom.max === 0 ? 0 : atom.max * high };
      end += quantifier[0].length;
    }
    alternatives[alternatives.length - 1].push(atom);
    i = end;
  }
  return alternatives;
}

/** How many characters a group's body matches: the least and the most over its alternatives. */
function widthOf(body: string): Atom | undefined {
  const alternatives = alternativesOf(body);
  if (!alternatives) return undefined;
  const widths = alternatives.map((atoms) => atoms.reduce((w, a) => ({ min: w.min + a.min, max: w.max + a.max }), { min: 0, max: 0 }));
  return { min: Math.min(...widths.map((w) => w.min)), max: Math.max(...widths.map((w) => w.max)) };
}

/** The index of the `]` closing the class opened at `open`, or -1. */
function closingBracket(source: string, open: number): number {
  for (let i = open + 1; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i;
  }
  return -1;
}

/** The index of the `)` closing the group opened at `open` (escapes and classes skipped), or -1. */
function closingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i = closingBracket(source, i);
      if (i < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
