// Entry point of the VS Code extension. Activation registers what VS Code must know at once
// (commands, code action and hover providers, the report's webview serializer) and returns; the
// analysis engine (src/engine.ts: everything that needs src/core) is loaded on the next turn of
// the event loop, or earlier if a command or provider is called first. The core is most of the
// code and compiling it dominates load time, so activation no longer waits for it; open documents
// are analysed as soon as it is loaded. No detection logic lives here or anywhere under src/vscode.
import * as vscode from 'vscode';
import type { Engine } from './engine';
import { COMMANDS, DOCUMENT_SELECTOR, FIX_KINDS, MOVE_KINDS, REPORT_VIEW_TYPE } from './vscode/contributions';

export function activate(context: vscode.ExtensionContext): { readonly analysis: Engine['analysis'] } {
  let loaded: Engine | undefined;
  // The desktop build keeps this require as dist/engine.js beside dist/extension.js (esbuild.mjs);
  // the web build, which cannot load files, bundles the engine and initialises it here.
  const engine = (): Engine => (loaded ??= (require('./engine') as typeof import('./engine')).start(context));
  const timer = setTimeout(engine, 0);
  context.subscriptions.push(
    { dispose: () => clearTimeout(timer) },
    ...COMMANDS.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => engine().commands[id](...args))),
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, { provideCodeActions: (document, range, actionContext) => engine().fixes.provideCodeActions(document, range, actionContext) }, { providedCodeActionKinds: FIX_KINDS }),
    vscode.languages.registerCodeActionsProvider(DOCUMENT_SELECTOR, { provideCodeActions: (document, range, actionContext) => engine().moves.provideCodeActions(document, range, actionContext) }, { providedCodeActionKinds: MOVE_KINDS }),
    vscode.languages.registerHoverProvider(DOCUMENT_SELECTOR, { provideHover: (document, position) => engine().hover.provideHover(document, position) }),
    vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => engine().revive(panel),
    }),
  );
  // Returned so tests can reach the controller (loading the engine if needed); not a public API.
  return {
    get analysis() {
      return engine().analysis;
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
