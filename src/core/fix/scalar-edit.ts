// Text edits to the analysed document that keep it valid: changing part of a scalar's value in its
// own quoting style (verified by parsing the result; when the minimal edit would change what the
// file means, the whole scalar is rewritten as a double-quoted string), and inserting block-style
// YAML lines at the right indentation.
import type { Syntax, TextEdit } from '../types';
import type { Node, ParsedFile, ScalarNode } from '../parse/model';
import { getPath, isMap, isScalar, pathOf, sourceRange } from '../parse/model';
import { parseFile } from '../parse/index';
import { applyEdits } from './apply';

export interface EditableDocument {
  text: string;
  syntax: Syntax;
  parsed: ParsedFile;
}

/** Replace value[from, to) of a scalar by `text` (value offsets; from === to inserts). */
export interface ValueChange {
  from: number;
  to: number;
  text: string;
}

/** Index of the YAML document holding `node` (0 for single-document syntaxes). */
export function documentIndexOf(doc: EditableDocument, node: Node): number {
  const i = doc.parsed.documents.findIndex((d) => d.range.start <= node.start && node.end <= Math.max(d.range.end, node.end) && d.root && contains(d.root, node));
  return Math.max(0, i);
}

function contains(root: Node, node: Node): boolean {
  let top: Node = node;
  while (top.parent) top = top.parent;
  return top === root;
}

/** Edits making `node` read its value with `changes` applied, or undefined when no valid edit exists. */
export function rewriteScalar(doc: EditableDocument, node: ScalarNode, changes: readonly ValueChange[]): TextEdit[] | undefined {
  const sorted = [...changes].sort((a, b) => a.from - b.from);
  let newValue = '';
  let at = 0;
  for (const c of sorted) {
    newValue += node.value.slice(at, c.from) + c.text;
    at = c.to;
  }
  newValue += node.value.slice(at);

  const minimal = minimalEdits(doc, node, sorted);
  if (minimal && reads(doc, node, minimal, newValue)) return minimal;
  // Rewrite the whole scalar as a double-quoted string: valid anywhere a YAML or JSON value is.
  if (doc.syntax !== 'yaml' && doc.syntax !== 'json') return undefined;
  const whole = [{ start: node.start, end: node.end, newText: JSON.stringify(newValue) }];
  return reads(doc, node, whole, newValue) ? whole : undefined;
}

function minimalEdits(doc: EditableDocument, node: ScalarNode, changes: readonly ValueChange[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  for (const c of changes) {
    const encoded = encodeIn(node, c.text, doc.syntax);
    if (encoded === undefined) return undefined;
    const range = sourceOf(doc.text, node, c.from, c.to);
    if (!range) return undefined;
    edits.push({ ...range, newText: encoded });
  }
  return edits;
}

/** Source range of value[from, to); an empty range for an insertion point. */
function sourceOf(text: string, node: ScalarNode, from: number, to: number): { start: number; end: number } | undefined {
  const len = node.value.length;
  if (from < to) {
    const r = sourceRange(text, node, from, to);
    // sourceRange falls back to the whole node (quotes and all) when it cannot align the two.
    const fellBack = r.start === node.start && r.end === node.end;
    if (fellBack && !(node.style === 'plain' && from === 0 && to === len)) return undefined;
    return r;
  }
  if (len === 0) return undefined;
  const at = from < len ? sourceRange(text, node, from, from + 1).start : sourceRange(text, node, len - 1, len).end;
  return { start: at, end: at };
}

/** `text` as it must be written inside the scalar's own quoting, or undefined when it cannot be. */
function encodeIn(node: ScalarNode, text: string, syntax: Syntax): string | undefined {
  if (syntax === 'json' || node.style === 'double') return JSON.stringify(text).slice(1, -1);
  if (node.style === 'single') return /\n/.test(text) ? undefined : text.replace(/'/g, "''");
  return /[\r\n]/.test(text) ? undefined : text;
}

/** Whether applying `edits` leaves `node`'s place in the tree holding the string `expected`, with no new parse errors. */
function reads(doc: EditableDocument, node: ScalarNode, edits: TextEdit[], expected: string): boolean {
  const after = reparse(doc, edits);
  if (!after) return false;
  const found = getPath(after.parsed.documents[documentIndexOf(doc, node)]?.root, pathOf(node));
  return isScalar(found) && found.type === 'string' && found.value === expected;
}

/** The document after `edits`, or undefined when the edits break it (new parse errors). */
export function reparse(doc: EditableDocument, edits: readonly TextEdit[]): EditableDocument | undefined {
  let text: string;
  try {
    text = applyEdits(doc.text, edits);
  } catch {
    return undefined;
  }
  const parsed = parseFile(text, doc.syntax);
  const errors = (p: ParsedFile) => p.documents.reduce((n, d) => n + d.errors.length, 0);
  if (errors(parsed) > errors(doc.parsed)) return undefined;
  return { text, syntax: doc.syntax, parsed };
}

// ---------------------------------------------------------------------------------------------
// Block-style YAML insertions

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStartOf(text, offset);
}

/** The line break the file uses. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** True when the node is written in flow style (`{...}` or `[...]`), where block lines cannot go. */
export function isFlow(text: string, node: Node): boolean {
  const c = text[node.start];
  return c === '{' || c === '[';
}

/** True when `node` sits inside a flow collection. */
export function inFlow(text: string, node: Node): boolean {
  for (let p = node.parent; p; p = p.parent) if (isFlow(text, p)) return true;
  return false;
}

/**
 * Where a new line goes after `node` (a map's last value): the start of the line after its last
 * character. Block scalars end at a line start already (after their kept trailing lines).
 */
export function insertionAfter(text: string, node: Node): { at: number; lead: string } {
  if (node.end > node.start && text[node.end - 1] === '\n') return { at: node.end, lead: '' };
  // The end of the line holding the node's last character (a trailing comment stays on it).
  const nl = text.indexOf('\n', node.end);
  if (nl < 0) return { at: text.length, lead: eolOf(text) };
  return { at: nl + 1, lead: '' };
}

/** Indentation step of a YAML file (the offset of the first nested block key), 2 by default. */
export function indentUnit(text: string, root: Node | null): number {
  if (!isMap(root) || isFlow(text, root)) return 2;
  for (const pair of root.pairs) {
    const v = pair.value;
    if (isMap(v) && !isFlow(text, v) && v.pairs.length) {
      const step = columnOf(text, v.pairs[0].key.start) - columnOf(text, pair.key.start);
      if (step > 0) return step;
    }
  }
  return 2;
}
