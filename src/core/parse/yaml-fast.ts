// A single-pass reader for the block-style YAML that real config files are made of. It builds
// exactly the model that the `yaml`-package path of yaml.ts builds (same values, same ranges),
// in linear time and without the package's token objects. Whatever it does not reproduce
// exactly (flow collections over several lines, multi-line quoted scalars, complex keys,
// directives, `!!` tags, tabs, anything the package reports as an error...) makes it give up:
// `undefined` means "not sure, ask the `yaml` package". In a large file, yaml-resync.ts asks it
// about parts instead (readBlock, readValue).
//
// The range rules mirror the package's CST parser and composer:
// - a scalar, alias or flow collection ending a line owns the rest of that line and its line
//   break, plus the comment lines right after it (blank lines allowed in between) that are
//   indented deeper than its collection; an alias's model range covers all of that;
// - the other blank and comment lines after a collection's last value stay in it (extending
//   its range) only when one of those comments is indented at least as deep as the collection
//   (and the collection is not at column 0); otherwise they move to the enclosing collection,
//   and from the root to the document;
// - a key without a value keeps the lines after it as its separator.
import type { Comment, MapNode, Node, Pair, ParsedDocument, ScalarNode, SeqNode } from './model';
import { linkParents } from './model';
import { precutYaml } from './limits';

type Result = { documents: ParsedDocument[]; comments: Comment[] };

/** Thrown (never escapes) when the input holds something this reader does not reproduce exactly. */
const GIVE_UP = new Error('yaml-fast: not sure');

/** Shallower than limits.ts MAX_NESTING, so the package would never have cut anything. */
const MAX_DEPTH = 100;
/** limits.ts YAML_PRECUT: below this many brackets, the pre-cut cannot blank anything. */
const PRECUT = 1000;

const SPACE = 32;
const LF = 10;
const CR = 13;
const HASH = 35;
const COLON = 58;
const DASH = 45;
const DOT = 46;

/** Line kinds of the current (next non-blank, non-comment) line. */
const LINE = 0;
const DOC_START = 1;
const DOC_END = 2;
const EOF = 3;

export function parseYamlFast(text: string): Result | undefined {
  if (!plausible(text)) return undefined;
  let documents: ParsedDocument[];
  try {
    documents = READER.start(text).stream();
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  } finally {
    READER.release();
  }
  for (const d of documents) linkParents(d.root);
  return { documents, comments: fastComments(text) };
}

function giveUp(): never {
  throw GIVE_UP;
}

/** Where readBlock stopped, and whether it stopped because collections nest deeper than allowed. */
export interface Stop {
  at: number;
  tooDeep: boolean;
  /** The collection being read, with the pairs or items before the one it stopped in (no `end` yet). */
  read?: MapNode | SeqNode;
}

/**
 * For yaml-resync.ts: the block collection on the lines [from, to) (`to` a line start or the end
 * of the text), read as exactly as in a whole file, with collections nested at most `maxDepth`
 * deep; or, when the reader is not sure, the line it stopped at.
 */
export function readBlock(text: string, from: number, to: number, maxDepth: number): MapNode | SeqNode | Stop {
  return readOrStop(READER.start(text, to, maxDepth), from, ENTRY);
}

/** Like readBlock, for a document's root that is a scalar or a flow collection rather than a block one. */
export function readValue(text: string, from: number, to: number): Node | Stop {
  return readOrStop(READER.start(text, to), from, VALUE);
}

const ENTRY = (reader: Reader, from: number): MapNode | SeqNode => reader.entry(from);
const VALUE = (reader: Reader, from: number): Node => reader.value(from);

/** What `read` reads from `from`, or where the reader stopped, however it stopped (a flag or GIVE_UP). */
function readOrStop<T extends Node>(reader: Reader, from: number, read: (reader: Reader, from: number) => T): T | Stop {
  try {
    const node = read(reader, from);
    return reader.stopped ? reader.stop(from) : node;
  } catch (e) {
    if (e === GIVE_UP) return reader.stop(from);
    throw e;
  } finally {
    reader.release();
  }
}

/** Cheap whole-text checks for what the reader never handles (each is one native scan). */
function plausible(text: string): boolean {
  if (text.indexOf('\t') >= 0 || text.indexOf('\u2028') >= 0 || text.indexOf('\u2029') >= 0 || text.indexOf('\u0085') >= 0) return false;
  if (text.indexOf('\uFEFF', 1) >= 0) return false;
  for (let r = text.indexOf('\r'); r >= 0; r = text.indexOf('\r', r + 1)) if (text.charCodeAt(r + 1) !== LF) return false;
  // Only then could limits.ts blank part of the text before the package sees it.
  if (count(text, '[') + count(text, '{') > PRECUT && precutYaml(text).errors.length > 0) return false;
  return true;
}

