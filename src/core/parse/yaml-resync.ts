// Reading a large YAML file that the fast reader (yaml-fast.ts) is not sure about, without
// handing all of it to the `yaml` package: that package reads 1.4 to 3.5 µs per character (its
// CST parser), so a 100 KB file with one syntax error took 150 to 400 ms instead of a few.
//
// A collection is read in entries: an entry is a line at the collection's indentation with the
// deeper lines below it (a key and its value, or a sequence item). Runs of entries the fast
// reader reads are kept exactly as it reads them. An entry it cannot read goes to the `yaml`
// package when it is small and the file's allowance for the package is not spent; otherwise its
// first line and the entries of its body are read the same way, one level deeper. What is left
// is reported as a parse error and not analysed as structure (rules on the raw text still see
// it). Tabs and lone carriage returns, which the fast reader leaves to the package, are read as
// spaces and line breaks.
import type { Comment, MapNode, Node, Pair, ParsedDocument, ParseError, SeqNode } from './model';
import { linkParents } from './model';
import { MAX_NESTING, nestingError } from './limits';
import { fastComments, readBlock, readValue } from './yaml-fast';
import type { Stop } from './yaml-fast';

/** The `yaml`-package path of yaml.ts (passed in, as yaml.ts imports this file). */
type Exact = (text: string) => { documents: ParsedDocument[] };

/** Characters of one file the `yaml` package may read here: about 5 to 15 ms of its time. */
export const PACKAGE_ALLOWANCE = 4 * 1024;
/** What one call of the package is charged at least: its fixed cost per call is not small. */
const PACKAGE_CALL = 512;
const UNREAD = unread(`a YAML syntax error, or YAML that is read only in files up to ${PACKAGE_ALLOWANCE / 1024} KB`);
/** The package path's message for collections nested too deep (its cut is at the same depth). */
const TOO_DEEP = nestingError(0, 0).message;
/** Levels of bodies read entry by entry after a failure: each level reads its body again. */
const MAX_LEVELS = 20;

const SPACE = 32;
const LF = 10;
const CR = 13;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const TAB = 9;

/** One content line: start, first non-space character, end of content (before `\r\n`), next line. */
interface Line {
  start: number;
  first: number;
  end: number;
  next: number;
}

export function parseYamlResync(source: string, exact: Exact): { documents: ParsedDocument[]; comments: Comment[] } {
  const { text, tabs } = readable(source);
  const reader = new Resync(text, exact);
  const documents: ParsedDocument[] = [];
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let start = bom;
  let marked = false; // the document opens with a `---` line
  for (let at = bom; ; ) {
    const line = lineAt(text, at);
    const last = line.start >= text.length;
    const marker = !last && line.first === line.start && isMarker(text, line.start);
    if (marker || last) {
      // A `...` line closes the document it ends; a `---` line opens the next one.
      const opens = marker && text.charCodeAt(line.start) === DASH;
      const end = opens || last ? line.start : line.next;
      if (marked || hasContent(text, start, end)) documents.push(reader.document(start, end, marked));
      if (last) break;
      start = end;
      marked = opens;
    }
    at = line.next;
  }
  // Each run of tab-indented lines is reported in the document it starts in.
  let d = 0;
  for (const e of tabs) {
    while (d + 1 < documents.length && documents[d + 1].range.start <= e.start) d++;
    documents[d]?.errors.push(e);
  }
  return { documents, comments: fastComments(source) };
}

/**
 * The text as the fast reader reads it, with the same offsets. Tabs in indentation are an error
 * in YAML, which the `yaml` package reports and reads around; inside a line they are whitespace,
 * which the fast reader leaves to the package. Here every tab is read as a space (a value keeps
 * a space for each of its tabs), so that such a file is still analysed as structure, and each
 * run of tab-indented lines is reported. A carriage return without a line feed ends a line.
 */
function readable(text: string): { text: string; tabs: ParseError[] } {
  const tabs: ParseError[] = [];
  if (text.indexOf('\r') >= 0) text = text.replace(/\r(?!\n)/g, '\n');
  if (text.indexOf('\t') < 0) return { text, tabs };
  let run: ParseError | undefined; // the error of the previous line, when it was tab-indented
  for (let at = 0; at < text.length; ) {
    const line = lineAt(text, at);
    let i = at;
    let tab = false;
    for (let c = text.charCodeAt(i); c === SPACE || c === TAB; c = text.charCodeAt(++i)) tab ||= c === TAB;
    if (!tab) run = undefined;
    else if (run) run.end = line.end;
    else tabs.push((run = { start: at, end: line.end, message: 'Tabs are not allowed as indentation (read as spaces here)' }));
    at = line.next;
  }
  return { text: text.replaceAll('\t', ' '), tabs };
}

