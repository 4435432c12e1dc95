// `.gitignore` rules as git applies them: every directory's file, from a base directory down,
// deeper files overriding shallower ones, plus `.git/info/exclude` at the repository root. The
// pattern matching itself is the `ignore` package's (the matcher eslint and prettier use).
//
// A scan can name thousands of files on the command line, so everything here is answered once per
// directory and shared: which repository a folder is in (`GitignoreCache`), one rule set per base
// folder, and each folder's parsed ignore file. Existence checks are synchronous `stat`s that
// return `undefined` for missing files instead of building an exception for each of them.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export class GitignoreRules {
  private readonly levels = new Map<string, Ignore | null>();

  /** `base`: the repository root, or where ignore files start to count when there is no repository. */
  constructor(
    readonly base: string,
    private readonly isRepositoryRoot: boolean,
  ) {}

  /** The rules for files under `target`: rooted at the enclosing git repository, else at `fallback`. */
  static async forTarget(target: string, fallback: string): Promise<GitignoreRules> {
    return new GitignoreCache().forTarget(target, fallback);
  }

  /** Whether the path itself matches (or sits in a directory that matches) the rules. */
  async isIgnored(path: string, isDirectory: boolean): Promise<boolean> {
    return this.isIgnoredSync(path, isDirectory);
  }

  /** `isIgnored` without the promise: every answer is at hand once the folders' files are read. */
  isIgnoredSync(path: string, isDirectory: boolean): boolean {
    const rel = relative(this.base, path);
    if (!rel || rel.startsWith('..')) return false;
    let ignored = false;
    // Levels from the base down to the path's own folder; a deeper file's verdict overrides.
    const parts = rel.split(sep);
    let dir = this.base;
    for (let depth = 0; depth < parts.length; depth++) {
      // `relative` returns plain names (no `.`, `..` or empty parts): joining is concatenating.
      if (depth > 0) dir = dir.endsWith(sep) ? dir + parts[depth - 1] : dir + sep + parts[depth - 1];
      const rules = this.level(dir);
      if (!rules) continue;
      const below = parts.slice(depth).join('/') + (isDirectory ? '/' : '');
      const verdict = rules.test(below);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private level(dir: string): Ignore | null {
    let rules = this.levels.get(dir);
    if (rules === undefined) {
      rules = this.load(dir);
      this.levels.set(dir, rules);
    }
    return rules;
  }

  private load(dir: string): Ignore | null {
    const sources = [join(dir, '.gitignore')];
    // Repository-wide excludes count like a root .gitignore read first (the root file wins).
    if (this.isRepositoryRoot && dir === this.base) sources.unshift(join(dir, '.git', 'info', 'exclude'));
    const found = sources.map(readIfPresent).filter((t): t is string => t !== null);
    return found.length ? ignore().add(found.join('\n')) : null;
  }
}

/**
 * Rule sets and repository roots shared by every target of one scan: files named one by one on
 * the command line cost one lookup per folder, not one walk up to `/` each.
 */
export class GitignoreCache {
  /** Folder → the nearest folder at or above it holding `.git`, or null. */
  private readonly roots = new Map<string, string | null>();
  private readonly rules = new Map<string, GitignoreRules>();

  /** The rules for files under `target`: rooted at the enclosing git repository, else at `fallback`. */
  forTarget(target: string, fallback: string): GitignoreRules {
    const root = this.repositoryRoot(target);
    return root !== null ? this.rulesAt(root, true) : this.rulesAt(fallback, false);
  }

  private rulesAt(base: string, isRepositoryRoot: boolean): GitignoreRules {
    const key = `${isRepositoryRoot ? 'r' : 'b'}:${base}`;
    let rules = this.rules.get(key);
    if (!rules) {
      rules = new GitignoreRules(base, isRepositoryRoot);
      this.rules.set(key, rules);
    }
    return rules;
  }

  private repositoryRoot(dir: string): string | null {
    const known = this.roots.get(dir);
    if (known !== undefined) return known;
    const parent = dirname(dir);
    const root = exists(join(dir, '.git')) ? dir : parent === dir ? null : this.repositoryRoot(parent);
    this.roots.set(dir, root);
    return root;
  }
}

function exists(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** The file's text; null when it is missing or cannot be read (a folder, no permission, ...). */
function readIfPresent(path: string): string | null {
  try {
    // Most folders have no ignore file: a stat that says so is far cheaper than a failed read.
    if (statSync(path, { throwIfNoEntry: false }) === undefined) return null;
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}
