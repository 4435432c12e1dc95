// User-supplied regular expressions (custom secret patterns from settings or a config file).
// A pattern runs on every analysed file, on every keystroke in the editor, so one catastrophic
// pattern (`(a+)+$`) would freeze the extension host or a CI job. `compileCustomPattern`
// validates and compiles a pattern, and refuses it when a safety check says it can take more than
// linear time. Pure: no Node APIs, so it also runs in the web extension.
//
// The safety check is a parameter:
//   - `structuralCheck` (the default, pure and instant) refuses the shapes that make
//     backtracking exponential: a repeated group that itself contains a repeat or an alternation
//     (`(a+)+`, `(\w|\d)*`, `(x?y*)+`), and backreferences. It does not see polynomial cases such
//     as `\d+\d+$`. The extension (desktop and web) relies on it alone.
//   - `checkedSafety` in custom-patterns-recheck.ts adds the recheck ReDoS analyser (exact for
//     regular patterns, fuzzing otherwise). It is Node-only and heavy (2.9 MB of Scala.js, more
//     than the .vsix may weigh), so only the CLI uses it.
// custom-pattern-specs.ts validates the user's entries and compiles them with this function.

export type CustomPatternResult = { ok: true; re: RegExp; note?: string } | { ok: false; reason: string };

/** A ReDoS verdict for a pattern that already compiles; `note` is a caveat for the user. */
export type SafetyCheck = (source: string, flags: string) => { safe: true; note?: string } | { safe: false; reason: string };

export interface CompileOptions {
  /** Flags to compile with; a subset of `imsu` (the engine adds `g` itself). Default ''. */
  flags?: string;
  /** Default: structuralCheck. */
  check?: SafetyCheck;
}

/** Longer patterns are refused: nobody writes one legitimately, and checking cost grows with size. */
export const MAX_PATTERN_LENGTH = 1000;

export function compileCustomPattern(source: string, options: CompileOptions = {}): CustomPatternResult {
  const flags = options.flags ?? '';
  if (typeof source !== 'string' || source.length === 0) return refuse('the pattern is empty');
  if (source.length > MAX_PATTERN_LENGTH) return refuse(`the pattern is ${source.length} characters long; the limit is ${MAX_PATTERN_LENGTH}`);
  if (!/^[imsu]*$/.test(flags) || new Set(flags).size !== flags.length) return refuse(`unsupported flags "${flags}": use any of i, m, s, u once each`);
  let re: RegExp;
  try {
    re = new RegExp(source, flags);
  } catch (error) {
    return refuse(`it is not a valid regular expression (${(error as Error).message})`);
  }
  if (re.test('')) return refuse('it matches the empty string, so it would match everywhere');
  const verdict = (options.check ?? structuralCheck)(source, flags);
  if (!verdict.safe) return refuse(verdict.reason);
  return verdict.note ? { ok: true, re, note: verdict.note } : { ok: true, re };
}

function refuse(why: string): CustomPatternResult {
  return { ok: false, reason: why };
}

/**
 * Refuses patterns whose shape allows exponential backtracking: a group repeated by `*`, `+`,
 * `{m,}` or `{m,n}` (n > 1) that contains such a repeat, a `?`, or an alternation; and
 * backreferences. Conservative: it may refuse a safe pattern such as `(ab+)+`, never the reverse
 * for these shapes.
 */
export const structuralCheck: SafetyCheck = (source) => {
  interface Group {
    risky: boolean; // holds a repeat or an alternation
    start: number;
  }
  const stack: Group[] = [{ risky: false, start: 0 }];
  let last: { risky: boolean } | null = null; // the atom a quantifier would apply to
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || (next === 'k' && source[i + 2] === '<')) {
        return { safe: false, reason: 'it uses a backreference, which can make matching take exponential time' };
      }
      // \u{...}, \p{...}, \x.. and the like are single atoms; skip the escape's body.
      const body = /^\\(?:u\{[0-9a-fA-F]+\}|[pP]\{[^}]*\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|.)/.exec(source.slice(i, i + 24));
      i += (body ? body[0].length : 2) - 1;
      last = { risky: false };
      continue;
    }
    if (c === '[') {
      // A character class is one atom; `]` right after `[` or `[^` is literal.
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      for (; j < source.length && source[j] !== ']'; j++) if (source[j] === '\\') j++;
      i = j;
      last = { risky: false };
      continue;
    }
    if (c === '(') {
      stack.push({ risky: false, start: i });
      // Skip the group's prefix (?:, (?=, (?<name>, ...).
      const prefix = /^\(\?(?:[:=!]|<[=!]|<[^>]*>)/.exec(source.slice(i, i + 64));
      if (prefix) i += prefix[0].length - 1;
      last = null;
      continue;
    }
    if (c === ')') {
      const group = stack.length > 1 ? stack.pop()! : { risky: false, start: 0 };
      last = { risky: group.risky };
      // A group is as risky for its parent as what it contains.
      if (group.risky) stack[stack.length - 1].risky = true;
      continue;
    }
    if (c === '|') {
      stack[stack.length - 1].risky = true;
      last = null;
      continue;
    }
    const quantifier = /^(?:[*+?]|\{(\d+)(,(\d*))?\})/.exec(source.slice(i, i + 24));
    if (quantifier && last) {
      const [q, , comma, max] = quantifier;
      const repeats = q === '*' || q === '+' || (comma !== undefined && (max === '' || Number(max) > 1));
      if (repeats && last.risky) {
        return { safe: false, reason: 'a repeated group contains another repeat or an alternation, which can make matching take exponential time' };
      }
      // Any non-fixed quantifier makes the enclosing group risky if that group is repeated.
      if (q === '*' || q === '+' || q === '?' || comma !== undefined) stack[stack.length - 1].risky = true;
      i += q.length - 1;
      if (source[i + 1] === '?') i++; // lazy
      last = null;
      continue;
    }
    last = { risky: false };
  }
  return { safe: true };
};

/**
 * The same pattern with every bounded repeat `{m,n}` (n > m) and `{m,}` relaxed to `*` or `+`.
 * V8 runs a bounded repeat as a loop with a counter, so its backtracking paths are a subset of
 * those of the unbounded loop: when the relaxed pattern is safe, the original is too. The
 * automaton checker expands bounded repeats state by state, which makes patterns like
 * `[A-Za-z0-9+/]{20,2048}` slow to check; relaxed, they take milliseconds.
 */
export function relaxRepeats(source: string): string {
  return rewriteSource(source, (i) => {
    const m = source[i] === '{' ? /^\{(\d+),(\d*)\}/.exec(source.slice(i, i + 24)) : null;
    return m && (m[2] === '' || Number(m[2]) > Number(m[1])) ? { text: Number(m[1]) === 0 ? '*' : '+', length: m[0].length } : undefined;
  });
}

/**
 * A pattern's source rebuilt with `rewrite` applied at each position outside escapes and
 * character classes: it returns a replacement and how many characters it stands for, or
 * undefined to keep the character.
 */
export function rewriteSource(source: string, rewrite: (i: number) => { text: string; length: number } | undefined): string {
  let out = '';
  let copied = 0;
  forEachOutsideClasses(source, (i) => {
    const r = rewrite(i);
    if (!r) return 1;
    out += source.slice(copied, i) + r.text;
    copied = i + r.length;
    return r.length;
  });
  return out + source.slice(copied);
}

/**
 * Calls `visit` at each position of a pattern's source that is outside escapes and character
 * classes, in order; it returns how many characters it took there (1 to go on with the next).
 */
function forEachOutsideClasses(source: string, visit: (i: number) => number): void {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else i += visit(i) - 1;
  }
}
