// Shared by the CLI-facing unit tests: temporary project folders and in-process CLI runs
// (`main` with captured output), so tests need no build and no child process.
import { before, after } from 'node:test';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { main } from '../../../src/cli/main';

/** A scratch root for one test file, created before its tests and removed after them. */
export function scratchRoot(prefix: string): { folder(files: Record<string, string | Uint8Array>): string; readonly path: string } {
  let root = '';
  before(() => {
    root = mkdtempSync(join(tmpdir(), `plainsight-${prefix}-`));
  });
  after(() => rmSync(root, { recursive: true, force: true }));
  return {
    get path() {
      return root;
    },
    /** A fresh folder under the root holding the given files (path → content). */
    folder(files) {
      const dir = mkdtempSync(join(root, 'case-'));
      for (const [path, content] of Object.entries(files)) {
        mkdirSync(join(dir, path, '..'), { recursive: true });
        writeFileSync(join(dir, path), content);
      }
      return dir;
    },
  };
}

/** Runs the CLI in-process and returns its exit code and output. */
export async function runCli(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { cwd, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdoutIsTTY: false, env: {} });
  return { code, stdout, stderr };
}
