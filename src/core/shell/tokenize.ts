// A POSIX-shell-ish command tokenizer that keeps exact offsets into the script text.
//
// It is a hand-written, single-pass character scanner: every loop advances, nested constructs
// (`$(...)`, `${...}`, backticks, quotes inside them) use an explicit stack instead of recursion,
// so it runs in linear time, cannot overflow the call stack and never throws on any input.
import { table } from '../table';

export interface ShellWord {
  /** The word after quote removal and escape processing (what the program receives). `$(...)`, `${...}`, `$VAR` are kept literally as written. */
  value: string;
  /** Offsets [start, end) of the whole word in the script text, quotes included. */
  start: number;
  end: number;
}

export interface ShellCommand {
  /** Leading `NAME=value` assignments (e.g. `NODE_TLS_REJECT_UNAUTHORIZED=0 node x.js`), each as a word. */
  assignments: ShellWord[];
  /** argv: program name first. Empty when the command is only assignments (e.g. `export` is a normal program name: `export A=1` gives argv ['export','A=1']). */
  argv: ShellWord[];
  /** Offsets [start, end) from the first word (assignment or argv) to the end of the last one; redirections are not included. */
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------------------------
// Value collection

/** Accumulates a word's value and, optionally, the script range each value unit came from. */
class Collector {
  value = '';
  readonly starts: number[] | null;
  readonly ends: number[] | null;

  constructor(withMap: boolean) {
    this.starts = withMap ? [] : null;
    this.ends = withMap ? [] : null;
  }

  /** Appends `text` (all of whose units come from script[start, end)). */
  push(text: string, start: number, end: number): void {
    this.value += text;
    if (this.starts && this.ends) {
      for (let k = 0; k < text.length; k++) {
        this.starts.push(start);
        this.ends.push(end);
      }
    }
  }

  /** Appends script[a, b) as written, one unit per script unit. */
  verbatim(s: string, a: number, b: number): void {
    if (b <= a) return;
    this.value += s.slice(a, b);
    if (this.starts && this.ends) {
      for (let k = a; k < b; k++) {
        this.starts.push(k);
        this.ends.push(k + 1);
      }
    }
  }
}

/** One value-only collector reused for every word (readWord is not re-entrant). */
const SCRATCH = new Collector(false);
function scratch(): Collector {
  SCRATCH.value = '';
  return SCRATCH;
}

// ---------------------------------------------------------------------------------------------
// Character classes and small scanners

// Character classes for the ASCII range (everything else is PLAIN).
const PLAIN = 0;
const BREAK = 1;
const SPECIAL = 2;
const CLASS = new Uint8Array(128);
for (const c of ' \t\r\n;&|()<>') CLASS[c.charCodeAt(0)] = BREAK;
for (const c of '\\\'"$`') CLASS[c.charCodeAt(0)] = SPECIAL;

/** Index of the first character at or after `i` that is not PLAIN (or `s.length`). */
function plainRunEnd(s: string, i: number): number {
  const n = s.length;
  while (i < n) {
    const code = s.charCodeAt(i);
    if (code < 128 && CLASS[code] !== PLAIN) return i;
    i++;
  }
  return n;
}

/** Characters that end an unquoted word. */
function isWordBreak(c: string): boolean {
  switch (c) {
    case ' ':
    case '\t':
    case '\r':
    case '\n':
    case ';':
    case '&':
    case '|':
    case '(':
    case ')':
    case '<':
    case '>':
      return true;
    default:
      return false;
  }
}

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';
}

function isNameStart(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_');
}

