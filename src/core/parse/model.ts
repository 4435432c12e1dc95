// One tree model for every syntax: maps, sequences and scalars with exact source ranges.
// Parsers (yaml.ts, json.ts, dotenv.ts, ...) build it; rules only read it.
import type { Syntax, TextRange } from '../types';

export type Node = MapNode | SeqNode | ScalarNode;
export type PathSegment = string | number;

interface NodeBase extends TextRange {
  /** Set by `linkParents`; undefined for a document root. */
  parent?: MapNode | SeqNode;
}

export interface MapNode extends NodeBase {
  kind: 'map';
  pairs: Pair[];
}

export interface SeqNode extends NodeBase {
  kind: 'seq';
  items: Node[];
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block' | 'raw';

export interface ScalarNode extends NodeBase {
  kind: 'scalar';
  /** The value as the consumer of the file sees it (quotes removed, escapes decoded). */
  value: string;
  /** What the value is in its syntax: YAML and JSON tell numbers, booleans and null from strings. */
  type: 'string' | 'number' | 'boolean' | 'null';
  style: ScalarStyle;
  /** A YAML tag such as `!Ref` or `!Sub`, when present. */
  tag?: string;
  /** True for a YAML alias (`*name`): the value lives elsewhere. */
  alias?: boolean;
}

export interface Pair extends TextRange {
  key: ScalarNode;
  /** Null when the key has no value (`key:` in YAML). */
  value: Node | null;
  parent?: MapNode;
}

export interface Comment extends TextRange {
  /** Text after the comment marker. */
  text: string;
}

/** One document of a file: YAML files may hold several. */
export interface ParsedDocument {
  root: Node | null;
  /** Offset range of this document inside the file. */
  range: TextRange;
  /** Parse errors of this document; what did parse is still analysed. */
  errors: ParseError[];
}

export interface ParseError extends TextRange {
  message: string;
}

export interface ParsedFile {
  syntax: Syntax;
  text: string;
  documents: ParsedDocument[];
  comments: Comment[];
  /**
   * Shell command lines the syntax itself knows about (a Dockerfile's RUN), with the offset of each.
   * YAML and JSON files expose scripts as scalars instead; rules find them by key.
   */
  commands: RawCommand[];
}

export interface RawCommand extends TextRange {
  /** The command text exactly as in the file (line continuations kept). */
  text: string;
}

/**
 * Fills in `parent` links so rules can walk upwards. The fast readers (yaml-fast.ts, json-fast.ts)
 * create every node and pair with `parent: undefined` already: adding a property to an object
 * literal after the fact gives it a separate property store, about a sixth of a large tree's
 * memory, and the tree lives through the analysis, where young-generation collections copy every
 * byte of it (a 10,000-line Kubernetes file: 17 → 11 ms of collection per analysis).
 */
export function linkParents(node: Node | null, parent?: MapNode | SeqNode): void {
  if (!node) return;
  node.parent = parent;
  if (node.kind === 'map') {
    for (const pair of node.pairs) {
      pair.parent = node;
      pair.key.parent = node;
      linkParents(pair.value, node);
    }
  } else if (node.kind === 'seq') {
    for (const item of node.items) linkParents(item, node);
  }
}

/**
 * Unlinks a tree its owner is done with, so that the garbage collector can free it at once. A
 * tree built across a young-generation collection has parts in the old generation that point to
 * newer parts; until the next full collection those pointers keep the newer parts alive, and
 * every young collection in between copies them again. Clearing the links in place (not just
 * dropping the arrays, whose old slots would still count) ends that. The tree is unusable after.
 */
export function releaseTree(node: Node | null): void {
  if (!node) return;
  node.parent = undefined;
  if (node.kind === 'map') {
    const pairs = node.pairs;
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i] as { key: ScalarNode | null; value: Node | null; parent?: MapNode };
      releaseTree(pair.value);
      if (pair.key) pair.key.parent = undefined;
      pair.key = null;
      pair.value = null;
      pair.parent = undefined;
    }
    pairs.fill(undefined as never);
    pairs.length = 0;
  } else if (node.kind === 'seq') {
    const items = node.items;
    for (let i = 0; i < items.length; i++) releaseTree(items[i]);
    items.fill(undefined as never);
    items.length = 0;
  }
}

