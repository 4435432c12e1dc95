// What every output format renders: the files a scan looked at and their findings. Built by the
// CLI from `analyze` results and, later, by the VS Code report export from its diagnostics.
import type { FileKind, Finding, Severity } from '../types';

export interface ScannedFile {
  /** Forward slashes; relative to the scan root when the file is inside it, else absolute. */
  path: string;
  kind: FileKind;
  /** Why the file was not analysed (too large, binary, unreadable); absent when it was. */
  skipped?: string;
  /** In document order, already masked by the engine. */
  findings: readonly Finding[];
}

export interface ScanReport {
  files: readonly ScannedFile[];
}

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/** Every finding of the report with the path of its file, in file then document order. */
export function allFindings(report: ScanReport): { path: string; finding: Finding }[] {
  return report.files.flatMap((file) => file.findings.map((finding) => ({ path: file.path, finding })));
}

export function countBySeverity(report: ScanReport): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const { finding } of allFindings(report)) counts[finding.severity]++;
  return counts;
}
