// Nesting limits for the recursive parts of parsing. The `yaml` composer and jsonc-parser's tree
// builder recurse once per nesting level, and so do our converters, `linkParents` and the engine's
// walk. A hostile file (`[[[[...` ten thousand deep) would overflow the call stack, and in V8 a
// stack overflow inside a regular expression compile kills the whole process (extension host
// included) instead of throwing. So structure deeper than MAX_NESTING is cut before anything
// recursive sees it: the cut part is reported as a parse error and not analysed as structure.
// Real files nest a few dozen levels at most.
import type { Composer, CST, Document } from 'yaml';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { ParseError } from './model';
import { yamlPackage } from './yaml-package';

/** Collections nested deeper than this are not analysed as structure. */
export const MAX_NESTING = 200;

/**
 * Above this many flow brackets or compact indicators, YAML text is blanked before the `yaml`
 * lexer sees it: its cost per level is high (microseconds), so megabytes of `[[[[` would take
 * seconds. Far above MAX_NESTING, so the exact cut below decides in every realistic case.
 */
const YAML_PRECUT = 1000;

export function nestingError(start: number, end: number): ParseError {
  return { start, end, message: `nesting deeper than ${MAX_NESTING} levels: the content here is not analysed` };
}

/** Replaces [start, end) of `chars` by spaces, keeping line breaks (offsets and lines stay valid). */
function blank(text: string, ranges: readonly { start: number; end: number }[]): string {
  if (ranges.length === 0) return text;
  let out = '';
  let at = 0;
  for (const r of ranges) {
    out += text.slice(at, r.start) + text.slice(r.start, r.end).replace(/[^\r\n]/g, ' ');
    at = r.end;
  }
  return out + text.slice(at);
}

/** True when `text` holds more than `limit` of the given character codes (cheap pre-check). */
function moreThan(text: string, codes: readonly number[], limit: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c === codes[0] || c === codes[1] || c === codes[2]) && ++n > limit) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// JSON

/**
 * Blanks every value nested deeper than MAX_NESTING (found with jsonc-parser's scanner, which is
 * iterative), so jsonc-parser's recursive tree builder never goes deeper.
 */
export function boundJson(text: string): { text: string; errors: ParseError[] } {
  if (!jsonNestsDeeperThan(text, MAX_NESTING)) return { text, errors: [] };
  const scanner = createScanner(text, false);
  const cuts: { start: number; end: number }[] = [];
  let depth = 0;
  let cutStart = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      depth++;
      if (depth > MAX_NESTING && cutStart < 0) cutStart = scanner.getTokenOffset();
    } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
      if (depth === MAX_NESTING + 1 && cutStart >= 0) {
        cuts.push({ start: cutStart, end: scanner.getTokenOffset() + scanner.getTokenLength() });
        cutStart = -1;
      }
      depth = Math.max(0, depth - 1);
    }
  }
  if (cutStart >= 0) cuts.push({ start: cutStart, end: text.length });
  return { text: blank(text, cuts), errors: cuts.map((c) => nestingError(c.start, c.end)) };
}

/**
 * True when brackets outside strings and comments nest deeper than `limit`: the depth the token
 * scan below counts, found without building tokens. Strings and comments end exactly where
 * jsonc-parser's scanner ends them: a string at its closing quote, a line break or the end (a
 * backslash takes the next character, whatever it is); a line comment at a line break; a block
 * comment at the first star-slash after its opening. Outside them every `"`, `//` and `/*`
 * starts one, because the scanner's other tokens (numbers, words) stop before those characters.
 * Counting every bracket of the text instead sent each JSON file with a few hundred `{` in its
 * strings (message catalogs with `{0}` placeholders) through a second full scan.
 */
