// Small line-oriented parsers of our own: dotenv, ini-style (.npmrc, .pypirc, *.ini, *.cfg),
// .netrc, and a loose KEY=value / key: value reader for plain text. Each yields the common model.
import type { Comment, MapNode, Node, Pair, ParsedDocument, ScalarNode, SeqNode } from './model';
import { linkParents } from './model';

interface Parsed {
  documents: ParsedDocument[];
  comments: Comment[];
}

function single(root: Node | null, text: string, comments: Comment[]): Parsed {
  linkParents(root);
  return { documents: [{ root, range: { start: 0, end: text.length }, errors: [] }], comments };
}

function key(value: string, start: number): ScalarNode {
  return { kind: 'scalar', value, type: 'string', style: 'plain', start, end: start + value.length };
}

function pair(k: ScalarNode, v: Node | null): Pair {
  return { key: k, value: v, start: k.start, end: v ? v.end : k.end };
}

/** Reads a value starting at `at` up to `limit`: quoted (may span lines for `"`) or bare. */
function readValue(text: string, at: number, limit: number, comments: Comment[], hashComments: boolean): { node: ScalarNode; next: number } {
  const q = text[at];
  if (q === '"' || q === "'" || q === '`') {
    let i = at + 1;
    let value = '';
    while (i < text.length && text[i] !== q) {
      if (q === '"' && text[i] === '\\' && i + 1 < text.length) {
        const e = text[i + 1];
        value += e === 'n' ? '\n' : e === 'r' ? '\r' : e === 't' ? '\t' : e;
        i += 2;
        continue;
      }
      if (q !== '"' && text[i] === '\n') break; // single quotes do not span lines in practice
      value += text[i];
      i++;
    }
    const end = Math.min(i + 1, text.length);
    const node: ScalarNode = { kind: 'scalar', value, type: 'string', style: q === '"' ? 'double' : 'single', start: at, end };
    return { node, next: end };
  }
  let end = limit;
  if (hashComments) {
    // `#` after whitespace starts a comment in an unquoted value.
    for (let i = at; i < limit; i++) {
      if (text[i] === '#' && (i === at || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        let cend = limit;
        if (text[cend - 1] === '\r') cend--;
        comments.push({ start: i, end: cend, text: text.slice(i + 1, cend) });
        end = i;
        break;
      }
    }
  }
  while (end > at && /\s/.test(text[end - 1])) end--;
  const value = text.slice(at, end);
  return { node: { kind: 'scalar', value, type: 'string', style: 'plain', start: at, end }, next: limit };
}

/** Iterates lines as [start, end) without the newline. */
function* lines(text: string): Generator<[number, number]> {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    yield [start, end];
    if (end >= text.length) break;
    start = end + 1;
  }
}

function skipSpaces(text: string, i: number, end: number): number {
  while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}

const DOTENV_LINE = /^[ \t]*(export[ \t]+)?([A-Za-z_][A-Za-z0-9_.\-]*)[ \t]*=/;

export function parseDotenv(text: string): Parsed {
  const root: MapNode = { kind: 'map', pairs: [], start: 0, end: text.length };
  const comments: Comment[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = text.length;
    const first = skipSpaces(text, pos, lineEnd);
    if (text[first] === '#') {
      let cend = lineEnd;
      if (text[cend - 1] === '\r') cend--;
      comments.push({ start: first, end: cend, text: text.slice(first + 1, cend) });
      pos = lineEnd + 1;
      continue;
    }
    const m = DOTENV_LINE.exec(text.slice(pos, lineEnd));
    if (!m) {
      pos = lineEnd + 1;
      continue;
    }
    const keyStart = pos + m[0].indexOf(m[2], (m[1] ?? '').length);
    const valueStart = skipSpaces(text, pos + m[0].length, lineEnd);
    const { node, next } = readValue(text, valueStart, lineEnd, comments, true);
    root.pairs.push(pair(key(m[2], keyStart), node));
    // A double-quoted value may span lines: continue after it.
    const after = next > lineEnd ? text.indexOf('\n', next) : lineEnd;
    pos = (after < 0 ? text.length : after) + 1;
  }
  return single(root, text, comments);
}

