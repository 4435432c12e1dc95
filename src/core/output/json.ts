// The machine format with a stable, versioned schema. Positions are 1-based (like the text and
// SARIF formats) so the three agree; `version` is the schema version, bumped only on a breaking
// change, and `tool.version` is the Plainsight release.
import type { Category, Confidence, FileKind, Severity } from '../types';
import { VERSION } from '../version';
import type { ScanReport } from './model';
import { allFindings } from './model';

export const JSON_SCHEMA_VERSION = 1;

export interface JsonReport {
  version: typeof JSON_SCHEMA_VERSION;
  tool: { name: 'Plainsight'; version: string };
  files: { path: string; kind: FileKind; skipped?: string }[];
  findings: JsonFinding[];
}

export interface JsonFinding {
  path: string;
  ruleId: string;
  category: Category;
  severity: Severity;
  confidence: Confidence;
  message: string;
  excerpt: string;
  range: { startLine: number; startColumn: number; endLine: number; endColumn: number };
  fixable: boolean;
}

export function toJson(report: ScanReport): JsonReport {
  return {
    version: JSON_SCHEMA_VERSION,
    tool: { name: 'Plainsight', version: VERSION },
    files: report.files.map((f) => (f.skipped ? { path: f.path, kind: f.kind, skipped: f.skipped } : { path: f.path, kind: f.kind })),
    findings: allFindings(report).map(({ path, finding }) => ({
      path,
      ruleId: finding.ruleId,
      category: finding.category,
      severity: finding.severity,
      confidence: finding.confidence,
      message: finding.message,
      excerpt: finding.excerpt,
      range: {
        startLine: finding.startLine + 1,
        startColumn: finding.startColumn + 1,
        endLine: finding.endLine + 1,
        endColumn: finding.endColumn + 1,
      },
      // Whether this finding carries a fix now, not whether its rule can fix some findings.
      fixable: finding.fixes.length > 0,
    })),
  };
}
