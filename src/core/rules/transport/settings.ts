// Setting names that switch TLS certificate verification off, matched on the key with case and
// separators removed (`insecure_skip_verify`, `insecureSkipVerify` and `insecure-skip-verify` are
// one key). Compound names also match as a suffix (`ELASTICSEARCH_VERIFY_CERTS`, `db.sslVerify`).
import { keyMemo } from '../../memo';
import { isFalse, isTrue } from './values';

const NOT_LOWER_ALNUM = /[^a-z0-9]/;
const NOT_LOWER_ALNUM_G = /[^a-z0-9]/g;

/**
 * Lowercase letters and digits only. Remembered per key: three rules ask about every pair, and
 * files repeat their keys (a package's message catalogs share thousands).
 */
export const normalizeKey = keyMemo((key: string): string => {
  const lower = key.toLowerCase();
  // Most keys are plain lowercase words already: test first, build a new string only when needed.
  return NOT_LOWER_ALNUM.test(lower) ? lower.replace(NOT_LOWER_ALNUM_G, '') : lower;
});

/** Verification is off when these are false. `verify` alone is too common to match as a suffix. */
const OFF_WHEN_FALSE_EXACT = new Set(['verify']);
const OFF_WHEN_FALSE_SUFFIX = longestFirst([
  'sslverify',
  'verifyssl',
  'tlsverify',
  'verifytls',
  'verifycert',
  'verifycerts',
  'verifycertificate',
  'verifycertificates',
  'validatecert',
  'validatecerts',
  'validatecertificate',
  'validatecertificates',
  'strictssl',
  'rejectunauthorized',
  'checkcertificate',
  'checkcertificates',
  'sslverification',
  'certverification',
  'certificateverification',
  'verifypeer',
  'sslvalidate',
]);

/** Verification is off when these are true. */
const OFF_WHEN_TRUE_EXACT = new Set(['insecure', 'skipverify', 'tlsinsecure', 'sslinsecure', 'insecuressl', 'insecuretls']);
const OFF_WHEN_TRUE_SUFFIX = longestFirst([
  'insecureskipverify',
  'insecureskiptlsverify',
  'skiptlsverify',
  'tlsskipverify',
  'skipsslverify',
  'sslskipverify',
  'skipcertverify',
  'skipcertificateverification',
  'disablesslverification',
  'disabletlsverification',
  'disablesslverify',
  'disabletlsverify',
  'disablecertificateverification',
  'ignoresslerrors',
  'ignorecertificateerrors',
  'ignorecerts',
  'trustallcerts',
  'trustallcertificates',
  'allowunverifiedssl',
  'allowinvalidcertificates',
  'allowinvalidhostnames',
  'downloadinsecure',
]);

/**
 * Names that look like a switch but mean something else: Docker turns verification ON whenever
 * DOCKER_TLS_VERIFY is non-empty, `0` included.
 */
const NOT_A_SWITCH = new Set(['dockertlsverify']);

export type VerifySwitch = 'off-when-false' | 'off-when-true';

/** Whether a key is a verification switch, and which value turns verification off. */
export function verifySwitch(key: string): VerifySwitch | undefined {
  const k = normalizeKey(key);
  if (!k || NOT_A_SWITCH.has(k)) return undefined;
  if (OFF_WHEN_FALSE_EXACT.has(k)) return 'off-when-false';
  if (OFF_WHEN_TRUE_EXACT.has(k)) return 'off-when-true';
  // The longest matching suffix decides: `insecureskiptlsverify` ends in `tlsverify` too.
  const whenFalse = longestSuffix(k, OFF_WHEN_FALSE_SUFFIX);
  const whenTrue = longestSuffix(k, OFF_WHEN_TRUE_SUFFIX);
  if (whenFalse === 0 && whenTrue === 0) return undefined;
  return whenTrue >= whenFalse ? 'off-when-true' : 'off-when-false';
}

/** The length of the longest of `suffixes` (sorted longest first) that `key` ends in, else 0. */
function longestSuffix(key: string, suffixes: readonly string[]): number {
  for (const s of suffixes) if (s.length <= key.length && key.endsWith(s)) return s.length;
  return 0;
}

/** Sorted longest first, so that the first suffix that matches is the longest one. */
function longestFirst(suffixes: string[]): readonly string[] {
  return suffixes.sort((a, b) => b.length - a.length);
}

export function switchesOff(kind: VerifySwitch, value: string): boolean {
  return kind === 'off-when-false' ? isFalse(value) : isTrue(value);
}

/** Lowercase substrings for keyword prefilters: every name above contains one of them. */
export const SETTING_KEYWORDS: readonly string[] = ['verif', 'insecure', 'strict', 'reject', 'validate', 'check', 'ignore', 'trust', 'allow'];
