// The recheck-backed safety check for custom patterns (see custom-patterns.ts). Node-only and
// CLI-only: recheck's pure Scala.js build is 2.9 MB (about 0.7 MB compressed), which would push
// the .vsix over its 1 MB budget, so neither extension bundle may import this file (package.test.ts
// checks). It is bundled on its own as dist/cli-recheck.js, which the CLI loads only when custom
// patterns are configured (src/cli/safety.ts). The CLI needs no native binary or Java at run time:
// the `pure` synchronous backend runs in-process and starts no worker or child process.
import { checkSync } from 'recheck';
import type { Diagnostics, Parameters } from 'recheck';
import { compileCustomPattern, relaxRepeats, rewriteSource, structuralCheck, type CustomPatternResult, type SafetyCheck } from './custom-patterns';

/** Per recheck run (up to three per pattern). */
const TIMEOUT_MS = 10000;

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
 * The pipeline of test/fuzz/redos-check.ts, which checks the project's own patterns: the automaton
 * checker on the pattern with bounded repeats relaxed (a `safe` there is sound for the original,
 * and takes milliseconds where the exact automaton expands `{16,}` state by state until it times
 * out); then on the pattern as written (exact for regular patterns); then recheck's default, which
 * fuzzes patterns with lookarounds or backreferences.
 */
function recheckVerdict(pattern: string, flags: string): { safe: true } | { safe: false; reason: string } | { undecided: string } {
  // Backreferences need their groups; the structural screen refuses them before recheck anyway.
  const source = /\\[1-9]|\\k</.test(pattern) ? pattern : withoutCaptures(pattern);
  const relaxed = relaxRepeats(source);
  if (relaxed !== source && run(relaxed, flags, { checker: 'automaton', timeout: TIMEOUT_MS }).status === 'safe') return { safe: true };
  let d = run(source, flags, { checker: 'automaton', timeout: TIMEOUT_MS });
  if (d.status === 'unknown') d = run(source, flags, { timeout: TIMEOUT_MS, randomSeed: 1 });
  if (d.status === 'safe') return { safe: true };
  if (d.status === 'vulnerable') {
    const attack = d.attack.pattern.length > 80 ? `${d.attack.pattern.slice(0, 77)}...` : d.attack.pattern;
    return { safe: false, reason: `matching can take ${d.complexity.summary} time (ReDoS), e.g. on ${attack}` };
  }
  return { undecided: d.error.kind === 'timeout' ? `no verdict within ${TIMEOUT_MS / 1000} s` : d.error.kind };
}

/**
 * The pattern with every capturing group (named or not) made non-capturing. Captures do not change
 * how a pattern backtracks (backreferences, which would, are refused before recheck runs), but
 * recheck's automaton tracks them, which makes a `(?<secret>...)` pattern several times slower to
 * decide.
 */
export function withoutCaptures(source: string): string {
  return rewriteSource(source, (i) => {
    if (source[i] !== '(') return undefined;
    if (source[i + 1] !== '?') return { text: '(?:', length: 1 };
    if (source[i + 2] !== '<' || source[i + 3] === '=' || source[i + 3] === '!') return undefined;
    // `(?<name>`: the name goes with the group's capture.
    const close = source.indexOf('>', i);
    return { text: '(?:', length: (close < 0 ? source.length : close + 1) - i };
  });
}

/**
 * The structural screen, then recheck: what the CLI checks custom patterns with. The screen is
 * instant and explains the common mistakes plainly; recheck also catches polynomial patterns.
 * When recheck cannot decide (its runs are bounded in time, and on a busy 2-core machine it gave
 * up on ordinary patterns such as `KEY: *(?<secret>[A-Za-z0-9]{32})`), the pattern has still passed
 * the structural screen, the check the extension relies on alone: it is used, with a note, so
 * whether a CI scan runs does not depend on how loaded the machine is.
 */
export const checkedSafety: SafetyCheck = (source, flags) => {
  const quick = structuralCheck(source, flags);
  if (!quick.safe) return quick;
  const verdict = recheckVerdict(source, flags);
  if (!('undecided' in verdict)) return verdict;
  return { safe: true, note: `recheck could not decide whether it is safe from ReDoS (${verdict.undecided}); it passed the structural check and is used` };
};

/** compileCustomPattern with the structural screen and recheck. */
export function compileCustomPatternChecked(source: string, flags = ''): CustomPatternResult {
  return compileCustomPattern(source, { flags, check: checkedSafety });
}
