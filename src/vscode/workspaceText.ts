// Reading files the way a fix must see them, shared by the fixes that edit more than one file
// (move to environment variable, add a dotenv file to .gitignore).
import * as vscode from 'vscode';

/** A file's text as the user sees it: an open editor's (unsaved) text first, else the disk's; undefined when absent. */
export async function readText(uri: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) return open.getText();
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

/**
 * Whether git may be asked about a file (tracked? in HEAD?): only where it can see the files (a
 * desktop window on local files) and only in a trusted workspace, since git reads the
 * repository's own config, which an untrusted one controls.
 */
export function canAskGit(document: vscode.TextDocument, folder: vscode.WorkspaceFolder): boolean {
  return vscode.workspace.isTrusted && vscode.env.uiKind === vscode.UIKind.Desktop && document.uri.scheme === 'file' && folder.uri.scheme === 'file';
}
