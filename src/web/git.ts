// The web build's stand-in for src/cli/git.ts (esbuild.mjs swaps it in for the browser bundle):
// the web worker extension host cannot run git, and every question git would answer is answered
// "cannot tell" (undefined), which callers already handle because git may be missing on desktop
// too. The signatures must match src/cli/git.ts (esbuild fails the web build on a missing export;
// test/unit/web-extension.test.ts compares the export names).

/** `relPath` is relative to `cwd`, `/`-separated. */
export async function isTracked(_cwd: string, _relPath: string): Promise<boolean | undefined> {
  return undefined;
}

export async function isIgnored(_cwd: string, _relPath: string): Promise<boolean | undefined> {
  return undefined;
}

export async function headText(_cwd: string, _relPath: string): Promise<string | null | undefined> {
  return undefined;
}

/** The enclosing repository's root folder; unknown on the web. */
export async function repositoryRoot(_dir: string): Promise<string | undefined> {
  return undefined;
}