function isNameChar(c: string | undefined): boolean {
  return isNameStart(c) || (c !== undefined && c >= '0' && c <= '9');
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Length of a line continuation (backslash-newline or backslash-CRLF) at `i`, else 0. */
function continuationLength(s: string, i: number): number {
  if (s[i] !== '\\') return 0;
  if (s[i + 1] === '\n') return 2;
  if (s[i + 1] === '\r' && s[i + 2] === '\n') return 3;
  return 0;
}

/** True when script[start, eq) is `NAME`, `NAME+` or `NAME[...]`/`NAME[...]+` and script[eq] is '='. */
function isAssignmentAt(s: string, start: number, end: number): boolean {
  let j = start;
  if (!isNameStart(s[j])) return false;
  j++;
  while (j < end && isNameChar(s[j])) j++;
  if (j < end && s[j] === '[') {
    j++;
    while (j < end && s[j] !== ']') j++;
    if (j >= end) return false;
    j++;
  }
  if (j < end && s[j] === '+') j++;
  return j < end && s[j] === '=';
}

// Frames of the nesting stack used to skip `$(...)`, `${...}`, backticks and the quotes inside.
const PAREN = 0;
const BRACE = 1;
const DQUOTE = 2;
const BACKTICK = 3;

/** Skips a `$'...'` body starting after the opening quote; returns the index after the closing quote. */
function skipAnsiC(s: string, i: number): number {
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === '\\') i += 2;
    else if (c === "'") return i + 1;
    else i++;
  }
  return n;
}

/**
 * Skips nested shell text until `stack` is empty (the opener(s) already consumed); returns the
 * index just after the last closer, or the end of input when unterminated.
 */
function skipNested(s: string, i: number, stack: number[]): number {
  const n = s.length;
  while (i < n && stack.length > 0) {
    const top = stack[stack.length - 1];
    const c = s[i];
    if (top === BACKTICK) {
      if (c === '\\') i += 2;
      else {
        if (c === '`') stack.pop();
        i++;
      }
      continue;
    }
    if (top === DQUOTE) {
      if (c === '\\') i += 2;
      else if (c === '"') {
        stack.pop();
        i++;
      } else if (c === '`') {
        stack.push(BACKTICK);
        i++;
      } else if (c === '$' && s[i + 1] === '(') {
        stack.push(PAREN);
        i += 2;
      } else if (c === '$' && s[i + 1] === '{') {
        stack.push(BRACE);
        i += 2;
      } else i++;
      continue;
    }
    // PAREN or BRACE: shell text.
    if (c === '\\') i += 2;
    else if (c === "'") {
      const j = s.indexOf("'", i + 1);
      i = j < 0 ? n : j + 1;
    } else if (c === '"') {
      stack.push(DQUOTE);
      i++;
    } else if (c === '`') {
      stack.push(BACKTICK);
      i++;
    } else if (c === '$' && s[i + 1] === "'") {
      i = skipAnsiC(s, i + 2);
    } else if (c === '$' && s[i + 1] === '(') {
      stack.push(PAREN);
      i += 2;
    } else if (c === '$' && s[i + 1] === '{') {
      stack.push(BRACE);
      i += 2;
    } else if (c === '(' && top === PAREN) {
      stack.push(PAREN);
      i++;
    } else if (c === ')' && top === PAREN) {
      stack.pop();
      i++;
    } else if (c === '{' && top === BRACE) {
      stack.push(BRACE);
      i++;
    } else if (c === '}' && top === BRACE) {
      stack.pop();
      i++;
    } else i++;
  }
  return i > n ? n : i;
}

/** Skips a GitHub Actions expression body (after `${{`); returns the index after `}}`. */
function skipGithubExpression(s: string, i: number): number {
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === "'") {
      const j = s.indexOf("'", i + 1);
      i = j < 0 ? n : j + 1;
    } else if (c === '}' && s[i + 1] === '}') {
      return i + 2;
    } else i++;
  }
  return n;
}

const ANSI_SIMPLE = table<string>({
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
});

function hexValue(c: string | undefined): number {
  if (c === undefined) return -1;
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'a' && c <= 'f') return c.charCodeAt(0) - 87;
  if (c >= 'A' && c <= 'F') return c.charCodeAt(0) - 55;
  return -1;
}

