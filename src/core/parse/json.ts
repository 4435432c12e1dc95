// JSON and JSONC → model through jsonc-parser, which tolerates comments, trailing commas and
// errors (it returns what it could parse).
import { parseTree, createScanner, SyntaxKind, printParseErrorCode } from 'jsonc-parser';
import type { Node as JNode, ParseError as JParseError } from 'jsonc-parser';
import type { Comment, MapNode, Node, ParsedDocument, SeqNode } from './model';
import { linkParents } from './model';

const MAX_DEPTH = 500;

export function parseJson(text: string): { documents: ParsedDocument[]; comments: Comment[] } {
  const errors: JParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const root = convert(tree, 0);
  linkParents(root);
  return {
    documents: [
      {
        root,
        range: { start: 0, end: text.length },
        errors: errors.map((e) => ({ start: e.offset, end: e.offset + e.length, message: printParseErrorCode(e.error) })),
      },
    ],
    comments: text.includes('/') ? jsonComments(text) : [],
  };
}

function convert(node: JNode | undefined, depth: number): Node | null {
  if (!node || depth > MAX_DEPTH) return null;
  const start = node.offset;
  const end = node.offset + node.length;
  switch (node.type) {
    case 'object': {
      const map: MapNode = { kind: 'map', pairs: [], start, end };
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || k.type !== 'string') continue;
        const key = { kind: 'scalar' as const, value: String(k.value), type: 'string' as const, style: 'double' as const, start: k.offset, end: k.offset + k.length };
        const value = convert(v, depth + 1);
        map.pairs.push({ key, value, start: prop.offset, end: prop.offset + prop.length });
      }
      return map;
    }
    case 'array': {
      const seq: SeqNode = { kind: 'seq', items: [], start, end };
      for (const child of node.children ?? []) {
        const item = convert(child, depth + 1);
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
      comments.push({ start, end: start + scanner.getTokenLength(), text: raw.replace(/^\/[/*]|\*\/$/g, '') });
    }
  }
  return comments;
}