class Resync {
  private allowance = PACKAGE_ALLOWANCE;
  private errors: ParseError[] = [];
  /** The error of the entries that failed since the last one read (see `fail`). */
  private open: ParseError | undefined;

  constructor(
    private readonly text: string,
    private readonly exact: Exact,
  ) {}

  /** The document on [start, end); after a `---` line its content starts on the next line. */
  document(start: number, end: number, marked: boolean): ParsedDocument {
    this.errors = [];
    this.open = undefined;
    let from = start;
    if (marked) {
      const marker = lineAt(this.text, start);
      const after = skipSpaces(this.text, start + 3);
      // Content after `---` on its line (`--- |`, `--- !tag`) is reported rather than guessed at.
      if (after < marker.end && this.text.charCodeAt(after) !== HASH) this.fail(start, unread('content after `---` on its line'));
      from = marker.next;
    }
    const root = hasContent(this.text, from, end) ? this.root(from, end) : null;
    linkParents(root);
    return { root, range: { start, end }, errors: this.errors };
  }

  /** A document's root: a block collection, or else a scalar or flow collection filling the document. */
  private root(from: number, to: number): Node | null {
    const list = entries(this.text, from, to);
    const head = list.length === 1 ? lineAt(this.text, list[0]) : undefined;
    if (head && (isFlowStart(this.text.charCodeAt(head.first)) || !opensEntry(this.text, head))) {
      const value = readValue(this.text, list[0], to);
      if (!isStop(value)) return value;
    }
    return this.block(from, to, 0, list);
  }

  /**
   * The collection on the lines [from, to) (at least one content line). The entries from the
   * first not yet read to the end are read as one collection; where that stops, the entries
   * before the one it stopped in are read as one, and that entry on its own. So a file with one
   * error costs about two reads of it, not a reader per entry.
   */
  private block(from: number, to: number, level: number, list = entries(this.text, from, to)): MapNode | SeqNode | null {
    const out: { node: MapNode | SeqNode | null } = { node: null };
    for (let i = 0; i < list.length; ) {
      const start = list[i];
      const read = opensEntry(this.text, lineAt(this.text, start)) ? readBlock(this.text, start, to, MAX_NESTING - level) : undefined;
      if (read && !isStop(read)) {
        this.add(out, read, start);
        break;
      }
      let k = i;
      while (read && k + 1 < list.length && list[k + 1] <= read.at) k++;
      const before = k > i ? (readBefore(read, k - i, list[k]) ?? readBlock(this.text, start, list[k], MAX_NESTING - level)) : undefined;
      if (before && isStop(before)) k = i; // not expected: on entry by entry
      else if (before) this.add(out, before, start);
      this.add(out, this.entry(list[k], list[k + 1] ?? to, level, k === i ? read : undefined), list[k]);
      i = k + 1;
    }
    return out.node;
  }

  /** Adds what an entry (or a run of entries) starting at `start` read to the collection `out`. */
  private add(out: { node: MapNode | SeqNode | null }, node: MapNode | SeqNode | null, start: number): void {
    if (!node) return;
    this.open = undefined;
    out.node ??= node.kind === 'map' ? { kind: 'map', pairs: [], start: node.start, end: node.end } : { kind: 'seq', items: [], start: node.start, end: node.end };
    if (!merge(out.node, node)) this.fail(start, unread(out.node.kind === 'map' ? 'a sequence item among the keys of a map' : 'a key among the items of a sequence'));
    else out.node.end = node.end;
  }

