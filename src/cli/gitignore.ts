// `.gitignore` rules as git applies them: every directory's file, from a base directory down,
// deeper files overriding shallower ones, plus `.git/info/exclude` at the repository root. The
// pattern matching itself is the `ignore` package's (the matcher eslint and prettier use).
import { readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export class GitignoreRules {
  private readonly levels = new Map<string, Promise<Ignore | null>>();

  /** `base`: the repository root, or where ignore files start to count when there is no repository. */
  constructor(readonly base: string, private readonly isRepositoryRoot: boolean) {}

  /** The rules for files under `target`: rooted at the enclosing git repository, else at `fallback`. */
  static async forTarget(target: string, fallback: string): Promise<GitignoreRules> {
    for (let dir = target; ; dir = dirname(dir)) {
      if (await exists(join(dir, '.git'))) return new GitignoreRules(dir, true);
      if (dirname(dir) === dir) return new GitignoreRules(fallback, false);
    }
  }

  /** Whether the path itself matches (or sits in a directory that matches) the rules. */
  async isIgnored(path: string, isDirectory: boolean): Promise<boolean> {
    const rel = relative(this.base, path);
    if (!rel || rel.startsWith('..')) return false;
    let ignored = false;
    // Levels from the base down to the path's own folder; a deeper file's verdict overrides.
    const parts = rel.split(sep);
    for (let depth = 0; depth < parts.length; depth++) {
      const rules = await this.level(join(this.base, ...parts.slice(0, depth)));
      if (!rules) continue;
      const below = parts.slice(depth).join('/') + (isDirectory ? '/' : '');
      const verdict = rules.test(below);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private level(dir: string): Promise<Ignore | null> {
    let rules = this.levels.get(dir);
    if (!rules) {
      rules = this.load(dir);
      this.levels.set(dir, rules);
    }
    return rules;
  }

  private async load(dir: string): Promise<Ignore | null> {
    const sources = [join(dir, '.gitignore')];
    // Repository-wide excludes count like a root .gitignore read first (the root file wins).
    if (this.isRepositoryRoot && dir === this.base) sources.unshift(join(dir, '.git', 'info', 'exclude'));
    const texts = await Promise.all(sources.map((file) => readFile(file, 'utf8').catch(() => null)));
    const found = texts.filter((t): t is string => t !== null);
    return found.length ? ignore().add(found.join('\n')) : null;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
