// The JSON reader (src/core/parse/json.ts) builds the model from jsonc-parser's events in one pass.
// These pin down what parseTree and a conversion of its tree gave for broken input, which the
// one-pass reader must keep, and the comments it lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { parseJson } from '../../src/core/parse/json';
import { jsonNestsDeeperThan } from '../../src/core/parse/limits';
import type { Node } from '../../src/core/parse/model';
import { seededInts } from './helpers/random';
import { strip } from './helpers/tree';

const root = (text: string): unknown => strip(parseJson(text).documents[0].root as Node);
const key = (value: string, start: number) => ({ kind: 'scalar', value, type: 'string', style: 'double', start, end: start + value.length + 2 });
const number = (value: string, start: number) => ({ kind: 'scalar', value, type: 'number', style: 'plain', start, end: start + value.length });

test('a property without its colon stays open: the next property is read into it, not into the map', () => {
  assert.deepEqual(root('{"a" "b": 1}'), { kind: 'map', pairs: [{ key: key('a', 1), value: null, start: 1, end: 12 }], start: 0, end: 12 });
});

test('unclosed and mismatched brackets end where parseTree ended them', () => {
  assert.deepEqual(root('{"a": {"b": 1'), {
    kind: 'map',
    pairs: [{ key: key('a', 1), value: { kind: 'map', pairs: [{ key: key('b', 7), value: number('1', 12), start: 7, end: 13 }], start: 6, end: 13 }, start: 1, end: 13 }],
    start: 0,
    end: 13,
  });
  assert.deepEqual(root('[1, {"x": [2,}'), {
    kind: 'seq',
    items: [number('1', 1), { kind: 'map', pairs: [{ key: key('x', 5), value: { kind: 'seq', items: [number('2', 11)], start: 10, end: 14 }, start: 5, end: 14 }], start: 4, end: 14 }],
    start: 0,
    end: 14,
  });
});

test('comments: their ranges and text without markers, also after where the parse stops', () => {
  assert.deepEqual(parseJson('// head\n{"a": 1 /* mid */} // tail\n').comments, [
    { start: 0, end: 7, text: ' head' },
    { start: 16, end: 25, text: ' mid ' },
    { start: 27, end: 34, text: ' tail' },
  ]);
  // The parse stops at `1` (only one top-level value): the comment after it is still listed.
  assert.deepEqual(parseJson('{} 1 // after').comments, [{ start: 5, end: 13, text: ' after' }]);
  assert.deepEqual(parseJson('{"url": "https://example.com"}').comments, []);
});

test('the nesting pre-check agrees with the depth of jsonc-parser tokens on random bracket soup', () => {
  // The exact count: brackets among jsonc-parser's tokens, as boundJson's cut counts them.
  const tokenDepthExceeds = (text: string, limit: number): boolean => {
    const scanner = createScanner(text, false);
    let depth = 0;
    for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
      if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
        if (++depth > limit) return true;
      } else if (kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) {
        depth = Math.max(0, depth - 1);
      }
    }
    return false;
  };
  // Every character that starts or ends a string, comment or level, and some that do neither.
  const alphabet = '[]{}[]{}""\\\\//**\n\r a:,-1u';
  const rand = seededInts(20261129);
  let deeper = 0;
  for (let run = 0; run < 20000; run++) {
    const length = 1 + rand(40);
    let text = '';
    for (let i = 0; i < length; i++) text += alphabet[rand(alphabet.length)];
    const limit = rand(4);
    const expected = tokenDepthExceeds(text, limit);
    if (expected) deeper++;
    assert.equal(jsonNestsDeeperThan(text, limit), expected, JSON.stringify({ text, limit }));
  }
  // Both answers occur often, so the agreement means something.
  assert.ok(deeper > 2000 && deeper < 18000, `${deeper} of 20000 nest deeper`);
  // Brackets inside strings and comments do not count; a string ends at a line break.
  assert.equal(jsonNestsDeeperThan('{"a": "{{{{{{"} // [[[[[[\n/* {{{{{{ */', 3), false);
  assert.equal(jsonNestsDeeperThan('"abc\n[[[[[[', 3), true);
  assert.equal(jsonNestsDeeperThan('"\\"[[[[[["', 3), false);
  // A block comment ends with its star-slash; a slash right after it starts nothing new.
  assert.equal(jsonNestsDeeperThan('/**//[[[[[[', 3), true);
  assert.equal(jsonNestsDeeperThan('/*/ [[[[[[', 3), false);
});