/** Reads a `$'...'` body starting after the opening quote; returns the index after the closing quote. */
function readAnsiC(s: string, i: number, col: Collector): number {
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === "'") return i + 1;
    if (c !== '\\') {
      col.push(c, i, i + 1);
      i++;
      continue;
    }
    if (i + 1 >= n) {
      col.push('\\', i, i + 1);
      return n;
    }
    const e = s[i + 1];
    const simple = ANSI_SIMPLE[e] as string | undefined;
    if (simple !== undefined) {
      col.push(simple, i, i + 2);
      i += 2;
      continue;
    }
    if (e >= '0' && e <= '7') {
      let j = i + 1;
      let code = 0;
      while (j < n && j < i + 4 && s[j] >= '0' && s[j] <= '7') code = code * 8 + (s.charCodeAt(j++) - 48);
      col.push(String.fromCharCode(code & 0xff), i, j);
      i = j;
      continue;
    }
    if (e === 'x' || e === 'u' || e === 'U') {
      const max = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      let j = i + 2;
      let code = 0;
      while (j < n && j < i + 2 + max && hexValue(s[j]) >= 0) code = code * 16 + hexValue(s[j++]);
      if (j === i + 2) {
        col.push('\\' + e, i, i + 2); // no digits: kept as written
      } else {
        col.push(code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd', i, j);
      }
      i = j;
      continue;
    }
    if (e === 'c' && i + 2 < n) {
      col.push(String.fromCharCode(s.charCodeAt(i + 2) & 0x1f), i, i + 3);
      i += 3;
      continue;
    }
    // Unknown escape: the backslash stays, the next character is read normally.
    col.push('\\', i, i + 1);
    i++;
  }
  return n;
}

/** Reads a double-quoted body starting after the opening quote; returns the index after the closing quote. */
function readDoubleQuoted(s: string, i: number, col: Collector): number {
  const n = s.length;
  while (i < n) {
    const c = s[i];
    if (c === '"') return i + 1;
    if (c === '\\') {
      const k = continuationLength(s, i);
      if (k) {
        i += k;
        continue;
      }
      const e = s[i + 1];
      if (e === '$' || e === '`' || e === '"' || e === '\\') {
        col.push(e, i, i + 2);
        i += 2;
        continue;
      }
      col.push('\\', i, i + 1);
      i++;
      continue;
    }
    if (c === '$') {
      i = readDollar(s, i, col, true);
      continue;
    }
    if (c === '`') {
      const end = skipNested(s, i + 1, [BACKTICK]);
      col.verbatim(s, i, end);
      i = end;
      continue;
    }
    col.push(c, i, i + 1);
    i++;
  }
  return n;
}

/** Reads what starts with the `$` at `i`; returns the index after it. */
function readDollar(s: string, i: number, col: Collector, inDoubleQuotes: boolean): number {
  const next = s[i + 1];
  if (!inDoubleQuotes && next === "'") return readAnsiC(s, i + 2, col);
  if (!inDoubleQuotes && next === '"') return readDoubleQuoted(s, i + 2, col);
  let end: number;
  if (next === '{' && s[i + 2] === '{') end = skipGithubExpression(s, i + 3);
  else if (next === '{') end = skipNested(s, i + 2, [BRACE]);
  else if (next === '(') end = skipNested(s, i + 2, [PAREN]);
  else end = i + 1;
  col.verbatim(s, i, end);
  return end;
}

/**
 * Reads one word starting at `start` (which must not be a blank or, except for `<(`/`>(`, an
 * operator character); returns the index after it.
 */
function readWord(s: string, start: number, col: Collector): number {
  const n = s.length;
  let i = start;
  // Process substitution `<(...)` / `>(...)` is a word of its own.
  if ((s[i] === '<' || s[i] === '>') && s[i + 1] === '(') {
    i = skipNested(s, i + 2, [PAREN]);
    col.verbatim(s, start, i);
  }
  while (i < n) {
    const c = s[i];
    if (isWordBreak(c)) {
      // Array assignment `NAME=(a b c)`.
      if (c === '(' && i > start && s[i - 1] === '=' && isAssignmentAt(s, start, i)) {
        const end = skipNested(s, i + 1, [PAREN]);
        col.verbatim(s, i, end);
        i = end;
        continue;
      }
      break;
    }
    if (c !== '\\' && c !== "'" && c !== '"' && c !== '$' && c !== '`') {
      const end = plainRunEnd(s, i + 1);
      col.verbatim(s, i, end);
      i = end;
    } else if (c === '\\') {
      const k = continuationLength(s, i);
      if (k) {
        i += k;
      } else if (i + 1 >= n) {
        col.push('\\', i, i + 1);
        i++;
      } else {
        col.push(s[i + 1], i, i + 2);
        i += 2;
      }
    } else if (c === "'") {
      const j = s.indexOf("'", i + 1);
      const close = j < 0 ? n : j;
      col.verbatim(s, i + 1, close);
      i = j < 0 ? n : j + 1;
    } else if (c === '"') {
      i = readDoubleQuoted(s, i + 1, col);
    } else if (c === '$') {
      i = readDollar(s, i, col, false);
    } else if (c === '`') {
      const end = skipNested(s, i + 1, [BACKTICK]);
      col.verbatim(s, i, end);
      i = end;
    }
  }
  return i;
}

