// Stable identities for findings, for SARIF `partialFingerprints` and a future baseline. A
// fingerprint must survive unrelated edits (lines added above, a step inserted before), so it is
// built from what the finding is, never from where it is: rule id, file path, the name of the key
// holding the value, the masked excerpt, and the occurrence index among findings that share all
// of those. No line numbers, no array indexes.
//
// The raw offending text is deliberately not hashed: a SHA-256 of a short password in a SARIF file
// uploaded to a code-scanning service is a dictionary-attack oracle. The masked excerpt (at most
// four leading characters and the length for secrets) is what every report already shows.
import type { Finding } from '../types';
import { sha256Hex } from './sha256';

/** Key of the SARIF `partialFingerprints` entry; bump the version when the recipe changes. */
export const FINGERPRINT_KEY = 'plainsight/v1';

export type FingerprintSubject = Pick<Finding, 'ruleId' | 'excerpt' | 'path'>;

/** The fingerprint of one finding in the file at `filePath`, given its occurrence index. */
export function toFingerprint(finding: FingerprintSubject, filePath: string, occurrence: number): string {
  return sha256Hex([FINGERPRINT_KEY, ...identityOf(finding, filePath), String(occurrence)].join('\u0000'));
}

/** Fingerprints of all findings of one file, in the given (document) order. */
export function fingerprintsOf(filePath: string, findings: readonly FingerprintSubject[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const identity = identityOf(finding, filePath).join('\u0000');
    const occurrence = seen.get(identity) ?? 0;
    seen.set(identity, occurrence + 1);
    return toFingerprint(finding, filePath, occurrence);
  });
}

function identityOf(finding: FingerprintSubject, filePath: string): string[] {
  const key = [...(finding.path ?? [])].reverse().find((segment): segment is string => typeof segment === 'string') ?? '';
  const excerpt = finding.excerpt.replace(/\s+/g, ' ').trim();
  return [finding.ruleId, filePath.replace(/\\/g, '/'), key, excerpt];
}
