// YAML → model, through the `yaml` package's document AST (never toJS: aliases stay aliases,
// so alias bombs cost nothing). Every document is converted on its own, so an error in one
// leaves the others whole, and a document with errors still yields what parsed.
import { parseAllDocuments, isMap, isSeq, isScalar, isAlias, isPair, Scalar } from 'yaml';
import type { Node as YNode } from 'yaml';
import type { Comment, MapNode, Node, ParsedDocument, ScalarNode, ScalarStyle, SeqNode } from './model';
import { linkParents } from './model';

/** Deeper nesting than this is cut off (the rest of the document is still analysed). */
const MAX_DEPTH = 500;

export function parseYaml(text: string): { documents: ParsedDocument[]; comments: Comment[] } {
  const docs = parseAllDocuments(text, { uniqueKeys: false, strict: false, prettyErrors: false, stringKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const documents: ParsedDocument[] = list.map((doc) => {
    const root = convert(text, doc.contents as YNode | null, 0);
    linkParents(root);
    const [start, , end] = doc.range ?? [0, 0, text.length];
    return {
      root,
      range: { start, end },
      errors: doc.errors.map((e) => ({ start: e.pos[0], end: e.pos[1], message: e.message })),
    };
  });
  return { documents, comments: yamlComments(text) };
}

function convert(text: string, node: YNode | null | undefined, depth: number): Node | null {
  if (!node || depth > MAX_DEPTH) return null;
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

function scalar(node: Scalar, start: number, valueEnd: number): ScalarNode {
  const v = node.value;
  const type: ScalarNode['type'] =
    v === null || v === undefined ? 'null' : typeof v === 'number' || typeof v === 'bigint' ? 'number' : typeof v === 'boolean' ? 'boolean' : 'string';
  const value = v === null || v === undefined ? '' : typeof v === 'string' ? v : String(node.source ?? v);
  const styles: Record<string, ScalarStyle> = {
    PLAIN: 'plain',
    QUOTE_SINGLE: 'single',
    QUOTE_DOUBLE: 'double',
    BLOCK_LITERAL: 'block',
    BLOCK_FOLDED: 'block',
  };
  const out: ScalarNode = { kind: 'scalar', value, type, style: styles[node.type ?? 'PLAIN'] ?? 'plain', start, end: valueEnd };
  if (node.tag && !node.tag.startsWith('tag:yaml.org')) out.tag = node.tag;
  return out;
}

/** Keys are scalars in the model; a complex key keeps its source text as its value. */
function keyScalar(text: string, key: YNode | null): ScalarNode | null {
  if (!key) return null;
  const [start, valueEnd, end] = key.range ?? [0, 0, 0];
  if (isScalar(key)) return scalar(key, start, valueEnd);
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
    const trimmed = text.slice(lineStart, lineEnd).replace(/\s+#.*$/, '').trimEnd();
    if (/(^|[\s:\-])[|>][+-]?[0-9]?[+-]?$/.test(trimmed)) blockIndent = indent;
    lineStart = lineEnd + 1;
  }
  return comments;
}