function count(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

class Reader {
  private t = '';
  private n = 0;
  // The current line: the next line that is neither blank nor only a comment.
  private kind = LINE;
  private ls = 0; // line start
  private le = 0; // line end (its '\n', or n)
  private ce = 0; // content end (before a '\r')
  private ind = 0; // indentation (spaces)
  private fst = 0; // first non-space character
  private lastLine = 0; // start of the last line read, once the lines are at their end
  private outer: MapNode | SeqNode | undefined; // the outermost collection (see Stop)
  // Blank and comment lines skipped before the current line: content end, end after the line
  // break, and the comment's indentation (-1 for a run of blank lines; see `gap`); `gl` counts
  // the lines. Only the first `gn` entries are meaningful, so a reused reader keeps its arrays.
  private gn = 0;
  private gl = 0;
  private readonly gce: number[] = [];
  private readonly ge: number[] = [];
  private readonly gi: number[] = [];
  // Lines left over after a collection's last value (see the header): are there any, does one
  // hold a comment, the deepest comment indentation, and where they end.
  private tOn = false;
  private tCom = false;
  private tMax = -1;
  private tEnd = 0;
  /** Where the node just read ends with everything it owns (the package's range[2]). */
  private r2 = 0;
  /** Position after the ':' of the key just read. */
  private kEnd = 0;
  /** Position after the flow node just read. */
  private flowEnd = 0;
  private depth = 0;
  private maxDepth = MAX_DEPTH;
  /**
   * Set where a block collection meets a line it cannot hold (a line in a map that is no key, one
   * indented deeper than its siblings): every reader above returns at once, leaving the lines,
   * the depth and the partial collections exactly as a thrown GIVE_UP would, and readBlock
   * answers with the stop. Throwing there cost about a microsecond per broken entry, which the
   * recovery of a file broken on every few lines (yaml-resync.ts) meets thousands of times.
   */
  private failed = false;

  /**
   * Prepares to read `text` up to `end`, a line start or right after a key's `:` (what follows is
   * not seen), forgetting any earlier read: the recovery path of yaml-resync.ts reads a broken
   * file in thousands of small pieces, and one reader reused for all of them spares as many
   * objects and arrays for the garbage collector.
   */
  start(text: string, end = text.length, maxDepth = MAX_DEPTH): this {
    this.t = text;
    this.n = end;
    this.maxDepth = maxDepth;
    this.kind = LINE;
    this.ls = this.le = this.ce = this.ind = this.fst = this.lastLine = 0;
    this.outer = undefined;
    this.gn = this.gl = 0;
    this.tOn = this.tCom = false;
    this.tMax = -1;
    this.tEnd = this.r2 = this.kEnd = this.flowEnd = this.depth = 0;
    this.failed = false;
    return this;
  }

  /** Lets go of the text and of the nodes read, which the reader would otherwise keep alive until its next read. */
  release(): void {
    this.t = '';
    this.outer = undefined;
  }

  /** One block collection filling the lines from `from` (see readBlock). */
  entry(from: number): MapNode | SeqNode {
    this.nextLine(from);
    if (this.kind !== LINE) giveUp();
    const node = this.collection(this.ind);
    if (this.failed) return node;
    if (!this.atEnd()) giveUp();
    return node;
  }

  /** A scalar or flow collection filling the lines from `from` (see readValue). */
  value(from: number): Node {
    this.nextLine(from);
    if (this.kind !== LINE) giveUp();
    const node = this.inline(this.fst, -1, false);
    if (this.failed) return node;
    if (!this.atEnd()) giveUp();
    return node;
  }

  /** True when the last read stopped at a line a collection could not hold (see `failed`). */
  get stopped(): boolean {
    return this.failed;
  }

  private atEnd(): boolean {
    return this.kind === EOF;
  }

  /** The line the reader stopped at (at the end of the lines: the last one it read). */
  stop(from: number): Stop {
    return { at: this.ls < this.n ? this.ls : Math.max(from, this.lastLine), tooDeep: this.depth > this.maxDepth, read: this.outer };
  }

  stream(): ParsedDocument[] {
    const docs: ParsedDocument[] = [];
    const bom = this.t.charCodeAt(0) === 0xfeff;
    // After a byte order mark the package's lexer does not see a `-` as an indicator.
    if (bom && this.t.charCodeAt(1) === DASH && !isMarker(this.t, 1)) giveUp();
    this.nextLine(bom ? 1 : 0);
    while (this.kind !== EOF) {
      if (this.kind === DOC_END) giveUp();
      docs.push(this.kind === DOC_START ? this.markedDocument() : this.document(this.fst));
      if (this.kind === DOC_END) {
        docs[docs.length - 1].range.end = this.markerLineEnd();
        this.nextLine(this.after(this.le));
      }
    }
    return docs;
  }

  /** A document opened by `---`: empty, or content on the following lines. */
  private markedDocument(): ParsedDocument {
    const start = this.ls;
    const lineEnd = this.le;
    const p = this.spaces(this.ls + 3);
    const comment = p < this.ce;
    if (comment && this.t.charCodeAt(p) !== HASH) giveUp();
    const spacesEnd = comment ? p : this.ce;
    this.nextLine(this.after(lineEnd));
    if (this.kind === LINE) return this.document(start);
    // Nothing but comments up to the next marker: an empty (null) document.
    const root = scalarNode('', 'null', spacesEnd, spacesEnd);
    const end = comment || this.gapHasComment() ? this.sepEnd() : spacesEnd;
    return { root, range: { start, end }, errors: [] };
  }

  private document(start: number): ParsedDocument {
    if (this.ind !== 0) giveUp();
    const root = this.collection(0);
    if (this.failed || this.kind === LINE) giveUp();
    return { root, range: { start, end: this.tOn ? this.tEnd : this.r2 }, errors: [] };
  }

  /** End of a `...` line: the document's range ends after it and its comment. */
  private markerLineEnd(): number {
    const p = this.spaces(this.ls + 3);
    if (p < this.ce && this.t.charCodeAt(p) !== HASH) giveUp();
    return this.after(this.le);
  }

  // ---------------------------------------------------------------------------------------------
  // Lines

  private after(lineEnd: number): number {
    return lineEnd < this.n ? lineEnd + 1 : this.n;
  }

  private spaces(i: number): number {
    const t = this.t;
    while (t.charCodeAt(i) === SPACE) i++;
    return i;
  }

  /** Moves to the next content line at or after `from` (a line start), noting the lines skipped. */
  private nextLine(from: number): void {
    const t = this.t;
    const n = this.n;
    this.gn = this.gl = 0;
    while (from < n) {
      let le = t.indexOf('\n', from);
      if (le < 0 || le > n) le = n;
      const ce = le > from && t.charCodeAt(le - 1) === CR ? le - 1 : le;
      const fst = this.spaces(from);
      if (fst >= ce || t.charCodeAt(fst) === HASH) {
        this.gap(fst >= ce ? -1 : fst - from, ce, this.after(le));
        from = this.after(le);
        continue;
      }
      this.ls = from;
      this.le = le;
      this.ce = ce;
      this.fst = fst;
      this.ind = fst - from;
      this.kind = fst === from && fst + 3 <= ce && isMarker(t, fst) ? (t.charCodeAt(fst) === DASH ? DOC_START : DOC_END) : LINE;
      if (this.kind === LINE && t.charCodeAt(fst) === 37 /* % */) giveUp();
      return;
    }
    this.kind = EOF;
    if (this.ls < n) this.lastLine = this.ls;
    this.ls = this.le = this.ce = this.fst = n;
    this.ind = 0;
  }

  /**
   * Notes a skipped line. A run of blank lines is one entry (its first line's content end, its
   * last line's end): nothing needs them one by one, and 100 KB of blank lines made the arrays
   * grow to 100,000 entries.
   */
  private gap(indent: number, ce: number, end: number): void {
    this.gl++;
    if (indent < 0 && this.gn > 0 && this.gi[this.gn - 1] < 0) {
      this.ge[this.gn - 1] = end;
      return;
    }
    this.gce[this.gn] = ce;
    this.ge[this.gn] = end;
    this.gi[this.gn++] = indent;
  }

  private gapHasComment(): boolean {
    for (let g = 0; g < this.gn; g++) if (this.gi[g] >= 0) return true;
    return false;
  }

  /** Where the tokens before the current line end: its indentation is one of them. */
  private sepEnd(): number {
    return this.kind === EOF ? this.n : this.fst;
  }

  /**
   * After a line whose last node ended at `r2`: comment lines indented deeper than `owner` are
   * the node's own (when `absorbs`); what is left is noted as the trailing lines.
   */
  private trail(r2: number, owner: number, absorbs: boolean): number {
    let broken = !absorbs;
    this.tOn = this.tCom = false;
    this.tMax = -1;
    for (let g = 0; g < this.gn; g++) {
      const gi = this.gi[g];
      if (gi >= 0) {
        if (!broken && gi > owner) {
          r2 = this.ge[g];
          this.tOn = false;
          continue;
        }
        broken = true;
        this.tCom = true;
        if (gi > this.tMax) this.tMax = gi;
      }
      this.tOn = true;
    }
    if (this.kind === LINE && this.ind > 0) this.tOn = true;
    this.tEnd = this.sepEnd();
    return r2;
  }

  /** A collection at `indent` is done: it keeps the trailing lines if a comment is deep enough. */
  private finish(indent: number, r2: number): number {
    if (this.tCom && indent > 0 && this.tMax >= indent) {
      r2 = this.tEnd;
      this.tOn = this.tCom = false;
    }
    this.r2 = r2;
    return r2;
  }

  /** After a flow node ending at `e`: only spaces and a comment may follow on its line. */
  private endLine(e: number, owner: number): void {
    const p = this.spaces(e);
    if (p < this.ce && (this.t.charCodeAt(p) !== HASH || p === e)) giveUp();
    const r2 = this.after(this.le);
    this.nextLine(r2);
    this.r2 = this.trail(r2, owner, true);
  }

  // ---------------------------------------------------------------------------------------------
  // Block collections

  /** A block map or sequence starting at the current line's first character. */
  private collection(indent: number): MapNode | SeqNode {
    if (this.isDash(this.fst)) return this.seq(indent, this.fst);
    const key = this.key(this.fst);
    if (!key) giveUp();
    return this.map(indent, key);
  }

  private enter(): void {
    if (++this.depth > this.maxDepth) giveUp();
  }

  private map(indent: number, first: ScalarNode): MapNode {
    this.enter();
    const pairs: Pair[] = [];
    const map: MapNode = { kind: 'map', pairs, start: first.start, end: 0, parent: undefined };
    if (this.depth === 1) this.outer = map;
    let key = first;
    for (;;) {
      const value = this.mapValue(indent, this.kEnd);
      if (this.failed) return map;
      pairs.push({ key, value, start: key.start, end: value.end, parent: undefined });
      if (this.kind !== LINE || this.ind < indent) break;
      if (this.ind > indent || this.isDash(this.fst)) return this.fail(map);
      this.tOn = this.tCom = false;
      const next = this.key(this.fst);
      if (!next) return this.fail(map);
      key = next;
    }
    map.end = this.finish(indent, this.r2);
    this.depth--;
    return map;
  }

  private seq(indent: number, dash: number): SeqNode {
    this.enter();
    const items: Node[] = [];
    const seq: SeqNode = { kind: 'seq', items, start: dash, end: 0, parent: undefined };
    if (this.depth === 1) this.outer = seq;
    for (;;) {
      const p = this.spaces(dash + 1);
      const item = p < this.ce && this.t.charCodeAt(p) !== HASH ? this.inline(p, indent, true) : this.below(indent);
      if (this.failed) return seq;
      items.push(item);
      if (this.kind !== LINE || this.ind < indent) break;
      if (this.ind > indent) return this.fail(seq);
      if (!this.isDash(this.fst)) break;
      this.tOn = this.tCom = false;
      dash = this.fst;
    }
    seq.end = this.finish(indent, this.r2);
    this.depth--;
    return seq;
  }

  /**
   * A collection on the lines below a `-`, an anchor or a tag that ends its line, in a collection
   * at `indent` (a scalar or nothing there is left to the package).
   */
  private below(indent: number): MapNode | SeqNode {
    this.nextLine(this.after(this.le));
    if (this.kind !== LINE || this.ind <= indent) giveUp();
    this.tOn = this.tCom = false;
    return this.collection(this.ind);
  }

  /** Stops every read above at the current line (see `failed`); the collection is left unfinished. */
  private fail<T extends MapNode | SeqNode>(collection: T): T {
    this.failed = true;
    return collection;
  }

  private isDash(i: number): boolean {
    return this.t.charCodeAt(i) === DASH && (i + 1 >= this.ce || this.t.charCodeAt(i + 1) === SPACE);
  }

  /** The value after a map key's ':' (at `p`): on the same line, below it, or none. */
  private mapValue(indent: number, p: number): Node {
    const q = this.spaces(p);
    if (q < this.ce && this.t.charCodeAt(q) !== HASH) return this.inline(q, indent, false);
    const comment = q < this.ce;
    this.nextLine(this.after(this.le));
    if (this.kind === LINE && this.ind > indent && !this.isDash(this.fst)) {
      this.tOn = this.tCom = false;
      const node = this.scalar(this.fst, false);
      if (this.isKeyAfter(node.end)) return this.map(this.ind, settle(node));
      // A scalar on the line below its key.
      this.scalarEnd(node, indent);
      return settle(node);
    }
    if (this.kind === LINE && this.isDash(this.fst) && this.ind >= indent) {
      this.tOn = this.tCom = false;
      return this.seq(this.ind, this.fst);
    }
    return this.empty(indent, q, comment);
  }

  /**
   * A key without a value: a null scalar right after the ':' and its spaces. The lines after it
   * are its separator; at the next key (or a `---` after a column-0 key) the package keeps only
   * up to the second line break in it, counted from the last comment indented deeper.
   */
  private empty(indent: number, p: number, comment: boolean): ScalarNode {
    let end = this.sepEnd();
    let kept = this.gn; // skipped lines whose tokens stay in the separator
    if (this.kind === LINE ? this.ind === indent : this.kind === DOC_START && indent === 0) {
      let reset = -1; // the key line's own line break is the first one counted
      for (let g = 0; g < this.gn; g++) if (this.gi[g] > indent) reset = g;
      if (reset + 1 < this.gn) {
        end = this.gce[reset + 1];
        kept = reset + 2;
      }
    }
    for (let g = 0; !comment && g < kept; g++) comment = this.gi[g] >= 0;
    this.tOn = this.tCom = false;
    this.r2 = comment ? end : p;
    return scalarNode('', 'null', p, p);
  }

  // ---------------------------------------------------------------------------------------------
  // Nodes on one line

  /**
   * The node starting at `q` on the current line, in a collection at `indent`. In a sequence item
   * it may open a compact map (`- key: value`) or sequence (`- - x`).
   */
  private inline(q: number, indent: number, inSeq: boolean): Node {
    const t = this.t;
    const c = t.charCodeAt(q);
    if (c === 124 /* | */ || c === 62 /* > */) return this.block(q, indent, undefined);
    if (c === 91 /* [ */ || c === 123 /* { */) return this.flow(q, indent);
    if (c === 42 /* * */) return this.alias(q, indent);
    if (c === 38 /* & */) return this.anchored(q, indent);
    if (c === 33 /* ! */) return this.tagged(q, indent);
    if (inSeq && this.isDash(q)) return this.seq(q - this.ls, q);
    const node = this.scalar(q, false);
    if (this.isKeyAfter(node.end)) {
      if (!inSeq) giveUp();
      return this.map(q - this.ls, settle(node));
    }
    this.scalarEnd(node, indent);
    return settle(node);
  }

  /** `&name` before a node: the model has no anchors, only the node. */
  private anchored(q: number, indent: number): Node {
    const p = this.spaces(this.name(q));
    if (p >= this.ce || this.t.charCodeAt(p) === HASH) return this.below(indent);
    const c = this.t.charCodeAt(p);
    if (c === 91 || c === 123) return this.flow(p, indent);
    if (c === 124 || c === 62) return this.block(p, indent, undefined);
    return this.plainValue(p, indent, undefined);
  }

  /**
   * `!Tag node` with a local tag: the model keeps it on scalars; on collections it changes
   * nothing (the package only warns that it does not know it). `!!` tags resolve differently.
   */
  private tagged(q: number, indent: number): Node {
    const e = this.tagEnd(q);
    const p = this.spaces(e);
    if (p >= this.ce || this.t.charCodeAt(p) === HASH) return this.below(indent);
    const c = this.t.charCodeAt(p);
    if (c === 91 || c === 123) return this.flow(p, indent);
    const tag = this.t.slice(q, e);
    if (c === 124 || c === 62) return this.block(p, indent, tag);
    return this.plainValue(p, indent, tag);
  }

  /** End of a local tag `!Name` at `q`, which a space or the line's end must follow. */
  private tagEnd(q: number): number {
    const t = this.t;
    let i = q + 1;
    for (let c = t.charCodeAt(i); isWordChar(c); c = t.charCodeAt(++i));
    if (i === q + 1 || (i < this.ce && t.charCodeAt(i) !== SPACE)) giveUp();
    return i;
  }

  /** A plain or quoted scalar that must not be a key, ending its line. */
  private plainValue(p: number, indent: number, tag: string | undefined): ScalarNode {
    const node = this.scalar(p, false);
    if (this.isKeyAfter(node.end)) giveUp();
    this.scalarEnd(node, indent);
    if (tag === undefined) return settle(node);
    node.tag = tag;
    return node;
  }

  /**
   * After a scalar in a collection at `owner`: a plain one continues on following lines indented
   * deeper (folded into one value), unless a comment ends it.
   */
  private scalarEnd(node: ScalarNode, owner: number): void {
    if (node.style !== 'plain' || this.spaces(node.end) < this.ce) {
      this.endLine(node.end, owner);
      return;
    }
    let r2 = this.after(this.le);
    this.nextLine(r2);
    if (this.kind === LINE && this.ind > owner) {
      const parts = [node.value];
      do {
        if (this.gapHasComment()) giveUp();
        parts.push(this.gl === 0 ? ' ' : '\n'.repeat(this.gl));
        const line = this.plain(this.fst, false);
        parts.push(line.value);
        node.end = line.end;
        // A comment ends the scalar (a ':' would make the line a key: an error here).
        if (this.spaces(line.end) < this.ce) {
          node.value = parts.join('');
          this.endLine(line.end, owner);
          return;
        }
        r2 = this.after(this.le);
        this.nextLine(r2);
      } while (this.kind === LINE && this.ind > owner);
      node.value = parts.join('');
    }
    this.r2 = this.trail(r2, owner, true);
  }

  private alias(q: number, indent: number): ScalarNode {
    const e = this.name(q);
    const node: ScalarNode = { kind: 'scalar', value: this.t.slice(q, e), type: 'string', style: 'plain', alias: true, start: q, end: 0, parent: undefined };
    this.endLine(e, indent);
    node.end = this.r2;
    return node;
  }

  /** End of an anchor or alias name starting at `q` (its `&` or `*`). */
  private name(q: number): number {
    const t = this.t;
    let i = q + 1;
    for (let c = t.charCodeAt(i); i < this.ce && c !== SPACE; c = t.charCodeAt(++i)) {
      if (c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === COLON) giveUp();
    }
    if (i === q + 1) giveUp();
    return i;
  }

  /** A key at `q` (plain or quoted, followed by ':'), or null when the line holds none there. */
  private key(q: number): ScalarNode | null {
    const node = this.scalar(q, false);
    return this.isKeyAfter(node.end) ? settle(node) : null;
  }

  /** True when ':' (after optional spaces) follows position `e`; notes the position after it. */
  private isKeyAfter(e: number): boolean {
    const p = this.spaces(e);
    if (this.t.charCodeAt(p) !== COLON || p >= this.ce) return false;
    if (p + 1 < this.ce && this.t.charCodeAt(p + 1) !== SPACE) return false;
    this.kEnd = p + 1;
    return true;
  }

  /** A single-line plain, single- or double-quoted scalar at `q`. */
  private scalar(q: number, flow: boolean): ScalarNode {
    const c = this.t.charCodeAt(q);
    if (c === 34 /* " */) return this.doubleQuoted(q);
    if (c === 39 /* ' */) return this.singleQuoted(q);
    return this.plain(q, flow);
  }

  private plain(q: number, flow: boolean): ScalarNode {
    const t = this.t;
    const ce = this.ce;
    const c0 = t.charCodeAt(q);
    if (!plainStart(c0) || (c0 === DASH && (q + 1 >= ce || t.charCodeAt(q + 1) === SPACE))) giveUp();
    let end = q;
    for (let i = q; i < ce; i++) {
      const c = t.charCodeAt(i);
      if (c === SPACE) continue;
      if (c === HASH && t.charCodeAt(i - 1) === SPACE) break;
      if (c === COLON && (i + 1 >= ce || t.charCodeAt(i + 1) === SPACE)) break;
      if (c < SPACE || c === 0x7f) giveUp();
      if (flow && (c === 44 || c === 91 || c === 93 || c === 123 || c === 125 || c === COLON)) break;
      end = i + 1;
    }
    if (end === q) giveUp();
    return { kind: 'scalar', value: t.slice(q, end), type: 'string', style: 'plain', start: q, end, parent: undefined };
  }

  private doubleQuoted(q: number): ScalarNode {
    const t = this.t;
    const ce = this.ce;
    let i = q + 1;
    let from = i;
    let parts: string[] | null = null;
    for (;;) {
      if (i >= ce) giveUp(); // continues on the next line
      const c = t.charCodeAt(i);
      if (c === 34) break;
      if (c !== 92 /* \ */) {
        i++;
        continue;
      }
      parts ??= [];
      parts.push(t.slice(from, i));
      const e = t[i + 1];
      const simple = ESCAPES[e];
      if (simple !== undefined) {
        parts.push(simple);
        i += 2;
      } else {
        const len = e === 'x' ? 2 : e === 'u' ? 4 : e === 'U' ? 8 : 0;
        if (len === 0 || i + 2 + len > ce) giveUp();
        const hex = t.slice(i + 2, i + 2 + len);
        if (!/^[0-9a-fA-F]+$/.test(hex)) giveUp();
        const code = parseInt(hex, 16);
        if (code > 0x10ffff) giveUp();
        parts.push(String.fromCodePoint(code));
        i += 2 + len;
      }
      from = i;
    }
    let value: string;
    if (parts) {
      parts.push(t.slice(from, i));
      value = parts.join('');
    } else value = t.slice(q + 1, i);
    return { kind: 'scalar', value, type: 'string', style: 'double', start: q, end: i + 1, parent: undefined };
  }

  private singleQuoted(q: number): ScalarNode {
    const t = this.t;
    let i = q + 1;
    let doubled = false;
    for (;;) {
      i = t.indexOf("'", i);
      if (i < 0 || i >= this.ce) giveUp();
      if (t.charCodeAt(i + 1) !== 39) break;
      doubled = true;
      i += 2;
    }
    const raw = t.slice(q + 1, i);
    return { kind: 'scalar', value: doubled ? raw.replaceAll("''", "'") : raw, type: 'string', style: 'single', start: q, end: i + 1, parent: undefined };
  }

  /** A flow collection in a block collection at `indent`: its range runs to its line's end. */
  private flow(q: number, indent: number): MapNode | SeqNode {
    const node = this.flowCollection(q);
    this.endLine(this.flowEnd, indent);
    node.end = this.r2;
    return node;
  }

  /**
   * `[...]` or `{...}` at `q`, all on the current line, of scalars and flow collections (local
   * tags allowed). Ends after its closing bracket and the spaces after it, like the package's.
   */
  private flowCollection(q: number): MapNode | SeqNode {
    this.enter();
    const t = this.t;
    const isMap = t.charCodeAt(q) === 123;
    const close = isMap ? 125 : 93;
    const items: Node[] = [];
    const pairs: Pair[] = [];
    let i = this.spaces(q + 1);
    if (t.charCodeAt(i) !== close) {
      for (;;) {
        if (isMap) {
          const key = settle(this.scalar(i, true));
          i = this.spaces(key.end);
          if (t.charCodeAt(i) !== COLON || t.charCodeAt(i + 1) !== SPACE) giveUp();
          const value = this.flowItem(this.spaces(i + 1));
          pairs.push({ key, value, start: key.start, end: value.end, parent: undefined });
        } else {
          items.push(this.flowItem(i));
        }
        i = this.spaces(this.flowEnd);
        const c = t.charCodeAt(i);
        if (c === close) break;
        if (c !== 44 /* , */) giveUp();
        i = this.spaces(i + 1);
        if (i >= this.ce || t.charCodeAt(i) === close) giveUp();
      }
    }
    this.flowEnd = i + 1;
    this.depth--;
    const end = this.spaces(i + 1);
    return isMap ? { kind: 'map', pairs, start: q, end, parent: undefined } : { kind: 'seq', items, start: q, end, parent: undefined };
  }

  /** A node inside a flow collection; notes where it ends in `flowEnd`. */
  private flowItem(i: number): Node {
    const t = this.t;
    let tag: string | undefined;
    if (t.charCodeAt(i) === 33 /* ! */) {
      const e = this.tagEnd(i);
      tag = t.slice(i, e);
      i = this.spaces(e);
    }
    const c = t.charCodeAt(i);
    if (c === 91 || c === 123) return this.flowCollection(i);
    if (c === 42 /* * */ && tag === undefined) return this.flowAlias(i);
    const node = this.scalar(i, true);
    this.flowEnd = node.end;
    if (tag === undefined) return settle(node);
    node.tag = tag;
    return node;
  }

  /**
   * `*name` inside a flow collection: the name ends at a space, `,`, `]` or `}`, and the
   * package's range takes the spaces after it.
   */
  private flowAlias(q: number): ScalarNode {
    const t = this.t;
    let i = q + 1;
    for (let c = t.charCodeAt(i); i < this.ce && c !== SPACE && c !== 44 && c !== 93 && c !== 125; c = t.charCodeAt(++i)) {
      if (c === 91 || c === 123 || c === COLON) giveUp();
    }
    if (i === q + 1) giveUp();
    this.flowEnd = this.spaces(i);
    return { kind: 'scalar', value: t.slice(q, i), type: 'string', style: 'plain', alias: true, start: q, end: this.flowEnd, parent: undefined };
  }

  // ---------------------------------------------------------------------------------------------
  // Block scalars

  /** `|` or `>` at `q`, in a collection at `indent`, as the package's lexer and composer read it. */
  private block(q: number, indent: number, tag: string | undefined): ScalarNode {
    const t = this.t;
    const literal = t.charCodeAt(q) === 124;
    let i = q + 1;
    const chomp = t.charCodeAt(i);
    const keep = chomp === 43; /* + */
    if (keep || chomp === DASH) i++;
    const p = this.spaces(i);
    // An indentation indicator (`|2`) is read relative to the lexer's state: left to the package.
    if (p < this.ce && (t.charCodeAt(p) !== HASH || p === i)) giveUp();
    const body = this.after(this.le);
    const end = this.blockEnd(body, indent, keep);
    const value = blockValue(t, body, end, indent, literal, keep ? 1 : chomp === DASH ? -1 : 0);
    const node: ScalarNode = { kind: 'scalar', value, type: 'string', style: 'block', start: q, end, parent: undefined };
    if (tag !== undefined) node.tag = tag;
    this.nextLine(end);
    this.r2 = this.trail(end, indent, false);
    return node;
  }

  /**
   * Where a block scalar's body starting at `body` ends, as the package's lexer finds it: lines
   * indented at least as deep as its first non-blank line, and blank lines; without `+`, trailing
   * whitespace-only lines no deeper than that first line are left out.
   */
  private blockEnd(body: number, indent: number, keep: boolean): number {
    const t = this.t;
    const n = this.n;
    let first = -1;
    for (let i = body; i < n; ) {
      const s = this.spaces(i);
      const c = t.charCodeAt(s);
      if (s < n && c !== LF && c !== CR) {
        first = s - i;
        break;
      }
      const le = t.indexOf('\n', s);
      i = le < 0 ? n : le + 1;
    }
    // An empty body, or one whose indentation the package would read differently.
    if (first <= indent) giveUp();
    let nl = body - 1;
    for (;;) {
      const s = this.spaces(nl + 1);
      const c = t.charCodeAt(s);
      if (c !== LF && c !== CR && s - (nl + 1) < first) break;
      let le = t.indexOf('\n', s);
      if (le < 0) le = n;
      // limits.ts blanks a line of more than PRECUT compact indicators (`- - - ...`), even here.
      if (le - s > 2 * PRECUT && (c === DASH || c === 63 || c === COLON)) giveUp();
      nl = le;
      if (le === n) break;
    }
    if (!keep) {
      for (;;) {
        let i = nl - 1;
        if (t.charCodeAt(i) === CR) i--;
        const lastChar = i;
        while (t.charCodeAt(i) === SPACE) i--;
        if (t.charCodeAt(i) === LF && i >= body && i + 1 + first > lastChar) nl = i;
        else break;
      }
    }
    return Math.min(nl + 1, n);
  }
}

/** The one reader: reads never overlap (a read runs to its end before the next starts). */
const READER = new Reader();

// -----------------------------------------------------------------------------------------------
// Values

function isMarker(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  if ((c !== DASH && c !== DOT) || t.charCodeAt(i + 1) !== c || t.charCodeAt(i + 2) !== c) return false;
  const d = t.charCodeAt(i + 3);
  return Number.isNaN(d) || d === SPACE || d === LF || d === CR;
}

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === DASH;
}

