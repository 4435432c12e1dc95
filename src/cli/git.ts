// What git knows about a file, asked through the git command line: whether it is tracked, whether
// it is ignored, and its text in the last commit. Every answer is undefined when git cannot tell
// (no git, not a repository, a time-out), so callers never guess. Output that may hold file
// contents stays in memory and is never logged. Node only: used by the CLI and, on desktop, by the
// VS Code extension.

const TIMEOUT_MS = 10_000;
const MAX_BUFFER = 64 * 1024 * 1024;

interface Run {
  code: number | undefined;
  stdout: string;
}

/**
 * Settings that would make git run programs named by the scanned repository's own config
 * (`core.fsmonitor` runs a hook on ls-files/check-ignore; hooks and external diff/textconv
 * drivers likewise): a security tool must never execute code from what it inspects.
 */
const SAFE_CONFIG = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'diff.external=', '--no-pager'];

function git(cwd: string, args: readonly string[]): Promise<Run> {
  // Required on first use: loading child_process costs ~10 ms at every start of the CLI, and
  // `plainsight scan` never runs git.
  const { execFile } = require('node:child_process') as typeof import('node:child_process');
  return new Promise((resolve) => {
    execFile('git', [...SAFE_CONFIG, ...args], { cwd, timeout: TIMEOUT_MS, maxBuffer: MAX_BUFFER, windowsHide: true, encoding: 'utf8' }, (error, stdout) => {
      if (!error) return resolve({ code: 0, stdout });
      const code = typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : undefined;
      resolve({ code, stdout: '' });
    });
  });
}

/** `relPath` is relative to `cwd`, `/`-separated. */
export async function isTracked(cwd: string, relPath: string): Promise<boolean | undefined> {
  const r = await git(cwd, ['ls-files', '--error-unmatch', '--', relPath]);
  return r.code === 0 ? true : r.code === 1 ? false : undefined;
}

export async function isIgnored(cwd: string, relPath: string): Promise<boolean | undefined> {
  // check-ignore: 0 ignored, 1 not ignored, 128 error (e.g. not a repository).
  const r = await git(cwd, ['check-ignore', '-q', '--', relPath]);
  return r.code === 0 ? true : r.code === 1 ? false : undefined;
}

/** The file's text in HEAD: null when it is not there (or there are no commits), undefined when unknown. */
export async function headText(cwd: string, relPath: string): Promise<string | null | undefined> {
  const head = await git(cwd, ['rev-parse', '--verify', '-q', 'HEAD']);
  if (head.code === 1) return null;
  if (head.code !== 0) return undefined;
  const r = await git(cwd, ['show', `HEAD:./${relPath}`]);
  return r.code === 0 ? r.stdout : null;
}

/** The root of the git work tree holding `dir`, or undefined outside one (or without git). */
export async function repositoryRoot(dir: string): Promise<string | undefined> {
  const r = await git(dir, ['rev-parse', '--show-toplevel']);
  return r.code === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}