  /**
   * One entry on the lines [start, end): as the fast reader reads it, or in parts. `stopped` is
   * where a read from its start already stopped inside it, if one did.
   */
  private entry(start: number, end: number, level: number, stopped: Stop | undefined): MapNode | SeqNode | null {
    const head = lineAt(this.text, start);
    // Collections below this entry's may nest as deep as the package's limit allows in all.
    const maxDepth = MAX_NESTING - level;
    // Skips the reader where it would stop at once (throwing costs about a microsecond, and a
    // file of broken lines has tens of thousands).
    const read = stopped ?? (opensEntry(this.text, head) ? readBlock(this.text, start, end, maxDepth) : { at: start, tooDeep: false });
    if (!isStop(read)) return read;
    if (read.tooDeep) return this.fail(read.at, TOO_DEEP);
    const exact = this.byPackage(start, end);
    if (exact !== undefined && typeof exact !== 'string') return exact;
    // Where the fast reader stopped is where the error is: the package often places it later
    // (an unclosed quote at the end of the entry).
    const why = exact ?? UNREAD;
    if (head.next >= end || !hasContent(this.text, head.next, end)) return this.fail(read.at, why);
    if (level >= MAX_LEVELS) return this.fail(read.at, why);
    // The first line on its own, and the lines below it as a collection of their own (the value
    // of a `key:` or `-` there, or more pairs of a `- key: value`).
    const dashOnly = isDash(this.text, head.first, head.end) && skipSpaces(this.text, head.first + 1) >= head.end;
    let first = dashOnly ? null : readBlock(this.text, start, head.next, maxDepth);
    if (first && isStop(first)) {
      // `key: <what cannot be read>` over a body: the key alone, with the body as its value.
      this.fail(read.at, why);
      const colon = keyColon(this.text, head);
      first = colon < 0 ? first : readBlock(this.text, start, colon + 1, maxDepth);
      if (isStop(first)) return null;
    }
    const value = this.block(head.next, end, level + 1);
    if (!value) return first;
    if (!first) return { kind: 'seq', items: [value], start: head.first, end: value.end };
    if (!attach(first, value, value.start - lineStart(this.text, value.start), start)) this.fail(value.start, UNREAD);
    return first;
  }

  /**
   * The entry as the `yaml` package reads it, when the file's allowance covers it: a collection,
   * or why it cannot be one (the package's first error). Undefined when not read.
   */
  private byPackage(start: number, end: number): MapNode | SeqNode | string | undefined {
    const cost = Math.max(end - start, PACKAGE_CALL);
    if (cost > this.allowance) return undefined;
    this.allowance -= cost;
    const docs = this.exact(this.text.slice(start, end)).documents;
    const root = docs[0]?.root;
    const error = docs.find((d) => d.errors.length > 0)?.errors[0];
    if (error) return unread(error.message.endsWith('.') ? error.message.slice(0, -1) : error.message);
    if (docs.length !== 1 || !root) return UNREAD;
    // A flow collection is a value too, not the block collection an entry opens.
    if (root.kind === 'scalar' || isFlowStart(this.text.charCodeAt(start + root.start))) return unread('a value where a key or a sequence item belongs');
    shift(root, start);
    return root;
  }

  /**
   * Reports the line at `at` as not read; its entry adds nothing to the tree. Entries that fail
   * one after the other make one error (a file of broken lines should not get one per line).
   */
  private fail(at: number, message: string): null {
    const line = lineAt(this.text, at);
    if (this.open?.message === message) this.open.end = Math.max(this.open.end, line.end);
    else this.errors.push((this.open = { start: line.first, end: Math.max(line.first, line.end), message }));
    return null;
  }
}

/**
 * Where the entries of the lines [from, to) start (each ends where the next starts): at content
 * lines no deeper than the first one. Sequence items at the indentation of a `key:` whose value
 * is below it belong to that key. No object per line: a file can have 100,000 of them.
 */
function entries(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  let indent = -1;
  let keyAbove = false; // the current entry is `key:` with its value on the lines below
  for (let at = from; at < to; ) {
    let next = text.indexOf('\n', at);
    next = next < 0 || next >= to ? to : next + 1;
    const first = skipSpaces(text, at);
    let end = next > at && text.charCodeAt(next - 1) === LF ? next - 1 : next;
    if (end > first && text.charCodeAt(end - 1) === CR) end--;
    const start = at;
    at = next;
    if (first >= end || text.charCodeAt(first) === HASH) continue;
    if (indent < 0) indent = first - start;
    if (first - start > indent) continue;
    const dash = isDash(text, first, end);
    if (out.length > 0 && dash && keyAbove) continue;
    out.push(start);
    keyAbove = !dash && endsWithColon(text, first, end);
  }
  return out;
}

function unread(reason: string): string {
  return `${reason}: this part is not analysed as structure`;
}

function isStop(read: Node | Stop): read is Stop {
  return 'tooDeep' in read;
}

/**
 * What a read that stopped in a later entry had read of the `count` entries before it (which
 * start before `next`): its collection, when it holds exactly those, so they need no second read.
 */
function readBefore(stop: Stop | undefined, count: number, next: number): MapNode | SeqNode | undefined {
  const node = stop?.read;
  const done: (Pair | Node)[] | undefined = node?.kind === 'map' ? node.pairs : node?.items;
  if (!node || !done || done.length !== count || done[count - 1].end > next) return undefined;
  node.end = done[count - 1].end;
  return node;
}

