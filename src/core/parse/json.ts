// JSON and JSONC → model. Plain JSON is read by json-fast.ts; everything else (comments, trailing
// commas, errors, nesting past the limit) through jsonc-parser, which tolerates them and returns
// what it could parse. Both give the same model for plain JSON.
import { visit, createScanner, SyntaxKind, printParseErrorCode } from 'jsonc-parser';
import type { ParseError as JParseError } from 'jsonc-parser';
import type { Comment, MapNode, Node, Pair, ParsedDocument, ParseError, ScalarNode, SeqNode } from './model';
import { linkParents } from './model';
import { boundJson } from './limits';
import { readPlainJson } from './json-fast';

export function parseJson(text: string): { documents: ParsedDocument[]; comments: Comment[] } {
  // Nesting deeper than MAX_NESTING is blanked before the recursive parser runs (see limits.ts).
  const bounded = boundJson(text);
  // Plain JSON (most files) is read without jsonc-parser: same model, a fraction of the time.
  const plain = bounded.errors.length === 0 ? readPlainJson(text) : undefined;
  if (plain !== undefined) {
    linkParents(plain);
    return { documents: [{ root: plain, range: { start: 0, end: text.length }, errors: [] }], comments: [] };
  }
  return parseJsonc(text, bounded);
}

/** The model through jsonc-parser, for any JSON or JSONC, broken or not (exported for tests). */
export function parseJsonc(text: string, bounded = boundJson(text)): { documents: ParsedDocument[]; comments: Comment[] } {
  const built = build(bounded.text, text.length);
  linkParents(built.root);
  return {
    documents: [
      {
        root: built.root,
        range: { start: 0, end: text.length },
        errors: [...bounded.errors, ...mergedErrors(built.errors, text)],
      },
    ],
    // The parse saw every comment when it read the text to its last token and nothing was blanked;
    // otherwise (it stops at the first thing after the top-level value) the text is scanned again.
    comments: !text.includes('/') ? [] : bounded.errors.length === 0 && built.scannedTo >= contentEnd(text) ? built.comments : jsonComments(text),
  };
}

/**
 * What is being read, as jsonc-parser's `parseTree` keeps it (its "current parent"): the
 * document, a map, a sequence, or a property, whose first value after its key is the pair's
 * value. A property that is never completed stays the parent of what follows, as in parseTree.
 */
type Frame =
  | { type: 'document'; parent: undefined }
  | { type: 'map'; node: MapNode; parent: Frame }
  | { type: 'seq'; node: SeqNode; parent: Frame }
  | { type: 'property'; pair: Pair; children: number; parent: Frame };

/**
 * The model straight from jsonc-parser's events, in one pass: no tree of its own to convert and
 * no second scan for comments. It is the model `parseTree` and a conversion of its tree gave, the
 * same ranges included: a range ends where its closing token (or, for a property, its value or
 * the next `,`) ends; one never closed keeps parseTree's length -1, so it ends one before its
 * start; a value in a map that is not a property's is dropped, and only the document's first
 * value is its root. (Nesting is within MAX_NESTING here: boundJson has blanked anything deeper.)
 */
