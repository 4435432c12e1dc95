// Exposure-aware judgement for dotenv files: a secret in a git-ignored `.env` is where it belongs.
import type { FileInfo } from '../../rule';

/** False when secrets in this file should not be reported at all. */
export function dotenvExposureAllows(file: FileInfo): boolean {
  if (file.kind !== 'dotenv') return true;
  // Asked for every pair by most secret rules: worked out once per file.
  let allows = verdicts.get(file);
  if (allows === undefined) {
    // Templates meant to be committed hold placeholders by convention; real values there are still
    // caught because placeholders are filtered value by value, so only skip ignored real env files.
    allows = isDotenvTemplate(file.path) || file.gitIgnored !== true;
    verdicts.set(file, allows);
  }
  return allows;
}

const verdicts = new WeakMap<FileInfo, boolean>();

/** `.env.example` and its kin: dotenv files meant to be committed (ignoring them is never the fix). */
export function isDotenvTemplate(path: string): boolean {
  const name = path.replace(/\\/g, '/').split('/').pop()!.toLowerCase();
  return /\.(example|sample|template|dist|defaults?)$/.test(name);
}
