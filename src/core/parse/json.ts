// JSON and JSONC → model through jsonc-parser, which tolerates comments, trailing commas and
// errors (it returns what it could parse).
import { parseTree, createScanner, SyntaxKind, printParseErrorCode } from 'jsonc-parser';
import type { Node as JNode, ParseError as JParseError } from 'jsonc-parser';
import type { Comment, MapNode, Node, ParsedDocument, ParseError, SeqNode } from './model';
import { linkParents } from './model';
import { boundJson } from './limits';

const MAX_DEPTH = 500;

export function parseJson(text: string): { documents: ParsedDocument[]; comments: Comment[] } {
  const errors: JParseError[] = [];
  // Nesting deeper than MAX_NESTING is blanked before the recursive tree builder runs (see limits.ts).
  const bounded = boundJson(text);
  const tree = parseTree(bounded.text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const root = convert(tree, 0, text.length);
  linkParents(root);
  return {
    documents: [
      {
        root,
        range: { start: 0, end: text.length },
        errors: [...bounded.errors, ...mergedErrors(errors, text)],
      },
    ],
    comments: text.includes('/') ? jsonComments(text) : [],
  };
}

/**
 * jsonc-parser's errors as ranges, one per run: errors of the same kind separated only by
 * whitespace make one (a file of `- - - …` gives one error per character, tens of thousands).
 */
function mergedErrors(errors: readonly JParseError[], text: string): ParseError[] {
  const out: ParseError[] = [];
  let last: (ParseError & { code: number }) | undefined;
  for (const e of errors) {
    // jsonc-parser places an unterminated comment's error one past the end: clamp.
    const start = Math.min(e.offset, text.length);
    const end = Math.min(e.offset + e.length, text.length);
    if (last && last.code === e.error && start >= last.end && onlyWhitespace(text, last.end, start)) {
      last.end = Math.max(last.end, end);
      continue;
    }
    last = { start, end, message: printParseErrorCode(e.error), code: e.error };
    out.push(last);
  }
  return out.map(({ start, end, message }) => ({ start, end, message }));
}

function onlyWhitespace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

function convert(node: JNode | undefined, depth: number, limit: number): Node | null {
  if (!node || depth > MAX_DEPTH) return null;
  const start = node.offset;
  // A node that runs into an unterminated comment is reported one past the end: clamp.
  const end = Math.min(node.offset + node.length, limit);
  switch (node.type) {
    case 'object': {
      const map: MapNode = { kind: 'map', pairs: [], start, end };
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || k.type !== 'string') continue;
        const key = { kind: 'scalar' as const, value: String(k.value), type: 'string' as const, style: 'double' as const, start: k.offset, end: k.offset + k.length };
        const value = convert(v, depth + 1, limit);
        map.pairs.push({ key, value, start: prop.offset, end: Math.min(prop.offset + prop.length, limit) });
      }
      return map;
    }
    case 'array': {
      const seq: SeqNode = { kind: 'seq', items: [], start, end };
      for (const child of node.children ?? []) {
        const item = convert(child, depth + 1, limit);
        if (item) seq.items.push(item);
      }
      return seq;
    }
    case 'string':
      return { kind: 'scalar', value: String(node.value), type: 'string', style: 'double', start, end };
    case 'number':
      return { kind: 'scalar', value: String(node.value), type: 'number', style: 'plain', start, end };
    case 'boolean':
      return { kind: 'scalar', value: String(node.value), type: 'boolean', style: 'plain', start, end };
    case 'null':
      return { kind: 'scalar', value: '', type: 'null', style: 'plain', start, end };
    default:
      return null;
  }
}

function jsonComments(text: string): Comment[] {
  const comments: Comment[] = [];
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      const start = scanner.getTokenOffset();
      const raw = scanner.getTokenValue();
      // An unterminated block comment is reported one past the end of the text: clamp.
      comments.push({ start, end: Math.min(start + scanner.getTokenLength(), text.length), text: raw.replace(/^\/[/*]|\*\/$/g, '') });
    }
  }
  return comments;
}
