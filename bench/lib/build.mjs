// Builds what the benchmark measures from the working tree, without touching dist/: the repo's own
// esbuild.mjs with --production (what `vsce package` ships) and --out, into a temporary folder.
import { mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

/** @returns {{ dir: string, extension: string, web: string, cli: string, ms: number }} */
export function productionBuild(repo) {
  const dir = mkdtempSync(join(tmpdir(), 'plainsight-bench-build-'));
  const started = performance.now();
  const run = spawnSync(process.execPath, ['esbuild.mjs', '--production', '--out', dir], { cwd: repo, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`node esbuild.mjs --production --out ${dir} failed (exit ${run.status}):\n${run.stderr}`);
  return { dir, extension: join(dir, 'dist', 'extension.js'), web: join(dir, 'dist', 'web', 'extension.js'), cli: join(dir, 'dist', 'cli.js'), ms: performance.now() - started };
}
