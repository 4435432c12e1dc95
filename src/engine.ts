// The extension's analysis engine: everything that needs src/core (the analysis of open
// documents, code actions, hovers, the workspace scan and report, "move to environment
// variable"). Bundled on its own as dist/engine.js, which src/extension.ts loads after activation
// (or at the first command or provider call, whichever comes first), so that activation does not
// wait for V8 to compile the core. In the web bundle it is part of dist/web/extension.js.
import * as vscode from 'vscode';
import { APPLY_FIX_COMMAND, type CommandId } from './vscode/contributions';
import { AnalysisController } from './vscode/analysis';
import { PlainsightCodeActions, applyFix } from './vscode/codeActions';
import { PlainsightHover } from './vscode/hover';
import { GitignoreOracle } from './vscode/gitignore';
import { registerProjectFiles } from './vscode/project';
import { MoveToEnvActions, moveToEnvCommands } from './vscode/moveToEnv';
import { startReport } from './vscode/report/index';

/** What src/extension.ts registers with VS Code, implemented. */
export interface Engine {
  analysis: AnalysisController;
  /** Command arguments come from anywhere (palette, code actions, other extensions): each handler checks them. */
  commands: Record<CommandId, (...args: any[]) => unknown>;
  fixes: PlainsightCodeActions;
  moves: MoveToEnvActions;
  hover: PlainsightHover;
  revive(panel: vscode.WebviewPanel): void;
}

/** Starts analysing: open documents are analysed at once; disposables go to the context. */
export function start(context: vscode.ExtensionContext): Engine {
  let analysis: AnalysisController | undefined;
  // .plainsight.json/.yaml and the baseline: first, so the first analyses already ask for them.
  registerProjectFiles(context, () => analysis?.analyzeAllOpen());
  const ignore = new GitignoreOracle(() => analysis?.analyzeAllOpen());
  analysis = new AnalysisController(ignore);
  context.subscriptions.push(ignore, analysis);
  // Workspace scan, security report, exports and status bar item.
  const report = startReport(context, analysis);
  return {
    analysis,
    commands: {
      ...report.commands,
      ...moveToEnvCommands(analysis),
      [APPLY_FIX_COMMAND]: applyFix,
    },
    fixes: new PlainsightCodeActions(analysis),
    moves: new MoveToEnvActions(analysis),
    hover: new PlainsightHover(analysis),
    revive: report.revive,
  };
}
