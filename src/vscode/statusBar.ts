// The status bar item `$(shield) N`: findings in the workspace, broken down in the tooltip, a click
// opens the security report. Hidden while Plainsight is disabled.
import * as vscode from 'vscode';
import type { ReportSummary } from '../core/report/model';
import { readSettings } from './config';
import type { ScanStatus } from './workspaceScan';
import { SHOW_REPORT_COMMAND } from './contributions';

export class FindingsStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('plainsight.findings', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Plainsight findings';
    this.item.command = SHOW_REPORT_COMMAND;
  }

  update(model: ReportSummary, status: ScanStatus): void {
    if (!readSettings().enable) {
      this.item.hide();
      return;
    }
    const { error, warning, info } = model.bySeverity;
    this.item.text = `$(shield) ${model.total}`;
    const scope =
      status.state === 'scanning'
        ? `scanning: ${status.done} of ${status.total} files so far`
        : status.state === 'cancelled'
          ? `partial: the last scan was cancelled after ${status.done} of ${status.total} files`
          : `${model.files.scanned} ${model.files.scanned === 1 ? 'file' : 'files'} scanned`;
    this.item.tooltip = `Plainsight: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info in the workspace (${scope}). Click to open the security report.`;
    this.item.accessibilityInformation = { label: `Plainsight: ${plural(model.total, 'finding')}: ${plural(error, 'error')}, ${plural(warning, 'warning')}, ${info} info` };
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
