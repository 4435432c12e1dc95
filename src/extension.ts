// Entry point of the VS Code extension: wires the adapter pieces together. No detection logic
// lives here or anywhere under src/vscode; the core does all of it.
import * as vscode from 'vscode';
import { AnalysisController } from './vscode/analysis';
import { APPLY_FIX_COMMAND, PlainsightCodeActions, applyFix } from './vscode/codeActions';
import { PlainsightHover } from './vscode/hover';
import { DOCUMENT_SELECTOR } from './vscode/selector';
import { GitignoreOracle } from './vscode/gitignore';
import { registerProjectFiles } from './vscode/project';
import { registerMoveToEnv } from './vscode/moveToEnv';
import { registerReport } from './vscode/report/index';

export function activate(context: vscode.ExtensionContext): { analysis: AnalysisController } {
  let analysis: AnalysisController | undefined;
  // .plainsight.json/.yaml and the baseline: first, so the first analyses already ask for them.
  registerProjectFiles(context, () => analysis?.analyzeAllOpen());
  const ignore = new GitignoreOracle(() => analysis?.analyzeAllOpen());
  analysis = new AnalysisController(ignore);
  context.subscriptions.push(
    ignore,
    analysis,
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new PlainsightCodeActions(analysis), {
      providedCodeActionKinds: PlainsightCodeActions.kinds,
    }),
    vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, new PlainsightHover(analysis)),
    // Quick fixes apply through this command, only to the document version they were made for.
    vscode.commands.registerCommand(APPLY_FIX_COMMAND, applyFix),
  );
  // Workspace scan, security report, exports and status bar item.
  registerReport(context, analysis);
  // "Move to environment variable" code actions and commands.
  registerMoveToEnv(context, analysis);
  // Returned so integration tests can reach the controller; not a public API.
  return { analysis };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
