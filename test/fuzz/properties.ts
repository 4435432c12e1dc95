// The properties every input must satisfy, shared by the unit-run sample (test/unit/fuzz.test.ts)
// and the long run (`npm run fuzz`, test/fuzz/run.ts). Each check throws an Error naming the
// broken property; fast-check then shrinks the input and reports it with its seed.
import { analyze, applyEdits, suppressionEdit, type AnalysisResult, type TextEdit } from '../../src/core/index';
import { parseFile } from '../../src/core/parse/index';
import type { Node, ParsedFile } from '../../src/core/parse/model';
import { tokenizeShell, wordSubRange } from '../../src/core/shell/tokenize';
import { findUrls } from '../../src/core/urls';
import type { Syntax } from '../../src/core/types';

function fail(property: string, detail: string): never {
  throw new Error(`${property}: ${detail}`);
}

function inside(property: string, what: string, start: number, end: number, length: number): void {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= length)) {
    fail(property, `${what} [${start}, ${end}) is not a range inside the text (length ${length})`);
  }
}

/** Analyses `text`; rethrows an escaping exception as a property failure. */
export function analyzeSafely(text: string, path: string): { result: AnalysisResult; ms: number } {
  const started = performance.now();
  let result: AnalysisResult;
  try {
    result = analyze(text, { path });
  } catch (error) {
    fail('no exception escapes analyze', `${(error as Error).name}: ${(error as Error).message}\n${(error as Error).stack?.split('\n').slice(1, 6).join('\n')}`);
  }
  return { result, ms: performance.now() - started };
}

/** The bytes outside every edit's range are kept, in order: compare the segments between edits. */
export function checkKeepsOutside(property: string, before: string, after: string, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let from = 0; // in `before`
  let shift = 0; // `after` offset minus `before` offset
  for (const e of sorted) {
    if (after.slice(from + shift, e.start + shift) !== before.slice(from, e.start)) fail(property, `text before the edit at ${e.start} changed`);
    if (after.slice(e.start + shift, e.start + shift + e.newText.length) !== e.newText) fail(property, `the edit at ${e.start} was not applied as given`);
    shift += e.newText.length - (e.end - e.start);
    from = e.end;
  }
  if (after.slice(from + shift) !== before.slice(from)) fail(property, 'text after the last edit changed');
  if (after.length !== before.length + shift) fail(property, 'length does not add up');
}

export interface AnalysisStats {
  ms: number;
  findings: number;
  fixes: number;
}

/** Limits per input, so one input with hundreds of fixes does not dominate a run. */
const MAX_FIXES_CHECKED = 6;

/**
 * analyze never throws; findings and parse errors lie inside the document with consistent
 * positions; every fix applies cleanly, keeps all bytes outside its edits, and leaves a file
 * with no more parse errors than before; the "ignore" edit and "fix all safe" behave alike.
 */
export function checkAnalysis(input: { text: string; path: string }): AnalysisStats {
  const { text, path } = input;
  const { result, ms } = analyzeSafely(text, path);
  const n = text.length;
  if (result.skipped) {
    if (result.findings.length) fail('skipped files have no findings', result.skipped);
    return { ms, findings: 0, fixes: 0 };
  }
  for (const e of result.parseErrors) inside('parse errors lie inside the document', e.message.slice(0, 60), e.start, e.end, n);
  let fixes = 0;
  for (const f of result.findings) {
    inside('findings lie inside the document', f.ruleId, f.start, f.end, n);
    const s = result.lines.positionAt(f.start);
    const e = result.lines.positionAt(f.end);
    if (s.line !== f.startLine || s.column !== f.startColumn || e.line !== f.endLine || e.column !== f.endColumn) fail('line and column agree with offsets', `${f.ruleId} at ${f.start}`);
    if (typeof f.message !== 'string' || f.message.length === 0) fail('every finding has a message', f.ruleId);
    for (const fix of f.fixes) {
      if (fixes++ >= MAX_FIXES_CHECKED) break;
      const where = `${f.ruleId} fix "${fix.title}"`;
      for (const edit of fix.edits) inside('fix edits lie inside the document', where, edit.start, edit.end, n);
      let fixed: string;
      try {
        fixed = applyEdits(text, fix.edits);
      } catch (error) {
        fail('fixes apply cleanly (edits in range, not overlapping)', `${where}: ${(error as Error).message}`);
      }
      checkKeepsOutside('a fix keeps every byte outside its edits', text, fixed, fix.edits);
      const again = analyzeSafely(fixed, path).result;
      // Checked on files that parse cleanly: in a file that is already broken, inserting even one
      // character can push a YAML implicit key over the 1024-character limit and change how the
      // rest of the document is (mis)parsed, whatever the edit is.
      if (result.parseErrors.length === 0 && again.parseErrors.length > 0) {
        fail('a fix leaves no more parse errors than before', `${where}: ${result.parseErrors.length} → ${again.parseErrors.length} (${again.parseErrors[0]?.message.slice(0, 80)})`);
      }
    }
  }
  const first = result.findings[0];
  if (first) {
    const edit = suppressionEdit(text, result.lines, first, result.kind, false);
    if (edit) {
      if (edit.start !== edit.end) fail('the ignore edit only inserts', `${edit.start}-${edit.end}`);
      checkKeepsOutside('the ignore edit keeps every byte', text, applyEdits(text, [edit]), [edit]);
    }
  }
  // "Fix all safe findings" as the editor does it: every safe fix that does not overlap an earlier one.
  const all: TextEdit[] = [];
  let lastEnd = -1;
  for (const f of result.findings) {
    const fix = f.fixes.find((x) => x.disposition === 'safe');
    const sorted = fix ? [...fix.edits].sort((a, b) => a.start - b.start) : [];
    if (sorted.length === 0 || sorted[0].start < lastEnd) continue;
    all.push(...sorted);
    lastEnd = Math.max(lastEnd, ...sorted.map((x) => x.end));
  }
  if (all.length) {
    let fixedAll: string;
    try {
      fixedAll = applyEdits(text, all);
    } catch (error) {
      fail('all safe fixes apply together', (error as Error).message);
    }
    checkKeepsOutside('fix-all keeps every byte outside its edits', text, fixedAll, all);
  }
  return { ms, findings: result.findings.length, fixes };
}

