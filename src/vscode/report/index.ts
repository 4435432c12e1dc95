// Wires the workspace scan, the security report, its exports and the status bar item into the
// extension: commands, the webview serializer, and the subscriptions that keep them current.
import * as vscode from 'vscode';
import { summarize, type ReportSummary } from '../../core/report/model';
import { readSettings } from '../config';
import { FindingsStatusBar, SHOW_REPORT_COMMAND } from '../statusBar';
import { WorkspaceScan, type DocumentResults, type ScanStatus } from '../workspaceScan';
import { exportReport, isExportFormat } from './export';
import { FindingActions } from './findings';
import { REPORT_VIEW_TYPE, ReportPanel, type ReportPanelDeps } from './panel';

export const SCAN_COMMAND = 'plainsight.scanWorkspace';
export const EXPORT_COMMAND = 'plainsight.exportReport';

/** What `plainsight.scanWorkspace` resolves to: the totals the report shows (tests read it). */
export interface ScanSummary extends ReportSummary {
  status: ScanStatus;
}

export function registerReport(context: vscode.ExtensionContext, documents: DocumentResults): WorkspaceScan {
  const scan = new WorkspaceScan(documents);
  const statusBar = new FindingsStatusBar();
  const refreshStatusBar = () => statusBar.update(summarize(scan.reportFiles()), scan.getStatus());

  const scanNow = async (): Promise<ScanSummary | undefined> => {
    if (!readSettings().enable) {
      void vscode.window.showInformationMessage('Plainsight is disabled (setting plainsight.enable).');
      return undefined;
    }
    const status = await scan.scan({ interactive: true });
    return { status, ...summarize(scan.reportFiles()) };
  };
  const deps: ReportPanelDeps = {
    extensionUri: context.extensionUri,
    scan,
    actions: new FindingActions(documents),
    exportAs: (format) => exportReport(scan, undefined, format),
    rescan: scanNow,
  };

  context.subscriptions.push(
    scan,
    statusBar,
    scan.onDidChange(refreshStatusBar),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('plainsight.enable')) refreshStatusBar();
    }),
    vscode.commands.registerCommand(SHOW_REPORT_COMMAND, () => {
      ReportPanel.show(deps);
    }),
    vscode.commands.registerCommand(SCAN_COMMAND, scanNow),
    // Arguments (all optional): a target URI (no save dialog) and a format ('sarif', 'markdown',
    // 'json'; default: from the target's extension, else asked).
    vscode.commands.registerCommand(EXPORT_COMMAND, (target?: unknown, format?: unknown) =>
      exportReport(scan, target instanceof vscode.Uri ? target : undefined, isExportFormat(format) ? format : undefined),
    ),
    vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => {
        ReportPanel.revive(panel, deps);
      },
    }),
  );
  refreshStatusBar();
  return scan;
}
