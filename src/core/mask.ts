// The one place that turns secret values into something safe to show. Every message, excerpt,
// hover, report row and output format goes through here (the engine applies it centrally).

/** A short, non-reversible stand-in for a secret: a few leading characters and the length. */
export function mask(secret: string): string {
  const length = codePoints(secret);
  // Show at most 4 characters and never more than a quarter of the value.
  const shown = Math.min(4, Math.floor(length / 4));
  return `${secret.slice(0, shown)}…(${length} chars)`;
}

/** `[...s].length` without the array: a surrogate pair counts once, a lone surrogate once too. */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++, n++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

/** Replaces every occurrence of each secret in `text` by its mask. Longest secrets first. */
export function redact(text: string, secrets: Iterable<string>): string {
  return redactor(secrets)(text);
}

/**
 * `redact` with the secrets prepared once, for redacting many texts against the same secrets
 * (the engine redacts every finding's message and excerpt against every secret of the file).
 * Same result as `redact`, but a text costs time linear in its length whatever the number of
 * secrets: which secrets occur is found first (by an Aho–Corasick automaton, or one native
 * search per secret when there are few), and only those are replaced.
 */
export function redactor(secrets: Iterable<string>): (text: string) => string {
  const list = [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  if (list.length === 0) return redactUrlPasswords;
  const automaton = list.length > FEW_SECRETS ? new SecretAutomaton(list) : undefined;
  // A secret holding the mask's own marker could appear only after an earlier replacement; those
  // few are always tried, so the result stays exactly that of replacing in order.
  const always = list.flatMap((s, i) => (s.includes('…') ? [i] : []));
  return (text) => {
    const found = automaton ? automaton.occurring(text) : occurringFew(list, text);
    for (const i of always) found.add(i);
    if (found.size === 0) return redactUrlPasswords(text);
    let out = text;
    for (const i of [...found].sort((a, b) => a - b)) {
      const s = list[i];
      if (out.includes(s)) out = out.split(s).join(mask(s));
    }
    return redactUrlPasswords(out);
  };
}

/**
 * Up to this many secrets, a native `includes` per secret finds the ones in a text faster than
 * building the automaton and stepping it through the text (a file's findings usually hold a few).
 */
const FEW_SECRETS = 16;

/** What SecretAutomaton.occurring answers, by one search per secret. */
function occurringFew(list: readonly string[], text: string): Set<number> {
  const found = new Set<number>();
  for (let i = 0; i < list.length; i++) if (text.includes(list[i])) found.add(i);
  return found;
}

/**
 * Aho–Corasick over UTF-16 code units: which of a fixed set of strings occur in a text. The trie's
 * edges live in one open-addressing table of typed arrays (no object per node), so building it
 * for thousands of secrets stays cheap.
 */
class SecretAutomaton {
  private readonly mask: number;
  private readonly edgeFrom: Int32Array;
  private readonly edgeUnit: Int32Array;
  private readonly edgeTo: Int32Array;
  private readonly fail: Int32Array;
  /** Pattern index ending at a node, or -1 (patterns are unique, so at most one). */
  private readonly output: Int32Array;
  /** Nearest node on the failure chain (excluding itself) that ends a pattern, or -1. */
  private readonly dict: Int32Array;
  private readonly seen: Int32Array;
  private stamp = 0;

  constructor(patterns: readonly string[]) {
    const units = patterns.reduce((sum, p) => sum + p.length, 0);
    let capacity = 16;
    while (capacity < units * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.edgeFrom = new Int32Array(capacity).fill(-1);
    this.edgeUnit = new Int32Array(capacity);
    this.edgeTo = new Int32Array(capacity);
    const nodes = units + 1;
    this.fail = new Int32Array(nodes);
    this.output = new Int32Array(nodes).fill(-1);
    this.dict = new Int32Array(nodes).fill(-1);
    this.seen = new Int32Array(nodes);
    const parent = new Int32Array(nodes);
    const unit = new Int32Array(nodes);
    const depth = new Int32Array(nodes);
    let count = 1;
    patterns.forEach((p, index) => {
      let node = 0;
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        let to = this.child(node, c);
        if (to < 0) {
          to = count++;
          this.insert(node, c, to);
          parent[to] = node;
          unit[to] = c;
          depth[to] = depth[node] + 1;
        }
        node = to;
      }
      this.output[node] = index;
    });
    // Failure links in order of depth: a node's link follows from its parent's.
    const maxDepth = patterns.reduce((m, p) => Math.max(m, p.length), 0);
    const next = new Int32Array(maxDepth + 2);
    for (let node = 1; node < count; node++) next[depth[node] + 1]++;
    for (let d = 1; d < next.length; d++) next[d] += next[d - 1];
    const order = new Int32Array(count - 1);
    for (let node = 1; node < count; node++) order[next[depth[node]]++] = node;
    for (const node of order) {
      const p = parent[node];
      let link = 0;
      if (p !== 0) {
        const c = unit[node];
        let f = this.fail[p];
        while (f !== 0 && this.child(f, c) < 0) f = this.fail[f];
        link = Math.max(0, this.child(f, c));
      }
      this.fail[node] = link;
      this.dict[node] = this.output[link] >= 0 ? link : this.dict[link];
    }
  }

  private slot(node: number, c: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & this.mask;
  }

  private child(node: number, c: number): number {
    for (let i = this.slot(node, c); ; i = (i + 1) & this.mask) {
      const from = this.edgeFrom[i];
      if (from < 0) return -1;
      if (from === node && this.edgeUnit[i] === c) return this.edgeTo[i];
    }
  }

  private insert(node: number, c: number, to: number): void {
    let i = this.slot(node, c);
    while (this.edgeFrom[i] >= 0) i = (i + 1) & this.mask;
    this.edgeFrom[i] = node;
    this.edgeUnit[i] = c;
    this.edgeTo[i] = to;
  }

  /** Indices of the patterns that occur in `text`. */
  occurring(text: string): Set<number> {
    const found = new Set<number>();
    const stamp = ++this.stamp;
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = this.child(node, c);
      while (to < 0 && node !== 0) {
        node = this.fail[node];
        to = this.child(node, c);
      }
      node = Math.max(0, to);
      // Each node's chain of shorter matches is walked once per text.
      for (let m = this.output[node] >= 0 ? node : this.dict[node]; m > 0 && this.seen[m] !== stamp; m = this.dict[m]) {
        this.seen[m] = stamp;
        found.add(this.output[m]);
      }
    }
    return found;
  }
}

/** `scheme://user:password@host` → `scheme://user:…@host`, for text that may hold URLs. */
export function redactUrlPasswords(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(/(\b[a-z][a-z0-9+.\-]{0,20}:\/\/[^\s:/@"'`]{0,200}:)([^\s@/"'`]{1,300})@/gi, (_m, head: string, pass: string) =>
    pass.startsWith('…') || pass.startsWith('$') ? `${head}${pass}@` : `${head}${mask(pass)}@`,
  );
}
