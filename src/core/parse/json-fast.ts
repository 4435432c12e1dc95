// A reader for plain JSON: no comments, no errors (trailing commas, which json.ts allows, are read). Most JSON files in a
// workspace are exactly that (package manifests, lockfiles, schemas, message catalogs), and
// jsonc-parser, which reads everything else, spends most of its time on what plain JSON does not
// need: a token object per piece of whitespace (built one character at a time), a path copy
// closure per value, recovery bookkeeping. This reader builds the same model json.ts builds from
// jsonc-parser's events (same nodes, values, types, styles and ranges) and gives up, returning
// undefined, at the first thing that is not plain JSON; json.ts then reads the text with
// jsonc-parser as before. The two agree on every input this reader accepts (json-fast.test.ts).
//
// Callers bound nesting first (limits.ts): the recursion here is one call per level.
import type { MapNode, Node, Pair, ScalarNode, SeqNode } from './model';

/** Thrown (once per read at most) to give up; caught in readPlainJson. */
const GIVE_UP = Symbol('not plain JSON');

/**
 * The root of `text` when it is plain JSON (null when it holds only whitespace, as jsonc-parser
 * reads empty content), else undefined.
 */
export function readPlainJson(text: string): Node | null | undefined {
  const reader = new PlainJsonReader(text);
  try {
    reader.skipWhitespace();
    if (reader.at === text.length) return null;
    const root = reader.value();
    reader.skipWhitespace();
    return reader.at === text.length ? root : undefined;
  } catch (error) {
    if (error === GIVE_UP) return undefined;
    throw error;
  }
}

class PlainJsonReader {
  at = 0;

  constructor(private readonly text: string) {}

