// The JSON reader (src/core/parse/json.ts) builds the model from jsonc-parser's events in one pass.
// These pin down what parseTree and a conversion of its tree gave for broken input, which the
// one-pass reader must keep, and the comments it lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson } from '../../src/core/parse/json';
import type { Node } from '../../src/core/parse/model';
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
