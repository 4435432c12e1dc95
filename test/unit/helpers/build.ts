// A production build of every bundle into a temporary folder (`node esbuild.mjs --production
// --out DIR`), for tests that check what ships without touching dist/ while other tests read it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

/** Builds into a new temporary folder and returns it (dist/extension.js, dist/web/extension.js, ...). */
export function buildInto(prefix: string): string {
  const out = mkdtempSync(join(tmpdir(), prefix));
  const run = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`esbuild.mjs failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
  return out;
}
