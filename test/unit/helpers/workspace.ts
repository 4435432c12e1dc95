// The bundled example workspace (test/integration/workspace), copied for tests that run fixes on it.
import { cpSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const EXAMPLE_WORKSPACE = join(__dirname, '..', '..', 'integration', 'workspace');

/** Copies the example workspace into `dir` (an existing scratch folder) and returns `dir`. */
export function copyExampleWorkspace(dir: string): string {
  cpSync(EXAMPLE_WORKSPACE, dir, { recursive: true });
  return dir;
}

/** Every file under `dir` (`.git` left out) by `/`-separated relative path, with its text. */
export function filesUnder(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (name === '.git') continue;
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full).split('\\').join('/'), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}