/** The pair of `map` whose key equals `key` (first one; duplicates are reported by parsers). */
export function getPair(map: Node | null | undefined, key: string): Pair | undefined {
  if (!map || map.kind !== 'map') return undefined;
  return map.pairs.find((p) => p.key.value === key);
}

export function get(map: Node | null | undefined, key: string): Node | null | undefined {
  return getPair(map, key)?.value;
}

/** Follows a path of keys and indices; undefined as soon as a step is missing. */
export function getPath(node: Node | null | undefined, path: PathSegment[]): Node | null | undefined {
  let cur: Node | null | undefined = node;
  for (const seg of path) {
    if (!cur) return undefined;
    if (typeof seg === 'number') cur = cur.kind === 'seq' ? cur.items[seg] : undefined;
    else cur = get(cur, seg);
  }
  return cur;
}

/** The string value of a scalar node, or undefined for anything else. */
export function str(node: Node | null | undefined): string | undefined {
  return node && node.kind === 'scalar' ? node.value : undefined;
}

export function isMap(node: Node | null | undefined): node is MapNode {
  return !!node && node.kind === 'map';
}
export function isSeq(node: Node | null | undefined): node is SeqNode {
  return !!node && node.kind === 'seq';
}
export function isScalar(node: Node | null | undefined): node is ScalarNode {
  return !!node && node.kind === 'scalar';
}

/** The key path from the document root to `node`, computed by walking parent links. */
export function pathOf(node: Node): PathSegment[] {
  const path: PathSegment[] = [];
  let cur: Node = node;
  while (cur.parent) {
    const parent: MapNode | SeqNode = cur.parent;
    if (parent.kind === 'seq') {
      path.push(parent.items.indexOf(cur));
    } else {
      const pair = parent.pairs.find((p) => p.value === cur || p.key === cur);
      path.push(pair ? pair.key.value : '?');
    }
    cur = parent;
  }
  return path.reverse();
}

/** The key under which `node` sits in its parent map, if it sits in one. */
export function keyOf(node: Node): string | undefined {
  const parent = node.parent;
  if (!parent || parent.kind !== 'map') return undefined;
  return parent.pairs.find((p) => p.value === node)?.key.value;
}

/** Items of a sequence, or the single node itself, so rules can accept both spellings. */
export function items(node: Node | null | undefined): Node[] {
  if (!node) return [];
  return node.kind === 'seq' ? node.items : [node];
}

/**
 * Maps a [from, to) slice of a scalar's decoded value back to source offsets.
 * Walks value and source together: equal characters map one to one; escapes, quote doubling,
 * indentation and line folding in the source are stepped over. Falls back to the whole scalar
 * when the two cannot be aligned, so a range is always inside the node.
 *
 * The walk is done once per scalar and remembered (see `alignmentOf`): rules ask for many ranges
 * in one long script (every URL, every command word), and walking from the scalar's start each
 * time made a 100 KB `run:` block take seconds.
 */
export function sourceRange(text: string, node: ScalarNode, from: number, to: number): TextRange {
  const whole = { start: node.start, end: node.end };
  if (node.alias || !(from < to) || !Number.isInteger(from) || from < 0) return whole;
  // The value character that ends the slice (a fractional `to` rounds up, as the walk did).
  const last = Math.ceil(to) - 1;
  // Most scalars are written exactly as their value reads: then offsets map one to one, and the
  // walk (two arrays per scalar) is not needed.
  const at = verbatimAt(text, node);
  if (at >= 0) return last < node.value.length ? { start: at + from, end: at + last + 1 } : whole;
  const a = alignmentOf(text, node);
  if (!a || last >= a.reached) return whole;
  return { start: a.consumedAt[from], end: a.after[last] };
}

/**
 * Where the value starts in the source when the source spells it verbatim (no escapes, folding
 * or quote doubling), else -1. A backslash in a double-quoted scalar always starts an escape, so
 * such a scalar is left to the walk even when source and value agree.
 */
