// The recheck-backed safety check for custom patterns (see custom-patterns.ts). Node-only: do not
// import it from anything the web bundle reaches. recheck is bundled (its pure Scala.js build,
// a few MB), so the CLI and the desktop extension need no native binary or Java at run time:
// the `pure` synchronous backend runs in-process and starts no worker or child process.
import { checkSync } from 'recheck';
import type { Diagnostics, Parameters } from 'recheck';
import { compileCustomPattern, type CustomPatternResult, type SafetyCheck } from './custom-patterns';

/** Per pattern; a pattern that cannot be decided in time is refused, not trusted. */
const TIMEOUT_MS = 5000;

function run(source: string, flags: string, params: Parameters): Diagnostics {
  const previous = process.env.RECHECK_SYNC_BACKEND;
  process.env.RECHECK_SYNC_BACKEND = 'pure';
  try {
    return checkSync(source, flags, params);
  } finally {
    if (previous === undefined) delete process.env.RECHECK_SYNC_BACKEND;
    else process.env.RECHECK_SYNC_BACKEND = previous;
  }
}

/**
 * The automaton checker first (exact for regular patterns, fast), then recheck's default (which
 * fuzzes patterns with lookarounds or backreferences). Safe only when recheck says `safe`.
 */
export const recheckCheck: SafetyCheck = (source, flags) => {
  let d = run(source, flags, { checker: 'automaton', timeout: TIMEOUT_MS });
  if (d.status === 'unknown') d = run(source, flags, { timeout: TIMEOUT_MS, randomSeed: 1 });
  if (d.status === 'safe') return { safe: true };
  if (d.status === 'vulnerable') {
    const attack = d.attack.pattern.length > 80 ? `${d.attack.pattern.slice(0, 77)}...` : d.attack.pattern;
    return { safe: false, reason: `matching can take ${d.complexity.summary} time (ReDoS), e.g. on ${attack}` };
  }
  return { safe: false, reason: `it could not be proven safe from ReDoS (${d.error.kind === 'timeout' ? 'the check timed out' : d.error.kind})` };
};

/** compileCustomPattern with the recheck analysis: what the CLI and the desktop extension use. */
export function compileCustomPatternChecked(source: string, flags = ''): CustomPatternResult {
  // The structural screen first: instant, and it explains the common mistakes plainly.
  const quick = compileCustomPattern(source, { flags });
  if (!quick.ok) return quick;
  return compileCustomPattern(source, { flags, check: recheckCheck });
}