/** Adds the pairs or items of `node` to `out` (false when their kinds differ). */
function merge(out: MapNode | SeqNode, node: MapNode | SeqNode): boolean {
  if (out.kind === 'map' && node.kind === 'map') append(out.pairs, node.pairs);
  else if (out.kind === 'seq' && node.kind === 'seq') append(out.items, node.items);
  else return false;
  return true;
}

/** `to.push(...from)` without spreading: a body can hold more pairs than a call takes arguments. */
function append<T>(to: T[], from: readonly T[]): void {
  for (const x of from) to.push(x);
}

/**
 * Puts a body read on its own (its first line indented by `column`) under the first line of its
 * entry, which starts at `start`: as the value of the last key there when that key has none and
 * the body is deeper, or as more pairs of the map opened by `- key: value` when the body is at
 * that key's column. False when it fits neither.
 */
function attach(first: MapNode | SeqNode, value: MapNode | SeqNode, column: number, start: number): boolean {
  const map = first.kind === 'map' ? first : first.items[0];
  if (map.kind !== 'map' || (first.kind === 'seq' && first.items.length !== 1)) return false;
  const pair = map.pairs[map.pairs.length - 1];
  if (value.kind === 'map' && map !== first && column === map.start - start) {
    append(map.pairs, value.pairs);
  } else if (column > pair.key.start - start && isEmpty(pair.value)) {
    pair.value = value;
    pair.end = value.end;
  } else if (column === pair.key.start - start && value.kind === 'seq' && isEmpty(pair.value)) {
    pair.value = value; // `key:` with its items at its own indentation
    pair.end = value.end;
  } else return false;
  map.end = first.end = value.end;
  return true;
}

function isEmpty(node: Node | null): boolean {
  return !node || (node.kind === 'scalar' && node.type === 'null' && node.start === node.end);
}

/** Moves every range of a tree read from a slice starting at `by`. */
function shift(node: Node | null, by: number): void {
  if (!node) return;
  node.start += by;
  node.end += by;
  if (node.kind === 'seq') for (const item of node.items) shift(item, by);
  if (node.kind === 'map') {
    for (const pair of node.pairs as Pair[]) {
      pair.start += by;
      pair.end += by;
      shift(pair.key, by);
      shift(pair.value, by);
    }
  }
}

// -----------------------------------------------------------------------------------------------
// Lines

function lineAt(text: string, start: number): Line {
  let next = text.indexOf('\n', start);
  next = next < 0 ? text.length : next + 1;
  let end = next > start && text.charCodeAt(next - 1) === LF ? next - 1 : next;
  if (end > start && text.charCodeAt(end - 1) === CR) end--;
  return { start, first: Math.min(skipSpaces(text, start), end), end, next };
}

function lineStart(text: string, i: number): number {
  return text.lastIndexOf('\n', i - 1) + 1;
}

function skipSpaces(text: string, i: number): number {
  while (text.charCodeAt(i) === SPACE) i++;
  return i;
}

/** True when a line other than blanks and comments lies in [from, to). */
function hasContent(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; ) {
    const line = lineAt(text, at);
    if (line.first < line.end && text.charCodeAt(line.first) !== HASH) return true;
    at = line.next;
  }
  return false;
}

function isFlowStart(c: number): boolean {
  return c === 91 /* [ */ || c === 123 /* { */;
}

function isDash(text: string, i: number, end: number): boolean {
  return text.charCodeAt(i) === DASH && (i + 1 >= end || text.charCodeAt(i + 1) === SPACE);
}

function isMarker(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c !== DASH && c !== 46) || text.charCodeAt(i + 1) !== c || text.charCodeAt(i + 2) !== c) return false;
  const d = text.charCodeAt(i + 3);
  return Number.isNaN(d) || d === SPACE || d === LF || d === CR;
}

/** Can the line start a collection: is it a `- ` item, or does it hold a key's `:`? */
function opensEntry(text: string, line: Line): boolean {
  return isDash(text, line.first, line.end) || keyColon(text, line) >= 0;
}

/** The first `:` on the line that a space or the line's end follows, or -1. */
function keyColon(text: string, line: Line): number {
  for (let i = line.first; i < line.end; i++) {
    if (text.charCodeAt(i) === COLON && (i + 1 === line.end || text.charCodeAt(i + 1) === SPACE)) return i;
  }
  return -1;
}

/** A line ending with `:` before any ` #` comment: a key whose value is on the lines below. */
function endsWithColon(text: string, first: number, end: number): boolean {
  for (let i = first; i < end; i++) if (text.charCodeAt(i) === HASH && text.charCodeAt(i - 1) === SPACE) end = i;
  while (end > first && text.charCodeAt(end - 1) === SPACE) end--;
  return text.charCodeAt(end - 1) === COLON;
}