function build(text: string, limit: number): { root: Node | null; errors: JParseError[]; comments: Comment[]; scannedTo: number } {
  const errors: JParseError[] = [];
  const comments: Comment[] = [];
  let root: Node | null = null;
  let frame: Frame = { type: 'document', parent: undefined };
  let scannedTo = 0;
  const seen = (offset: number, length: number) => {
    if (offset + length > scannedTo) scannedTo = offset + length;
  };
  const addValue = (node: Node) => {
    if (frame.type === 'document') root ??= node;
    else if (frame.type === 'seq') frame.node.items.push(node);
    else if (frame.type === 'property' && frame.children++ === 0) frame.pair.value = node;
  };
  const addProperty = (pair: Pair) => {
    if (frame.type === 'map') frame.node.pairs.push(pair);
    else if (frame.type === 'property') frame.children++; // its value is then a property: none in the model
  };
  /** The frame's range ends at `end` (parseTree sets the length of whatever it is reading). */
  const endFrame = (end: number) => {
    if (frame.type === 'map' || frame.type === 'seq') frame.node.end = Math.min(end, limit);
    else if (frame.type === 'property') frame.pair.end = Math.min(end, limit);
    frame = frame.parent ?? frame;
  };
  const completeProperty = (end: number) => {
    if (frame.type === 'property') endFrame(end);
  };
  visit(
    text,
    {
      onObjectBegin: (offset, length) => {
        seen(offset, length);
        const node: MapNode = { kind: 'map', pairs: [], start: offset, end: Math.min(offset - 1, limit) };
        addValue(node);
        frame = { type: 'map', node, parent: frame };
      },
      onObjectProperty: (name, offset, length) => {
        seen(offset, length);
        const key: ScalarNode = { kind: 'scalar', value: String(name), type: 'string', style: 'double', start: offset, end: offset + length };
        const pair: Pair = { key, value: null, start: offset, end: Math.min(offset - 1, limit) };
        addProperty(pair);
        frame = { type: 'property', pair, children: 0, parent: frame };
      },
      onObjectEnd: (offset, length) => {
        seen(offset, length);
        completeProperty(offset + length); // a property whose value is missing
        endFrame(offset + length);
        completeProperty(offset + length);
      },
      onArrayBegin: (offset, length) => {
        seen(offset, length);
        const node: SeqNode = { kind: 'seq', items: [], start: offset, end: Math.min(offset - 1, limit) };
        addValue(node);
        frame = { type: 'seq', node, parent: frame };
      },
      onArrayEnd: (offset, length) => {
        seen(offset, length);
        endFrame(offset + length);
        completeProperty(offset + length);
      },
      onLiteralValue: (value: unknown, offset, length) => {
        seen(offset, length);
        addValue(literal(value, offset, Math.min(offset + length, limit)));
        completeProperty(offset + length);
      },
      onSeparator: (separator, offset, length) => {
        seen(offset, length);
        if (separator === ',') completeProperty(offset);
      },
      onComment: (offset, length) => {
        seen(offset, length);
        comments.push(comment(text, offset, length));
      },
      onError: (error, offset, length) => {
        seen(offset, length);
        errors.push({ error, offset, length });
      },
    },
    { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true },
  );
  return { root, errors, comments, scannedTo };
}

function literal(value: unknown, start: number, end: number): ScalarNode {
  switch (typeof value) {
    case 'string':
      return { kind: 'scalar', value, type: 'string', style: 'double', start, end };
    case 'number':
      return { kind: 'scalar', value: String(value), type: 'number', style: 'plain', start, end };
    case 'boolean':
      return { kind: 'scalar', value: String(value), type: 'boolean', style: 'plain', start, end };
    default:
      return { kind: 'scalar', value: '', type: 'null', style: 'plain', start, end };
  }
}

/** Where the text's last character other than JSON whitespace (space, tab, line breaks) ends. */
function contentEnd(text: string): number {
  let end = text.length;
  for (let c = text.charCodeAt(end - 1); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(--end - 1));
  return end;
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

/** Every comment of the text, by a scan of its own (when the parse stopped before the end). */
function jsonComments(text: string): Comment[] {
  const comments: Comment[] = [];
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) comments.push(comment(text, scanner.getTokenOffset(), scanner.getTokenLength()));
  }
  return comments;
}

/**
 * The comment token at [offset, offset + length), its text without `//`, `/*` and `*\/`. (The
 * token's own value from jsonc-parser's scanner starts one character early, so it is not used.)
 */
function comment(text: string, offset: number, length: number): Comment {
  // An unterminated block comment is reported one past the end of the text: clamp.
  const end = Math.min(offset + length, text.length);
  return { start: offset, end, text: text.slice(offset, end).replace(/^\/[/*]|\*\/$/g, '') };
}
