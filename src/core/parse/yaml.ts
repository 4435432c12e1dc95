// YAML → model, through the `yaml` package's document AST (never toJS: aliases stay aliases,
// so alias bombs cost nothing). Every document is converted on its own, so an error in one
// leaves the others whole, and a document with errors still yields what parsed.
import type { Node as YNode, Scalar } from 'yaml';
import type { Comment, MapNode, Node, ParsedDocument, ScalarNode, ScalarStyle, SeqNode } from './model';
import { linkParents } from './model';
import { parseYamlBounded } from './limits';
import { parseYamlFast } from './yaml-fast';
import { PACKAGE_ALLOWANCE, parseYamlResync } from './yaml-resync';
import { yamlPackage } from './yaml-package';

/** Deeper nesting than this is cut off (the rest of the document is still analysed). */
const MAX_DEPTH = 500;

export function parseYaml(text: string): { documents: ParsedDocument[]; comments: Comment[] } {
  // The fast reader covers the block YAML of real config files; it answers only when sure.
  // Otherwise the package reads small files whole; in a large one (a syntax error, or a construct
  // the fast reader leaves to the package) it reads only small parts, within a fixed allowance,
  // as reading all of it could take hundreds of milliseconds (see yaml-resync.ts).
  const fast = parseYamlFast(text);
  if (fast) return fast;
  return text.length <= PACKAGE_ALLOWANCE ? parseYamlPackage(text) : parseYamlResync(text, parseYamlPackage);
}

/** The reference path through the `yaml` package, for any YAML. */
export function parseYamlPackage(text: string): { documents: ParsedDocument[]; comments: Comment[] } {
  // Nesting deeper than MAX_NESTING is cut before the recursive composer runs (see limits.ts).
  const { docs: list, source, errors: cut } = parseYamlBounded(text, { uniqueKeys: false, strict: false, prettyErrors: false, stringKeys: false });
  const documents: ParsedDocument[] = list.map((doc) => {
    const root = convert(source, doc.contents as YNode | null, 0);
    linkParents(root);
    const [start, , end] = doc.range ?? [0, 0, text.length];
    return {
      root,
      range: { start, end },
      // `yaml` can place an error one past the end (an unclosed quote at end of input): clamp.
      errors: doc.errors.map((e) => ({ start: Math.min(e.pos[0], text.length), end: Math.min(Math.max(e.pos[0], e.pos[1]), text.length), message: e.message })),
    };
  });
  // Each cut is reported by the document it lies in (the last one that starts at or before it).
  if (cut.length > 0 && documents.length === 0) documents.push({ root: null, range: { start: 0, end: text.length }, errors: [] });
  let d = 0;
  for (const e of [...cut].sort((a, b) => a.start - b.start)) {
    while (d + 1 < documents.length && documents[d + 1].range.start <= e.start) d++;
    documents[d].errors.push(e);
  }
  return { documents, comments: yamlComments(text) };
}

function convert(text: string, node: YNode | null | undefined, depth: number): Node | null {
  if (!node || depth > MAX_DEPTH) return null;
  const { isMap, isSeq, isScalar, isAlias, isPair } = yamlPackage();
  const [start, , end] = node.range ?? [0, 0, 0];
  if (isMap(node)) {
    const map: MapNode = { kind: 'map', pairs: [], start, end };
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = keyScalar(text, item.key as YNode | null);
      if (!key) continue;
      const value = convert(text, item.value as YNode | null, depth + 1);
      map.pairs.push({ key, value, start: key.start, end: value ? value.end : key.end });
    }
    return map;
  }
  if (isSeq(node)) {
    const seq: SeqNode = { kind: 'seq', items: [], start, end };
    for (const item of node.items) {
      // A pair inside a sequence (`- a: b` in flow style) becomes a one-pair map.
      if (isPair(item)) {
        const key = keyScalar(text, item.key as YNode | null);
        if (!key) continue;
        const value = convert(text, item.value as YNode | null, depth + 1);
        seq.items.push({ kind: 'map', pairs: [{ key, value, start: key.start, end: value ? value.end : key.end }], start: key.start, end: value ? value.end : key.end });
        continue;
      }
      const converted = convert(text, item as YNode, depth + 1);
      if (converted) seq.items.push(converted);
    }
    return seq;
  }
  if (isAlias(node)) {
    return { kind: 'scalar', value: `*${node.source}`, type: 'string', style: 'plain', alias: true, start, end };
  }
  // A scalar ends where its value ends: the node range also covers a trailing comment.
  if (isScalar(node)) return scalar(node, start, node.range?.[1] ?? end);
  return null;
}

