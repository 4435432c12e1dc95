// Dockerfile → model: ENV and ARG settings become pairs of one map (so secret and TLS rules see
// `ENV NODE_TLS_REJECT_UNAUTHORIZED=0` like any other setting), RUN bodies become commands.
import type { Comment, MapNode, ParsedDocument, RawCommand, ScalarNode } from './model';
import { linkParents } from './model';

export function parseDockerfile(text: string): { documents: ParsedDocument[]; comments: Comment[]; commands: RawCommand[] } {
  const root: MapNode = { kind: 'map', pairs: [], start: 0, end: text.length };
  const comments: Comment[] = [];
  const commands: RawCommand[] = [];
  let pos = 0;
  while (pos < text.length) {
    const { start, end, next } = logicalLine(text, pos, comments);
    pos = next;
    const m = /^[ \t]*([A-Za-z]+)[ \t]+/.exec(text.slice(start, Math.min(end, start + 40)));
    if (!m) continue;
    const instruction = m[1].toUpperCase();
    const bodyStart = start + m[0].length;
    if (instruction === 'RUN') {
      commands.push({ start: bodyStart, end, text: text.slice(bodyStart, end) });
    } else if (instruction === 'ENV' || instruction === 'ARG') {
      settings(text, bodyStart, end, root);
    }
  }
  linkParents(root);
  return { documents: [{ root, range: { start: 0, end: text.length }, errors: [] }], comments, commands };
}

/** One instruction with its backslash continuations; comment lines inside it are recorded and skipped. */
function logicalLine(text: string, from: number, comments: Comment[]): { start: number; end: number; next: number } {
  let i = from;
  while (i < text.length && /\s/.test(text[i])) i++;
  const start = i;
  while (i < text.length) {
    let lineEnd = text.indexOf('\n', i);
    if (lineEnd < 0) lineEnd = text.length;
    const lineText = text.slice(i, lineEnd);
    const trimmed = lineText.trimStart();
    if (trimmed.startsWith('#')) {
      const cs = i + lineText.indexOf('#');
      const ce = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
      comments.push({ start: cs, end: ce, text: text.slice(cs + 1, ce) });
      if (i === start) return { start, end: start, next: lineEnd + 1 };
      i = lineEnd + 1;
      continue;
    }
    if (/\\\r?$/.test(lineText)) {
      i = lineEnd + 1;
      continue;
    }
    const end = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    return { start, end, next: lineEnd + 1 };
  }
  return { start, end: text.length, next: text.length };
}

function scalar(text: string, start: number, end: number): ScalarNode {
  const q = text[start];
  if ((q === '"' || q === "'") && end - start >= 2 && text[end - 1] === q) {
    const inner = text.slice(start + 1, end - 1);
    return { kind: 'scalar', value: q === '"' ? inner.replace(/\\(.)/g, '$1') : inner, type: 'string', style: q === '"' ? 'double' : 'single', start, end };
  }
  return { kind: 'scalar', value: text.slice(start, end), type: 'string', style: 'plain', start, end };
}

/** `KEY=value KEY2="v 2"` or the legacy `KEY value with spaces`. */
function settings(text: string, start: number, end: number, root: MapNode): void {
  const body = text.slice(start, end);
  const legacy = /^([A-Za-z_][\w.\-]*)[ \t]+(?![^\s]*=)/.exec(body);
  if (legacy && !body.slice(0, legacy[0].length).includes('=')) {
    const key = scalar(text, start, start + legacy[1].length);
    const valueStart = start + legacy[0].length;
    const value = scalar(text, valueStart, end);
    root.pairs.push({ key, value, start, end });
    return;
  }
  const re = /([A-Za-z_][\w.\-]*)(?:=("(?:[^"\\]|\\.)*"|'[^']*'|[^\s]*))?/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const ks = start + m.index;
    const key = scalar(text, ks, ks + m[1].length);
    if (m[2] === undefined) {
      root.pairs.push({ key, value: null, start: ks, end: key.end });
      continue;
    }
    const vs = key.end + 1;
    const value = scalar(text, vs, vs + m[2].length);
    root.pairs.push({ key, value, start: ks, end: value.end });
  }
}
