// ReDoS verdicts for the project's regexes with recheck, plus a verdict cache.
//
// Pipeline per pattern (each step only when the previous one could not decide):
//   1. recheck's automaton checker on the pattern as written: exact for regular patterns.
//   2. the automaton checker on the pattern with bounded repeats relaxed (`relaxRepeats`): a
//      `safe` here is sound for the original, and it is fast where step 1 expands `{20,2048}`.
//   3. recheck's default (`auto`, which fuzzes patterns with lookarounds or backreferences),
//      with a fixed random seed so runs agree.
// A verdict is `safe`, `vulnerable` (with complexity and an attack string), or `unknown` with a
// reason; `unknown` because of a timeout is a failure for the caller to report.
//
// recheck takes from milliseconds to seconds per pattern, and the project has hundreds, so
// verdicts are cached in test/fuzz/redos-cache.json, keyed by recheck version, pipeline version,
// flags and source: only new or changed patterns are checked. Timeouts are cached too (they fail
// the test either way, and re-running a 10-second timeout on every run would make the unit run
// slow); REDOS_RETRY=1 checks cached timeouts again, e.g. after a run on a loaded machine.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from 'recheck';
import type { Diagnostics } from 'recheck';
import { relaxRepeats } from './regexes';

export type Verdict =
  | { status: 'safe'; how: string }
  | { status: 'vulnerable'; how: string; complexity: string; attack: string }
  | { status: 'unknown'; how: string; reason: string };

const PIPELINE = 1;
const TIMEOUT_MS = Number(process.env.REDOS_TIMEOUT_MS ?? 10000);
export const CACHE_FILE = join(__dirname, 'redos-cache.json');
const RECHECK_VERSION = (JSON.parse(readFileSync(require.resolve('recheck/package.json'), 'utf8')) as { version: string }).version;

interface CacheFile {
  recheck: string;
  pipeline: number;
  verdicts: Record<string, Verdict>;
}

export function cacheKey(source: string, flags: string): string {
  return `${flags}/${source}`;
}

export function loadCache(): Map<string, Verdict> {
  try {
    const file = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as CacheFile;
    if (file.recheck !== RECHECK_VERSION || file.pipeline !== PIPELINE) return new Map();
    const retry = process.env.REDOS_RETRY === '1';
    return new Map(Object.entries(file.verdicts).filter(([, v]) => !(retry && v.status === 'unknown' && v.reason === 'timeout')));
  } catch {
    return new Map();
  }
}

/** Writes the verdicts, sorted so the file diffs well. */
export function saveCache(verdicts: Map<string, Verdict>): void {
  const kept = [...verdicts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const file: CacheFile = { recheck: RECHECK_VERSION, pipeline: PIPELINE, verdicts: Object.fromEntries(kept) };
  writeFileSync(CACHE_FILE, `${JSON.stringify(file, null, 1)}\n`);
}

function fromDiagnostics(d: Diagnostics, how: string): Verdict {
  if (d.status === 'safe') return { status: 'safe', how };
  if (d.status === 'vulnerable') return { status: 'vulnerable', how, complexity: d.complexity.summary, attack: d.attack.pattern };
  return { status: 'unknown', how, reason: d.error.kind === 'unsupported' || d.error.kind === 'invalid' || d.error.kind === 'unexpected' ? `${d.error.kind}: ${d.error.message}` : d.error.kind };
}

export async function verdictOf(source: string, flags: string): Promise<Verdict> {
  const exact = fromDiagnostics(await check(source, flags, { checker: 'automaton', timeout: TIMEOUT_MS }), 'automaton');
  if (exact.status !== 'unknown') return exact;
  const relaxed = relaxRepeats(source);
  if (relaxed !== source) {
    const r = fromDiagnostics(await check(relaxed, flags, { checker: 'automaton', timeout: TIMEOUT_MS }), 'automaton, bounded repeats relaxed');
    if (r.status === 'safe') return r;
  }
  return fromDiagnostics(await check(source, flags, { timeout: TIMEOUT_MS, randomSeed: 1 }), 'auto (fuzz), seed 1');
}

/** Verdicts for many patterns: cached ones at once, the rest with `concurrency` checks in flight. */
export async function verdictsOf(patterns: readonly { source: string; flags: string }[], concurrency = 2): Promise<{ verdicts: Map<string, Verdict>; fresh: number }> {
  const verdicts = loadCache();
  const todo = patterns.filter((p) => !verdicts.has(cacheKey(p.source, p.flags)));
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, todo.length) }, async () => {
      while (next < todo.length) {
        const p = todo[next++];
        verdicts.set(cacheKey(p.source, p.flags), await verdictOf(p.source, p.flags));
      }
    }),
  );
  return { verdicts, fresh: todo.length };
}
