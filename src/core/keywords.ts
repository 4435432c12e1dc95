// Which of many keywords occur in a text, found in one pass instead of one `includes` per keyword.
// Keyword prefilters (the rules' `keywords`, the provider catalog's ~280) run on every analysis;
// hundreds of full scans of a large file cost more than the rest of a cheap analysis. The answer
// is exactly `keywords.filter((k) => text.includes(k))`.
//
// ASCII keywords go into one Aho–Corasick automaton, compiled to a full transition table over
// character classes (the characters keywords use; every other character is one class that leads
// back to the start). A scan is then one table lookup per character, however many keywords share
// a common prefix or occur nowhere. Keywords with other characters are looked for one by one.

export class KeywordSet {
  /** Keywords in the automaton, by index. */
  private readonly words: string[] = [];
  private readonly others: string[] = [];
  /** Class of each ASCII character code: 0 for characters no keyword holds. */
  private readonly classOf = new Uint8Array(128);
  /** The same for the text's lowercase form: `A`–`Z` take the class of `a`–`z`. */
  private readonly foldedClassOf = new Uint8Array(128);
  private readonly classes: number;
  /** The next state's row (state * classes) for row + class. */
  private readonly rows: Int32Array;
  /**
   * States where a keyword ends (itself or on its dictionary chain) are numbered after all
   * others, so the scan tells them by one comparison: their rows start here.
   */
  private readonly emitFrom: number;
  /** Index of the keyword that ends at a state, or -1. */
  private readonly output: Int32Array;
  /** Nearest state on a state's failure chain (itself excluded) where a keyword ends, or -1. */
  private readonly dict: Int32Array;
  private readonly states: number;

  constructor(keywords: Iterable<string>) {
    for (const k of new Set(keywords)) {
      if (k.length > 0 && isAscii(k)) this.words.push(k);
      else this.others.push(k);
    }
    let classes = 1;
    for (const k of this.words) {
      for (let i = 0; i < k.length; i++) if (this.classOf[k.charCodeAt(i)] === 0) this.classOf[k.charCodeAt(i)] = classes++;
    }
    this.classes = classes;
    for (let c = 0; c < 128; c++) this.foldedClassOf[c] = this.classOf[c >= 0x41 && c <= 0x5a ? c + 0x20 : c];
    const size = this.words.reduce((n, k) => n + k.length, 0) + 1;
    // The trie first (-1: no edge yet), then every missing edge is filled from the failure link.
    const next = new Int32Array(size * classes).fill(-1);
    const output = new Int32Array(size).fill(-1);
    let states = 1;
    this.words.forEach((k, index) => {
      let s = 0;
      for (let i = 0; i < k.length; i++) {
        const at = s * classes + this.classOf[k.charCodeAt(i)];
        if (next[at] < 0) next[at] = states++;
        s = next[at];
      }
      output[s] = index;
    });
    const fail = new Int32Array(states);
    const dict = new Int32Array(states).fill(-1);
    const queue = new Int32Array(states);
    let head = 0;
    let tail = 0;
    for (let c = 0; c < classes; c++) {
      const to = next[c];
      if (to > 0) queue[tail++] = to;
      else next[c] = 0;
    }
    // Breadth first, so a state's failure link is complete before its children need it.
    while (head < tail) {
      const s = queue[head++];
      const f = fail[s];
      dict[s] = output[f] >= 0 ? f : dict[f];
      for (let c = 0; c < classes; c++) {
        const to = next[s * classes + c];
        if (to < 0) {
          next[s * classes + c] = next[f * classes + c];
        } else {
          fail[to] = next[f * classes + c];
          queue[tail++] = to;
        }
      }
    }
    // Renumbered: states that emit nothing first (the start state, which emits nothing, stays 0).
    const emits = (s: number) => output[s] >= 0 || dict[s] >= 0;
    const renumbered = new Int32Array(states);
    let quiet = 0;
    for (let s = 0; s < states; s++) if (!emits(s)) renumbered[s] = quiet++;
    let loud = quiet;
    for (let s = 0; s < states; s++) if (emits(s)) renumbered[s] = loud++;
    this.output = new Int32Array(states);
    this.dict = new Int32Array(states);
    this.states = states;
    this.emitFrom = quiet * classes;
    // The scan's tables are indexed by row (state * classes), so a step is one lookup and one add.
    this.rows = new Int32Array(states * classes);
    for (let s = 0; s < states; s++) {
      const to = renumbered[s];
      for (let c = 0; c < classes; c++) this.rows[to * classes + c] = renumbered[next[s * classes + c]] * classes;
      this.output[to] = output[s];
      this.dict[to] = dict[s] >= 0 ? renumbered[dict[s]] : -1;
    }
  }

  /** The keywords of this set that occur in `text` (the caller lowercases both sides). */
  foundIn(text: string): Set<string> {
    const found = new Set<string>();
    for (const k of this.others) if (text.includes(k)) found.add(k);
    return this.scan(text, false, found);
  }

  /**
   * The keywords of this set that occur in `text.toLowerCase()`, without making that copy (for a
   * large file with capitals, the copy took longer than the scan): the scan folds case itself.
   */
  foundInLowercase(text: string): Set<string> {
    const found = new Set<string>();
    if (this.others.length > 0) {
      const lower = text.toLowerCase();
      for (const k of this.others) if (lower.includes(k)) found.add(k);
    }
    return this.scan(text, true, found);
  }

  /** Adds the automaton's keywords found in `text` (in its lowercase form when `fold`) to `found`. */
  private scan(text: string, fold: boolean, found: Set<string>): Set<string> {
    let remaining = this.words.length;
    if (remaining === 0) return found;
    const { rows, emitFrom, output, dict, classes, words } = this;
    const classOf = fold ? this.foldedClassOf : this.classOf;
    // States whose keywords (and those of their dictionary chain) were already collected.
    const seen = new Uint8Array(this.states);
    let r = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 128) {
        r = rows[r + classOf[c]];
        if (r < emitFrom) continue;
      } else {
        r = rows[r + (fold ? this.lowercaseClass(c) : 0)];
        if (r < emitFrom) {
          // `İ` lowercases to `i` and a combining dot, which no ASCII keyword holds: start afresh.
          if (c === DOTTED_CAPITAL_I && fold) r = 0;
          continue;
        }
      }
      const s = (r / classes) | 0;
      for (let m = output[s] >= 0 ? s : dict[s]; m >= 0 && seen[m] === 0; m = dict[m]) {
        seen[m] = 1;
        found.add(words[output[m]]);
        if (--remaining === 0) return found;
      }
      if (c === DOTTED_CAPITAL_I && fold) r = 0;
    }
    return found;
  }

  /**
   * Class of the first character of a non-ASCII code unit's lowercase form. Only two characters
   * lowercase to ASCII: `İ` (to `i` and U+0307) and the Kelvin sign (to `k`); keywords.test.ts
   * checks every code point. Every other one is of class 0, like the characters no keyword holds.
   */
  private lowercaseClass(c: number): number {
    return c === DOTTED_CAPITAL_I ? this.classOf[0x69] : c === KELVIN_SIGN ? this.classOf[0x6b] : 0;
  }
}

const DOTTED_CAPITAL_I = 0x130;
const KELVIN_SIGN = 0x212a;

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}
