// "Move to environment variable" in the editor: a code action on secret diagnostics and two
// commands. The core plans; this module gathers the files around the document through
// vscode.workspace.fs (git facts only on desktop, through the git CLI), asks for the name, and
// applies the whole change (document, .env, .gitignore, .env.example) as ONE WorkspaceEdit, so a
// single undo restores every file. Nothing here ever shows or logs a secret value.
import * as vscode from 'vscode';
import { canAskGit, readText } from './workspaceText';
import {
  LineIndex,
  MOVE_TITLE,
  emptyEnvContext,
  invalidEnvName,
  planMoveAll,
  planMoveToEnv,
  type AnalysisResult,
  type CommandHint,
  type EnvContext,
  type FileChange,
  type Finding,
  type MoveDocument,
  type MovePlan,
  type TextEdit,
} from '../core/index';
import { dotenvEntries } from '../core/fix/env-files';
import type { AnalysisController } from './analysis';
import { readSettings } from './config';
import { ruleIdOf, toRange } from './convert';
import { IGNORE_DOTENV_COMMAND, MOVE_ALL_COMMAND, MOVE_COMMAND } from './contributions';
import { ignoreDotenvActions, ignoreDotenvFile, type IgnoreArgs } from './ignoreDotenv';
import { headText, isIgnored, isTracked } from '../cli/git';

const FILE_CHANGED = 'The file changed while the move was prepared; try again.';

/** Arguments of plainsight.moveToEnv; all optional (from the palette: the secret at the cursor). */
export interface MoveArgs {
  uri?: string;
  /** The document version the action was computed for. */
  version?: number;
  start?: number;
  end?: number;
  ruleId?: string;
  /** The name to use without asking (tests, scripted use). */
  name?: string;
}

/** What a move did, returned by the commands (for tests and scripted use). */
export interface MoveResult {
  /** `ignored`: a dotenv file was added to .gitignore instead (ignoreDotenv.ts). */
  status: 'moved' | 'ignored' | 'advice' | 'refused' | 'cancelled';
  message: string;
  names?: string[];
}

/** The commands; src/extension.ts registers them and MoveToEnvActions. */
export function moveToEnvCommands(analysis: AnalysisController): Record<typeof MOVE_COMMAND | typeof MOVE_ALL_COMMAND | typeof IGNORE_DOTENV_COMMAND, (args?: MoveArgs & IgnoreArgs) => Promise<MoveResult>> {
  return {
    [MOVE_COMMAND]: (args) => moveOne(analysis, args ?? {}),
    [MOVE_ALL_COMMAND]: (args) => moveAll(analysis, args ?? {}),
    [IGNORE_DOTENV_COMMAND]: (args) => ignoreDotenv(analysis, args ?? {}),
  };
}

/** Quick fixes (never preferred: the file only works once the variable exists where it is read); MOVE_KINDS. */
export class MoveToEnvActions implements vscode.CodeActionProvider {
  constructor(private readonly analysis: AnalysisController) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] | Promise<vscode.CodeAction[]> {
    if (context.only && !context.only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return [];
    const where = locationOf(document);
    const result = this.analysis.resultFor(document);
    if (!where || !result?.parsed) return [];
    // A dotenv file is where secrets belong: the fix is to make git ignore it, not to move them.
    if (result.kind === 'dotenv') return ignoreDotenvActions(document, context.diagnostics.filter((d) => this.analysis.findingFor(document, d)?.category === 'secret'));
    const doc = moveDocument(document, result, where.relPath);
    const env = emptyEnvContext(dotenvPathFor(document, where.relPath));
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (!ruleIdOf(diagnostic)) continue;
      const finding = this.analysis.findingFor(document, diagnostic);
      if (!finding || finding.category !== 'secret') continue;
      if (planOrRefusal(() => planMoveToEnv(doc, finding, env)).status === 'refused') continue;
      const action = new vscode.CodeAction(MOVE_TITLE, vscode.CodeActionKind.QuickFix);
      const args: MoveArgs = { uri: document.uri.toString(), version: document.version, start: finding.start, end: finding.end, ruleId: finding.ruleId };
      action.command = { command: MOVE_COMMAND, title: MOVE_TITLE, arguments: [args] };
      action.diagnostics = [diagnostic];
      action.isPreferred = false;
      actions.push(action);
    }
    if (actions.length && result.findings.filter((f) => f.category === 'secret').length > 1) {
      const all = new vscode.CodeAction('Move all secrets in this file to environment variables', vscode.CodeActionKind.QuickFix);
      all.command = { command: MOVE_ALL_COMMAND, title: all.title, arguments: [{ uri: document.uri.toString(), version: document.version }] };
      all.isPreferred = false;
      actions.push(all);
    }
    return actions;
  }
}

