// Which of many keywords occur in a text, found in one pass instead of one `includes` per keyword.
// Keyword prefilters (the rules' `keywords`, the provider catalog's ~280) run on every analysis;
// hundreds of full scans of a large file cost more than the rest of a cheap analysis. The answer
// is exactly `keywords.filter((k) => text.includes(k))`.

/** Keywords bucketed by their first two characters (ASCII); the rest are checked one by one. */
export class KeywordSet {
  private readonly buckets = new Map<number, string[]>();
  private readonly others: string[] = [];
  private readonly bucketed: number;

  constructor(keywords: Iterable<string>) {
    const distinct = new Set(keywords);
    let bucketed = 0;
    for (const k of distinct) {
      const c1 = k.charCodeAt(0);
      const c2 = k.charCodeAt(1);
      // Short keywords and keywords that start outside ASCII: one `includes` each.
      if (k.length < 2 || c1 >= 128 || c2 >= 128) {
        this.others.push(k);
        continue;
      }
      const key = (c1 << 7) | c2;
      const bucket = this.buckets.get(key);
      if (bucket) bucket.push(k);
      else this.buckets.set(key, [k]);
      bucketed++;
    }
    this.bucketed = bucketed;
  }

  /** The keywords of this set that occur in `text` (the caller lowercases both sides). */
  foundIn(text: string): Set<string> {
    const found = new Set<string>();
    for (const k of this.others) if (text.includes(k)) found.add(k);
    if (this.bucketed === 0) return found;
    // A flat table answers "no keyword starts with these two characters" for most positions.
    const table = this.table();
    // Buckets whose keywords were all found are skipped from then on (common pairs recur a lot).
    const done = new Uint8Array(table.length);
    let remaining = this.bucketed;
    const last = text.length - 1;
    let c2 = text.charCodeAt(0);
    for (let i = 0; i < last; i++) {
      const c1 = c2;
      c2 = text.charCodeAt(i + 1);
      if (c1 >= 128 || c2 >= 128) continue;
      const key = (c1 << 7) | c2;
      const bucket = table[key];
      if (bucket === undefined || done[key] === 1) continue;
      let open = 0;
      for (let j = 0; j < bucket.length; j++) {
        const k = bucket[j];
        if (found.has(k)) continue;
        if (text.startsWith(k, i)) {
          found.add(k);
          if (--remaining === 0) return found;
        } else open++;
      }
      if (open === 0) done[key] = 1;
    }
    return found;
  }

  private flat: (string[] | undefined)[] | undefined;

  private table(): (string[] | undefined)[] {
    if (!this.flat) {
      this.flat = new Array<string[] | undefined>(128 * 128).fill(undefined);
      for (const [key, bucket] of this.buckets) this.flat[key] = bucket;
    }
    return this.flat;
  }
}
