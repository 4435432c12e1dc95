// Quick fixes for Plainsight diagnostics: the finding's own fixes, "ignore on this line" and
// "show rule documentation"; plus source.fixAll.plainsight, which applies safe fixes only.
import * as vscode from 'vscode';
import { docsPageOf, docsUrl, suppressionEdit, type Finding, type TextEdit } from '../core/index';
import type { AnalysisController } from './analysis';
import { ruleIdOf, toWorkspaceEdit } from './convert';
import { APPLY_FIX_COMMAND, FIX_ALL_KIND } from './contributions';

/**
 * Fixes are applied through this command, not as a code action's `edit`: VS Code applies a code
 * action's edit by range without a version check, so a fix computed for one version of the text
 * could land on a later one (typing after the light bulb opened, a save participant racing an
 * edit) and corrupt it. The command applies the edits only to the version they were computed
 * for; `workspace.applyEdit`, called in the same tick as the check, stamps that version on the
 * edit and VS Code refuses it if the document changes before it lands. Registered as
 * APPLY_FIX_COMMAND.
 */
export async function applyFix(uri: vscode.Uri, version: number, edits: readonly TextEdit[]): Promise<boolean> {
  const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (!document || document.version !== version) {
    void vscode.window.showWarningMessage('Plainsight: the file changed after this fix was prepared, so nothing was changed. Open the quick fixes again.');
    return false;
  }
  return vscode.workspace.applyEdit(toWorkspaceEdit(document, edits));
}

function fixAction(title: string, kind: vscode.CodeActionKind, document: vscode.TextDocument, edits: readonly TextEdit[]): vscode.CodeAction {
  const action = new vscode.CodeAction(title, kind);
  action.command = { command: APPLY_FIX_COMMAND, title, arguments: [document.uri, document.version, edits] };
  return action;
}

/** Provides the kinds FIX_KINDS lists. */
export class PlainsightCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly analysis: AnalysisController) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && FIX_ALL_KIND.contains(context.only)) return this.fixAll(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      const ruleId = ruleIdOf(diagnostic);
      if (!ruleId) continue;
      const finding = this.analysis.findingFor(document, diagnostic);
      if (!finding) continue;
      for (const fix of finding.fixes) {
        const action = fixAction(fix.title, vscode.CodeActionKind.QuickFix, document, fix.edits);
        action.diagnostics = [diagnostic];
        // Only behaviour-preserving fixes may be preferred (applied by "auto fix").
        action.isPreferred = fix.disposition === 'safe';
        actions.push(action);
      }
      const ignore = this.ignoreAction(document, finding, diagnostic);
      if (ignore) actions.push(ignore);
      const docs = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
      docs.command = { command: 'vscode.open', title: 'Open documentation', arguments: [vscode.Uri.parse(docsUrl(ruleId, docsPageOf(ruleId)))] };
      docs.diagnostics = [diagnostic];
      actions.push(docs);
    }
    return actions;
  }

  private ignoreAction(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction | undefined {
    const result = this.analysis.resultFor(document);
    if (!result) return undefined;
    const strictJson = result.syntax === 'json' && !['jsonc'].includes(document.languageId) && result.kind !== 'vscode-settings';
    const edit = suppressionEdit(document.getText(), result.lines, finding, result.kind, strictJson);
    if (!edit) return undefined;
    const action = fixAction(`Ignore ${finding.ruleId} on this line`, vscode.CodeActionKind.QuickFix, document, [edit]);
    action.diagnostics = [diagnostic];
    return action;
  }

  private fixAll(document: vscode.TextDocument): vscode.CodeAction[] {
    const result = this.analysis.resultFor(document);
    if (!result) return [];
    const edits = [];
    let lastEnd = -1;
    for (const f of result.findings) {
      const fix = f.fixes.find((x) => x.disposition === 'safe');
      if (!fix) continue;
      const sorted = [...fix.edits].sort((a, b) => a.start - b.start);
      if (sorted.length === 0 || sorted[0].start < lastEnd) continue; // overlapping: next run picks it up
      edits.push(...sorted);
      lastEnd = sorted[sorted.length - 1].end;
    }
    if (edits.length === 0) return [];
    return [fixAction('Fix all safe Plainsight findings', FIX_ALL_KIND, document, edits)];
  }
}
