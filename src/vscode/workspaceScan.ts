// Findings for the whole workspace, not just open editors: a scan of every file WorkspaceFiles
// selects (read through vscode.workspace.fs, so virtual workspaces work), then kept current file by
// file, by a file system watcher (create, change, delete) and by the analyses of open documents
// (an open editor's text wins over the disk), without rescanning everything. The core does all
// detection; this class only decides what to read and when, and remembers the results.
import * as vscode from 'vscode';
import { analyze, classify, DEFAULT_MAX_FILE_SIZE, type AnalysisResult, type FileKind, type Finding } from '../core/index';
import { isConfigLike } from '../core/file-types';
import type { ReportFileInput } from '../core/report/model';
import { decode } from '../core/decode';
import { readSettings } from './config';
import { WorkspaceFiles, basename } from './workspaceFiles';
import { isProjectFile, projectFilter, projectReady } from './project';

/** What the scan needs from the open-document analysis (AnalysisController). */
export interface DocumentResults {
  readonly onDidAnalyze: vscode.Event<vscode.Uri>;
  resultFor(document: vscode.TextDocument): AnalysisResult | undefined;
}

export type ScanState = 'idle' | 'scanning' | 'complete' | 'cancelled';

export interface ScanStatus {
  state: ScanState;
  /** Files analysed and files listed by the current (or last) scan. */
  done: number;
  total: number;
}

interface Run {
  cts: vscode.CancellationTokenSource;
  /** Replaced by a newer scan (not cancelled by the user). */
  superseded: boolean;
  done: Promise<ScanStatus>;
}

interface Entry {
  uri: vscode.Uri;
  kind: FileKind;
  skipped?: string;
  findings: readonly Finding[];
  /** From an open editor's text rather than the disk. */
  fromDocument: boolean;
  /** Order of the analysis that produced it: a slower, older read never overwrites a newer one. */
  seq: number;
}

/** Reads in flight during a scan: hides file system latency; analysis itself runs one at a time. */
const READ_CONCURRENCY = 4;
/** Longest stretch of work between two yields to the event loop, in milliseconds. */
const SLICE_MS = 15;
/** Delay before the first, background scan: lets the window finish restoring. */
const STARTUP_DELAY_MS = 500;

