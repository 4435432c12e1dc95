// `plainsight.exportReport`: the workspace results as SARIF 2.1.0, Markdown or JSON, rendered by
// the shared formatters in src/core/output (the CLI's), so values stay masked exactly as there.
// Written through vscode.workspace.fs, so any file system VS Code can save to works.
import * as vscode from 'vscode';
import { toJson, toSarif, type ScanReport } from '../../core/output/index';
import { toMarkdown } from '../../core/output/markdown';
import type { WorkspaceScan } from '../workspaceScan';

export type ExportFormat = 'sarif' | 'markdown' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['sarif', 'markdown', 'json'];

const FORMAT_INFO: Record<ExportFormat, { label: string; detail: string; extension: string; filters: Record<string, string[]> }> = {
  sarif: { label: 'SARIF 2.1.0', detail: 'For code scanning (GitHub, Azure DevOps) and SARIF viewers', extension: 'sarif', filters: { SARIF: ['sarif', 'json'] } },
  markdown: { label: 'Markdown', detail: 'For pull requests, issues and wikis', extension: 'md', filters: { Markdown: ['md'] } },
  json: { label: 'JSON', detail: "Plainsight's versioned JSON schema (the CLI's --format json)", extension: 'json', filters: { JSON: ['json'] } },
};

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** `.sarif` → sarif, `.md` → markdown, `.json` → json (a `.sarif.json` name is SARIF). */
export function formatOfUri(uri: vscode.Uri): ExportFormat | undefined {
  const name = uri.path.toLowerCase();
  if (name.endsWith('.sarif') || name.endsWith('.sarif.json')) return 'sarif';
  if (name.endsWith('.md') || name.endsWith('.markdown')) return 'markdown';
  if (name.endsWith('.json')) return 'json';
  return undefined;
}

export function render(report: ScanReport, format: ExportFormat, rootUri?: string): string {
  if (format === 'sarif') return `${JSON.stringify(toSarif(report, { rootUri }), null, 2)}\n`;
  if (format === 'json') return `${JSON.stringify(toJson(report), null, 2)}\n`;
  return toMarkdown(report);
}

/**
 * Export the current results. `target` (tests, other extensions) skips the save dialog; the format
 * then comes from `format` or the target's extension. Resolves to the written file, if any.
 */
export async function exportReport(scan: WorkspaceScan, target?: vscode.Uri, format?: ExportFormat): Promise<vscode.Uri | undefined> {
  format ??= target ? formatOfUri(target) : await pickFormat();
  if (!format) {
    if (target) void vscode.window.showErrorMessage(`Plainsight: cannot tell the export format from ${target.path}; use .sarif, .md or .json.`);
    return undefined;
  }
  const interactive = !target;
  const folders = vscode.workspace.workspaceFolders ?? [];
  target ??= await vscode.window.showSaveDialog({
    defaultUri: folders[0] ? vscode.Uri.joinPath(folders[0].uri, `plainsight-report.${FORMAT_INFO[format].extension}`) : undefined,
    filters: FORMAT_INFO[format].filters,
    saveLabel: 'Export',
    title: `Export Plainsight report as ${FORMAT_INFO[format].label}`,
  });
  if (!target) return undefined;

  // Results from before a first scan would cover open files only.
  await scan.whenScanned();
  // Paths are relative to the single workspace folder (SARIF records it as %SRCROOT%); with
  // several folders they start with the folder's name and no single root exists.
  const rootUri = folders.length === 1 ? `${folders[0].uri.toString().replace(/\/$/, '')}/` : undefined;
  const text = render({ files: scan.reportFiles() }, format, rootUri);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  if (interactive) {
    void vscode.window.showInformationMessage(`Plainsight: report exported to ${vscode.workspace.asRelativePath(target)}.`, 'Open').then((choice) => {
      if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', target);
    });
  }
  return target;
}

async function pickFormat(): Promise<ExportFormat | undefined> {
  const picked = await vscode.window.showQuickPick(
    EXPORT_FORMATS.map((format) => ({ label: FORMAT_INFO[format].label, detail: FORMAT_INFO[format].detail, format })),
    { title: 'Export Plainsight report', placeHolder: 'Format' },
  );
  return picked?.format;
}
