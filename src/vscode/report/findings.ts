// What a click in the report does: open the file at the finding, or apply one of its fixes. Both
// find the finding again in the file's CURRENT text (by fingerprint, which ignores positions), so a
// report a few edits old still opens the right range and never applies a fix to text that changed.
import * as vscode from 'vscode';
import { analyze, type Finding } from '../../core/index';
import { fingerprintsOf } from '../../core/output/fingerprint';
import type { ReportRow } from '../../core/report/model';
import { readSettings } from '../config';
import { toRange, toWorkspaceEdit } from '../convert';
import type { DocumentResults } from '../workspaceScan';

export class FindingActions {
  constructor(private readonly documents: DocumentResults) {}

  /** Show the file with the finding selected; falls back to the row's position if it moved away. */
  async open(uri: vscode.Uri, row: ReportRow): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const finding = this.current(document, row);
    const selection = finding
      ? toRange(document, finding.start, finding.end)
      : new vscode.Range(row.line - 1, row.column - 1, row.line - 1, row.column - 1);
    const editor = await vscode.window.showTextDocument(document, { selection, viewColumn: vscode.ViewColumn.Beside, preview: true });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  /**
   * Apply fix number `index` of the finding, after re-analysing the current text and checking the
   * finding and that fix are still there. Returns a reason when nothing was applied.
   */
  async applyFix(uri: vscode.Uri, row: ReportRow, index: number): Promise<string | undefined> {
    const document = await vscode.workspace.openTextDocument(uri);
    const finding = this.current(document, row);
    if (!finding) return `the ${row.ruleId} finding is no longer in ${row.path}`;
    const fix = finding.fixes[index];
    // The row's titles were computed from the text the report saw: the same title, the same fix.
    if (!fix || fix.title !== row.fixes.find((f) => f.index === index)?.title) return `that fix no longer applies to ${row.path}`;
    const applied = await vscode.workspace.applyEdit(toWorkspaceEdit(document, fix.edits));
    if (!applied) return `VS Code did not apply the edit to ${row.path}`;
    // Show the change (the file is now modified, not saved) where the user can review it.
    await vscode.window.showTextDocument(document, { selection: toRange(document, finding.start, finding.start), viewColumn: vscode.ViewColumn.Beside, preview: true });
    return undefined;
  }

  /** The row's finding in the document's current text, if it is still there. */
  private current(document: vscode.TextDocument, row: ReportRow): Finding | undefined {
    // The open-document analysis is cached per version; documents it does not serve get the core directly.
    const result =
      this.documents.resultFor(document) ?? analyze(document.getText(), { path: document.uri.path, gitIgnored: false, config: readSettings(document.uri).core });
    const fingerprints = fingerprintsOf(row.path, result.findings);
    const i = fingerprints.indexOf(row.fingerprint);
    return i >= 0 && result.findings[i].ruleId === row.ruleId ? result.findings[i] : undefined;
  }
}