const STYLES: Record<string, ScalarStyle> = {
  PLAIN: 'plain',
  QUOTE_SINGLE: 'single',
  QUOTE_DOUBLE: 'double',
  BLOCK_LITERAL: 'block',
  BLOCK_FOLDED: 'block',
};

function scalar(node: Scalar, start: number, valueEnd: number): ScalarNode {
  const v = node.value;
  const type: ScalarNode['type'] =
    v === null || v === undefined ? 'null' : typeof v === 'number' || typeof v === 'bigint' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
  const value = v === null || v === undefined ? '' : typeof v === 'string' ? v : String(node.source ?? v);
  const out: ScalarNode = { kind: 'scalar', value, type, style: STYLES[node.type ?? 'PLAIN'] ?? 'plain', start, end: valueEnd };
  if (node.tag && !node.tag.startsWith('tag:yaml.org')) out.tag = node.tag;
  return out;
}

/** Keys are scalars in the model; a complex key keeps its source text as its value. */
function keyScalar(text: string, key: YNode | null): ScalarNode | null {
  if (!key) return null;
  const [start, valueEnd, end] = key.range ?? [0, 0, 0];
  if (yamlPackage().isScalar(key)) return scalar(key, start, valueEnd);
  return { kind: 'scalar', value: text.slice(start, end), type: 'string', style: 'raw', start, end };
}

/**
 * Finds `#` comments with a small scanner that knows quotes and block scalars well enough:
 * a `#` counts when it starts a line or follows whitespace and is not inside quotes.
 * Block scalar bodies are skipped by indentation.
 */
export function yamlComments(text: string): Comment[] {
  const comments: Comment[] = [];
  let blockIndent = -1; // > -1 while inside a block scalar body: its parent's indentation
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    let i = lineStart;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    const indent = i - lineStart;
    const blank = i >= lineEnd || text[i] === '\r';
    if (blockIndent >= 0) {
      if (blank || indent > blockIndent) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockIndent = -1;
    }
    let quote = '';
    let lastNonSpace = '';
    for (; i < lineEnd; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else quote = '';
        } else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        let end = lineEnd;
        if (text[end - 1] === '\r') end--;
        comments.push({ start: i, end, text: text.slice(i + 1, end) });
        break;
      }
      if ((c === '"' || c === "'") && (lastNonSpace === '' || /[:\-\[{,?]/.test(lastNonSpace) || text[i - 1] === ' ')) {
        quote = c;
        continue;
      }
      if (c !== ' ' && c !== '\t') lastNonSpace = c;
    }
    // A line ending in `|` or `>` (with optional chomping/indent indicators) opens a block scalar.
    const trimmed = withoutTrailingComment(text.slice(lineStart, lineEnd)).trimEnd();
    if (/(^|[\s:\-])[|>][+-]?[0-9]?[+-]?$/.test(trimmed)) blockIndent = indent;
    lineStart = lineEnd + 1;
  }
  return comments;
}

/**
 * `line.replace(/\s+#.*$/, '')` in linear time (that regex is quadratic on long runs of blanks):
 * cuts at the first whitespace run that is followed by `#` with no line terminator after it.
 */
export function withoutTrailingComment(line: string): string {
  // `.` stops at \r, \u2028 and \u2029, so the `#` must come after the last of them.
  const from = Math.max(line.lastIndexOf('\r'), line.lastIndexOf('\u2028'), line.lastIndexOf('\u2029')) + 1;
  for (let h = line.indexOf('#', from); h > 0; h = line.indexOf('#', h + 1)) {
    if (!/\s/.test(line[h - 1])) continue;
    let p = h - 1;
    while (p > 0 && /\s/.test(line[p - 1])) p--;
    return line.slice(0, p);
  }
  return line;
}