const SYNTAXES: Syntax[] = ['yaml', 'json', 'dotenv', 'ini', 'dockerfile', 'hcl', 'text'];

function checkTree(file: ParsedFile, n: number, label: string): void {
  const stack: (Node | null)[] = file.documents.map((d) => d.root);
  for (const d of file.documents) {
    inside(`${label}: document ranges lie inside the text`, 'document', d.range.start, d.range.end, n);
    for (const e of d.errors) inside(`${label}: parse errors lie inside the text`, e.message.slice(0, 40), e.start, e.end, n);
  }
  for (const c of file.comments) inside(`${label}: comments lie inside the text`, 'comment', c.start, c.end, n);
  for (const c of file.commands) inside(`${label}: commands lie inside the text`, 'command', c.start, c.end, n);
  let visited = 0;
  while (stack.length) {
    const node = stack.pop();
    if (!node) continue;
    if (++visited > 10_000_000) fail(`${label}: the tree is finite`, 'more than 10M nodes');
    inside(`${label}: node ranges lie inside the text`, node.kind, node.start, node.end, n);
    if (node.kind === 'map') {
      for (const p of node.pairs) {
        inside(`${label}: key ranges lie inside the text`, 'key', p.key.start, p.key.end, n);
        stack.push(p.value);
      }
    } else if (node.kind === 'seq') stack.push(...node.items);
  }
}

/** Every parser on every input (whatever its name says): no exception, ranges inside the text. */
export function checkParsers(text: string): void {
  for (const syntax of SYNTAXES) {
    let file: ParsedFile;
    try {
      file = parseFile(text, syntax);
    } catch (error) {
      fail(`no exception escapes the ${syntax} parser`, `${(error as Error).name}: ${(error as Error).message}`);
    }
    checkTree(file, text.length, syntax);
  }
  let netrc: ParsedFile;
  try {
    netrc = parseFile(text, 'ini', { netrc: true });
  } catch (error) {
    fail('no exception escapes the netrc parser', `${(error as Error).name}: ${(error as Error).message}`);
  }
  checkTree(netrc, text.length, 'netrc');
}

/** tokenizeShell: no exception; commands and words lie inside the script; sub-ranges too. */
export function checkShell(script: string, cut: number): void {
  let commands: ReturnType<typeof tokenizeShell>;
  try {
    commands = tokenizeShell(script);
  } catch (error) {
    fail('no exception escapes tokenizeShell', `${(error as Error).name}: ${(error as Error).message}`);
  }
  for (const c of commands) {
    inside('shell commands lie inside the script', 'command', c.start, c.end, script.length);
    for (const w of [...c.assignments, ...c.argv]) {
      inside('shell words lie inside the script', JSON.stringify(w.value.slice(0, 20)), w.start, w.end, script.length);
      const len = w.value.length;
      const from = len ? cut % (len + 1) : 0;
      let sub: { start: number; end: number };
      try {
        sub = wordSubRange(script, w, from, len);
      } catch (error) {
        fail('no exception escapes wordSubRange', `${(error as Error).name}: ${(error as Error).message}`);
      }
      inside('word sub-ranges lie inside the word', 'sub-range', sub.start, sub.end, script.length);
      if (sub.start < w.start || sub.end > w.end) fail('word sub-ranges lie inside the word', `[${sub.start}, ${sub.end}) outside [${w.start}, ${w.end})`);
    }
  }
}

/** findUrls: no exception; every match lies inside the string and is what it says. */
export function checkUrls(s: string): void {
  let found: ReturnType<typeof findUrls>;
  try {
    found = findUrls(s);
  } catch (error) {
    fail('no exception escapes findUrls', `${(error as Error).name}: ${(error as Error).message}`);
  }
  for (const m of found) {
    inside('URL matches lie inside the string', m.url.slice(0, 30), m.from, m.to, s.length);
    if (s.slice(m.from, m.to) !== m.url) fail('a URL match is the text at its range', m.url.slice(0, 30));
  }
}

/** The redaction before this project's linear rewrite, kept as the reference for equality tests. */
export function referenceRedact(text: string, secrets: Iterable<string>, mask: (s: string) => string, urlPasswords: (s: string) => string): string {
  const list = [...new Set(secrets)].filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
  let out = text;
  for (const s of list) if (out.includes(s)) out = out.split(s).join(mask(s));
  return urlPasswords(out);
}

/** p50, p99 and max of a list of milliseconds. */
export function percentiles(ms: number[]): { p50: number; p99: number; max: number } {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}
