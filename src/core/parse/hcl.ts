// A light reader for Terraform/HCL: nested blocks and `name = value` attributes with string,
// heredoc, number and boolean values. Anything else (expressions, functions) is kept as a raw
// scalar tagged `!expr`, so rules know it is not a literal.
import type { Comment, MapNode, ParsedDocument, ScalarNode } from './model';
import { linkParents } from './model';
import type { ParseError } from './model';
import { MAX_NESTING, nestingError } from './limits';

const ATTRIBUTE = /^[ \t]*"?([A-Za-z_][\w\-.]*)"?[ \t]*[=:][ \t]*/;
const BLOCK = /^[ \t]*([A-Za-z_][\w\-]*)((?:[ \t]+(?:"[^"\n]*"|[A-Za-z_][\w\-]*))*)[ \t]*\{[ \t]*$/;

export function parseHcl(text: string): { documents: ParsedDocument[]; comments: Comment[] } {
  const root: MapNode = { kind: 'map', pairs: [], start: 0, end: text.length };
  const comments: Comment[] = [];
  const stack: MapNode[] = [root];
  const errors: ParseError[] = [];
  /** Levels of blocks opened beyond MAX_NESTING: their content is skipped, not analysed. */
  let skipped = 0;
  let pos = 0;
  let inBlockComment = false;
  while (pos <= text.length) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd < 0) lineEnd = text.length;
    let end = text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = text.slice(pos, end);
    const trimmed = line.trim();
    const next = lineEnd + 1;
    if (inBlockComment) {
      if (trimmed.includes('*/')) inBlockComment = false;
      pos = next;
      continue;
    }
    if (trimmed.startsWith('#') || trimmed.startsWith('//')) {
      const cs = pos + line.indexOf(trimmed[0]);
      comments.push({ start: cs, end, text: trimmed.replace(/^(#|\/\/)/, '') });
      pos = next;
      continue;
    }
    if (trimmed.startsWith('/*')) {
      inBlockComment = !trimmed.includes('*/');
      pos = next;
      continue;
    }
    if (skipped > 0) {
      if (trimmed.startsWith('}')) skipped--;
      else if (trimmed.endsWith('{')) skipped++;
      pos = next;
      continue;
    }
    const top = stack[stack.length - 1];
    if (trimmed === '}' || trimmed === '},' || trimmed === ']' || trimmed === '],') {
      if (stack.length > 1 && trimmed.startsWith('}')) {
        top.end = end;
        stack.pop();
      }
      pos = next;
      continue;
    }
    if (stack.length > MAX_NESTING && trimmed.endsWith('{')) {
      // Deeper blocks are skipped whole (the rest of the file is still read).
      errors.push(nestingError(pos, end));
      skipped = 1;
      pos = next;
      continue;
    }
    const block = BLOCK.exec(line);
    if (block) {
      const name = [block[1], ...(block[2].match(/"[^"]*"|[^\s"]+/g) ?? []).map((l) => l.replace(/"/g, ''))].join('.');
      const ks = pos + line.indexOf(block[1]);
      const map: MapNode = { kind: 'map', pairs: [], start: ks, end };
      top.pairs.push({ key: raw(name, ks, ks + block[1].length), value: map, start: ks, end });
      stack.push(map);
      pos = next;
      continue;
    }
    const attr = ATTRIBUTE.exec(line);
    if (attr) {
      const ks = pos + line.indexOf(attr[1]);
      const key = raw(attr[1], ks, ks + attr[1].length);
      const vs = pos + attr[0].length;
      const rest = text.slice(vs, end);
      if (rest.trim() === '{') {
        const map: MapNode = { kind: 'map', pairs: [], start: ks, end };
        top.pairs.push({ key, value: map, start: ks, end });
        stack.push(map);
        pos = next;
        continue;
      }
      const heredoc = /^<<-?([A-Za-z_]+)\s*$/.exec(rest);
      if (heredoc) {
        const close = new RegExp(`^[ \\t]*${heredoc[1]}[ \\t]*\\r?$`, 'm');
        close.lastIndex = 0;
        const bodyStart = Math.min(next, text.length); // `<<EOF` on the last line has no body
        const after = text.slice(bodyStart);
        const m = close.exec(after);
        const bodyEnd = m ? bodyStart + m.index : text.length;
        const value: ScalarNode = { kind: 'scalar', value: text.slice(bodyStart, bodyEnd), type: 'string', style: 'plain', start: bodyStart, end: bodyEnd };
        top.pairs.push({ key, value, start: ks, end: bodyEnd });
        lineEnd = m ? text.indexOf('\n', bodyStart + m.index) : text.length;
        pos = (lineEnd < 0 ? text.length : lineEnd) + 1;
        continue;
      }
      top.pairs.push({ key, value: literal(text, vs, end, comments), start: ks, end });
    }
    pos = next;
    end = 0;
  }
  linkParents(root);
  return { documents: [{ root, range: { start: 0, end: text.length }, errors }], comments };
}

function raw(value: string, start: number, end: number): ScalarNode {
  return { kind: 'scalar', value, type: 'string', style: 'plain', start, end };
}

/**
 * Where a trailing `# comment` or `// comment` starts on the value `text[start, lineEnd)`, or -1.
 * Quotes are respected, including strings nested in `${ ... }` templates (`"${f("#")}"`).
 * One pass over the line.
 */
export function trailingCommentStart(text: string, start: number, lineEnd: number): number {
  // Each entry is an open string (-1) or an open template with its brace depth (>= 0).
  const stack: number[] = [];
  for (let i = start; i < lineEnd; i++) {
    const c = text[i];
    const top = stack.length > 0 ? stack[stack.length - 1] : undefined;
    if (top === -1) {
      if (c === '\\') i++;
      else if (c === '"') stack.pop();
      else if ((c === '$' || c === '%') && text[i + 1] === '{') {
        stack.push(0);
        i++;
      }
      continue;
    }
    if (c === '"') stack.push(-1);
    else if (top !== undefined && c === '{') stack[stack.length - 1]++;
    else if (top !== undefined && c === '}') {
      if (top === 0) stack.pop();
      else stack[stack.length - 1]--;
    } else if (top === undefined && (c === '#' || (c === '/' && text[i + 1] === '/'))) return i;
  }
  return -1;
}

function literal(text: string, start: number, lineEnd: number, comments?: Comment[]): ScalarNode {
  let end = lineEnd;
  const comment = trailingCommentStart(text, start, lineEnd);
  if (comment >= 0) {
    comments?.push({ start: comment, end: lineEnd, text: text.slice(comment, lineEnd).replace(/^(#|\/\/)/, '') });
    end = comment;
  }
  while (end > start && /[\s,]/.test(text[end - 1])) end--;
  const src = text.slice(start, end);
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(src);
  if (quoted && !quoted[1].includes('${')) {
    return { kind: 'scalar', value: quoted[1].replace(/\\(.)/g, '$1'), type: 'string', style: 'double', start, end };
  }
  if (/^-?\d+(\.\d+)?$/.test(src)) return { kind: 'scalar', value: src, type: 'number', style: 'plain', start, end };
  if (src === 'true' || src === 'false') return { kind: 'scalar', value: src, type: 'boolean', style: 'plain', start, end };
  if (src === 'null') return { kind: 'scalar', value: '', type: 'null', style: 'plain', start, end };
  return { kind: 'scalar', value: src, type: 'string', style: 'raw', tag: '!expr', start, end };
}
