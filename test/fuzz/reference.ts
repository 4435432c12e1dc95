// Reference implementations kept for equality properties: the straightforward versions that
// linear or cached rewrites in src/core replaced. Tests compare the two on random inputs.
import type { TextRange } from '../../src/core/types';
import type { ScalarNode } from '../../src/core/parse/model';

/**
 * sourceRange as it was (one walk from the scalar's start per call), with the two deliberate
 * fixes made at the same time: in a double-quoted scalar a backslash is always an escape (it was
 * matched literally when the escaped character was a backslash, which misaligned `\\`), and an
 * escape cut off by the scalar's end stays inside the scalar.
 */
export function referenceSourceRange(text: string, node: ScalarNode, from: number, to: number): TextRange {
  if (node.alias || from >= to) return { start: node.start, end: node.end };
  const value = node.value;
  let s = node.start;
  if (node.style === 'single' || node.style === 'double') s++;
  else if (node.style === 'block') {
    const nl = text.indexOf('\n', s);
    if (nl < 0 || nl >= node.end) return { start: node.start, end: node.end };
    s = nl + 1;
  }
  let start = -1;
  let v = 0;
  while (v < to && s < node.end) {
    if (v === from) start = s;
    const vc = value.charCodeAt(v);
    const sc = text.charCodeAt(s);
    if (sc === 92 && node.style === 'double') {
      s = Math.min(s + escapeLength(text, s), node.end); // fix 1 (order) and fix 2 (clamp)
      v++;
    } else if (sc === vc) {
      s++;
      v++;
    } else if (sc === 92 && node.style === 'raw') {
      s = Math.min(s + escapeLength(text, s), node.end);
      v++;
    } else if (sc === 39 && node.style === 'single') {
      s++;
    } else if (sc === 32 || sc === 9 || sc === 10 || sc === 13) {
      if (vc === 32 && (sc === 10 || sc === 13)) v++;
      s++;
    } else {
      return { start: node.start, end: node.end };
    }
  }
  if (v < to || start < 0) return { start: node.start, end: node.end };
  return { start, end: s };
}

function escapeLength(text: string, at: number): number {
  const c = text[at + 1];
  if (c === 'u') return 6;
  if (c === 'x') return 4;
  if (c === 'U') return 10;
  return 2;
}
