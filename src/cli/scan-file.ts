// One file of a scan: read it, analyse it, keep what reports need. The main thread and the scan
// workers (scan-worker.ts) run this same code, so a file gives the same result on either.
import { analyze, classify, type Config } from '../core/index';
import type { ScannedFile } from '../core/output/index';
import { readForAnalysisSync } from './read';

/** A file to scan; plain data, so it can be posted to a worker as is. */
export interface ScanJob {
  absolute: string;
  /** As shown in reports. */
  path: string;
  gitIgnored: boolean;
  /** Files longer than this many characters are skipped. */
  maxChars: number;
  /** Index into the scan's list of configurations (one per project file, not one per file). */
  config: number;
}

export function scanFile(job: ScanJob, config: Config | undefined): ScannedFile {
  const { path } = job;
  // Synchronous: reading ahead on libuv's thread pool was measured ~4% slower on 2 cores (the
  // files are small and cached; the pool threads compete with V8's own helper threads).
  const read = readForAnalysisSync(job.absolute, job.maxChars);
  if ('skipped' in read) return { path, kind: classify(path, '').kind, skipped: read.skipped, findings: [] };
  const result = analyze(read.text, { path, gitIgnored: job.gitIgnored, config });
  // Keep only what reports need; the text, parse tree and line index are dropped here.
  return result.skipped ? { path, kind: result.kind, skipped: result.skipped, findings: [] } : { path, kind: result.kind, findings: result.findings };
}

/**
 * Claims jobs one at a time from the shared counter `next` and scans them until none are left.
 * The main thread and every worker run this loop over the same counter, so work spreads by how
 * fast each thread goes rather than by a fixed split, and each job is scanned exactly once.
 */
export function drain(next: Int32Array, jobs: readonly ScanJob[], configs: readonly (Config | undefined)[], done: (index: number, file: ScannedFile) => void): void {
  for (let i = Atomics.add(next, 0, 1); i < jobs.length; i = Atomics.add(next, 0, 1)) done(i, scanFile(jobs[i], configs[jobs[i].config]));
}
