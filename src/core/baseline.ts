// Baselines: the findings a project has accepted for now, so that only new ones are reported (the
// way into a repository with history). A baseline lists fingerprints (output/fingerprint.ts): built
// from rule id, file path, key name, masked excerpt and occurrence, never from line numbers, so
// lines added above a finding do not bring it back. Paths inside a baseline are relative to the
// folder holding the baseline file, so the CLI (from any working directory) and the editor (from
// the workspace folder) compute the same fingerprints. Pure: text in, text and sets out.
import type { Finding } from './types';
import { VERSION } from './version';
import { fingerprintsOf, type FingerprintSubject } from './output/fingerprint';

export const BASELINE_VERSION = 1;
/** The name `plainsight baseline` writes when no --output is given. */
export const DEFAULT_BASELINE_FILE = '.plainsight-baseline.json';

export interface BaselineEntry {
  fingerprint: string;
  /** For people reading the file (and for pruning by hand); matching uses the fingerprint only. */
  ruleId: string;
  /** Relative to the baseline file's folder, forward slashes. */
  path: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  tool: { name: 'Plainsight'; version: string };
  fingerprints: BaselineEntry[];
}

/** One scanned file: its path relative to the baseline's folder and its findings in document order. */
export interface BaselineFile {
  path: string;
  findings: readonly FingerprintSubject[];
}

/** A baseline of every finding of the given files, sorted so it diffs well. */
export function createBaseline(files: readonly BaselineFile[]): Baseline {
  const entries: BaselineEntry[] = [];
  for (const file of files) {
    const prints = fingerprintsOf(file.path, file.findings);
    file.findings.forEach((f, i) => entries.push({ fingerprint: prints[i], ruleId: f.ruleId, path: file.path }));
  }
  entries.sort((a, b) => compare(a.path, b.path) || compare(a.ruleId, b.ruleId) || compare(a.fingerprint, b.fingerprint));
  return { version: BASELINE_VERSION, tool: { name: 'Plainsight', version: VERSION }, fingerprints: entries };
}

export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2)}\n`;
}

/** The fingerprints of a baseline file, or why it cannot be used. */
export function parseBaseline(text: string): { fingerprints: ReadonlySet<string> } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: 'not valid JSON' };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { error: 'must be a JSON object' };
  const { version, fingerprints } = raw as { version?: unknown; fingerprints?: unknown };
  if (version !== BASELINE_VERSION) return { error: `unsupported version ${JSON.stringify(version)} (expected ${BASELINE_VERSION})` };
  if (!Array.isArray(fingerprints)) return { error: "'fingerprints' must be an array" };
  const set = new Set<string>();
  for (const entry of fingerprints) {
    const value = typeof entry === 'string' ? entry : (entry as { fingerprint?: unknown } | null)?.fingerprint;
    if (typeof value !== 'string' || !/^[0-9a-f]{64}$/.test(value)) return { error: "every entry of 'fingerprints' needs a 'fingerprint' of 64 hex digits" };
    set.add(value);
  }
  return { fingerprints: set };
}

/** The findings of one file that are not in the baseline, and how many were. */
export function filterBaselined<T extends Finding | FingerprintSubject>(path: string, findings: readonly T[], baseline: ReadonlySet<string>): { kept: T[]; baselined: number } {
  if (baseline.size === 0 || findings.length === 0) return { kept: [...findings], baselined: 0 };
  const prints = fingerprintsOf(path, findings);
  const kept = findings.filter((_, i) => !baseline.has(prints[i]));
  return { kept, baselined: findings.length - kept.length };
}

/**
 * `to` relative to the folder `from`, both absolute with forward slashes (a file URI's path, or a
 * POSIX path, or `C:/...`): the path a baseline records. Case-sensitive, like the fingerprints.
 */
export function relativePath(from: string, to: string): string {
  const split = (p: string) => p.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  const a = split(from);
  const b = split(to);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  return [...Array(a.length - common).fill('..'), ...b.slice(common)].join('/');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