async function moveOne(analysis: AnalysisController, args: MoveArgs): Promise<MoveResult> {
  const document = await documentFor(args);
  if (!document) return report(refused('Open the file with the secret first.'));
  if (args.version !== undefined && document.version !== args.version) return report(refused(FILE_CHANGED));
  const version = document.version;
  const result = analysis.resultFor(document);
  const finding = result && findingFor(document, result, args);
  if (!result?.parsed || !finding) return report(refused('There is no secret finding there (any more).'));
  const gathered = await gather(document);
  if ('refusal' in gathered) return report(refused(gathered.refusal));
  if (document.version !== version) return report(refused(FILE_CHANGED));
  const doc = moveDocument(document, result, gathered.relPath);

  let plan = planOrRefusal(() => planMoveToEnv(doc, finding, gathered.env));
  if (plan.status === 'advice') return report({ status: 'advice', message: plan.message }, plan.hints);
  if (plan.status === 'refused') return report(refused(plan.reason));
  let name = args.name;
  if (name === undefined && plan.nameEditable) {
    name = await askName(plan.name, doc.kind, gathered.env);
    if (name === undefined) return { status: 'cancelled', message: 'Cancelled.' };
    // An edit while the name was asked for makes the analysis, and so `doc`, stale.
    if (document.version !== version) return report(refused(FILE_CHANGED));
  }
  if (name !== undefined && name !== plan.name) {
    plan = planOrRefusal(() => planMoveToEnv(doc, finding, gathered.env, { name }));
    if (plan.status !== 'move') return report(refused(plan.status === 'refused' ? plan.reason : plan.message));
  }
  // The plan holds offsets into the text it was computed from: apply it to that text only.
  if (document.version !== version) return report(refused(FILE_CHANGED));
  const applied = await vscode.workspace.applyEdit(workspaceEdit(document, plan.edits, plan.files, gathered));
  if (!applied) return report(refused('VS Code did not apply the change; nothing was modified.'));
  return report({ status: 'moved', message: plan.message, names: [plan.name] }, plan.hints, plan.exposed === true);
}

async function moveAll(analysis: AnalysisController, args: MoveArgs): Promise<MoveResult> {
  const document = await documentFor(args);
  if (!document) return report(refused('Open the file with the secrets first.'));
  if (args.version !== undefined && document.version !== args.version) return report(refused(FILE_CHANGED));
  const version = document.version;
  const result = analysis.resultFor(document);
  if (!result) return report(refused('Plainsight does not analyse this file.'));
  if (result.kind === 'dotenv') return ignoreDotenv(analysis, args);
  const gathered = await gather(document);
  if ('refusal' in gathered) return report(refused(gathered.refusal));
  if (document.version !== version) return report(refused(FILE_CHANGED));
  const settings = readSettings(document);
  const plan = planMoveAll(document.getText(), { path: gathered.relPath, config: settings.core }, gathered.env);
  if (plan.moved.length === 0) return report(refused(plan.message));
  if (document.version !== version) return report(refused(FILE_CHANGED));
  const applied = await vscode.workspace.applyEdit(workspaceEdit(document, plan.edits, plan.files, gathered));
  if (!applied) return report(refused('VS Code did not apply the change; nothing was modified.'));
  return report({ status: 'moved', message: plan.message, names: plan.moved.map((m) => m.name) }, plan.hints, plan.exposed === true);
}

/** "Add <dotenv file> to .gitignore" for the document's secrets (the active editor's by default). */
async function ignoreDotenv(analysis: AnalysisController, args: IgnoreArgs): Promise<MoveResult> {
  const document = await documentFor(args);
  const result = document && analysis.resultFor(document);
  if (!document || !result) return report(refused('Open the dotenv file with the secrets first.'));
  const outcome = await ignoreDotenvFile(document, result);
  // Advice here means the file is tracked: its secrets are committed, so it is shown as a warning.
  return report({ status: outcome.status, message: outcome.message }, outcome.hints, outcome.status === 'advice');
}

/** A planner bug becomes a refusal naming the error, never a stack trace with file contents. */
function planOrRefusal(plan: () => MovePlan): MovePlan {
  try {
    return plan();
  } catch (error) {
    return { status: 'refused', reason: `Internal error while planning the move (${(error as Error).name}); nothing was changed.` };
  }
}

function refused(message: string): MoveResult {
  return { status: 'refused', message };
}

/** Shows the outcome without waiting for the user (a notification stays until dismissed). */
function report(result: MoveResult, hints: readonly CommandHint[] = [], exposed = false): MoveResult {
  if (result.status === 'cancelled') return result;
  const show = result.status === 'refused' || exposed ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
  const buttons = hints.map((h) => (hints.length === 1 ? 'Copy command' : `Copy: ${h.label}`));
  void show(`Plainsight: ${result.message}`, ...buttons).then((choice) => {
    const hint = hints[buttons.indexOf(choice ?? '')];
    if (hint) void vscode.env.clipboard.writeText(hint.command);
  });
  return result;
}

async function documentFor(args: MoveArgs): Promise<vscode.TextDocument | undefined> {
  if (!args.uri) return vscode.window.activeTextEditor?.document;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === args.uri);
  return open ?? vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri)).then(
    (d) => d,
    () => undefined,
  );
}

