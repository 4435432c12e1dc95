// Exposure-aware judgement for dotenv files: a secret in a git-ignored `.env` is where it belongs.
import type { FileInfo } from '../../rule';

/** False when secrets in this file should not be reported at all. */
export function dotenvExposureAllows(file: FileInfo): boolean {
  if (file.kind !== 'dotenv') return true;
  const name = file.path.replace(/\\/g, '/').split('/').pop()!.toLowerCase();
  // Templates meant to be committed hold placeholders by convention; real values there are still
  // caught because placeholders are filtered value by value, so only skip ignored real env files.
  if (/\.(example|sample|template|dist|defaults?)$/.test(name)) return true;
  return file.gitIgnored !== true;
}
