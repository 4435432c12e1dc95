// Simple commands as the transport rules want them: wrappers such as `sudo` and `env` peeled off,
// and the scripts inside `sh -c "..."` and `$(...)` tokenized too, each word with a function that
// maps a slice of its value back to the analysed text.
import type { CommandHit } from '../../rule';
import type { TextRange } from '../../types';
import { programName, tokenizeShell, wordSubRange } from '../../shell/tokenize';
import type { ShellWord } from '../../shell/tokenize';

export interface Word {
  value: string;
  /** Source range of value[from, to) (the whole word, quotes included, when omitted). A method: call it on the word. */
  range(from?: number, to?: number): TextRange;
}

export interface SimpleCommand {
  /** Program name without its directory, lowercased (`/usr/bin/curl` → `curl`); '' when there is none. */
  program: string;
  /** The program word as written, when there is one. */
  programWord?: Word;
  /** Words after the program name. */
  args: Word[];
  /** `NAME=value` words before the program, and those given to `env`. */
  assignments: Word[];
}

/** Commands that run the rest of their argv as another command (`CMD` starts Docker healthcheck arrays). */
const WRAPPERS = new Set(['cmd', 'sudo', 'doas', 'env', 'nohup', 'time', 'exec', 'command', 'builtin', 'nice', 'timeout', 'stdbuf', 'xargs']);
/** Wrapper options that take the next word as their argument. */
const WRAPPER_OPTION_ARGS = new Set(['-u', '-g', '-n', '-C', '-h', '-p', '-s', '-k', '-I', '-L', '-P', '-o', '-i', '-e']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash', 'ksh']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]{0,127}=/;
/** Nesting limit for `sh -c` and `$(...)`: deeper scripts are rare and not worth the work. */
const MAX_DEPTH = 3;

/**
 * Commands of the last hit, built once: two rules read every hit, and neither changes them. The
 * engine gives a hit to every rule before the next, so one entry is enough (a WeakMap entry per
 * hit is more work for the garbage collector). The last hit, and its file, stay referenced
 * until the next analysis with commands.
 */
let lastHit: CommandHit | undefined;
let lastCommands: SimpleCommand[] = [];

export function simpleCommands(hit: CommandHit): SimpleCommand[] {
  if (hit !== lastHit) {
    lastCommands = buildSimpleCommands(hit);
    lastHit = hit;
  }
  return lastCommands;
}

function buildSimpleCommands(hit: CommandHit): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  const assignments = hit.command.assignments.map((w) => new HitWord(w, hit));
  const argv = hit.command.argv.map((w) => new HitWord(w, hit));
  collect(assignments, argv, 0, out);
  return out;
}

// Words are classes rather than objects holding a `range` closure: commands are built for every
// script line, and a prototype method allocates nothing per word.

/** A word of the hit's own command: its ranges come from the hit. */
class HitWord implements Word {
  readonly value: string;
  constructor(
    private readonly word: ShellWord,
    private readonly hit: CommandHit,
  ) {
    this.value = word.value;
  }
  range(from?: number, to?: number): TextRange {
    return from === undefined ? this.hit.rangeOf(this.word) : this.hit.rangeOf(this.word, from, to);
  }
}

/** A word of a script nested in `outer`'s value at [from, ...): its ranges go through the outer word. */
class NestedWord implements Word {
  readonly value: string;
  constructor(
    private readonly word: ShellWord,
    private readonly script: string,
    private readonly outer: Word,
    private readonly from: number,
  ) {
    this.value = word.value;
  }
  range(a?: number, b?: number): TextRange {
    const w = this.word;
    const r = a === undefined ? { start: w.start, end: w.end } : wordSubRange(this.script, w, a, b ?? w.value.length);
    return this.outer.range(this.from + r.start, this.from + r.end);
  }
}

/** `own`: the command's assignments, in a new array of the caller's that `env` adds its assignments to. */
function collect(own: Word[], argv: Word[], depth: number, out: SimpleCommand[]): void {
  let i = 0;
  let program = argv.length > 0 ? basename(argv[0].value) : '';
  // Peel wrappers: `sudo -u x env A=1 curl ...` runs curl.
  while (i < argv.length && WRAPPERS.has(program)) {
    i = skipWrapperOptions(program, argv, i + 1, own);
    program = i < argv.length ? basename(argv[i].value) : '';
  }
  const args = argv.slice(i + 1);
  out.push({ program, programWord: argv[i], args, assignments: own });
  if (depth >= MAX_DEPTH) return;

  // `sh -c "script"`, `bash -ec 'script'`: the script is one word; tokenize it as well.
  if (SHELLS.has(program)) {
    const c = args.findIndex((a) => /^-[a-z]{1,10}$/.test(a.value) && a.value.includes('c'));
    if (c >= 0 && c + 1 < args.length) nested(args[c + 1], 0, args[c + 1].value.length, depth, out);
  }
  // Command substitutions anywhere in the words: `X=$(curl -k ...)`, `"$(wget ...)"`.
  for (const word of own) nestedSubstitutions(word, depth, out);
  for (const word of argv) nestedSubstitutions(word, depth, out);
}

function nestedSubstitutions(word: Word, depth: number, out: SimpleCommand[]): void {
  for (const [from, to] of substitutions(word.value)) nested(word, from, to, depth, out);
}

/** Index of the wrapped program after a wrapper's own words (`sudo -u x`, `timeout 10`, `env A=1`, `cmd /c`). */
function skipWrapperOptions(wrapper: string, argv: Word[], i: number, assignments: Word[]): number {
  while (i < argv.length) {
    const v = argv[i].value;
    if (wrapper === 'env' && ASSIGNMENT.test(v)) assignments.push(argv[i]);
    else if (v.startsWith('-') && v.length > 1) {
      if (wrapper !== 'env' && WRAPPER_OPTION_ARGS.has(v)) i++;
    } else if (!(wrapper === 'cmd' && /^\/[a-z]$/i.test(v)) && !(wrapper === 'timeout' && /^\d/.test(v))) break;
    i++;
  }
  return i;
}

/** Tokenizes value[from, to) of `word` as a script and collects its commands. */
function nested(word: Word, from: number, to: number, depth: number, out: SimpleCommand[]): void {
  const script = word.value.slice(from, to);
  for (const command of tokenizeShell(script)) {
    const inner = (w: ShellWord): Word => new NestedWord(w, script, word, from);
    collect(command.assignments.map(inner), command.argv.map(inner), depth + 1, out);
  }
}

/** [from, to) of the bodies of `$(...)` and backtick substitutions in a word's value. */
export function substitutions(value: string): [number, number][] {
  const out: [number, number][] = [];
  if (!value.includes('$(') && !value.includes('`')) return out;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '$' && value[i + 1] === '(' && value[i + 2] !== '(') {
      let depth = 1;
      let j = i + 2;
      while (j < value.length && depth > 0) {
        if (value[j] === '(') depth++;
        else if (value[j] === ')') depth--;
        j++;
      }
      if (depth === 0) out.push([i + 2, j - 1]);
      i = j - 1;
    } else if (value[i] === '`') {
      const close = value.indexOf('`', i + 1);
      if (close < 0) break;
      out.push([i + 1, close]);
      i = close;
    }
  }
  return out;
}

export function basename(program: string): string {
  return programName(program).toLowerCase();
}

/** The value after `=` of a `--flag=value` or `NAME=value` word, with its offset, or undefined. */
export function valueAfterEquals(word: Word): { value: string; from: number } | undefined {
  const eq = word.value.indexOf('=');
  if (eq < 0) return undefined;
  return { value: word.value.slice(eq + 1), from: eq + 1 };
}
