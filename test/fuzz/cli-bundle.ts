// The CLI bundle for end-to-end tests (no-leak, no-network): dist/cli.js when it is newer than
// every source file (as after `npm run build`, which `npm test` runs first), otherwise a fresh
// production build into a temporary folder, so a stale dist/ never decides a test.
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildInto, REPO_ROOT } from '../unit/helpers/build';

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Path of a cli.js built from the current sources, and a cleanup-worthy temp folder if one was made. */
export function currentCli(): { cli: string; temp?: string } {
  const dist = join(REPO_ROOT, 'dist', 'cli.js');
  const inputs = Math.max(newestSource(join(REPO_ROOT, 'src')), statSync(join(REPO_ROOT, 'esbuild.mjs')).mtimeMs, statSync(join(REPO_ROOT, 'package-lock.json')).mtimeMs);
  if (existsSync(dist) && statSync(dist).mtimeMs > inputs) return { cli: dist };
  const temp = buildInto('plainsight-cli-under-test-');
  return { cli: join(temp, 'dist', 'cli.js'), temp };
}
