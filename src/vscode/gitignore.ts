// Whether git ignores a file, for exposure-aware severity (a secret in an ignored `.env` is where
// it belongs). Reads `.gitignore` files through vscode.workspace.fs (works in virtual workspaces)
// and caches them; answers undefined when unknown rather than guessing.
import * as vscode from 'vscode';

export interface IgnoreOracle {
  isIgnored(uri: vscode.Uri): boolean | undefined;
}

export class GitignoreOracle implements IgnoreOracle, vscode.Disposable {
  /** Folder URI → its .gitignore patterns (null: no file), filled asynchronously. */
  private readonly cache = new Map<string, IgnorePattern[] | null>();
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
    const relative = uri.path.slice(folder.uri.path.length).replace(/^\/+/, '');
    const segments = relative.split('/');
    let unknown = false;
    let ignored = false;
    // Walk from the workspace root down to the file's folder; deeper files override.
    for (let depth = 0; depth < segments.length; depth++) {
      const dir = vscode.Uri.joinPath(folder.uri, ...segments.slice(0, depth));
      const patterns = this.patternsOf(dir);
      if (patterns === undefined) {
        unknown = true;
        continue;
      }
      const rest = segments.slice(depth).join('/');
      for (const p of patterns ?? []) if (p.re.test(rest)) ignored = !p.negated;
    }
    return ignored ? true : unknown ? undefined : false;
  }

  private patternsOf(dir: vscode.Uri): IgnorePattern[] | null | undefined {
    const key = dir.toString();
    if (this.cache.has(key)) return this.cache.get(key);
    this.cache.set(key, null);
    void vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, '.gitignore')).then(
      (bytes) => {
        this.cache.set(key, parseGitignore(new TextDecoder().decode(bytes)));
        this.onLearned();
      },
      () => undefined,
    );
    return undefined;
  }

  dispose(): void {
    this.watcher.dispose();
  }
}

interface IgnorePattern {
  re: RegExp;
  negated: boolean;
}

/** A small gitignore reader: enough for "is this .env ignored" (names, globs, directories, negation). */
export function parseGitignore(text: string): IgnorePattern[] {
  const out: IgnorePattern[] = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    if (negated) line = line.slice(1);
    const anchored = line.startsWith('/') || line.slice(0, -1).includes('/');
    line = line.replace(/^\//, '').replace(/\/$/, '');
    const body = line
      .split('')
      .map((c, i, all) => (c === '*' ? (all[i + 1] === '*' ? '' : all[i - 1] === '*' ? '.*' : '[^/]*') : c === '?' ? '[^/]' : /[.+^${}()|[\]\\]/.test(c) ? `\\${c}` : c))
      .join('');
    out.push({ re: new RegExp(`${anchored ? '^' : '(^|/)'}${body}($|/)`), negated });
  }
  return out;
}