// ---------------------------------------------------------------------------------------------
// Command splitting

const NORMAL = 0;
/** After `for`/`select`: the loop header words up to the next separator are dropped. */
const FOR_HEADER = 1;
/** After `case`: words up to `in` are dropped. */
const CASE_HEADER = 2;
/** Expecting a case pattern list `a|b)` (or `esac`). */
const CASE_PATTERN = 3;
/** After `function`: the function name is dropped. */
const FUNC_NAME = 4;

/** Reserved words skipped at command position (the rest are handled specially). */
const SKIPPED_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'fi', 'while', 'until', 'do', 'done', 'in', '!', '{', '}']);

class Tokenizer {
  readonly commands: ShellCommand[] = [];
  private cur: ShellCommand | null = null;
  private mode = NORMAL;
  private caseDepth = 0;
  private heredocs: { delim: string; strip: boolean }[] = [];
  private i = 0;

  constructor(private readonly s: string) {}

  run(): void {
    const s = this.s;
    const n = s.length;
    while (this.i < n) {
      const i = this.i;
      const c = s[i];
      if (isBlank(c)) {
        this.i = i + 1;
        continue;
      }
      if (c === '\\') {
        const k = continuationLength(s, i);
        if (k) {
          this.i = i + k;
          continue;
        }
      }
      if (c === '\n') {
        this.separator();
        this.i = i + 1;
        if (this.heredocs.length > 0) this.skipHeredocBodies();
        continue;
      }
      if (c === '#') {
        const j = s.indexOf('\n', i);
        this.i = j < 0 ? n : j;
        continue;
      }
      if (c === ';') {
        this.separator();
        if (s[i + 1] === ';' || s[i + 1] === '&') {
          // `;;`, `;&`, `;;&` end a case item.
          this.i = i + (s[i + 1] === ';' && s[i + 2] === '&' ? 3 : 2);
          if (this.caseDepth > 0) this.mode = CASE_PATTERN;
        } else this.i = i + 1;
        continue;
      }
      if (this.mode === CASE_PATTERN) {
        this.readCasePattern();
        continue;
      }
      if (c === '&') {
        if (s[i + 1] === '>') {
          // `&>file`, `&>>file`
          this.i = i + (s[i + 2] === '>' ? 3 : 2);
          this.readRedirectionTarget();
          continue;
        }
        this.separator();
        this.i = i + (s[i + 1] === '&' ? 2 : 1);
        continue;
      }
      if (c === '|') {
        this.separator();
        this.i = i + (s[i + 1] === '|' || s[i + 1] === '&' ? 2 : 1);
        continue;
      }
      if (c === '(') {
        if (this.cur === null && s[i + 1] === '(') {
          // Arithmetic command `(( ... ))` (also the `for (( ...; ...; ... ))` header).
          this.i = skipNested(s, i + 2, [PAREN, PAREN]);
          continue;
        }
        if (this.cur !== null && this.cur.assignments.length === 0 && this.cur.argv.length === 1) {
          // Function definition `name() { ... }`: the name is not a command.
          let j = i + 1;
          while (j < n && isBlank(s[j])) j++;
          if (s[j] === ')') {
            this.cur = null;
            this.i = j + 1;
            continue;
          }
        }
        this.separator();
        this.i = i + 1;
        continue;
      }
      if (c === ')') {
        this.separator();
        this.i = i + 1;
        continue;
      }
      if ((c === '<' || c === '>') && s[i + 1] !== '(') {
        this.readRedirection(i);
        continue;
      }
      if (isDigit(c)) {
        // `2>&1`, `0<file`: a file descriptor number right before the operator.
        let j = i + 1;
        while (j < n && isDigit(s[j])) j++;
        if ((s[j] === '<' || s[j] === '>') && s[j + 1] !== '(') {
          this.readRedirection(j);
          continue;
        }
      }
      this.readCommandWord();
    }
    this.separator();
  }

