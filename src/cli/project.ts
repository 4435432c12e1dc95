// The project configuration file (`.plainsight.json` / `.yaml` / `.yml`) for each scanned file: the
// nearest one in the file's folder or above it (in a monorepo each package may have its own).
// Lookups are cached per folder, so a scan of thousands of files reads each folder's candidates
// once, and a folder without them costs three `stat`s that fail quietly (no exception built for
// each missing file). Parsing is the core's (config-file.ts), shared with the editor. A file with
// errors stops the scan with every error listed (exit 2): a typo in CI must not quietly turn rules
// back on, and a custom pattern refused as unsafe (ReDoS) must not quietly go unchecked.
import { statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { CONFIG_FILE_NAMES, ignoreMatcher, parseConfigFile } from '../core/config-file';
import type { Config } from '../core/index';
import { LineIndex } from '../core/positions';
import { UsageError } from './io';
import { cliSafetyCheck } from './safety';
import { displayPath } from './walk';

export interface ProjectConfig {
  /** The config file, absolute. */
  file: string;
  config: Config;
  /** Whether a file (absolute path) matches the file's `ignore` globs. */
  ignores(absolute: string): boolean;
}

export class ProjectConfigs {
  private readonly byDir = new Map<string, Promise<ProjectConfig | undefined>>();

  /** `note` shows caveats about a config file on stderr (a custom pattern recheck could not decide). */
  constructor(
    private readonly cwd: string,
    private readonly note: (message: string) => void,
  ) {}

  /** The configuration that applies to a file (absolute path), if any. */
  forFile(absolute: string): Promise<ProjectConfig | undefined> {
    return this.forDir(dirname(absolute));
  }

  forDir(dir: string): Promise<ProjectConfig | undefined> {
    let found = this.byDir.get(dir);
    if (!found) {
      found = this.lookup(dir);
      this.byDir.set(dir, found);
    }
    return found;
  }

  private async lookup(dir: string): Promise<ProjectConfig | undefined> {
    for (const name of CONFIG_FILE_NAMES) {
      const file = join(dir, name);
      if (isAbsent(file)) continue;
      const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
        // A folder of that name, or a missing file, is no config; anything else is worth stopping for.
        if (error.code === 'ENOENT' || error.code === 'EISDIR' || error.code === 'ENOTDIR') return undefined;
        throw new UsageError(`cannot read ${displayPath(file, this.cwd)}: ${error.code ?? error.name}`, 'scan');
      });
      if (text !== undefined) return this.load(file, text);
    }
    const parent = dirname(dir);
    return parent === dir ? undefined : this.forDir(parent);
  }

  private load(file: string, text: string): ProjectConfig {
    // Custom patterns are compiled and checked for ReDoS here, once per config file.
    const { config, ignore, errors } = parseConfigFile(text, file, { check: cliSafetyCheck });
    if (errors.length) {
      const lines = new LineIndex(text);
      const shown = displayPath(file, this.cwd);
      const where = (offset?: number) => {
        if (offset === undefined) return shown;
        const p = lines.positionAt(offset);
        return `${shown}:${p.line + 1}:${p.column + 1}`;
      };
      throw new UsageError(`invalid configuration:\n${errors.map((e) => `  ${where(e.start)}: ${e.message}`).join('\n')}`, 'scan');
    }
    for (const p of config.options?.customPatterns ?? []) if (p.note) this.note(`${displayPath(file, this.cwd)}: ${p.note}`);
    const matches = ignoreMatcher(ignore);
    const root = dirname(file);
    return { file, config, ignores: (absolute) => matches(relative(root, absolute).replace(/\\/g, '/')) };
  }
}

/**
 * True when `file` is certainly no config: missing, or a folder (the read below would fail with
 * ENOENT or EISDIR). Anything else, a failing `stat` included, is left to the read to judge.
 */
function isAbsent(file: string): boolean {
  try {
    const info = statSync(file, { throwIfNoEntry: false });
    return info === undefined || info.isDirectory();
  } catch {
    return false;
  }
}
