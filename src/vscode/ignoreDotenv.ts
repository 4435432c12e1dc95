// "Add <file> to .gitignore" in the editor: the quick fix on secrets in a dotenv file that git does
// not ignore, and what "move all secrets in this file" does on such a file (a dotenv file is where
// secrets belong; what is wrong is that git would commit it). The core plans; this module reads
// the .gitignore of every folder from the workspace folder down to the file (open editors first:
// their unsaved text is what the edit applies to), asks git whether the file is tracked where it
// can (as moves do), and applies the plan as one WorkspaceEdit. The edited .gitignore is shown
// beside the file, unsaved like every fix, so the change can be saved or undone there; the
// diagnostics follow the editor's text of .gitignore files (gitignore.ts), so they go at once.
import * as vscode from 'vscode';
import { canAskGit, readText } from './workspaceText';
import { LineIndex, gitignorePaths, planIgnoreDotenv, type AnalysisResult, type CommandHint, type IgnorePlan } from '../core/index';
import { IGNORE_DOTENV_COMMAND } from './contributions';
import { isTracked } from '../cli/git';

/** Arguments of plainsight.ignoreDotenv: the dotenv document (default: the active editor's). */
export interface IgnoreArgs {
  uri?: string;
}

export interface IgnoreOutcome {
  status: 'ignored' | 'advice' | 'refused';
  message: string;
  hints: CommandHint[];
}

/** The quick fix for the secret diagnostics of a dotenv document: one action covering all of them. */
export async function ignoreDotenvActions(document: vscode.TextDocument, diagnostics: vscode.Diagnostic[]): Promise<vscode.CodeAction[]> {
  if (diagnostics.length === 0) return [];
  const planned = await plan(document);
  if ('refusal' in planned || (planned.plan.status !== 'ignore' && planned.plan.status !== 'tracked')) return [];
  // Tracked: no edit would help, so the action only says what to do instead (see planIgnoreDotenv).
  const title = planned.plan.status === 'ignore' ? planned.plan.title : `${planned.relPath} is tracked by git: rotate its secrets and untrack it`;
  const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
  const args: IgnoreArgs = { uri: document.uri.toString() };
  action.command = { command: IGNORE_DOTENV_COMMAND, title, arguments: [args] };
  action.diagnostics = diagnostics;
  action.isPreferred = false;
  return [action];
}

/** Plans again (files may have changed since the action was offered) and applies the plan. */
export async function ignoreDotenvFile(document: vscode.TextDocument, result: AnalysisResult): Promise<IgnoreOutcome> {
  if (result.kind !== 'dotenv' || !result.findings.some((f) => f.category === 'secret')) return refused('There is no secret finding in this file (any more).');
  const planned = await plan(document);
  if ('refusal' in planned) return refused(planned.refusal);
  const { plan: p, folder } = planned;
  switch (p.status) {
    case 'ignore': {
      const uri = vscode.Uri.joinPath(folder.uri, ...p.change.path.split('/'));
      const edit = new vscode.WorkspaceEdit();
      if (p.change.create) edit.createFile(uri, { ignoreIfExists: true });
      const lines = new LineIndex(planned.texts.get(p.change.path) ?? '');
      for (const e of p.change.edits) {
        const s = lines.positionAt(e.start);
        const t = lines.positionAt(e.end);
        edit.replace(uri, new vscode.Range(s.line, s.column, t.line, t.column), e.newText);
      }
      if (!(await vscode.workspace.applyEdit(edit))) return refused('VS Code did not apply the change; nothing was modified.');
      await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true });
      return { status: 'ignored', message: p.message, hints: [] };
    }
    case 'ignored':
      return { status: 'ignored', message: p.message, hints: [] };
    case 'tracked':
      return { status: 'advice', message: p.message, hints: p.hints };
    case 'refused':
      return refused(p.reason);
  }
}

function refused(message: string): IgnoreOutcome {
  return { status: 'refused', message, hints: [] };
}

interface Planned {
  folder: vscode.WorkspaceFolder;
  relPath: string;
  plan: IgnorePlan;
  /** The .gitignore texts the plan was computed against (folder-relative path → text). */
  texts: Map<string, string | undefined>;
}

async function plan(document: vscode.TextDocument): Promise<Planned | { refusal: string }> {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  const relPath = folder && document.uri.path.slice(folder.uri.path.replace(/\/$/, '').length).replace(/^\/+/, '');
  if (!folder || !relPath) return { refusal: 'The file must be inside a workspace folder, whose .gitignore can ignore it.' };
  // Where git cannot be asked, the answer is unknown and the plan's message says what to check.
  const tracked = canAskGit(document, folder) ? await isTracked(folder.uri.fsPath, relPath) : undefined;
  // Read last, right before the plan: its offsets are into these texts.
  const texts = new Map<string, string | undefined>();
  for (const path of gitignorePaths(relPath)) texts.set(path, await readText(vscode.Uri.joinPath(folder.uri, ...path.split('/'))));
  const gitignores = [...texts].map(([path, text]) => ({ path, text }));
  return { folder, relPath, texts, plan: planIgnoreDotenv({ path: relPath, gitignores, tracked }) };
}

