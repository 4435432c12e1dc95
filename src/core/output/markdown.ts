// A Markdown report for people: pasted into a pull request, an issue or a wiki page. The summary
// line of the text format, counts per severity and category, then one table row per finding with
// 1-based positions like the other formats. Messages and excerpts come masked from the engine;
// everything taken from a scanned file is escaped so it renders as text and cannot break the table
// or inject links and HTML.
import { CATEGORIES } from '../types';
import type { Category, Severity } from '../types';
import type { ScanReport } from './model';
import { allFindings, SEVERITY_ORDER } from './model';
import { summaryLine } from './text';

export interface MarkdownOptions {
  /** The heading (default "Plainsight security report"). */
  title?: string;
}

export function toMarkdown(report: ScanReport, options: MarkdownOptions = {}): string {
  const findings = allFindings(report);
  const out: string[] = [`# ${escapeText(options.title ?? 'Plainsight security report')}`, '', escapeText(summaryLine(report)), ''];

  if (findings.length > 0) {
    const counts = new Map<string, number>();
    for (const { finding } of findings) counts.set(`${finding.category}/${finding.severity}`, (counts.get(`${finding.category}/${finding.severity}`) ?? 0) + 1);
    const count = (c: Category, s: Severity) => counts.get(`${c}/${s}`) ?? 0;
    out.push(`| Category | ${SEVERITY_ORDER.join(' | ')} | total |`, `| --- | ${SEVERITY_ORDER.map(() => '---:').join(' | ')} | ---: |`);
    for (const c of CATEGORIES) {
      const row = SEVERITY_ORDER.map((s) => count(c, s));
      out.push(`| ${c} | ${row.join(' | ')} | ${row.reduce((a, b) => a + b, 0)} |`);
    }
    out.push('', '## Findings', '', '| Severity | Rule | Location | Message | Excerpt |', '| --- | --- | --- | --- | --- |');
    for (const { path, finding } of findings) {
      const where = `${path}:${finding.startLine + 1}:${finding.startColumn + 1}`;
      out.push(`| ${finding.severity} | ${code(finding.ruleId)} | ${code(where)} | ${escapeText(finding.message)} | ${finding.excerpt ? code(finding.excerpt) : ''} |`);
    }
    out.push('');
  }

  const skipped = report.files.filter((f) => f.skipped);
  if (skipped.length > 0) {
    out.push('## Skipped files', '');
    for (const f of skipped) out.push(`- ${code(f.path)}: ${escapeText(f.skipped ?? '')}`);
    out.push('');
  }
  return out.join('\n');
}

/** Plain text in a table cell: one line, Markdown and HTML syntax neutralised. */
export function escapeText(text: string): string {
  return oneLine(text).replace(/[\\`*_[\]<>|#!~&]/g, (c) => `\\${c}`);
}

/**
 * A code span that survives any content: a fence longer than the longest backtick run inside,
 * padded when the content starts or ends with a backtick, and pipes escaped (GitHub tables split
 * cells on `|` even inside code spans, and render `\|` there as a pipe).
 */
export function code(text: string): string {
  const body = oneLine(text).replace(/\|/g, '\\|');
  if (body === '') return '';
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Line breaks and the blanks around them become one space (split and trim: linear on any input). */
function oneLine(text: string): string {
  if (!text.includes('\n')) return text;
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      const start = i === 0 ? line : line.trimStart();
      return i === lines.length - 1 ? start : start.trimEnd();
    })
    .filter((line, i) => line !== '' || i === 0)
    .join(' ');
}
