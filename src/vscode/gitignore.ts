// Whether git ignores a file, for exposure-aware severity (a secret in an ignored `.env` is where
// it belongs). Diagnostics need a synchronous answer, so ignore files are loaded in the
// background through vscode.workspace.fs (virtual workspaces too) and the answer is undefined
// ("unknown") until they are read; when they arrive, open documents are analysed again.
// Matching is the `ignore` package's, as in the CLI and the workspace scan.
//
// A .gitignore open in the editor counts as its editor shows it, saved or not: fixes leave their
// edits unsaved ("Add <file> to .gitignore", moves), and their effect on the diagnostics must show
// at once, and go again when they are undone.
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
  private readonly disposables: vscode.Disposable[] = [this.watcher];

  constructor(private readonly onLearned: () => void) {
    const reset = () => {
      this.cache.clear();
      this.onLearned();
    };
    const isGitignore = (uri: vscode.Uri) => uri.path.endsWith('/.gitignore');
    this.disposables.push(
      this.watcher.onDidChange(reset),
      this.watcher.onDidCreate(reset),
      this.watcher.onDidDelete(reset),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (isGitignore(e.document.uri) && e.contentChanges.length > 0) reset();
      }),
      // Closed with unsaved changes, the file is what the disk holds again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (isGitignore(d.uri)) reset();
      }),
    );
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
    const file = vscode.Uri.joinPath(dir, '.gitignore').toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file);
    if (open) {
      const rules = ignore().add(open.getText());
      this.cache.set(key, rules);
      return rules;
    }
    if (!this.pending.has(key)) {
      this.pending.add(key);
      // Read inside `then`: a file system provider that throws instead of rejecting means "no
      // rules here", not an exception in the middle of an analysis.
      void Promise.resolve()
        .then(() => vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, '.gitignore')))
        .then(
          (bytes) => this.learn(key, ignore().add(new TextDecoder().decode(bytes))),
          () => this.learn(key, null),
        );
    }
    return undefined;
  }

  private learn(key: string, rules: Ignore | null): void {
    this.pending.delete(key);
    // An open editor's text, taken while the read was pending, is newer than the disk.
    if (this.cache.has(key)) return;
    this.cache.set(key, rules);
    this.onLearned();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
