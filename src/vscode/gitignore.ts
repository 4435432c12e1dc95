// Whether git ignores a file, for exposure-aware severity (a secret in an ignored `.env` is where
// it belongs). Diagnostics need a synchronous answer, so ignore files are loaded in the
// background through vscode.workspace.fs (virtual workspaces too) and the answer is undefined
// ("unknown") until they are read; when they arrive, open documents are analysed again.
// Matching is the `ignore` package's, as in the CLI and the workspace scan.
import * as vscode from 'vscode';
import ignore, { type Ignore } from 'ignore';

export interface IgnoreOracle {
  isIgnored(uri: vscode.Uri): boolean | undefined;
}

export class GitignoreOracle implements IgnoreOracle, vscode.Disposable {
  /** Folder URI → its rules (null: no .gitignore there; absent: not read yet). */
  private readonly cache = new Map<string, Ignore | null>();
  private readonly pending = new Set<string>();
  private readonly watcher = vscode.workspace.createFileSystemWatcher('**/.gitignore');

  constructor(private readonly onLearned: () => void) {
    const reset = () => {
      this.cache.clear();
      this.onLearned();
    };
    this.watcher.onDidChange(reset);
    this.watcher.onDidCreate(reset);
    this.watcher.onDidDelete(reset);
  }

  isIgnored(uri: vscode.Uri): boolean | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const root = folder.uri.path.replace(/\/$/, '');
    if (!uri.path.startsWith(`${root}/`)) return undefined;
    const segments = uri.path.slice(root.length + 1).split('/');
    let unknown = false;
    let ignored = false;
    // From the workspace root down to the file's folder; deeper files override shallower ones.
    for (let depth = 0; depth < segments.length; depth++) {
      const rules = this.rulesOf(vscode.Uri.joinPath(folder.uri, ...segments.slice(0, depth)));
      if (rules === undefined) {
        unknown = true;
        continue;
      }
      if (!rules) continue;
      const verdict = rules.test(segments.slice(depth).join('/'));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored ? true : unknown ? undefined : false;
  }

  private rulesOf(dir: vscode.Uri): Ignore | null | undefined {
    const key = dir.toString();
    if (this.cache.has(key)) return this.cache.get(key);
    if (!this.pending.has(key)) {
      this.pending.add(key);
      void vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, '.gitignore')).then(
        (bytes) => this.learn(key, ignore().add(new TextDecoder().decode(bytes))),
        () => this.learn(key, null),
      );
    }
    return undefined;
  }

  private learn(key: string, rules: Ignore | null): void {
    this.pending.delete(key);
    this.cache.set(key, rules);
    this.onLearned();
  }

  dispose(): void {
    this.watcher.dispose();
  }
}