  private separator(): void {
    if (this.cur !== null) {
      this.commands.push(this.cur);
      this.cur = null;
    }
    if (this.mode === FOR_HEADER || this.mode === FUNC_NAME) this.mode = NORMAL;
  }

  private readCommandWord(): void {
    const s = this.s;
    const start = this.i;
    const col = scratch();
    const end = readWord(s, start, col);
    if (end <= start) {
      // Cannot happen for a valid word start; keeps the scanner moving regardless.
      this.i = start + 1;
      return;
    }
    this.i = end;
    switch (this.mode) {
      case FOR_HEADER:
        return;
      case CASE_HEADER:
        if (end - start === 2 && s.startsWith('in', start)) this.mode = CASE_PATTERN;
        return;
      case FUNC_NAME:
        this.mode = NORMAL;
        return;
    }
    const word: ShellWord = { value: col.value, start, end };
    if (this.cur === null && end - start <= 8) {
      const raw = s.slice(start, end);
      if (SKIPPED_KEYWORDS.has(raw)) return;
      switch (raw) {
        case 'for':
        case 'select':
          this.mode = FOR_HEADER;
          return;
        case 'case':
          this.mode = CASE_HEADER;
          this.caseDepth++;
          return;
        case 'esac':
          if (this.caseDepth > 0) this.caseDepth--;
          return;
        case 'function':
          this.mode = FUNC_NAME;
          return;
      }
    }
    if (this.cur === null) this.cur = { assignments: [], argv: [], start, end };
    const cmd = this.cur;
    cmd.end = end;
    if (cmd.argv.length === 0 && isAssignmentAt(s, start, end)) cmd.assignments.push(word);
    else cmd.argv.push(word);
  }

  /** Skips the redirection operator at `op` (any fd number before it already passed) and its target. */
  private readRedirection(op: number): void {
    const s = this.s;
    if (s[op] === '<') {
      if (s[op + 1] === '<') {
        if (s[op + 2] === '<') {
          // Here-string `<<< word`.
          this.i = op + 3;
          this.readRedirectionTarget();
          return;
        }
        const strip = s[op + 2] === '-';
        this.i = op + (strip ? 3 : 2);
        const delim = this.readRedirectionTarget();
        if (delim !== null) this.heredocs.push({ delim, strip });
        return;
      }
      // `<`, `<>`, `<&`
      this.i = op + (s[op + 1] === '>' || s[op + 1] === '&' ? 2 : 1);
    } else {
      // `>`, `>>`, `>&`, `>|`
      this.i = op + (s[op + 1] === '>' || s[op + 1] === '&' || s[op + 1] === '|' ? 2 : 1);
    }
    this.readRedirectionTarget();
  }

  /** Skips blanks and the word after a redirection operator; returns its value, or null when there is none. */
  private readRedirectionTarget(): string | null {
    const s = this.s;
    const n = s.length;
    let i = this.i;
    for (;;) {
      if (i < n && isBlank(s[i])) i++;
      else {
        const k = continuationLength(s, i);
        if (!k) break;
        i += k;
      }
    }
    this.i = i;
    if (i >= n) return null;
    const c = s[i];
    if (isWordBreak(c) && !((c === '<' || c === '>') && s[i + 1] === '(')) return null;
    const col = scratch();
    const end = readWord(s, i, col);
    this.i = end > i ? end : i + 1;
    return col.value;
  }

