// Checks the provider token catalog against its fixtures.
// Run: node --import tsx --test test/unit/catalog.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOKEN_FORMATS } from '../../src/core/rules/secret/catalog/providers';
import type { TokenFormat } from '../../src/core/rules/secret/catalog/format';
import { AnchoredSearch, anchorOf } from '../../src/core/rules/secret/anchored-search';
import { seededInts } from './helpers/random';

interface FixtureSet {
  positive: string[];
  negative: string[];
}

const fixturePath = join(__dirname, '..', 'fixtures', 'catalog', 'tokens.json');
const fixtures = JSON.parse(readFileSync(fixturePath, 'utf8')) as Record<string, FixtureSet>;

/** Shannon entropy in bits per character. */
function entropy(s: string): number {
  if (s.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

function globalRe(fmt: TokenFormat): RegExp {
  return new RegExp(fmt.pattern.source, fmt.pattern.flags + 'g');
}

/** The matches of `fmt` that cover the whole of `s`. */
function wholeMatches(fmt: TokenFormat, s: string): string[] {
  return [...s.matchAll(globalRe(fmt))].map((m) => m[0]).filter((m) => m === s);
}

/** Would the engine report `s` (taken alone) under `fmt`? */
function reported(fmt: TokenFormat, s: string): boolean {
  return wholeMatches(fmt, s).some((m) => fmt.minEntropy === undefined || entropy(m) >= fmt.minEntropy);
}

/** The literal characters a pattern starts with (what an attacker would repeat). */
function literalPrefix(source: string): string {
  let out = '';
  let i = source.startsWith('\\b') ? 2 : 0;
  while (i < source.length) {
    let c = source[i];
    let len = 1;
    if (c === '\\') {
      const e = source[i + 1];
      if (/[A-Za-z0-9]/.test(e)) break; // \d, \b, ... are not literals
      c = e;
      len = 2;
    } else if ('[](){}|?*+.^$'.includes(c)) {
      break;
    }
    const next = source[i + len];
    if (next === '{' || next === '?' || next === '*' || next === '+') break;
    out += c;
    i += len;
  }
  return out;
}

// ---- A sampler for the regex subset the catalog uses: literals, escapes, classes, groups with
// alternation, `?` and bounded `{m,n}`. An unbounded `*`/`+` is rejected outright.
type ReNode =
  | { t: 'lit'; c: string }
  | { t: 'cls'; chars: string[] }
  | { t: 'grp'; alts: ReNode[][] }
  | { t: 'rep'; node: ReNode; min: number; max: number };

function parsePattern(src: string): ReNode[][] {
  let i = 0;
  const alt = (): ReNode[][] => {
    const alts: ReNode[][] = [[]];
    while (i < src.length && src[i] !== ')') {
      if (src[i] === '|') {
        i++;
        alts.push([]);
        continue;
      }
      alts[alts.length - 1].push(quant(atom()));
    }
    return alts;
  };
  const atom = (): ReNode => {
    const c = src[i];
    if (c === '(') {
      i += src.startsWith('(?:', i) ? 3 : 1;
      const alts = alt();
      if (src[i] !== ')') throw new Error(`unclosed group: ${src}`);
      i++;
      return { t: 'grp', alts };
    }
    if (c === '[') {
      i++;
      if (src[i] === '^') throw new Error(`negated class: ${src}`);
      const chars: string[] = [];
      while (src[i] !== ']') {
        let from = src[i++];
        if (from === '\\') from = src[i++];
        if (src[i] === '-' && src[i + 1] !== ']') {
          i++;
          let to = src[i++];
          if (to === '\\') to = src[i++];
          for (let k = from.charCodeAt(0); k <= to.charCodeAt(0); k++) chars.push(String.fromCharCode(k));
        } else {
          chars.push(from);
        }
      }
      i++;
      return { t: 'cls', chars };
    }
    if (c === '\\') {
      const e = src[i + 1];
      i += 2;
      if (e === 'b') return { t: 'grp', alts: [[]] };
      if (e === 'd') return { t: 'cls', chars: [...'0123456789'] };
      if (/[A-Za-z0-9]/.test(e)) throw new Error(`unsupported escape \\${e}: ${src}`);
      return { t: 'lit', c: e };
    }
    if (c === '.' || c === '^' || c === '$') throw new Error(`unsupported ${c}: ${src}`);
    i++;
    return { t: 'lit', c };
  };
  const quant = (node: ReNode): ReNode => {
    const c = src[i];
    if (c === '?') {
      i++;
      return { t: 'rep', node, min: 0, max: 1 };
    }
    if (c === '{') {
      const close = src.indexOf('}', i);
      const [lo, hi] = src.slice(i + 1, close).split(',');
      if (hi === '') throw new Error(`unbounded {m,}: ${src}`);
      i = close + 1;
      return { t: 'rep', node, min: Number(lo), max: hi === undefined ? Number(lo) : Number(hi) };
    }
    if (c === '*' || c === '+') throw new Error(`unbounded ${c}: ${src}`);
    return node;
  };
  const result = alt();
  if (i !== src.length) throw new Error(`unbalanced: ${src}`);
  return result;
}


function sample(alts: ReNode[][], rand: (n: number) => number): string {
  const one = (n: ReNode): string => {
    switch (n.t) {
      case 'lit':
        return n.c;
      case 'cls':
        return n.chars[rand(n.chars.length)];
      case 'grp':
        return sample(n.alts, rand);
      case 'rep': {
        const count = n.min + rand(Math.min(n.max - n.min, 12) + 1);
        let out = '';
        for (let k = 0; k < count; k++) out += one(n.node);
        return out;
      }
    }
  };
  return alts[rand(alts.length)].map(one).join('');
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

test('catalog has at least 160 entries with unique kebab-case ids', () => {
  assert.ok(TOKEN_FORMATS.length >= 160, `only ${TOKEN_FORMATS.length} entries`);
  const seen = new Set<string>();
  for (const fmt of TOKEN_FORMATS) {
    assert.match(fmt.id, KEBAB, `id not kebab-case: ${fmt.id}`);
    assert.ok(!seen.has(fmt.id), `duplicate id: ${fmt.id}`);
    seen.add(fmt.id);
  }
});

test('entries are well formed', () => {
  for (const fmt of TOKEN_FORMATS) {
    assert.ok(fmt.provider.length > 0, `${fmt.id}: provider`);
    assert.ok(fmt.name.length > 0, `${fmt.id}: name`);
    assert.ok(!fmt.pattern.flags.includes('g'), `${fmt.id}: g flag`);
    assert.ok(!fmt.pattern.flags.includes('y'), `${fmt.id}: y flag`);
    assert.ok(fmt.keywords.length > 0, `${fmt.id}: no keywords`);
    for (const kw of fmt.keywords) {
      assert.ok(kw.length > 0, `${fmt.id}: empty keyword`);
      assert.equal(kw, kw.toLowerCase(), `${fmt.id}: keyword not lowercase: ${kw}`);
    }
    // An unbounded quantifier after a group is the shape of catastrophic backtracking.
    assert.doesNotMatch(fmt.pattern.source, /\)[*+]/, `${fmt.id}: quantified group`);
    assert.doesNotMatch(fmt.pattern.source, /\)\{\d+,\}/, `${fmt.id}: unbounded group`);
    if (fmt.minEntropy !== undefined) {
      assert.ok(fmt.minEntropy > 0 && fmt.minEntropy < 6, `${fmt.id}: minEntropy out of range`);
    }
  }
});

test('every entry has fixtures and every fixture has an entry', () => {
  const ids = new Set(TOKEN_FORMATS.map((f) => f.id));
  for (const fmt of TOKEN_FORMATS) {
    const set = fixtures[fmt.id];
    assert.ok(set, `no fixtures for ${fmt.id}`);
    assert.ok(Array.isArray(set.positive) && set.positive.length >= 1, `${fmt.id}: no positive`);
    assert.ok(Array.isArray(set.negative) && set.negative.length >= 1, `${fmt.id}: no negative`);
  }
  for (const id of Object.keys(fixtures)) {
    assert.ok(ids.has(id), `fixture without catalog entry: ${id}`);
  }
});

test('positives match whole, contain a keyword and clear minEntropy', () => {
  for (const fmt of TOKEN_FORMATS) {
    for (const s of fixtures[fmt.id]?.positive ?? []) {
      const matches = wholeMatches(fmt, s);
      assert.ok(matches.length > 0, `${fmt.id}: positive not matched whole: ${s}`);
      const m = matches[0];
      const lower = m.toLowerCase();
      assert.ok(
        fmt.keywords.some((kw) => lower.includes(kw)),
        `${fmt.id}: match has none of the keywords ${JSON.stringify(fmt.keywords)}: ${m}`,
      );
      if (fmt.minEntropy !== undefined) {
        const h = entropy(m);
        assert.ok(h >= fmt.minEntropy, `${fmt.id}: entropy ${h.toFixed(2)} < ${fmt.minEntropy}: ${m}`);
      }
    }
  }
});

test('negatives would not be reported', () => {
  for (const fmt of TOKEN_FORMATS) {
    for (const s of fixtures[fmt.id]?.negative ?? []) {
      assert.ok(!reported(fmt, s), `${fmt.id}: negative would be reported: ${s}`);
    }
  }
});

test('every match of every pattern contains a keyword (fixtures embedded in text)', () => {
  // Surround each positive with text so matches are found the way the engine finds them.
  for (const fmt of TOKEN_FORMATS) {
    for (const s of fixtures[fmt.id]?.positive ?? []) {
      const text = `key: "${s}"\nother = ${s} # end`;
      for (const m of text.matchAll(globalRe(fmt))) {
        const lower = m[0].toLowerCase();
        assert.ok(
          fmt.keywords.some((kw) => lower.includes(kw)),
          `${fmt.id}: match without keyword: ${m[0]}`,
        );
      }
    }
  }
});

test('random strings drawn from each pattern match it and contain a keyword', () => {
  for (const fmt of TOKEN_FORMATS) {
    const ast = parsePattern(fmt.pattern.source);
    const rand = seededInts(fmt.id.length * 7919 + fmt.id.charCodeAt(0));
    for (let k = 0; k < 25; k++) {
      const s = sample(ast, rand);
      assert.ok(wholeMatches(fmt, s).length > 0, `${fmt.id}: sampler and pattern disagree on ${s}`);
      const lower = s.toLowerCase();
      assert.ok(
        fmt.keywords.some((kw) => lower.includes(kw)),
        `${fmt.id}: a match without any keyword: ${s}`,
      );
    }
  }
});

test('the literal the scan searches for: where it sits in every match, for patterns made to trip the reading', () => {
  const at = (literal: string, minOffset: number, maxOffset = minOffset) => ({ literal, minOffset, maxOffset });
  // A prefix is preferred; optional, repeated and alternative pieces end a literal.
  assert.deepEqual(anchorOf(/ab?c/), at('a', 0));
  assert.deepEqual(anchorOf(/ab*cdef/), at('a', 0));
  assert.deepEqual(anchorOf(/ab{2}c/), at('a', 0));
  assert.deepEqual(anchorOf(/ab(?:c|d)/), at('ab', 0));
  assert.deepEqual(anchorOf(/ab[|]c/), at('ab', 0));
  assert.deepEqual(anchorOf(/ab\|c/), at('ab|c', 0));
  assert.deepEqual(anchorOf(/\beyJ[a-z]+/), at('eyJ', 0));
  // Without a prefix: the longest literal at a bounded offset, if it has two characters or more.
  assert.deepEqual(anchorOf(/[ab]cd/), at('cd', 1));
  assert.deepEqual(anchorOf(/\b[0-9]{8,10}:x[a-z]{3}/), at(':x', 8, 10));
  assert.deepEqual(anchorOf(/(?:ab|c)de/), at('de', 1, 2));
  assert.deepEqual(anchorOf(/[a-z]{3}-us(?:[0-9]{2}|\.)NRAL/), at('NRAL', 7, 8));
  // A zero-width piece repeated stays zero-width; a repeated character makes what follows unbounded.
  assert.deepEqual(anchorOf(/(?:\b)*[0-9]{2}\.zz/), at('.zz', 2));
  assert.equal(anchorOf(/(?:x|\b)*[0-9]{2}\.zz/), undefined);
  assert.equal(anchorOf(/[ab]c/), undefined);
  assert.equal(anchorOf(/[0-9]+abc/), undefined);
  // Nothing where the reading stops: top-level alternatives, case folding, syntax the catalog does not use.
  for (const pattern of [/ab|cd/, /a(?:b)|c/, /abc/i, /\x41bc/, /(a)\1bc/, /\p{L}bc/u, /a{bc/, /\dbc/, /(?=a)bc/, /(?<n>a)bc/, /^abc/, /abc$/]) assert.equal(anchorOf(pattern), undefined, String(pattern));
});

/** Every match of `pattern` in `text` as `index:match`, by the anchored search and by matchAll. */
function bothWays(pattern: RegExp, text: string): [string[], string[]] {
  const search = new AnchoredSearch(pattern);
  const found: string[] = [];
  for (let m = search.next(text, 0); m; m = search.next(text, m.index + Math.max(1, m[0].length))) if (m[0].length > 0) found.push(`${m.index}:${m[0]}`);
  const expected = [...text.matchAll(new RegExp(pattern.source, pattern.flags + 'g'))].filter((m) => m[0].length > 0).map((m) => `${m.index}:${m[0]}`);
  return [found, expected];
}

test('the anchored search finds exactly what the pattern finds: random texts crowded with near misses', () => {
  // Small alphabets, so literals, partial literals and overlapping candidate windows are frequent.
  const cases: [RegExp, string][] = [
    [/\b[0-9]{2,4}:ab/, '0129:ab x'],
    [/[0-9]{1,3}-us[0-9]{1,2}/, '019-us '],
    [/(?:x|yy)z{0,2}-q/, 'xyz-q'],
    [/a.{0,3}bc/, 'abc.'],
    [/[ab]{2}cd[a-d]/, 'abcd'],
  ];
  const rand = seededInts(20261129);
  let matches = 0;
  for (const [pattern, alphabet] of cases) {
    assert.ok(new AnchoredSearch(pattern).anchor, String(pattern));
    for (let n = 0; n < 3000; n++) {
      const text = Array.from({ length: rand(40) }, () => alphabet[rand(alphabet.length)]).join('');
      const [found, expected] = bothWays(pattern, text);
      assert.deepEqual(found, expected, `${pattern} in ${JSON.stringify(text)}`);
      matches += expected.length;
    }
  }
  assert.ok(matches > 1000, `${matches} matches`);
});

test('every catalog format: its literal sits where the reading says in every sample, and the search finds what the pattern finds', () => {
  let anchored = 0;
  for (const fmt of TOKEN_FORMATS) {
    const anchor = anchorOf(fmt.pattern);
    if (!anchor) continue;
    anchored++;
    const ast = parsePattern(fmt.pattern.source);
    const rand = seededInts(fmt.id.length * 104729 + fmt.id.charCodeAt(1));
    const samples = [...(fixtures[fmt.id]?.positive ?? []), ...Array.from({ length: 25 }, () => sample(ast, rand))];
    for (const s of samples) {
      for (const m of s.matchAll(globalRe(fmt))) {
        const offset = m[0].indexOf(anchor.literal, anchor.minOffset);
        assert.ok(offset >= anchor.minOffset && offset <= anchor.maxOffset, `${fmt.id}: ${anchor.literal} not at ${anchor.minOffset}–${anchor.maxOffset} in ${m[0]}`);
      }
    }
    // Matches glued to each other and to partial literals.
    const partial = (s: string) => s.slice(0, anchor.maxOffset + anchor.literal.length + 3);
    const text = samples.map((s, i) => (i % 3 === 0 ? s : i % 3 === 1 ? `${anchor.literal}${s}` : `${partial(s)} ${s}`)).join(glue(rand));
    const [found, expected] = bothWays(fmt.pattern, text);
    assert.deepEqual(found, expected, fmt.id);
  }
  assert.ok(anchored > 220, `${anchored} formats searched by a literal`);
});

/** Separators between glued samples: none, a space, a quote, or a letter that may extend a match. */
function glue(rand: (n: number) => number): string {
  return ['', ' ', '"', 'x', '_'][rand(5)];
}

test('validate() accepts the positives it is meant for', () => {
  for (const fmt of TOKEN_FORMATS) {
    if (!fmt.validate) continue;
    for (const s of fixtures[fmt.id]?.positive ?? []) {
      assert.equal(fmt.validate(s), true, `${fmt.id}: validate rejected positive ${s}`);
    }
  }
  const jwt = TOKEN_FORMATS.find((f) => f.id === 'jwt');
  assert.ok(jwt?.validate);
  // A header that is not JSON, or JSON without "alg", is not a JWT header.
  assert.equal(jwt.validate('eyJub3Rqc29u.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLWJ5dGVzLTEyMzQ'), false);
  assert.equal(jwt.validate('eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLWJ5dGVzLTEyMzQ'), false);
});

test('patterns run in linear time on adversarial input (ReDoS smoke check)', () => {
  const budgetMs = 50;
  for (const fmt of TOKEN_FORMATS) {
    const prefix = literalPrefix(fmt.pattern.source) || fmt.keywords[0];
    const half = 50_000;
    const repeated = prefix.repeat(Math.ceil(half / prefix.length)).slice(0, half);
    const inputs = [repeated + 'a'.repeat(half), repeated + 'A'.repeat(half)];
    for (const input of inputs) {
      // Best of three runs, so that a GC pause or a busy CI core does not fail the check.
      let best = Infinity;
      let count = 0;
      for (let run = 0; run < 3 && best >= budgetMs; run++) {
        const re = globalRe(fmt);
        const start = performance.now();
        count = 0;
        for (const _ of input.matchAll(re)) count++;
        best = Math.min(best, performance.now() - start);
      }
      assert.ok(best < budgetMs, `${fmt.id}: ${best.toFixed(1)} ms on ${input.length} chars (${count} matches)`);
    }
  }
});
