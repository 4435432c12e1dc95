// Entry point of the VS Code extension: wires the adapter pieces together. No detection logic
// lives here or anywhere under src/vscode; the core does all of it.
import * as vscode from 'vscode';
import { AnalysisController } from './vscode/analysis';
import { PlainsightCodeActions } from './vscode/codeActions';
import { PlainsightHover } from './vscode/hover';
import { DOCUMENT_SELECTOR } from './vscode/selector';
import { GitignoreOracle } from './vscode/gitignore';

export function activate(context: vscode.ExtensionContext): { analysis: AnalysisController } {
  let analysis: AnalysisController | undefined;
  const ignore = new GitignoreOracle(() => analysis?.analyzeAllOpen());
  analysis = new AnalysisController(ignore);
  context.subscriptions.push(
    ignore,
    analysis,
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, new PlainsightCodeActions(analysis), {
      providedCodeActionKinds: PlainsightCodeActions.kinds,
    }),
    vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, new PlainsightHover(analysis)),
  );
  // Returned so integration tests can reach the controller; not a public API.
  return { analysis };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
