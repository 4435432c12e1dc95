// Shared by the suites: VS Code applies edits, diagnostics and file events asynchronously, so
// tests poll for the state they expect instead of sleeping for a guessed time.
import * as assert from 'assert';
import * as vscode from 'vscode';

type Probe<T> = () => T | undefined | false | Promise<T | undefined | false>;

/** Polls `probe` every 100 ms until it returns a truthy value; fails naming `what` (and `detail()`, the state seen) on timeout. */
export async function waitFor<T>(probe: Probe<T>, what: string, options: { timeoutMs?: number; detail?: () => Promise<string> } = {}): Promise<T> {
  const until = Date.now() + (options.timeoutMs ?? 30_000);
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${options.detail ? `: ${await options.detail()}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The workspace folder the runner opens (test/integration/workspace). */
export function workspaceFolder(): vscode.WorkspaceFolder {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the runner opens a workspace folder');
  return f;
}