function verbatimAt(text: string, node: ScalarNode): number {
  // A short value is compared again each time (cheaper than a lookup); a long one is remembered
  // per scalar: comparing a 100 KB `run:` block for each of its thousands of ranges took seconds.
  if (node.value.length <= VERBATIM_UNCACHED) return verbatimStart(text, node);
  const known = verbatims.get(node);
  if (known?.text === text) return known.at;
  const at = verbatimStart(text, node);
  verbatims.set(node, { text, at });
  return at;
}

const verbatims = new WeakMap<ScalarNode, { text: string; at: number }>();
const VERBATIM_UNCACHED = 256;

function verbatimStart(text: string, node: ScalarNode): number {
  const quoted = node.style === 'single' || node.style === 'double';
  // `raw` values (HCL templates) keep their quotes and escapes, as written: verbatim when equal.
  if (!quoted && node.style !== 'plain' && node.style !== 'raw') return -1;
  const at = quoted ? node.start + 1 : node.start;
  const value = node.value;
  if (at + value.length !== (quoted ? node.end - 1 : node.end)) return -1;
  if (node.style === 'double' && value.includes('\\')) return -1;
  return text.startsWith(value, at) ? at : -1;
}

interface Alignment {
  text: string;
  /** Source offset where value[v] is consumed (after any skipped indentation or quotes). */
  consumedAt: Int32Array;
  /** Source offset just after value[v]'s source characters. */
  after: Int32Array;
  /** How many value characters could be aligned (the walk stops at the first mismatch). */
  reached: number;
}

const alignments = new WeakMap<ScalarNode, Alignment | null>();

/** The value↔source alignment of a scalar, walked once (null: the scalar cannot be aligned at all). */
function alignmentOf(text: string, node: ScalarNode): Alignment | null {
  const cached = alignments.get(node);
  if (cached !== undefined && (cached === null || cached.text === text)) return cached;
  const value = node.value;
  let s = node.start;
  // Skip an opening quote or a block header line (`|`, `>-`, ...).
  if (node.style === 'single' || node.style === 'double') s++;
  else if (node.style === 'block') {
    const nl = text.indexOf('\n', s);
    if (nl < 0 || nl >= node.end) {
      alignments.set(node, null);
      return null;
    }
    s = nl + 1;
  }
  // Every aligned value character consumes at least one source character, so the source span
  // bounds the arrays (escapes and folding can step past value.length: NaN comparisons).
  const size = Math.max(0, node.end - s) + 1;
  const consumedAt = new Int32Array(size);
  const after = new Int32Array(size);
  let v = 0;
  let mark = s; // where the current value character's source began (after skipped characters)
  while (s < node.end && v < size) {
    mark = s;
    const vc = value.charCodeAt(v);
    const sc = text.charCodeAt(s);
    if (sc === 92 /* \ */ && node.style === 'double') {
      // In a double-quoted scalar a backslash always starts an escape, even when the character
      // it stands for is itself a backslash (`\\`): matching it literally would misalign.
      s = Math.min(s + escapeLength(text, s), node.end); // an escape cut off by the end stays inside
      consumedAt[v] = mark;
      after[v++] = s;
    } else if (sc === vc) {
      s++;
      consumedAt[v] = mark;
      after[v++] = s;
    } else if (sc === 92 /* \ */ && node.style === 'raw') {
      s = Math.min(s + escapeLength(text, s), node.end);
      consumedAt[v] = mark;
      after[v++] = s;
    } else if (sc === 39 /* ' */ && node.style === 'single') {
      s++; // '' stands for one quote
    } else if (sc === 32 || sc === 9 || sc === 10 || sc === 13) {
      // Indentation or folding: a folded line break becomes a space in the value.
      s++;
      if (vc === 32 && (sc === 10 || sc === 13)) {
        consumedAt[v] = mark;
        after[v++] = s;
      }
    } else {
      break;
    }
  }
  const a = { text, consumedAt, after, reached: v };
  alignments.set(node, a);
  return a;
}

function escapeLength(text: string, at: number): number {
  const c = text[at + 1];
  if (c === 'u') return 6;
  if (c === 'x') return 4;
  if (c === 'U') return 10;
  return 2;
}
