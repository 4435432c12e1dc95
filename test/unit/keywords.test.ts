// KeywordSet must answer exactly what one `includes` per keyword would.
// Run: node --import tsx --test test/unit/keywords.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KeywordSet } from '../../src/core/keywords';
import { RULES } from '../../src/core/registry';
import { TOKEN_FORMATS } from '../../src/core/rules/secret/catalog/providers';

const naive = (keywords: readonly string[], text: string) => [...new Set(keywords.filter((k) => text.includes(k)))].sort();
const fast = (keywords: readonly string[], text: string) => [...new KeywordSet(keywords).foundIn(text)].sort();

/** Deterministic pseudo-random numbers, so a failure repeats. */
function random(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000;
}

test('keywords that overlap, nest and share prefixes are all found', () => {
  const keywords = ['he', 'she', 'his', 'hers', 'h', 'secret', 'secrets', 'cret', '://', 'é-key', ''];
  for (const text of ['ushers', 'secrets', 'a secret://x', 'ﾟé-key', '', 'xyz']) assert.deepEqual(fast(keywords, text), naive(keywords, text), text);
});

test('random texts over a small alphabet match includes exactly', () => {
  const rand = random(7);
  const alphabet = 'abcab_-:/.éü\u0000 ';
  const pick = () => alphabet[Math.floor(rand() * alphabet.length)];
  for (let t = 0; t < 2000; t++) {
    const keywords = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => Array.from({ length: Math.floor(rand() * 5) }, pick).join(''));
    const text = Array.from({ length: Math.floor(rand() * 60) }, () => (rand() < 0.3 ? keywords[Math.floor(rand() * keywords.length)] : pick())).join('');
    assert.deepEqual(fast(keywords, text), naive(keywords, text), JSON.stringify({ keywords, text }));
  }
});

test('the rule and catalog keyword lists match includes exactly', () => {
  const rand = random(11);
  for (const keywords of [RULES.flatMap((r) => r.keywords ?? []), TOKEN_FORMATS.flatMap((f) => f.keywords)]) {
    for (let t = 0; t < 300; t++) {
      const text = Array.from({ length: Math.floor(rand() * 40) }, () => (rand() < 0.5 ? keywords[Math.floor(rand() * keywords.length)] : 'xq-:/ '[Math.floor(rand() * 6)])).join('');
      assert.deepEqual(fast(keywords, text), naive(keywords, text), text);
    }
  }
});

const naiveLower = (keywords: readonly string[], text: string) => naive(keywords, text.toLowerCase());
const fastLower = (keywords: readonly string[], text: string) => [...new KeywordSet(keywords).foundInLowercase(text)].sort();

test('only İ and the Kelvin sign lowercase to ASCII, as foundInLowercase assumes', () => {
  const toAscii: number[] = [];
  for (let cp = 0x80; cp <= 0x10ffff; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    if (/[\x00-\x7f]/.test(String.fromCodePoint(cp).toLowerCase())) toAscii.push(cp);
  }
  assert.deepEqual(toAscii, [0x130, 0x212a]);
});

test('foundInLowercase answers as includes on the lowercased text', () => {
  const keywords = ['he', 'she', 'secret', 'ik', 'i', 'k', 'kx', 'ix', 'é-key', 'Up', 'x'];
  for (const text of ['SHE', 'SeCrEt', 'İk', 'İx', '\u212ax', 'É-KEY', 'UP', 'up', 'Σx', '']) {
    assert.deepEqual(fastLower(keywords, text), naiveLower(keywords, text), text);
  }
  const rand = random(13);
  const alphabet = 'abAB_-:/İ\u212akKé\u0307 ';
  const pick = () => alphabet[Math.floor(rand() * alphabet.length)];
  for (let t = 0; t < 2000; t++) {
    const keywords = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => Array.from({ length: Math.floor(rand() * 5) }, pick).join('').toLowerCase());
    const text = Array.from({ length: Math.floor(rand() * 60) }, () => (rand() < 0.3 ? keywords[Math.floor(rand() * keywords.length)].toUpperCase() : pick())).join('');
    assert.deepEqual(fastLower(keywords, text), naiveLower(keywords, text), JSON.stringify({ keywords, text }));
  }
});