export function jsonNestsDeeperThan(text: string, limit: number): boolean {
  const n = text.length;
  let depth = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: i ends on its closing quote, or before the line break that cuts it off.
      for (i++; i < n; i++) {
        const s = text.charCodeAt(i);
        if (s === 0x22) break;
        if (s === 0x5c) i++;
        else if (s === 0x0a || s === 0x0d) {
          i--;
          break;
        }
      }
    } else if (c === 0x2f) {
      const next = text.charCodeAt(i + 1);
      if (next === 0x2f) {
        for (i += 2; i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d; i++);
        i--;
      } else if (next === 0x2a) {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) return false;
        i = close + 1;
      }
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) {
      depth--;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// YAML

/**
 * Parses YAML to documents like `parseAllDocuments`, but with nesting bounded: extreme bracket or
 * indicator runs are blanked first (cheap, approximate, only bounds lexing time), then every
 * collection deeper than MAX_NESTING in the concrete syntax tree (exact; the lexer and parser are
 * iterative) is replaced by an empty scalar before the recursive composer runs.
 */
export function parseYamlBounded(text: string, options: ConstructorParameters<typeof Composer>[0]): { docs: Document.Parsed[]; source: string; errors: ParseError[] } {
  const pre = precutYaml(text);
  // `yaml` reports each problem as an Error subclass; capturing a stack trace for each costs more
  // than the parse itself on a broken file with thousands of errors, and nobody reads them.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const { Composer, Parser } = yamlPackage();
    const tokens = Array.from(new Parser().parse(pre.text));
    const errors = [...pre.errors, ...cutDeepYaml(tokens)];
    const docs = Array.from(new Composer(options).compose(tokens));
    return { docs, source: pre.text, errors };
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** A collection token and the field of its owner (a document or a collection item) that holds it. */
type Slot = { token: CST.Token; depth: number; owner: { key?: CST.Token | null; value?: CST.Token }; field: 'key' | 'value' };

const isCollection = (token: CST.Token | null | undefined): token is CST.BlockMap | CST.BlockSequence | CST.FlowCollection =>
  !!token && (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection');

function cutDeepYaml(tokens: CST.Token[]): ParseError[] {
  const errors: ParseError[] = [];
  // Only collections are stacked (scalars cannot nest), and without a closure each: this walk sees
  // every node of every YAML file.
  const stack: Slot[] = [];
  for (const doc of tokens) {
    if (doc.type === 'document' && isCollection(doc.value)) stack.push({ token: doc.value, depth: 1, owner: doc, field: 'value' });
  }
  while (stack.length > 0) {
    const { token, depth, owner, field } = stack.pop()!;
    if (depth > MAX_NESTING) {
      (owner as Record<string, CST.Token>)[field] = { type: 'scalar', offset: token.offset, indent: (token as CST.BlockMap).indent, source: '' } as CST.Token;
      errors.push(nestingError(token.offset, token.offset));
      continue;
    }
    for (const item of (token as CST.BlockMap).items as CST.CollectionItem[]) {
      if (isCollection(item.key)) stack.push({ token: item.key, depth: depth + 1, owner: item, field: 'key' });
      if (isCollection(item.value)) stack.push({ token: item.value, depth: depth + 1, owner: item, field: 'value' });
    }
  }
  return errors;
}

/**
 * Blanks YAML text where an approximate count of open flow brackets, or of compact indicators
 * (`- - - x`) on one line, exceeds YAML_PRECUT. Brackets inside same-line quotes and comments are
 * not counted. Only pathological input reaches the limit; everything else is returned as is.
 */
export function precutYaml(text: string): { text: string; errors: ParseError[] } {
  if (!moreThan(text, [0x5b, 0x7b, 0x2d], YAML_PRECUT) && !moreThan(text, [0x3f, 0x3a, 0x3f], YAML_PRECUT)) return { text, errors: [] };
  const cuts: { start: number; end: number }[] = [];
  let flow = 0;
  let cutStart = -1;
  let lineStart = 0;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    let i = lineStart;
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    // Compact indicators at the start of the line: each opens a level.
    let indicators = 0;
    while (i < lineEnd && (text[i] === '-' || text[i] === '?' || text[i] === ':') && (i + 1 >= lineEnd || text[i + 1] === ' ' || text[i + 1] === '\t')) {
      if (++indicators > YAML_PRECUT && cutStart < 0) {
        cuts.push({ start: i, end: lineEnd });
        i = lineEnd;
        break;
      }
      i++;
      while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    }
    let quote = '';
    let last = '';
    for (; i < lineEnd; i++) {
      const c = text[i];
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '\\' && quote === '"') i++;
        continue;
      }
      if (cutStart < 0 && c === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) break;
      if (cutStart < 0 && (c === '"' || c === "'") && (last === '' || '[{,:-?'.includes(last))) {
        quote = c;
        continue;
      }
      if (c === '[' || c === '{') {
        flow++;
        if (flow > YAML_PRECUT && cutStart < 0) cutStart = i;
      } else if (c === ']' || c === '}') {
        if (flow === YAML_PRECUT + 1 && cutStart >= 0) {
          cuts.push({ start: cutStart, end: i + 1 });
          cutStart = -1;
        }
        flow = Math.max(0, flow - 1);
      }
      if (c !== ' ' && c !== '\t') last = c;
    }
    lineStart = lineEnd + 1;
  }
  if (cutStart >= 0) cuts.push({ start: cutStart, end: n });
  cuts.sort((a, b) => a.start - b.start);
  return { text: blank(text, cuts), errors: cuts.map((c) => nestingError(c.start, c.end)) };
}
