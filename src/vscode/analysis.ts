// Owns the analysis of open documents: runs the core on open, on change (debounced) and on save,
// drops stale results, publishes diagnostics, and caches the latest result per document version
// so code actions and hovers never analyse again for the same text.
import * as vscode from 'vscode';
import { analyze, type AnalysisResult, type Finding } from '../core/index';
import { readSettings } from './config';
import { isServed } from './selector';
import { toDiagnostic } from './convert';
import type { IgnoreOracle } from './gitignore';
import { projectFilter, projectKnown, projectReady } from './project';

interface Entry {
  version: number;
  result: AnalysisResult;
  diagnostics: vscode.Diagnostic[];
}

export class AnalysisController implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('plainsight');
  private readonly results = new Map<string, Entry>();
  /**
   * The last core analysis per document with what it was computed from. Saving, or a settings or
   * .gitignore change that leaves a file's inputs as they were, re-runs `run` on the same text:
   * the core result is then reused instead of analysing again.
   */
  private readonly lastAnalysis = new Map<string, { version: number; text: string; inputs: string; result: AnalysisResult }>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were replaced. */
  readonly onDidAnalyze = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.collection, this.changed];

  constructor(private readonly ignore: IgnoreOracle) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.analyzeSoon(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const settings = readSettings(e.document);
        if (settings.run === 'onType') this.analyzeSoon(e.document, settings.debounceMs);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.analyzeSoon(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('plainsight')) this.analyzeAllOpen();
      }),
    );
    this.analyzeAllOpen();
  }

  analyzeAllOpen(): void {
    for (const d of vscode.workspace.textDocuments) this.analyzeSoon(d, 0);
  }

  /** The result for the document's current version, analysing now if the cache is stale. */
  resultFor(document: vscode.TextDocument): AnalysisResult | undefined {
    if (!isServed(document) || !readSettings(document).enable) return undefined;
    const key = document.uri.toString();
    const entry = this.results.get(key);
    if (entry && entry.version === document.version) return entry.result;
    return this.run(document);
  }

  /** The finding behind one of our diagnostics, for the document's current version. */
  findingFor(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): Finding | undefined {
    const result = this.resultFor(document);
    if (!result) return undefined;
    const code = typeof diagnostic.code === 'object' && diagnostic.code ? String(diagnostic.code.value) : String(diagnostic.code);
    const start = document.offsetAt(diagnostic.range.start);
    const end = document.offsetAt(diagnostic.range.end);
    return result.findings.find((f) => f.ruleId === code && f.start === start && f.end === end);
  }

  private analyzeSoon(document: vscode.TextDocument, delay: number): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    if (!isServed(document)) return;
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // Published only once the project file and baseline of the document's folder are read
        // (at once when they already are): otherwise a file opened first would show the settings'
        // severities for a moment, then the project's. The document may have closed or changed
        // meanwhile; run() checks the version it analyses.
        void projectReady(document.uri).then(
          () => !document.isClosed && this.run(document),
          () => !document.isClosed && this.run(document),
        );
      }, delay),
    );
  }

  private run(document: vscode.TextDocument): AnalysisResult | undefined {
    const key = document.uri.toString();
    const settings = readSettings(document);
    if (!settings.enable) {
      this.forget(document.uri);
      return undefined;
    }
    const version = document.version;
    const text = document.getText();
    const gitIgnored = this.ignore.isIgnored(document.uri);
    const inputs = JSON.stringify([document.uri.path, gitIgnored, settings.core]);
    const last = this.lastAnalysis.get(key);
    const reuse = last && last.text === text && last.inputs === inputs;
    // The result of an older version is done with (commands check the version after every await
    // and refuse when it changed): its tree is released before the new analysis allocates (see
    // AnalyzeOptions.previous), which spares a large document most of its garbage collection.
    const previous = !reuse && last && last.version < version ? last.result : undefined;
    const analysed = reuse ? last.result : analyze(text, { path: document.uri.path, gitIgnored, config: settings.core, previous });
    this.lastAnalysis.set(key, { version, text, inputs, result: analysed });
    // Project files (config `ignore` globs, the baseline) decide what of the analysis is shown.
    const result = projectFilter(document.uri, analysed);
    // A newer version may have been analysed meanwhile (re-entrancy through code actions).
    const existing = this.results.get(key);
    if (existing && existing.version > version) return existing.result;
    const diagnostics = result.findings.map((f) => toDiagnostic(document, f));
    this.results.set(key, { version, result, diagnostics });
    // Before the folder's project file and baseline are read, a result serves code actions and
    // hovers asked for right away, but is not shown: analyzeSoon publishes once they are read.
    if (!projectKnown(document.uri)) return result;
    this.collection.set(document.uri, diagnostics);
    this.changed.fire(document.uri);
    return result;
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.lastAnalysis.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