/** Characters a plain scalar may start with (indicators are tested by the caller). */
function plainStart(c: number): boolean {
  switch (c) {
    case 44: case 91: case 93: case 123: case 125: // , [ ] { }
    case HASH: case 38: case 42: case 33: case 124: case 62: // # & * ! | >
    case 39: case 34: case 37: case 64: case 96: // ' " % @ `
    case 63: case COLON: // ? : (only rarely plain, and read differently by the package's lexer)
      return false;
  }
  return c > SPACE && c !== 0x7f;
}

/** Types an untagged plain scalar (its value is its source text until here). */
function settle(node: ScalarNode): ScalarNode {
  if (node.style !== 'plain') return node;
  node.type = plainType(node.value);
  if (node.type === 'null') node.value = '';
  return node;
}

function scalarNode(value: string, type: ScalarNode['type'], start: number, end: number): ScalarNode {
  return { kind: 'scalar', value: type === 'null' ? '' : value, type, style: 'plain', start, end, parent: undefined };
}

const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

const NULL_RE = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL_RE = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const NUMBER_RES = [
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/** The YAML 1.2 core-schema type of a plain scalar, tested in the package's order. */
function plainType(s: string): ScalarNode['type'] {
  const c = s.charCodeAt(0);
  // Only these first characters can start a null, boolean or number.
  if (c === 126 || c === 110 || c === 78) return NULL_RE.test(s) ? 'null' : 'string';
  if (c === 116 || c === 84 || c === 102 || c === 70) return BOOL_RE.test(s) ? 'boolean' : 'string';
  if ((c >= 48 && c <= 57) || c === 43 || c === DASH || c === DOT) {
    for (const re of NUMBER_RES) if (re.test(s)) return 'number';
  }
  return 'string';
}

/**
 * The value of a block scalar whose body is t[body, end), as the package's resolveBlockScalar
 * computes it (`chomp`: 1 keep, -1 strip, 0 clip), with `indent` its collection's indentation.
 */
function blockValue(t: string, body: number, end: number, indent: number, literal: boolean, chomp: number): string {
  // Lines as [indentation, content start, content end (a '\r' included)].
  const ind: number[] = [];
  const cs: number[] = [];
  const cend: number[] = [];
  for (let i = body; ; ) {
    let s = i;
    while (s < end && t.charCodeAt(s) === SPACE) s++;
    let le = t.indexOf('\n', s);
    if (le < 0 || le > end) le = end;
    ind.push(s - i);
    cs.push(s);
    cend.push(le);
    if (le >= end) break;
    i = le + 1;
  }
  const lines = ind.length;
  let chompStart = lines;
  while (chompStart > 0 && isEmptyLine(t, cs[chompStart - 1], cend[chompStart - 1])) chompStart--;
  let trim = indent;
  let contentStart = 0;
  for (let k = 0; k < chompStart; k++) {
    if (isEmptyLine(t, cs[k], cend[k])) {
      if (ind[k] > trim) trim = ind[k];
      continue;
    }
    if (ind[k] < trim) giveUp();
    trim = ind[k];
    contentStart = k;
    break;
  }
  for (let k = lines - 1; k >= chompStart; k--) if (ind[k] > trim) chompStart = k + 1;
  const out: string[] = [];
  for (let k = 0; k < contentStart; k++) out.push(extraIndent(t, cs[k], ind[k], trim), '\n');
  let sep = '';
  let prevMoreIndented = false;
  for (let k = contentStart; k < chompStart; k++) {
    let ce = cend[k];
    if (ce > cs[k] && t.charCodeAt(ce - 1) === CR) ce--;
    const empty = ce === cs[k];
    if (!empty && ind[k] < trim) giveUp();
    if (literal) {
      out.push(sep, extraIndent(t, cs[k], ind[k], trim), t.slice(cs[k], ce));
      sep = '\n';
    } else if (ind[k] > trim) {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      out.push(sep, extraIndent(t, cs[k], ind[k], trim), t.slice(cs[k], ce));
      sep = '\n';
      prevMoreIndented = true;
    } else if (empty) {
      if (sep === '\n') out.push('\n');
      else sep = '\n';
    } else {
      out.push(sep, t.slice(cs[k], ce));
      sep = ' ';
      prevMoreIndented = false;
    }
  }
  if (chomp === 1) {
    for (let k = chompStart; k < lines; k++) out.push('\n', extraIndent(t, cs[k], ind[k], trim));
    if (out.length === 0 || !out.join('').endsWith('\n')) out.push('\n');
  } else if (chomp === 0) out.push('\n');
  return out.join('');
}

/** A line that is empty or only '\r' after its indentation. */
function isEmptyLine(t: string, start: number, end: number): boolean {
  return start === end || (end - start === 1 && t.charCodeAt(start) === CR);
}

/** The indentation of a line beyond `trim` (kept in the value). */
function extraIndent(t: string, contentStart: number, indent: number, trim: number): string {
  return indent > trim ? t.slice(contentStart - (indent - trim), contentStart) : '';
}

// -----------------------------------------------------------------------------------------------
// Comments

/**
 * Exactly what yaml.ts `yamlComments` returns (its quote and block-scalar heuristics included),
 * with character codes instead of a slice, a trim and a regular expression per line.
 */
export function fastComments(text: string): Comment[] {
  const comments: Comment[] = [];
  let blockIndent = -1;
  let lineStart = 0;
  // The next '#' at or after the current line: most lines have none and need no scan at all.
  let nextHash = -1;
  const n = text.length;
  while (lineStart <= n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    let i = lineStart;
    for (let c = text.charCodeAt(i); i < lineEnd && (c === SPACE || c === 9); c = text.charCodeAt(++i));
    const indent = i - lineStart;
    if (blockIndent >= 0) {
      if (i >= lineEnd || text.charCodeAt(i) === CR || indent > blockIndent) {
        lineStart = lineEnd + 1;
        continue;
      }
      blockIndent = -1;
    }
    if (nextHash < lineStart) {
      nextHash = text.indexOf('#', lineStart);
      if (nextHash < 0) nextHash = n;
    }
    const hash = nextHash < lineEnd;
    if (hash) {
      const comment = lineComment(text, i, lineStart, lineEnd);
      if (comment) comments.push(comment);
    }
    if (opensBlock(text, lineStart, hash ? cutComment(text, lineStart, lineEnd) : lineEnd)) blockIndent = indent;
    lineStart = lineEnd + 1;
  }
  return comments;
}

/** yamlComments' scan of one line from `i` (after its indentation): quotes hide a '#'. */
function lineComment(text: string, i: number, lineStart: number, lineEnd: number): Comment | null {
  let quote = 0;
  let lastNonSpace = 0;
  for (; i < lineEnd; i++) {
    const c = text.charCodeAt(i);
    if (quote) {
      if (c === quote) {
        if (quote === 39 && text.charCodeAt(i + 1) === 39) i++;
        else quote = 0;
      } else if (c === 92 && quote === 34) i++;
      continue;
    }
    const prev = text.charCodeAt(i - 1);
    if (c === HASH && (i === lineStart || prev === SPACE || prev === 9)) {
      let end = lineEnd;
      if (text.charCodeAt(end - 1) === CR) end--;
      return { start: i, end, text: text.slice(i + 1, end) };
    }
    if ((c === 34 || c === 39) && (lastNonSpace === 0 || isQuoteOpener(lastNonSpace) || prev === SPACE)) {
      quote = c;
      continue;
    }
    if (c !== SPACE && c !== 9) lastNonSpace = c;
  }
  return null;
}

function isQuoteOpener(c: number): boolean {
  return c === COLON || c === DASH || c === 91 || c === 123 || c === 44 || c === 63;
}

/** JavaScript's `\s` (what trimEnd strips and /\s/ matches). */
function isJsSpace(c: number): boolean {
  if (c <= SPACE) return c === SPACE || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * `withoutTrailingComment`: the first '#' after the last line terminator (none when that '#'
 * starts the line), then the first such '#' preceded by whitespace, cuts before that run.
 */
function cutComment(text: string, from: number, to: number): number {
  let firstHash = -1;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === CR || c === 0x2028 || c === 0x2029) firstHash = -1;
    else if (c === HASH && firstHash < 0) firstHash = k;
  }
  if (firstHash <= from) return to;
  for (let h = firstHash; h < to; h++) {
    if (text.charCodeAt(h) !== HASH || !isJsSpace(text.charCodeAt(h - 1))) continue;
    let p = h - 1;
    while (p > from && isJsSpace(text.charCodeAt(p - 1))) p--;
    return p;
  }
  return to;
}

/** yamlComments' test `/(^|[\s:\-])[|>][+-]?[0-9]?[+-]?$/` on t[from, end) trimmed at the end. */
function opensBlock(text: string, from: number, end: number): boolean {
  while (end > from && isJsSpace(text.charCodeAt(end - 1))) end--;
  // The tail: [|>] then what [+-]?[0-9]?[+-]? matches, at most three characters.
  for (let q = end - 1; q >= from && q >= end - 4; q--) {
    const c = text.charCodeAt(q);
    if ((c !== 124 && c !== 62) || !tailMatches(text, q + 1, end)) continue;
    if (q === from) return true;
    const b = text.charCodeAt(q - 1);
    if (isJsSpace(b) || b === COLON || b === DASH) return true;
  }
  return false;
}

/** Does t[from, to) match `[+-]?[0-9]?[+-]?` ? */
function tailMatches(t: string, from: number, to: number): boolean {
  let i = from;
  if (i < to && isSign(t.charCodeAt(i))) i++;
  if (i < to && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) i++;
  if (i < to && isSign(t.charCodeAt(i))) i++;
  return i === to;
}

function isSign(c: number): boolean {
  return c === 43 || c === DASH;
}