/** The finding the arguments name, or the secret under the cursor when called from the palette. */
function findingFor(document: vscode.TextDocument, result: AnalysisResult, args: MoveArgs): Finding | undefined {
  const secrets = result.findings.filter((f) => f.category === 'secret');
  if (args.start !== undefined) return secrets.find((f) => f.start === args.start && f.end === (args.end ?? f.end) && (!args.ruleId || f.ruleId === args.ruleId));
  const editor = vscode.window.activeTextEditor;
  const offset = editor?.document === document ? document.offsetAt(editor.selection.active) : -1;
  return secrets.find((f) => f.start <= offset && offset <= f.end);
}

interface Location {
  folder: vscode.WorkspaceFolder;
  /** The document's path relative to the folder, `/`-separated. */
  relPath: string;
}

function locationOf(document: vscode.TextDocument): Location | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) return undefined;
  const relPath = document.uri.path.slice(folder.uri.path.replace(/\/$/, '').length).replace(/^\/+/, '');
  return relPath ? { folder, relPath } : undefined;
}

function dotenvPathFor(document: vscode.TextDocument, relPath: string): string {
  const location = vscode.workspace.getConfiguration('plainsight', document.uri).get<string>('envFileLocation', 'workspaceRoot');
  const dir = relPath.includes('/') ? relPath.slice(0, relPath.lastIndexOf('/')) : '';
  return location === 'beside' && dir ? `${dir}/.env` : '.env';
}

function moveDocument(document: vscode.TextDocument, result: AnalysisResult, relPath: string): MoveDocument {
  return { text: document.getText(), path: relPath, kind: result.kind, syntax: result.syntax, parsed: result.parsed! };
}

interface Gathered extends Location {
  env: EnvContext;
  /** The texts plans were computed against (workspace-relative path → text). */
  texts: Map<string, string | undefined>;
}

/** Reads the environment files (open editors first: their unsaved text is what edits apply to). */
async function gather(document: vscode.TextDocument): Promise<Gathered | { refusal: string }> {
  const where = locationOf(document);
  if (!where) return { refusal: 'The file must be inside a workspace folder, where the .env file goes.' };
  const dotenvPath = dotenvPathFor(document, where.relPath);
  const dir = dotenvPath.includes('/') ? dotenvPath.slice(0, dotenvPath.lastIndexOf('/') + 1) : '';
  const examplePath = `${dir}.env.example`;
  const paths = [dotenvPath, '.gitignore', examplePath];
  const texts = new Map<string, string | undefined>();
  for (const path of paths) texts.set(path, await readText(uriOf(where.folder, path)));
  const env: EnvContext = {
    dotenv: { path: dotenvPath, text: texts.get(dotenvPath) },
    gitignore: { path: '.gitignore', text: texts.get('.gitignore') },
  };
  const example = texts.get(examplePath);
  if (example !== undefined) env.example = { path: examplePath, text: example };
  if (canAskGit(document, where.folder)) {
    const cwd = where.folder.uri.fsPath;
    env.dotenv.tracked = await isTracked(cwd, dotenvPath);
    env.dotenvIgnored = await isIgnored(cwd, dotenvPath);
    env.headText = await headText(cwd, where.relPath);
  }
  return { ...where, env, texts };
}

function uriOf(folder: vscode.WorkspaceFolder, relPath: string): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...relPath.split('/'));
}


/** One WorkspaceEdit for everything: created files are created empty, then filled by inserts. */
function workspaceEdit(document: vscode.TextDocument, edits: readonly TextEdit[], files: readonly FileChange[], gathered: Gathered): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, toRange(document, e.start, e.end), e.newText);
  for (const f of files) {
    const uri = uriOf(gathered.folder, f.path);
    if (f.create) edit.createFile(uri, { ignoreIfExists: true });
    const lines = new LineIndex(f.create ? '' : (gathered.texts.get(f.path) ?? ''));
    for (const e of f.edits) {
      const s = lines.positionAt(e.start);
      const t = lines.positionAt(e.end);
      edit.replace(uri, new vscode.Range(s.line, s.column, t.line, t.column), e.newText);
    }
  }
  return edit;
}

async function askName(suggested: string, kind: MoveDocument['kind'], env: EnvContext): Promise<string | undefined> {
  const entries = dotenvEntries(env.dotenv.text);
  return vscode.window.showInputBox({
    title: MOVE_TITLE,
    prompt: `Name of the environment variable (stored in ${env.dotenv.path})`,
    value: suggested,
    validateInput: (value) => {
      const problem = invalidEnvName(value, kind);
      if (problem) return problem;
      if (entries.has(value)) {
        return { message: `${value} is already in ${env.dotenv.path}: it is reused if it holds this value, otherwise a numbered name is used.`, severity: vscode.InputBoxValidationSeverity.Info };
      }
      return undefined;
    },
  });
}
