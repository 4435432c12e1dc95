// What src/extension.ts registers with VS Code at activation, before the analysis engine is
// loaded: the languages served, the command ids, the code action kinds and the webview type.
// Imports nothing from src/core (nor any module that does), so the activation bundle stays small;
// the modules that implement these import them from here.
import * as vscode from 'vscode';

export const LANGUAGES = ['yaml', 'dockercompose', 'json', 'jsonc', 'dotenv', 'properties', 'ini', 'dockerfile', 'terraform', 'github-actions-workflow', 'plaintext', 'shellscript'];

export const DOCUMENT_SELECTOR: vscode.DocumentSelector = LANGUAGES.map((language) => ({ language }));

/** Quick fixes apply through this command (see codeActions.ts). */
export const APPLY_FIX_COMMAND = 'plainsight.applyFix';
export const SHOW_REPORT_COMMAND = 'plainsight.showReport';
export const SCAN_COMMAND = 'plainsight.scanWorkspace';
export const EXPORT_COMMAND = 'plainsight.exportReport';
export const MOVE_COMMAND = 'plainsight.moveToEnv';
export const MOVE_ALL_COMMAND = 'plainsight.moveAllToEnv';
/** "Add <dotenv file> to .gitignore" (ignoreDotenv.ts), offered by MoveToEnvActions. */
export const IGNORE_DOTENV_COMMAND = 'plainsight.ignoreDotenv';

/** Every command the extension registers; the engine implements each (engine.ts, `Engine.commands`). */
export const COMMANDS = [APPLY_FIX_COMMAND, SHOW_REPORT_COMMAND, SCAN_COMMAND, EXPORT_COMMAND, MOVE_COMMAND, MOVE_ALL_COMMAND, IGNORE_DOTENV_COMMAND] as const;
export type CommandId = (typeof COMMANDS)[number];

export const REPORT_VIEW_TYPE = 'plainsight.report';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('plainsight');
/** What PlainsightCodeActions provides: the findings' fixes and source.fixAll.plainsight. */
export const FIX_KINDS = [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND];
/** What MoveToEnvActions provides. */
export const MOVE_KINDS = [vscode.CodeActionKind.QuickFix];