/** ini-style: `[section]`, `key = value` or `key: value`, `;` and `#` comment lines. */
export function parseIni(text: string): Parsed {
  const root: MapNode = { kind: 'map', pairs: [], start: 0, end: text.length };
  const comments: Comment[] = [];
  let section: MapNode = root;
  for (const [ls, le] of lines(text)) {
    const i = skipSpaces(text, ls, le);
    const c = text[i];
    if (i >= le || c === '\r') continue;
    if (c === '#' || c === ';') {
      let cend = le;
      if (text[cend - 1] === '\r') cend--;
      comments.push({ start: i, end: cend, text: text.slice(i + 1, cend) });
      continue;
    }
    if (c === '[') {
      const close = text.indexOf(']', i);
      if (close > i && close < le) {
        section = { kind: 'map', pairs: [], start: i, end: le };
        root.pairs.push(pair(key(text.slice(i + 1, close), i + 1), section));
      }
      continue;
    }
    // npm keys contain `:` (`//registry/:_authToken`), so `=` wins when present.
    const line = text.slice(i, le);
    let sep = line.indexOf('=');
    if (sep < 0) sep = line.indexOf(':');
    if (sep <= 0) continue;
    const rawKey = line.slice(0, sep).trimEnd();
    const valueStart = skipSpaces(text, i + sep + 1, le);
    const { node } = readValue(text, valueStart, le, comments, false);
    section.pairs.push(pair(key(rawKey, i), node));
    section.end = Math.max(section.end, node.end);
  }
  return single(root, text, comments);
}

/** .netrc: whitespace-separated `machine NAME login USER password PASS` tokens, one map a machine. */
export function parseNetrc(text: string): Parsed {
  const root: SeqNode = { kind: 'seq', items: [], start: 0, end: text.length };
  const comments: Comment[] = [];
  const tokens: ScalarNode[] = [];
  for (const [ls, le] of lines(text)) {
    const re = /\S+/g;
    re.lastIndex = 0;
    const line = text.slice(ls, le);
    for (let m = re.exec(line); m; m = re.exec(line)) {
      if (m[0].startsWith('#')) {
        comments.push({ start: ls + m.index, end: le, text: line.slice(m.index + 1) });
        break;
      }
      tokens.push(key(m[0], ls + m.index));
    }
  }
  let current: MapNode | null = null;
  for (let t = 0; t < tokens.length; t++) {
    const word = tokens[t].value;
    if (word === 'machine' || word === 'default') {
      current = { kind: 'map', pairs: [], start: tokens[t].start, end: tokens[t].end };
      root.items.push(current);
      if (word === 'default') continue;
    }
    const value = tokens[t + 1];
    if (!current || !value) continue;
    current.pairs.push(pair(tokens[t], value));
    current.end = value.end;
    t++;
  }
  return single(root, text, comments);
}

// `KEY=value`, `key: value`, `"key": "value"`, `const KEY = "value"` on one line.
const LOOSE_LINE = /^[ \t]*(?:export[ \t]+|(?:const|let|var)[ \t]+)?(["']?)([A-Za-z_][\w.\-]{0,100})\1[ \t]*[:=][ \t]*/;

/** Plain text: every line that looks like an assignment becomes a pair; the rest is left to text scans. */
export function parseLooseText(text: string): Parsed {
  const root: MapNode = { kind: 'map', pairs: [], start: 0, end: text.length };
  const comments: Comment[] = [];
  for (const [ls, le] of lines(text)) {
    const first = skipSpaces(text, ls, le);
    if (text[first] === '#' || text.startsWith('//', first)) {
      let cend = le;
      if (text[cend - 1] === '\r') cend--;
      comments.push({ start: first, end: cend, text: text.slice(first + (text[first] === '#' ? 1 : 2), cend) });
      continue;
    }
    const m = LOOSE_LINE.exec(text.slice(ls, Math.min(le, ls + 300)));
    if (!m) continue;
    const keyStart = ls + m[0].indexOf(m[2]);
    let valueEnd = le;
    while (valueEnd > ls + m[0].length && /[\s,;]/.test(text[valueEnd - 1])) valueEnd--;
    const { node } = readValue(text, ls + m[0].length, valueEnd, comments, false);
    if (!node.value) continue;
    root.pairs.push(pair(key(m[2], keyStart), node));
  }
  return single(root, text, comments);
}