export class WorkspaceScan implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly files = new WorkspaceFiles();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires (throttled) when results or the scan status changed. */
  readonly onDidChange = this.emitter.event;
  private status: ScanStatus = { state: 'idle', done: 0, total: 0 };
  private running: Run | undefined;
  private scans = 0;
  private seq = 0;
  private fireTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [this.emitter];

  constructor(private readonly documents: DocumentResults) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => this.onFileEvent(uri)),
      watcher.onDidChange((uri) => this.onFileEvent(uri)),
      watcher.onDidDelete((uri) => this.onFileDeleted(uri)),
      documents.onDidAnalyze((uri) => this.onDocumentAnalyzed(uri)),
      vscode.workspace.onDidCloseTextDocument((d) => this.onDocumentClosed(d)),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescanSoon()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['plainsight', 'files.exclude', 'search.exclude'].some((s) => e.affectsConfiguration(s))) this.rescanSoon();
      }),
    );
    if (readSettings().enable) this.rescanSoon(STARTUP_DELAY_MS);
  }

  getStatus(): ScanStatus {
    return { ...this.status };
  }

  /** Whether at least one scan has started (the report asks for one otherwise). */
  get hasScanned(): boolean {
    return this.scans > 0;
  }

  /** The results, one per file, sorted by path: what the report model and exports are built from. */
  reportFiles(): ReportFileInput[] {
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    return [...this.entries.values()]
      .map((e) => ({ id: e.uri.toString(), path: vscode.workspace.asRelativePath(e.uri, multiRoot), kind: e.kind, skipped: e.skipped, findings: e.findings }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  /** The file behind a report id, if it is still part of the results. */
  uriOf(id: string): vscode.Uri | undefined {
    return this.entries.get(id)?.uri;
  }

  /**
   * Scan every workspace file, replacing a scan in progress. Interactive scans show a cancellable
   * notification counting files; background ones a status bar spinner. Resolves when it ends.
   */
  scan(options: { interactive: boolean }): Promise<ScanStatus> {
    if (this.running) {
      this.running.superseded = true;
      this.running.cts.cancel();
    }
    this.scans++;
    const run: Run = { cts: new vscode.CancellationTokenSource(), superseded: false, done: Promise.resolve(this.status) };
    this.running = run;
    const location = options.interactive ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window;
    run.done = Promise.resolve(
      vscode.window.withProgress({ location, title: 'Plainsight: scanning workspace', cancellable: options.interactive }, (progress, userToken) => {
        const cancelled = userToken.onCancellationRequested(() => run.cts.cancel());
        return this.run(run, progress).finally(() => cancelled.dispose());
      }),
    ).then((status): ScanStatus | Promise<ScanStatus> => {
      run.cts.dispose();
      // Whoever waits for a superseded scan gets the result of the scan that replaced it.
      if (run.superseded) return this.running?.done ?? this.getStatus();
      this.running = undefined;
      if (status.state === 'cancelled' && options.interactive) {
        void vscode.window.showInformationMessage(`Plainsight: scan cancelled after ${status.done} of ${status.total} files. The report shows partial results.`);
      }
      return status;
    });
    return run.done;
  }

  /** The scan in progress, or a new background scan when none ever ran. */
  whenScanned(): Promise<ScanStatus> {
    if (this.running) return this.running.done;
    if (!this.hasScanned) return this.scan({ interactive: false });
    return Promise.resolve(this.getStatus());
  }

  private async run(run: Run, progress: vscode.Progress<{ message?: string; increment?: number }>): Promise<ScanStatus> {
    const token = run.cts.token;
    this.setStatus({ state: 'scanning', done: 0, total: 0 });
    this.files.ignoreFiles.reset();
    const uris = await this.files.list(token);
    if (token.isCancellationRequested) return this.finish(run, { state: 'cancelled', done: 0, total: uris.length });
    // Files no longer selected (deleted, excluded, ignored) leave the results; the others keep
    // their previous result until re-analysed, so a rescan does not make the report flicker.
    const listed = new Set(uris.map((u) => u.toString()));
    for (const key of [...this.entries.keys()]) if (!listed.has(key)) this.entries.delete(key);

    const total = uris.length;
    let done = 0;
    let next = 0;
    let sliceStart = Date.now();
    progress.report({ message: `0 of ${total} files` });
    this.setStatus({ state: 'scanning', done, total });
    const worker = async () => {
      while (!token.isCancellationRequested && next < uris.length) {
        await this.analyzeFile(uris[next++]);
        done++;
        progress.report({ increment: 100 / total, message: `${done} of ${total} files` });
        if (!run.superseded) this.setStatus({ state: 'scanning', done, total });
        // Keep the extension host responsive: hand the event loop back every few milliseconds.
        if (Date.now() - sliceStart >= SLICE_MS) {
          await new Promise((resolve) => setTimeout(resolve, 0));
          sliceStart = Date.now();
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, total) }, worker));
    return this.finish(run, { state: token.isCancellationRequested ? 'cancelled' : 'complete', done, total });
  }

  private finish(run: Run, status: ScanStatus): ScanStatus {
    // A superseded scan must not overwrite the status of the scan that replaced it.
    if (!run.superseded) this.setStatus(status);
    return status;
  }

  /** Analyse one file now: the open editor's result if there is one, else the file on disk. */
  private async analyzeFile(uri: vscode.Uri): Promise<void> {
    const seq = ++this.seq;
    const key = uri.toString();
    // The nearest .plainsight.json and the baseline apply to the file: learn them first.
    await projectReady(uri);
    const settings = readSettings(uri);
    if (!settings.enable) return this.forget(key);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const fromDocument = document && this.documents.resultFor(document);
    if (fromDocument) return this.store(uri, seq, { kind: fromDocument.kind, skipped: fromDocument.skipped, findings: fromDocument.findings, fromDocument: true });

    const maxChars = settings.core.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    const skip = (skipped: string) => this.store(uri, seq, { kind: classify(uri.path, '').kind, skipped, findings: [], fromDocument: false });
    try {
      const { size } = await vscode.workspace.fs.stat(uri);
      // UTF-8 needs at most 3 bytes per UTF-16 code unit (the same shortcut as the CLI).
      if (size > maxChars * 3) return skip(`skipped: ${size} bytes is over the limit of ${maxChars} characters (setting maxFileSize)`);
      const read = decode(await vscode.workspace.fs.readFile(uri));
      if ('skipped' in read) return skip(read.skipped);
      // Selected files are not git-ignored: the scan leaves ignored files out.
      const result = projectFilter(uri, analyze(read.text, { path: uri.path, gitIgnored: false, config: settings.core }));
      this.store(uri, seq, { kind: result.kind, skipped: result.skipped, findings: result.findings, fromDocument: false });
    } catch (error) {
      if (error instanceof vscode.FileSystemError && error.code === 'FileNotFound') return this.forget(key);
      skip(`skipped: unreadable (${error instanceof vscode.FileSystemError ? error.code : (error as Error).name})`);
    }
  }

  private store(uri: vscode.Uri, seq: number, result: Omit<Entry, 'uri' | 'seq'>): void {
    const key = uri.toString();
    const existing = this.entries.get(key);
    if (existing && existing.seq > seq) return;
    this.entries.set(key, { uri, seq, ...result });
    this.changed();
  }

  private forget(key: string): void {
    if (this.entries.delete(key)) this.changed();
  }

  private onFileEvent(uri: vscode.Uri): void {
    if (basename(uri) === '.gitignore' || isProjectFile(uri)) return this.rescanSoon();
    if (!isConfigLike(basename(uri)) || !this.hasScanned) return;
    // Editors save in bursts (write, rename, touch): one analysis per file per burst.
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        void this.refresh(uri);
      }, 100),
    );
  }

  private async refresh(uri: vscode.Uri): Promise<void> {
    // A file already in the results was selected; a new one must pass the same rules as a scan.
    if (this.entries.has(uri.toString()) || (await this.files.includes(uri))) await this.analyzeFile(uri);
  }

  private onFileDeleted(uri: vscode.Uri): void {
    if (basename(uri) === '.gitignore' || isProjectFile(uri)) return this.rescanSoon();
    // A deleted folder arrives as one event for the folder.
    const key = uri.toString();
    const prefix = key.endsWith('/') ? key : `${key}/`;
    let removed = false;
    for (const k of [...this.entries.keys()]) if (k === key || k.startsWith(prefix)) removed = this.entries.delete(k) || removed;
    if (removed) this.changed();
  }

  private onDocumentAnalyzed(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.entries.has(key)) return;
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const result = document && this.documents.resultFor(document);
    if (result) this.store(uri, ++this.seq, { kind: result.kind, skipped: result.skipped, findings: result.findings, fromDocument: true });
  }

  private onDocumentClosed(document: vscode.TextDocument): void {
    // Unsaved edits are gone with the editor: the file on disk is the truth again.
    if (this.entries.get(document.uri.toString())?.fromDocument) void this.analyzeFile(document.uri);
  }

  private rescanSoon(delay = 300): void {
    clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = undefined;
      if (!readSettings().enable) {
        if (this.running) {
          this.running.superseded = true;
          this.running.cts.cancel();
          this.running = undefined;
        }
        this.entries.clear();
        this.setStatus({ state: 'idle', done: 0, total: 0 });
        return;
      }
      void this.scan({ interactive: false });
    }, delay);
  }

  private setStatus(status: ScanStatus): void {
    this.status = status;
    this.changed();
  }

  private changed(): void {
    if (this.fireTimer) return;
    this.fireTimer = setTimeout(() => {
      this.fireTimer = undefined;
      this.emitter.fire();
    }, 50);
  }

  dispose(): void {
    this.running?.cts.cancel();
    clearTimeout(this.fireTimer);
    clearTimeout(this.rescanTimer);
    for (const t of this.pending.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