  /** Called just after the newline that ends a line with heredoc redirections: skips their bodies. */
  private skipHeredocBodies(): void {
    const s = this.s;
    const n = s.length;
    for (const h of this.heredocs) {
      while (this.i < n) {
        const lineStart = this.i;
        const nl = s.indexOf('\n', lineStart);
        const lineEnd = nl < 0 ? n : nl;
        this.i = nl < 0 ? n : nl + 1;
        let a = lineStart;
        let b = lineEnd;
        if (b > a && s[b - 1] === '\r') b--;
        if (h.strip) while (a < b && s[a] === '\t') a++;
        if (b - a === h.delim.length && s.startsWith(h.delim, a)) break;
      }
    }
    this.heredocs = [];
  }

  /** In a `case`, at a pattern list (`a|b)`, `(a)`) or `esac`: skips the patterns. */
  private readCasePattern(): void {
    const s = this.s;
    const n = s.length;
    let i = this.i;
    this.mode = NORMAL;
    if (s.startsWith('esac', i) && (i + 4 >= n || isWordBreak(s[i + 4]))) {
      this.i = i + 4;
      if (this.caseDepth > 0) this.caseDepth--;
      return;
    }
    while (i < n) {
      const c = s[i];
      if (c === ')') {
        i++;
        break;
      }
      const k = continuationLength(s, i);
      if (k) {
        i += k;
        continue;
      }
      if (isWordBreak(c) || isBlank(c)) {
        // Blanks, `|` between patterns, the optional leading `(`, stray operators.
        i++;
        continue;
      }
      const end = readWord(s, i, scratch());
      i = end > i ? end : i + 1;
    }
    this.i = i;
  }
}

/**
 * The program a command word names, without its directory (`/usr/bin/curl` → `curl`). Cut at the
 * last `/`, not by a pattern: `^.*\/` backtracks over every word of every script.
 */
export function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/**
 * Splits a shell script into simple commands, with each word's value (quotes removed, escapes
 * processed, expansions kept as written) and exact offsets into `script`. Never throws.
 */
export function tokenizeShell(script: string): readonly ShellCommand[] {
  if (typeof script !== 'string' || script.length === 0) return [];
  const known = recent.get(script);
  if (known) return known;
  const t = new Tokenizer(script);
  try {
    t.run();
  } catch {
    // Defensive only: keep whatever was found.
  }
  if (script.length <= MAX_REMEMBERED) {
    recentLength += script.length;
    if (recentLength > MAX_REMEMBERED_TOTAL) {
      recent.clear();
      recentLength = script.length;
    }
    recent.set(script, t.commands);
  }
  return t.commands;
}

/**
 * The commands of recently tokenized scripts: the engine's command walk and several rules (job
 * permissions, PR-head checkout, TLS flags) each read every `run:` block of a workflow, and a
 * keystroke re-analyses the same scripts. Callers never change the result (it is typed readonly).
 * Bounded by the scripts' total length, so memory stays small whatever is scanned.
 */
const recent = new Map<string, readonly ShellCommand[]>();
const MAX_REMEMBERED = 16 * 1024;
const MAX_REMEMBERED_TOTAL = 1024 * 1024;
let recentLength = 0;

/**
 * Offsets of every character of a word's value back to the script, for sub-ranges (e.g. the URL
 * inside `--url=http://x`). Returns [start,end) in the script for value slice [from,to).
 */
export function wordSubRange(script: string, word: ShellWord, from: number, to: number): { start: number; end: number } {
  try {
    const col = new Collector(true);
    readWord(script, word.start, col);
    const starts = col.starts as number[];
    const ends = col.ends as number[];
    const len = starts.length;
    let a = Math.max(0, Math.min(Math.trunc(from) || 0, len));
    let b = Math.max(0, Math.min(Math.trunc(to) || 0, len));
    if (b < a) [a, b] = [b, a];
    if (a === b) {
      const pos = a < len ? starts[a] : word.end;
      return { start: pos, end: pos };
    }
    return { start: starts[a], end: ends[b - 1] };
  } catch {
    return { start: word.start, end: word.end };
  }
}
