// Turns the paths given on the command line into the list of files to analyse. Directories are
// walked depth first, skipping `.git`, `node_modules`, anything `.gitignore` excludes and files
// that are not config-like; files named explicitly are always analysed. Each file's `gitIgnored`
// comes from the same rules (the dotenv rules lower severity for ignored files).
//
// File-system calls here are synchronous: the walk is sequential anyway, and a command line of
// thousands of files costs one `stat` each, with ignore rules and repository roots cached per
// folder (gitignore.ts).
import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { GitignoreCache, type GitignoreRules } from './gitignore';
import { isConfigLike, SKIPPED_DIRECTORIES } from '../core/file-types';
import { UsageError } from './io';

export interface Target {
  absolute: string;
  gitIgnored: boolean;
}

export async function collectTargets(paths: readonly string[], cwd: string, note: (message: string) => void): Promise<Target[]> {
  const found = new Map<string, Target>();
  const gitignores = new GitignoreCache();
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let info: Stats;
    try {
      info = statSync(absolute);
    } catch (e) {
      const error = e as NodeJS.ErrnoException;
      throw new UsageError(error.code === 'ENOENT' ? `no such file or directory: ${path}` : `cannot access ${path}: ${error.code ?? error.name}`, 'scan');
    }
    if (!info.isFile() && !info.isDirectory()) throw new UsageError(`not a file or directory: ${path}`, 'scan');
    const folder = info.isDirectory() ? absolute : dirname(absolute);
    // Without a repository, ignore files count from the working directory (or the target, if outside it).
    const rules = gitignores.forTarget(folder, isInside(cwd, folder) ? cwd : folder);
    if (info.isFile()) {
      found.set(absolute, { absolute, gitIgnored: rules.isIgnoredSync(absolute, false) });
      continue;
    }
    // A directory named explicitly is walked even when it is ignored itself (the user asked for
    // it); everything in it is then ignored as far as git is concerned.
    const ignoredItself = rules.isIgnoredSync(absolute, true);
    walk(absolute, ignoredItself ? undefined : rules, (file) => {
      if (!found.has(file)) found.set(file, { absolute: file, gitIgnored: ignoredItself });
    }, note, cwd);
  }
  return [...found.values()];
}

function walk(dir: string, rules: GitignoreRules | undefined, add: (file: string) => void, note: (message: string) => void, cwd: string): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    note(`cannot read directory ${displayPath(dir, cwd)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name}`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name) || rules?.isIgnoredSync(path, true)) continue;
      walk(path, rules, add, note, cwd);
      continue;
    }
    if (!isConfigLike(entry.name)) continue;
    // Symbolic links to files are followed; links to directories are not (they can form cycles).
    const isFile = entry.isFile() || (entry.isSymbolicLink() && isFileFollowingLinks(path));
    if (!isFile || rules?.isIgnoredSync(path, false)) continue;
    add(path);
  }
}

function isFileFollowingLinks(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

export function isInside(parent: string, child: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Relative to the working directory with forward slashes when inside it, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
  const shown = isInside(cwd, absolute) ? relative(cwd, absolute) || '.' : absolute;
  return shown.replace(/\\/g, '/');
}