  /** jsonc-parser's whitespace and line breaks; anything else between tokens is not plain JSON. */
  skipWhitespace(): void {
    const text = this.text;
    let at = this.at;
    for (let c = text.charCodeAt(at); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++at));
    this.at = at;
  }

  value(): Node {
    const c = this.text.charCodeAt(this.at);
    if (c === 0x7b) return this.map();
    if (c === 0x5b) return this.seq();
    if (c === 0x22) {
      const start = this.at;
      const value = this.string();
      return { kind: 'scalar', value, type: 'string', style: 'double', start, end: this.at, parent: undefined };
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) return this.number();
    return this.word();
  }

  private map(): MapNode {
    const text = this.text;
    const node: MapNode = { kind: 'map', pairs: [], start: this.at, end: this.at - 1, parent: undefined };
    if (!this.stepsToClosing(0x7d)) {
      do {
        if (text.charCodeAt(this.at) !== 0x22) throw GIVE_UP;
        const start = this.at;
        const name = this.string();
        const key: ScalarNode = { kind: 'scalar', value: name, type: 'string', style: 'double', start, end: this.at, parent: undefined };
        const pair: Pair = { key, value: null, start, end: start - 1, parent: undefined };
        this.skipWhitespace();
        if (text.charCodeAt(this.at) !== 0x3a) throw GIVE_UP;
        this.at++;
        this.skipWhitespace();
        const value = this.value();
        pair.value = value;
        pair.end = value.end;
        node.pairs.push(pair);
      } while (!this.closesAfterItem(0x7d));
    }
    node.end = ++this.at;
    return node;
  }

  private seq(): SeqNode {
    const node: SeqNode = { kind: 'seq', items: [], start: this.at, end: this.at - 1, parent: undefined };
    if (!this.stepsToClosing(0x5d)) {
      do node.items.push(this.value());
      while (!this.closesAfterItem(0x5d));
    }
    node.end = ++this.at;
    return node;
  }

  /**
   * Steps past the opening bracket or comma at `at` and the whitespace after it: true when the
   * closing bracket follows (an empty collection, or a trailing comma, which json.ts lets
   * jsonc-parser allow and which leaves no mark in the model).
   */
  private stepsToClosing(closing: number): boolean {
    this.at++;
    this.skipWhitespace();
    return this.text.charCodeAt(this.at) === closing;
  }

  /** After an item: true at the closing bracket; after a comma, whether the closing bracket follows it. */
  private closesAfterItem(closing: number): boolean {
    this.skipWhitespace();
    const next = this.text.charCodeAt(this.at);
    if (next === closing) return true;
    if (next !== 0x2c) throw GIVE_UP;
    return this.stepsToClosing(closing);
  }

  /** A string from its opening quote; `at` ends after the closing one. */
  private string(): string {
    const text = this.text;
    const n = text.length;
    let from = this.at + 1;
    let out = '';
    for (let i = from; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        this.at = i + 1;
        return out + text.slice(from, i);
      }
      // Control characters and line breaks are errors to jsonc-parser.
      if (c < 0x20) throw GIVE_UP;
      if (c !== 0x5c) continue;
      out += text.slice(from, i) + this.escape(i);
      i += text.charCodeAt(i + 1) === 0x75 ? 5 : 1;
      from = i + 1;
    }
    throw GIVE_UP; // unterminated
  }

  /** The character the escape at `i` (a backslash) stands for. */
  private escape(i: number): string {
    const c = this.text.charCodeAt(i + 1);
    switch (c) {
      case 0x22:
        return '"';
      case 0x5c:
        return '\\';
      case 0x2f:
        return '/';
      case 0x62:
        return '\b';
      case 0x66:
        return '\f';
      case 0x6e:
        return '\n';
      case 0x72:
        return '\r';
      case 0x74:
        return '\t';
      case 0x75: {
        let code = 0;
        for (let k = i + 2; k < i + 6; k++) {
          const h = this.text.charCodeAt(k);
          const digit = h >= 0x30 && h <= 0x39 ? h - 0x30 : h >= 0x41 && h <= 0x46 ? h - 0x37 : h >= 0x61 && h <= 0x66 ? h - 0x57 : -1;
          if (digit < 0) throw GIVE_UP;
          code = code * 16 + digit;
        }
        return String.fromCharCode(code);
      }
      default:
        throw GIVE_UP;
    }
  }

  /** `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, its value written as jsonc-parser's Number gives it. */
  private number(): ScalarNode {
    const text = this.text;
    const start = this.at;
    let i = start;
    if (text.charCodeAt(i) === 0x2d) i++;
    if (text.charCodeAt(i) === 0x30) i++;
    else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(++i)));
    else throw GIVE_UP;
    if (text.charCodeAt(i) === 0x2e) {
      if (!isDigit(text.charCodeAt(++i))) throw GIVE_UP;
      while (isDigit(text.charCodeAt(++i)));
    }
    const e = text.charCodeAt(i);
    if (e === 0x45 || e === 0x65) {
      const sign = text.charCodeAt(++i);
      if (sign === 0x2b || sign === 0x2d) i++;
      if (!isDigit(text.charCodeAt(i))) throw GIVE_UP;
      while (isDigit(text.charCodeAt(++i)));
    }
    this.at = i;
    return { kind: 'scalar', value: String(Number(text.slice(start, i))), type: 'number', style: 'plain', start, end: i, parent: undefined };
  }

  /** `true`, `false` or `null`, standing alone as jsonc-parser's word tokens do. */
  private word(): ScalarNode {
    const text = this.text;
    const start = this.at;
    let end = start;
    while (end < text.length && isWordCharacter(text.charCodeAt(end))) end++;
    const word = text.slice(start, end);
    this.at = end;
    if (word === 'true' || word === 'false') return { kind: 'scalar', value: word, type: 'boolean', style: 'plain', start, end, parent: undefined };
    if (word === 'null') return { kind: 'scalar', value: '', type: 'null', style: 'plain', start, end, parent: undefined };
    throw GIVE_UP;
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** What jsonc-parser reads into one word: anything but whitespace, line breaks and `{}[]":,/`. */
function isWordCharacter(c: number): boolean {
  return c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x7b && c !== 0x7d && c !== 0x5b && c !== 0x5d && c !== 0x22 && c !== 0x3a && c !== 0x2c && c !== 0x2f;
}
