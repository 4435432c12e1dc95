// Definite `.gitignore` answers for the workspace scan, which must decide before it reads a file
// (the diagnostics' GitignoreOracle answers "unknown" until it has learned, which is right for
// severity but not for choosing files). Rules are read through vscode.workspace.fs (virtual
// workspaces too) from the workspace folder down to the file's folder, deeper files overriding
// shallower ones, plus `.git/info/exclude` at the folder root; matching is the `ignore` package's,
// as in the CLI, so the editor and `plainsight scan` skip the same files.
import * as vscode from 'vscode';
import ignore, { type Ignore } from 'ignore';

export class IgnoreFiles {
  /** Directory URI → its rules (null: no ignore file there). */
  private readonly levels = new Map<string, Promise<Ignore | null>>();

  /** Forget everything read so far (an ignore file changed). */
  reset(): void {
    this.levels.clear();
  }

  async isIgnored(uri: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<boolean> {
    const root = folder.uri.path.replace(/\/$/, '');
    if (!uri.path.startsWith(`${root}/`)) return false;
    const parts = uri.path.slice(root.length + 1).split('/');
    let ignored = false;
    for (let depth = 0; depth < parts.length; depth++) {
      const rules = await this.level(vscode.Uri.joinPath(folder.uri, ...parts.slice(0, depth)), depth === 0);
      if (!rules) continue;
      const verdict = rules.test(parts.slice(depth).join('/'));
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  private level(dir: vscode.Uri, isRoot: boolean): Promise<Ignore | null> {
    const key = dir.toString();
    let rules = this.levels.get(key);
    if (!rules) {
      rules = load(dir, isRoot);
      this.levels.set(key, rules);
    }
    return rules;
  }
}

async function load(dir: vscode.Uri, isRoot: boolean): Promise<Ignore | null> {
  const sources = [vscode.Uri.joinPath(dir, '.gitignore')];
  // Repository-wide excludes count like a root .gitignore read first (the root file wins).
  if (isRoot) sources.unshift(vscode.Uri.joinPath(dir, '.git', 'info', 'exclude'));
  // Read inside `then`, so that a provider that throws instead of rejecting reads as "no file".
  const read = (uri: vscode.Uri) => Promise.resolve().then(() => vscode.workspace.fs.readFile(uri));
  const texts = await Promise.all(sources.map((uri) => read(uri).then((bytes) => new TextDecoder().decode(bytes), () => null)));
  const found = texts.filter((t): t is string => t !== null);
  return found.length ? ignore().add(found.join('\n')) : null;
}
