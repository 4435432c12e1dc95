// The human format: one line per finding, `path:line:col severity rule-id message`, with 1-based
// line and column so terminals and editors can jump to it, then a summary line. Messages come
// masked from the engine; nothing here ever sees a raw secret.
import type { Severity } from '../types';
import type { ScanReport } from './model';
import { allFindings, countBySeverity, SEVERITY_ORDER } from './model';

export interface TextOptions {
  /** ANSI colours; callers turn them on only for terminals. */
  color?: boolean;
}

const COLOR: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' };
const DIM = '\u001b[2m';
const RESET = '\u001b[0m';

export function formatText(report: ScanReport, options: TextOptions = {}): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${RESET}` : text);
  const lines = allFindings(report).map(({ path, finding }) => {
    const where = `${path}:${finding.startLine + 1}:${finding.startColumn + 1}`;
    // Split rather than a whitespace regex: linear on any message.
    const message = finding.message.split('\n').map((l) => l.trim()).filter(Boolean).join(' ');
    return `${where} ${paint(COLOR[finding.severity], finding.severity)} ${paint(DIM, finding.ruleId)} ${message}`;
  });
  lines.push(summaryLine(report));
  return `${lines.join('\n')}\n`;
}

/** `3 findings (2 errors, 1 warning) in 12 files`, or `0 findings in 12 files`. */
export function summaryLine(report: ScanReport): string {
  const counts = countBySeverity(report);
  const total = SEVERITY_ORDER.reduce((sum, s) => sum + counts[s], 0);
  const parts = SEVERITY_ORDER.filter((s) => counts[s] > 0).map((s) => plural(counts[s], s));
  const scanned = report.files.filter((f) => !f.skipped).length;
  const skipped = report.files.length - scanned;
  return `${plural(total, 'finding')}${parts.length ? ` (${parts.join(', ')})` : ''} in ${plural(scanned, 'file')}${skipped ? `, ${skipped} skipped` : ''}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
