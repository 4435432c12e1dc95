// The security report: one webview panel showing the workspace results, live. The extension builds
// the data (src/core/report/model.ts, masked values only) and posts it; media/report.js renders
// it. The page may load nothing but media/report.{js,css} (strict CSP with a per-load nonce), and
// what it sends back are ids of rows the extension already knows, never paths or text to act on.
import * as vscode from 'vscode';
import { buildReportModel, rowByKey, type ReportModel } from '../../core/report/model';
import { readSettings } from '../config';
import type { WorkspaceScan, ScanStatus } from '../workspaceScan';
import type { FindingActions } from './findings';
import { isExportFormat, type ExportFormat } from './export';
import { REPORT_VIEW_TYPE } from '../contributions';

/** Rebuilding the model means fingerprinting every finding: not on every file of a scan. */
const POST_INTERVAL_MS = 200;

/** Messages from media/report.js. */
type Incoming =
  | { type: 'ready' }
  | { type: 'open'; key: string }
  | { type: 'fix'; key: string; index: number }
  | { type: 'export'; format: ExportFormat }
  | { type: 'scan' };

/** The one message to media/report.js: everything it shows. */
export interface ReportUpdate {
  type: 'update';
  model: ReportModel;
  status: ScanStatus;
  enabled: boolean;
  hasWorkspace: boolean;
}

export interface ReportPanelDeps {
  extensionUri: vscode.Uri;
  scan: WorkspaceScan;
  actions: FindingActions;
  exportAs: (format: ExportFormat) => Promise<unknown>;
  rescan: () => Promise<unknown>;
}

export class ReportPanel implements vscode.Disposable {
  private static current: ReportPanel | undefined;
  private model: ReportModel = buildReportModel([]);
  private postTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  /** Show the report, creating it if needed; starts a first scan when none ran yet. */
  static show(deps: ReportPanelDeps): ReportPanel {
    if (ReportPanel.current) {
      ReportPanel.current.panel.reveal();
      return ReportPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Plainsight Security Report', vscode.ViewColumn.Active, ReportPanel.options(deps.extensionUri));
    return new ReportPanel(panel, deps);
  }

  /** Adopt a panel VS Code restored after a reload (WebviewPanelSerializer). */
  static revive(panel: vscode.WebviewPanel, deps: ReportPanelDeps): ReportPanel {
    ReportPanel.current?.dispose();
    panel.webview.options = ReportPanel.options(deps.extensionUri);
    return new ReportPanel(panel, deps);
  }

  private static options(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    // Not retained when hidden: the page re-renders from the posted model (cheap), and keeps its
    // filters through the webview state API.
    return { enableScripts: true, retainContextWhenHidden: false, enableFindWidget: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly deps: ReportPanelDeps,
  ) {
    ReportPanel.current = this;
    panel.webview.html = this.html();
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      deps.scan.onDidChange(() => this.postSoon()),
    );
    if (!deps.scan.hasScanned && readSettings().enable) void deps.scan.whenScanned();
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parse(raw);
    if (!message) return;
    switch (message.type) {
      case 'ready':
        return this.post();
      case 'scan':
        await this.deps.rescan();
        return;
      case 'export':
        await this.deps.exportAs(message.format);
        return;
      case 'open':
      case 'fix': {
        const row = rowByKey(this.model, message.key);
        const uri = row && this.deps.scan.uriOf(row.fileId);
        if (!row || !uri) return this.post(); // stale page: refresh it
        if (message.type === 'open') return this.deps.actions.open(uri, row);
        const problem = await this.deps.actions.applyFix(uri, row, message.index);
        if (problem) void vscode.window.showWarningMessage(`Plainsight: fix not applied: ${problem}.`);
        return;
      }
    }
  }

  /** At most a few updates a second while a scan streams results in. */
  private postSoon(): void {
    // A hidden page is gone (not retained); it asks with 'ready' when shown again.
    if (this.postTimer || !this.panel.visible) return;
    this.postTimer = setTimeout(() => {
      this.postTimer = undefined;
      this.post();
    }, POST_INTERVAL_MS);
  }

  /** Send the current results (dropped by VS Code while the panel is hidden; 'ready' asks again). */
  private post(): void {
    this.model = buildReportModel(this.deps.scan.reportFiles());
    const update: ReportUpdate = {
      type: 'update',
      model: this.model,
      status: this.deps.scan.getStatus(),
      enabled: readSettings().enable,
      hasWorkspace: (vscode.workspace.workspaceFolders?.length ?? 0) > 0,
    };
    void this.panel.webview.postMessage(update);
  }

  private html(): string {
    const webview = this.panel.webview;
    const media = (name: string) => webview.asWebviewUri(vscode.Uri.joinPath(this.deps.extensionUri, 'media', name));
    const nonce = newNonce();
    const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}'; img-src ${webview.cspSource} data:;`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${media('report.css')}">
<title>Plainsight Security Report</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="muted">Loading the report…</p></main>
<script nonce="${nonce}" src="${media('report.js')}"></script>
</body>
</html>`;
  }

  dispose(): void {
    clearTimeout(this.postTimer);
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** A fresh, unguessable nonce per page load: 128 random bits from the platform's CSPRNG. */
function newNonce(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '');
}

/** Accept only well-formed messages: the page is ours, but its input is rendered file content. */
function parse(raw: unknown): Incoming | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const m = raw as Record<string, unknown>;
  switch (m.type) {
    case 'ready':
    case 'scan':
      return { type: m.type };
    case 'open':
      return typeof m.key === 'string' ? { type: 'open', key: m.key } : undefined;
    case 'fix':
      return typeof m.key === 'string' && Number.isInteger(m.index) && (m.index as number) >= 0 ? { type: 'fix', key: m.key, index: m.index as number } : undefined;
    case 'export':
      return isExportFormat(m.format) ? { type: 'export', format: m.format } : undefined;
    default:
      return undefined;
  }
}
