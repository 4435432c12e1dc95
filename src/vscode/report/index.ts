// The workspace scan, the security report, its exports and the status bar item: their commands,
// the panel restore for the webview serializer, and the subscriptions that keep them current.
// src/extension.ts registers the commands and the serializer.
import * as vscode from 'vscode';
import { summarize, type ReportSummary } from '../../core/report/model';
import { readSettings } from '../config';
import { EXPORT_COMMAND, SCAN_COMMAND, SHOW_REPORT_COMMAND } from '../contributions';
import { FindingsStatusBar } from '../statusBar';
import { WorkspaceScan, type DocumentResults, type ScanStatus } from '../workspaceScan';
import { exportReport, isExportFormat } from './export';
import { FindingActions } from './findings';
import { ReportPanel, type ReportPanelDeps } from './panel';

/** What `plainsight.scanWorkspace` resolves to: the totals the report shows (tests read it). */
export interface ScanSummary extends ReportSummary {
  status: ScanStatus;
}

export interface Report {
  commands: {
    [SHOW_REPORT_COMMAND]: () => void;
    [SCAN_COMMAND]: () => Promise<ScanSummary | undefined>;
    /**
     * Arguments (all optional): a target URI (no save dialog) and a format ('sarif', 'markdown',
     * 'json'; default: from the target's extension, else asked).
     */
    [EXPORT_COMMAND]: (target?: unknown, format?: unknown) => Promise<vscode.Uri | undefined>;
  };
  /** Adopt a report panel VS Code restored after a reload. */
  revive(panel: vscode.WebviewPanel): void;
}

export function startReport(context: vscode.ExtensionContext, documents: DocumentResults): Report {
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
  );
  refreshStatusBar();
  return {
    commands: {
      [SHOW_REPORT_COMMAND]: () => {
        ReportPanel.show(deps);
      },
      [SCAN_COMMAND]: scanNow,
      [EXPORT_COMMAND]: (target, format) => exportReport(scan, target instanceof vscode.Uri ? target : undefined, isExportFormat(format) ? format : undefined),
    },
    revive: (panel) => {
      ReportPanel.revive(panel, deps);
    },
  };
}
