// The data behind the security report: findings per file in, summary totals, the most frequent
// rules, the files with the most findings and one table row per finding out. Pure and
// serialisable (it is posted to a webview as it is), and built only from what the engine already
// masked: messages, excerpts and fix titles. Fix edits (which may hold replacement text) stay out.
import type { Category, Confidence, Severity } from '../types';
import { CATEGORIES } from '../types';
import type { ScannedFile } from '../output/model';
import { SEVERITY_ORDER } from '../output/model';
import { fingerprintsOf } from '../output/fingerprint';
import { metaOf } from '../registry';

/** A scanned file plus an opaque id the front end uses to find it again (the editor: a URI). */
export interface ReportFileInput extends ScannedFile {
  id: string;
}

export type SeverityCounts = Record<Severity, number>;

export interface ReportFixOption {
  /** Index into the finding's `fixes`, what the front end sends back to apply it. */
  index: number;
  title: string;
  /** Safe fixes keep behaviour; unsafe ones change what the file does. */
  safe: boolean;
}

export interface ReportRow {
  /** Unique in the model and stable while the finding exists: file id and fingerprint. */
  key: string;
  fileId: string;
  path: string;
  /** The finding's fingerprint (see output/fingerprint.ts): finds it again after re-analysis. */
  fingerprint: string;
  ruleId: string;
  ruleTitle: string;
  category: Category;
  severity: Severity;
  confidence: Confidence;
  message: string;
  excerpt: string;
  /** 1-based, as every output format shows them. */
  line: number;
  column: number;
  fixes: ReportFixOption[];
}

export interface RuleCount {
  ruleId: string;
  title: string;
  category: Category;
  count: number;
  bySeverity: SeverityCounts;
}

export interface FileCount {
  fileId: string;
  path: string;
  count: number;
  bySeverity: SeverityCounts;
}

export interface ReportModel {
  /** Files analysed (skipped ones excluded), files skipped, and files with at least one finding. */
  files: { scanned: number; skipped: number; withFindings: number };
  total: number;
  bySeverity: SeverityCounts;
  /** Per category, split by severity (the chart draws one stacked bar per category). */
  byCategory: Record<Category, SeverityCounts>;
  topRules: RuleCount[];
  topFiles: FileCount[];
  /** Most severe first, then by path and position. */
  rows: ReportRow[];
}

export interface ReportModelOptions {
  /** How many rules and files the top lists keep (default 10). */
  top?: number;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function buildReportModel(files: readonly ReportFileInput[], options: ReportModelOptions = {}): ReportModel {
  const top = options.top ?? 10;
  const bySeverity = zero();
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, zero()])) as Record<Category, SeverityCounts>;
  const rules = new Map<string, RuleCount>();
  const fileCounts: FileCount[] = [];
  const rows: ReportRow[] = [];
  // metaOf searches the whole catalog; a workspace can have thousands of findings of few rules.
  const titles = new Map<string, string>();
  const titleOf = (id: string) => titles.get(id) ?? titles.set(id, metaOf(id)?.title ?? id).get(id)!;

  for (const file of files) {
    if (file.findings.length === 0) continue;
    const fingerprints = fingerprintsOf(file.path, file.findings);
    const perFile: FileCount = { fileId: file.id, path: file.path, count: 0, bySeverity: zero() };
    file.findings.forEach((finding, i) => {
      const title = titleOf(finding.ruleId);
      bySeverity[finding.severity]++;
      byCategory[finding.category][finding.severity]++;
      perFile.count++;
      perFile.bySeverity[finding.severity]++;
      let rule = rules.get(finding.ruleId);
      if (!rule) rules.set(finding.ruleId, (rule = { ruleId: finding.ruleId, title, category: finding.category, count: 0, bySeverity: zero() }));
      rule.count++;
      rule.bySeverity[finding.severity]++;
      rows.push({
        key: `${file.id}#${fingerprints[i]}`,
        fileId: file.id,
        path: file.path,
        fingerprint: fingerprints[i],
        ruleId: finding.ruleId,
        ruleTitle: title,
        category: finding.category,
        severity: finding.severity,
        confidence: finding.confidence,
        message: finding.message,
        excerpt: finding.excerpt,
        line: finding.startLine + 1,
        column: finding.startColumn + 1,
        fixes: finding.fixes.map((fix, index) => ({ index, title: fix.title, safe: fix.disposition === 'safe' })),
      });
    });
    fileCounts.push(perFile);
  }

  rows.sort((a, b) => RANK[a.severity] - RANK[b.severity] || compare(a.path, b.path) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId));
  const heavier = (a: { count: number; bySeverity: SeverityCounts }, b: { count: number; bySeverity: SeverityCounts }) =>
    b.count - a.count || SEVERITY_ORDER.reduce((d, s) => d || b.bySeverity[s] - a.bySeverity[s], 0);
  const topRules = [...rules.values()].sort((a, b) => heavier(a, b) || compare(a.ruleId, b.ruleId)).slice(0, top);
  const topFiles = fileCounts.sort((a, b) => heavier(a, b) || compare(a.path, b.path)).slice(0, top);
  const scanned = files.filter((f) => !f.skipped).length;

  return {
    files: { scanned, skipped: files.length - scanned, withFindings: fileCounts.length },
    total: rows.length,
    bySeverity,
    byCategory,
    topRules,
    topFiles,
    rows,
  };
}

export type ReportSummary = Pick<ReportModel, 'files' | 'total' | 'bySeverity' | 'byCategory'>;

/** The totals alone, without rows or fingerprints: cheap enough for every change (status bar). */
export function summarize(files: readonly ScannedFile[]): ReportSummary {
  const bySeverity = zero();
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, zero()])) as Record<Category, SeverityCounts>;
  let total = 0;
  let withFindings = 0;
  let scanned = 0;
  for (const file of files) {
    if (!file.skipped) scanned++;
    if (file.findings.length > 0) withFindings++;
    for (const f of file.findings) {
      total++;
      bySeverity[f.severity]++;
      byCategory[f.category][f.severity]++;
    }
  }
  return { files: { scanned, skipped: files.length - scanned, withFindings }, total, bySeverity, byCategory };
}

/** The row a front end refers to, by key. */
export function rowByKey(model: ReportModel, key: string): ReportRow | undefined {
  return model.rows.find((r) => r.key === key);
}

function zero(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

/** Code-unit order, not locale order: the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
