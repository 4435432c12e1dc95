// Reads one HCL expression (object, tuple, string, `jsonencode(...)`) starting at an offset of the
// file, into the common model with exact offsets. The line-based HCL reader (parse/hcl.ts) keeps
// multi-line expressions as a raw first line; rules that need their content (IAM policies written
// with `jsonencode({...})`, lists of ARNs) read them here. One pass, each character consumed once,
// explicit depth limit: linear and stack-safe.
import type { MapNode, Node, ScalarNode, SeqNode } from '../parse/model';
import { linkParents } from '../parse/model';

const MAX_DEPTH = 64;
/** Stop reading after this many characters: an expression is never that long in practice. */
const MAX_SPAN = 200_000;

export function readHclExpression(text: string, start: number): Node | null {
  const reader = new Reader(text, start, Math.min(text.length, start + MAX_SPAN));
  const node = reader.value(0);
  linkParents(node);
  return node;
}

class Reader {
  constructor(
    private readonly text: string,
    private at: number,
    private readonly limit: number,
  ) {}

  value(depth: number): Node | null {
    this.skip();
    if (this.at >= this.limit || depth > MAX_DEPTH) return null;
    const c = this.text[this.at];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.tuple(depth);
    if (c === '"') return this.string();
    const call = /^([A-Za-z_][\w]*)\s*\(/.exec(this.text.slice(this.at, this.at + 64));
    if (call) {
      const open = this.at + call[0].length;
      if (call[1] === 'jsonencode' || call[1] === 'yamlencode' || call[1] === 'tolist' || call[1] === 'toset') {
        this.at = open;
        const inner = this.value(depth + 1);
        this.skipTo(')');
        return inner;
      }
    }
    return this.raw();
  }

  private object(depth: number): MapNode {
    const map: MapNode = { kind: 'map', pairs: [], start: this.at, end: this.at };
    this.at++;
    for (;;) {
      this.skip(true);
      if (this.at >= this.limit) break;
      if (this.text[this.at] === '}') {
        this.at++;
        break;
      }
      const key = this.text[this.at] === '"' ? this.string() : this.word();
      if (!key) {
        this.at++;
        continue;
      }
      this.skip();
      if (this.text[this.at] === '=' || this.text[this.at] === ':') this.at++;
      const value = this.value(depth + 1);
      map.pairs.push({ key, value, start: key.start, end: value ? value.end : key.end });
    }
    map.end = this.at;
    return map;
  }

  private tuple(depth: number): SeqNode {
    const seq: SeqNode = { kind: 'seq', items: [], start: this.at, end: this.at };
    this.at++;
    for (;;) {
      this.skip(true);
      if (this.at >= this.limit) break;
      if (this.text[this.at] === ']') {
        this.at++;
        break;
      }
      const before = this.at;
      const item = this.value(depth + 1);
      if (item) seq.items.push(item);
      if (this.at === before) this.at++;
    }
    seq.end = this.at;
    return seq;
  }

  private string(): ScalarNode {
    const start = this.at;
    let value = '';
    let i = start + 1;
    while (i < this.limit && this.text[i] !== '"' && this.text[i] !== '\n') {
      if (this.text[i] === '\\' && i + 1 < this.limit) {
        value += this.text[i + 1];
        i += 2;
      } else {
        value += this.text[i];
        i++;
      }
    }
    this.at = Math.min(i + 1, this.limit);
    return { kind: 'scalar', value, type: 'string', style: 'double', start, end: this.at };
  }

  private word(): ScalarNode | null {
    const m = /^[A-Za-z_][\w.-]*/.exec(this.text.slice(this.at, this.at + 256));
    if (!m) return null;
    const start = this.at;
    this.at += m[0].length;
    return { kind: 'scalar', value: m[0], type: 'string', style: 'plain', start, end: this.at };
  }

  /** Any other expression (reference, number, operator chain): up to a delimiter at depth 0. */
  private raw(): ScalarNode {
    const start = this.at;
    let depth = 0;
    while (this.at < this.limit) {
      const c = this.text[this.at];
      if (c === '(' || c === '[' || c === '{') depth++;
      else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) break;
        depth--;
      } else if ((c === ',' || c === '\n') && depth === 0) break;
      else if (c === '"') {
        this.string();
        continue;
      }
      this.at++;
    }
    const src = this.text.slice(start, this.at).trim();
    return { kind: 'scalar', value: src, type: 'string', style: 'raw', tag: '!expr', start, end: start + src.length };
  }

  private skipTo(close: string): void {
    this.skip(true);
    if (this.text[this.at] === close) this.at++;
  }

  /** Whitespace and comments; with `separators`, also commas and newlines. */
  private skip(separators = false): void {
    while (this.at < this.limit) {
      const c = this.text[this.at];
      if (c === ' ' || c === '\t' || c === '\r' || (separators && (c === '\n' || c === ','))) this.at++;
      else if (c === '\n' && !separators) this.at++;
      else if (c === '#' || (c === '/' && this.text[this.at + 1] === '/')) {
        const nl = this.text.indexOf('\n', this.at);
        this.at = nl < 0 ? this.limit : nl;
      } else if (c === '/' && this.text[this.at + 1] === '*') {
        const end = this.text.indexOf('*/', this.at + 2);
        this.at = end < 0 ? this.limit : end + 2;
      } else break;
    }
  }
}
