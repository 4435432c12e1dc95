// Which workspace files the workspace scan covers: config-like files (the CLI's choice, shared
// through the core) in every workspace folder, minus `files.exclude`, `search.exclude`,
// `.gitignore`d files, `.git` and `node_modules`. VS Code's own file search does the matching, so
// the excludes mean exactly what they mean in the Explorer and in Search; a single file (a watcher
// event) is checked by searching for that one path, so the same rules decide.
import * as vscode from 'vscode';
import { CONFIG_FILE_GLOB, SKIPPED_DIRECTORIES_GLOB, isConfigLike } from '../core/file-types';
import { IgnoreFiles } from './ignoreFiles';

/**
 * The proposed `findFiles2` (enabled only for extensions allowed proposed APIs): it applies
 * ignore files and both exclude settings natively. Typed locally; the stable typings lack it.
 */
type FindFiles2 = (
  patterns: vscode.GlobPattern[],
  options: { exclude?: vscode.GlobPattern[]; useIgnoreFiles?: { local?: boolean; parent?: boolean; global?: boolean }; useExcludeSettings?: number },
  token?: vscode.CancellationToken,
) => Thenable<vscode.Uri[]>;
/** `ExcludeSettingOptions.SearchAndFilesExclude` in vscode.proposed.findFiles2.d.ts. */
const SEARCH_AND_FILES_EXCLUDE = 3;

export class WorkspaceFiles {
  readonly ignoreFiles = new IgnoreFiles();
  /** Whether findFiles2 can be called; learned on first use (it throws without the proposal). */
  private findFiles2Works: boolean | undefined;

  /** `proposedApi: false` uses the stable API only (tests cover both paths with it). */
  constructor(options: { proposedApi?: boolean } = {}) {
    if (options.proposedApi === false) this.findFiles2Works = false;
  }

  /** Every file the scan covers, across all workspace folders, sorted. */
  async list(token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const found: vscode.Uri[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (token?.isCancellationRequested) break;
      found.push(...(await this.find(folder, CONFIG_FILE_GLOB, token)));
    }
    const unique = new Map(found.map((u) => [u.toString(), u]));
    return [...unique.values()].sort((a, b) => (a.toString() < b.toString() ? -1 : 1));
  }

  /** Whether one file belongs to the scan (for file system events and newly opened documents). */
  async includes(uri: vscode.Uri): Promise<boolean> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || !isConfigLike(basename(uri))) return false;
    const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
    const found = await this.find(folder, literalGlob(relative));
    return found.some((u) => u.toString() === uri.toString());
  }

  private async find(folder: vscode.WorkspaceFolder, include: string, token?: vscode.CancellationToken): Promise<vscode.Uri[]> {
    const native = await this.findWithIgnoreFiles(folder, include, token);
    if (native) return native.filter((u) => isConfigLike(basename(u)));
    // A given exclude pattern keeps `files.exclude` applied (only `null` turns it off);
    // `search.exclude` is not applied by findFiles, so its patterns are part of the pattern.
    const exclude = `{${[SKIPPED_DIRECTORIES_GLOB, ...searchExcludes(folder)].join(',')}}`;
    const candidates = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, include), exclude, undefined, token);
    const kept: vscode.Uri[] = [];
    for (const uri of candidates) {
      if (isConfigLike(basename(uri)) && !(await this.ignoreFiles.isIgnored(uri, folder))) kept.push(uri);
    }
    return kept;
  }

  private async findWithIgnoreFiles(folder: vscode.WorkspaceFolder, include: string, token?: vscode.CancellationToken): Promise<vscode.Uri[] | undefined> {
    const findFiles2 = (vscode.workspace as unknown as { findFiles2?: FindFiles2 }).findFiles2;
    if (this.findFiles2Works === false || typeof findFiles2 !== 'function') return undefined;
    try {
      const found = await findFiles2(
        [new vscode.RelativePattern(folder, include)],
        { exclude: [SKIPPED_DIRECTORIES_GLOB], useIgnoreFiles: { local: true, parent: true, global: true }, useExcludeSettings: SEARCH_AND_FILES_EXCLUDE },
        token,
      );
      this.findFiles2Works = true;
      return found;
    } catch {
      // Not enabled for this extension (the usual case): the stable API plus our own filters.
      this.findFiles2Works = false;
      return undefined;
    }
  }
}

/** The `search.exclude` globs that are switched on for a folder (`when` clauses cannot be expressed here). */
export function searchExcludes(folder: vscode.WorkspaceFolder): string[] {
  const patterns = vscode.workspace.getConfiguration('search', folder.uri).get<Record<string, unknown>>('exclude', {});
  return Object.entries(patterns)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}

export function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** A glob matching this path only (glob characters become one-character wildcards; callers compare URIs). */
function literalGlob(path: string): string {
  return path.replace(/[[\]{}*?,!]/g, '?');
}
