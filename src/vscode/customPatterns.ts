// Custom secret patterns in the editor: the `plainsight.customPatterns` setting, and the notice
// that an untrusted workspace's own patterns are not used.
// readSettings runs on every keystroke, so a setting's value is compiled once (and a refused
// pattern warned about once) per distinct value, then reused. The extension checks patterns with
// the structural ReDoS check only: recheck (the CLI's exact check) is 2.9 MB, more than the whole
// .vsix may weigh. A refused pattern is skipped; the others still run.
import * as vscode from 'vscode';
import { compileCustomPatterns, type CompiledCustomPattern } from '../core/custom-pattern-specs';

const SETTING = 'customPatterns';
/** Distinct values kept compiled; editing the setting creates one per saved edit. */
const KEEP = 16;
const compiled = new Map<string, CompiledCustomPattern[]>();
let toldUntrusted = false;

/** The setting's patterns for a scope; in an untrusted workspace only the user's own (global) ones. */
export function settingPatterns(c: vscode.WorkspaceConfiguration): CompiledCustomPattern[] {
  if (vscode.workspace.isTrusted) return compile(c.get<unknown>(SETTING, []));
  // VS Code leaves out workspace values of restricted settings here already; reading the user
  // value alone does not depend on it.
  const inspected = c.inspect<unknown>(SETTING);
  if (inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined) noteIgnoredInUntrusted();
  return compile(inspected?.globalValue ?? []);
}

function compile(value: unknown): CompiledCustomPattern[] {
  const key = JSON.stringify(value);
  const known = compiled.get(key);
  if (known) return known;
  const { patterns, problems } = compileCustomPatterns(value, { label: `plainsight.${SETTING}` });
  if (problems.length) {
    const shown = problems.map((p) => p.message).join('; ');
    void vscode.window.showWarningMessage(`Plainsight: ${shown}. ${patterns.length ? 'The other custom patterns still run.' : ''}`.trim());
  }
  if (compiled.size >= KEEP) compiled.delete(compiled.keys().next().value!);
  compiled.set(key, patterns);
  return patterns;
}

/** Says once per session that the workspace's custom patterns (settings or project files) are not used. */
export function noteIgnoredInUntrusted(): void {
  if (toldUntrusted) return;
  toldUntrusted = true;
  void vscode.window.showInformationMessage(
    'Plainsight: this workspace is not trusted, so its own custom secret patterns (workspace settings and .plainsight.json/.yaml files) are not used. Trust the workspace to use them.',
  );
}
