// The project files that change what the editor shows, read through vscode.workspace.fs (so they
// work in virtual workspaces and the web extension host):
// - `.plainsight.json` / `.plainsight.yaml` / `.yml`: the nearest one in the document's folder or
//   above it, parsed by the core (config-file.ts) exactly as the CLI parses it. Its settings win
//   over VS Code settings for what it names; its `ignore` globs hide whole files. Mistakes in it
//   are shown as diagnostics on the file itself.
// - the baseline named by `plainsight.baseline` (relative to the workspace folder): findings whose
//   fingerprint it lists are not shown (core/baseline.ts, the CLI's `scan --baseline`).
// Both are watched. Analysis is synchronous (code actions and hovers need results at once), so the
// files are learned asynchronously and open documents are analysed again once they are known, the
// way GitignoreOracle learns .gitignore files; the workspace scan waits for them instead.
// In an untrusted workspace neither file is applied: both can only hide findings, and a config
// file's custom patterns are checked only structurally here (recheck is CLI-only). A config file is
// still read there, once, to say so when it holds custom patterns.
import * as vscode from 'vscode';
import type { AnalysisResult, Config } from '../core/index';
import { LineIndex } from '../core/positions';
import { CONFIG_FILE_NAMES, ignoreMatcher, mergeConfig, parseConfigFile } from '../core/config-file';
import { filterBaselined, parseBaseline, relativePath } from '../core/baseline';
import { noteIgnoredInUntrusted } from './customPatterns';

const SECTION = 'plainsight';
export const BASELINE_SETTING = 'baseline';

interface LoadedConfig {
  uri: vscode.Uri;
  config: Config;
  /** `relativePath` is relative to the config file's folder. */
  ignores(relativePath: string): boolean;
}

interface LoadedBaseline {
  uri: vscode.Uri;
  fingerprints: ReadonlySet<string>;
}

export class ProjectFiles implements vscode.Disposable {
  /** Folder URI → the nearest config at or above it (null: none), as a promise and, once known, as a value. */
  private readonly loading = new Map<string, Promise<LoadedConfig | null>>();
  private readonly known = new Map<string, LoadedConfig | null>();
  /** Baseline URI → its fingerprints (null: none or unusable). */
  private readonly baselineLoading = new Map<string, Promise<LoadedBaseline | null>>();
  private readonly baselineKnown = new Map<string, LoadedBaseline | null>();
  private readonly problems = vscode.languages.createDiagnosticCollection('plainsight-config');
  /** Folders whose config was looked at in an untrusted workspace (noteUntrustedPatterns). */
  private readonly untrustedChecked = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when a project file was learned or changed: results computed before may be stale. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.problems, this.changed];
  private baselineWatchers: vscode.Disposable[] = [];
  private fireTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    const reset = () => this.reset();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reset),
      watcher.onDidChange(reset),
      watcher.onDidDelete(reset),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${SECTION}.${BASELINE_SETTING}`)) this.reset();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(reset),
      vscode.workspace.onDidGrantWorkspaceTrust(reset),
    );
    this.watchBaselines();
  }

  /** VS Code settings for a file with its project config over them (settings alone until it is known). */
  settingsFor(uri: vscode.Uri, settings: Config): Config {
    const loaded = this.configFor(uri);
    return loaded ? mergeConfig(settings, loaded.config) : settings;
  }

  /** What the user sees of an analysis: nothing for ignored files, and no baselined findings. */
  filter(uri: vscode.Uri, result: AnalysisResult): AnalysisResult {
    // The configuration itself names rules and allowed values; its mistakes are shown by parse().
    if (CONFIG_FILE_NAMES.includes(basename(uri))) return { ...result, findings: [], skipped: 'skipped: Plainsight configuration' };
    const config = this.configFor(uri);
    if (config && config.ignores(relativePath(parentPath(config.uri), uri.path))) {
      return { ...result, findings: [], skipped: `skipped: ignored by ${basename(config.uri)}` };
    }
    const baselineUri = this.baselineUriFor(uri);
    const baseline = baselineUri && this.baselineFor(baselineUri);
    if (!baseline || result.findings.length === 0) return result;
    const { kept, baselined } = filterBaselined(relativePath(parentPath(baseline.uri), uri.path), result.findings, baseline.fingerprints);
    return baselined ? { ...result, findings: kept } : result;
  }

  /** Whether the project config and baseline for a file are read (what `ready` waits for). */
  isKnown(uri: vscode.Uri): boolean {
    if (!this.applies(uri)) return true;
    const baselineUri = this.baselineUriFor(uri);
    return this.known.has(parentUri(uri).toString()) && (!baselineUri || this.baselineKnown.has(baselineUri.toString()));
  }

  /** Resolves once the project config and baseline for a file are known (the workspace scan waits). */
  async ready(uri: vscode.Uri): Promise<void> {
    if (!this.applies(uri)) return;
    const baselineUri = this.baselineUriFor(uri);
    await Promise.all([this.load(parentUri(uri)), baselineUri ? this.loadBaseline(baselineUri) : undefined]);
  }

  /** Whether a change to this file changes what is shown (a config file or a baseline). */
  isProjectFile(uri: vscode.Uri): boolean {
    if (CONFIG_FILE_NAMES.includes(basename(uri))) return true;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    return !!folder && this.baselineUriFor(uri)?.toString() === uri.toString();
  }

  private applies(uri: vscode.Uri): boolean {
    return vscode.workspace.isTrusted && uri.scheme !== 'untitled';
  }

  private configFor(uri: vscode.Uri): LoadedConfig | null | undefined {
    if (!this.applies(uri)) {
      if (uri.scheme !== 'untitled') this.noteUntrustedPatterns(uri);
      return null;
    }
    const dir = parentUri(uri);
    const key = dir.toString();
    if (this.known.has(key)) return this.known.get(key);
    void this.load(dir);
    return undefined;
  }

  /** In an untrusted workspace: reads the config a file would use, once per folder, to say its custom patterns are not used. */
  private noteUntrustedPatterns(uri: vscode.Uri): void {
    const dir = parentUri(uri);
    if (this.untrustedChecked.has(dir.toString())) return;
    this.untrustedChecked.add(dir.toString());
    void this.load(dir).then((loaded) => {
      if (loaded?.config.options?.customPatterns?.length) noteIgnoredInUntrusted();
    });
  }

  private load(dir: vscode.Uri): Promise<LoadedConfig | null> {
    const key = dir.toString();
    let found = this.loading.get(key);
    if (!found) {
      // A lookup that fails (an unreadable folder, a file system provider that throws) counts as
      // "no project file": otherwise the folder would never be known and its diagnostics never shown.
      found = this.lookup(dir).catch(() => null).then((loaded) => {
        // A reset while loading dropped this promise: do not resurrect a stale answer.
        if (this.loading.get(key) !== found) return loaded;
        this.known.set(key, loaded);
        if (loaded) this.fireSoon();
        return loaded;
      });
      this.loading.set(key, found);
    }
    return found;
  }

  private async lookup(dir: vscode.Uri): Promise<LoadedConfig | null> {
    for (const name of CONFIG_FILE_NAMES) {
      const uri = vscode.Uri.joinPath(dir, name);
      const bytes = await vscode.workspace.fs.readFile(uri).then(
        (b) => b,
        () => undefined,
      );
      if (bytes) return this.parse(uri, new TextDecoder().decode(bytes));
    }
    const parent = parentUri(dir);
    return parent.path === dir.path ? null : this.load(parent);
  }

  private parse(uri: vscode.Uri, text: string): LoadedConfig {
    const { config, ignore, errors } = parseConfigFile(text, uri.path);
    const lines = new LineIndex(text);
    const position = (offset: number) => {
      const p = lines.positionAt(offset);
      return new vscode.Position(p.line, p.column);
    };
    this.problems.set(
      uri,
      errors.map((e) => {
        const start = e.start ?? 0;
        const diagnostic = new vscode.Diagnostic(new vscode.Range(position(start), position(Math.max(start, e.end ?? start))), e.message, vscode.DiagnosticSeverity.Error);
        diagnostic.source = 'plainsight';
        return diagnostic;
      }),
    );
    // Problems are underlined in the file; a refused custom pattern also gets a warning, since
    // nothing else would tell that a pattern the user relies on is not running.
    const refused = errors.filter((e) => e.key === 'customPatterns');
    if (refused.length && vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(`Plainsight: ${vscode.workspace.asRelativePath(uri)}: ${refused.map((e) => e.message).join('; ')}. The other custom patterns still run.`);
    }
    const matches = ignoreMatcher(ignore);
    return { uri, config, ignores: matches };
  }

  private baselineUriFor(uri: vscode.Uri): vscode.Uri | undefined {
    if (!this.applies(uri)) return undefined;
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const setting = vscode.workspace.getConfiguration(SECTION, folder.uri).get<string>(BASELINE_SETTING, '').trim();
    if (!setting) return undefined;
    return vscode.Uri.joinPath(folder.uri, setting.replace(/\\/g, '/'));
  }

  private baselineFor(uri: vscode.Uri): LoadedBaseline | null | undefined {
    const key = uri.toString();
    if (this.baselineKnown.has(key)) return this.baselineKnown.get(key);
    void this.loadBaseline(uri);
    return undefined;
  }

  private loadBaseline(uri: vscode.Uri): Promise<LoadedBaseline | null> {
    const key = uri.toString();
    let found = this.baselineLoading.get(key);
    if (!found) {
      // Called inside `then`, so that a file system provider that throws instead of rejecting
      // still ends in "cannot be read" rather than leaving the baseline unknown for good.
      const read = Promise.resolve()
        .then(() => vscode.workspace.fs.readFile(uri))
        .then(
          (bytes) => {
            const parsed = parseBaseline(new TextDecoder().decode(bytes));
            if ('error' in parsed) {
              void vscode.window.showWarningMessage(`Plainsight: the baseline ${vscode.workspace.asRelativePath(uri)} is not used: ${parsed.error}.`);
              return null;
            }
            return { uri, fingerprints: parsed.fingerprints };
          },
          () => {
            void vscode.window.showWarningMessage(`Plainsight: the baseline ${vscode.workspace.asRelativePath(uri)} (setting plainsight.baseline) cannot be read.`);
            return null;
          },
        );
      const settled: Promise<LoadedBaseline | null> = read.then((loaded) => {
        if (this.baselineLoading.get(key) !== settled) return loaded;
        this.baselineKnown.set(key, loaded);
        if (loaded) this.fireSoon();
        return loaded;
      });
      found = settled;
      this.baselineLoading.set(key, found);
    }
    return found;
  }

  private watchBaselines(): void {
    for (const d of this.baselineWatchers) d.dispose();
    this.baselineWatchers = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const setting = vscode.workspace.getConfiguration(SECTION, folder.uri).get<string>(BASELINE_SETTING, '').trim();
      if (!setting) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, setting.replace(/\\/g, '/')));
      const reset = () => this.reset();
      this.baselineWatchers.push(watcher, watcher.onDidCreate(reset), watcher.onDidChange(reset), watcher.onDidDelete(reset));
    }
  }

  /** Forget everything learned; what is still needed is read again. */
  private reset(): void {
    this.loading.clear();
    this.known.clear();
    this.baselineLoading.clear();
    this.baselineKnown.clear();
    this.untrustedChecked.clear();
    this.problems.clear();
    this.watchBaselines();
    this.fireSoon();
  }

  /** One event for a burst of learned files (a deep folder resolves level by level). */
  private fireSoon(): void {
    if (this.fireTimer) return;
    this.fireTimer = setTimeout(() => {
      this.fireTimer = undefined;
      this.changed.fire();
    }, 20);
  }

  dispose(): void {
    clearTimeout(this.fireTimer);
    for (const d of [...this.disposables, ...this.baselineWatchers]) d.dispose();
  }
}

function parentUri(uri: vscode.Uri): vscode.Uri {
  return uri.with({ path: parentPath(uri) });
}

function parentPath(uri: vscode.Uri): string {
  let path = uri.path;
  while (path.endsWith('/')) path = path.slice(0, -1);
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? '/' : path.slice(0, slash);
}

function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

// The instance of the running extension, for the adapter modules that need it without threading
// it through every constructor. Without one (tests of other modules) every hook is a no-op.
let active: ProjectFiles | undefined;

export function registerProjectFiles(context: vscode.ExtensionContext, onChange: () => void): ProjectFiles {
  const project = new ProjectFiles();
  active = project;
  context.subscriptions.push(project, project.onDidChange(onChange), { dispose: () => (active = active === project ? undefined : active) });
  return project;
}

/** VS Code settings with the nearest project config over them, when it is known. */
export function projectSettings(uri: vscode.Uri, settings: Config): Config {
  return active ? active.settingsFor(uri, settings) : settings;
}

/** An analysis as the user should see it: ignored files empty, baselined findings removed. */
export function projectFilter(uri: vscode.Uri, result: AnalysisResult): AnalysisResult {
  return active ? active.filter(uri, result) : result;
}

export function projectReady(uri: vscode.Uri): Promise<void> {
  return active ? active.ready(uri) : Promise.resolve();
}

export function projectKnown(uri: vscode.Uri): boolean {
  return active ? active.isKnown(uri) : true;
}

export function isProjectFile(uri: vscode.Uri): boolean {
  return active ? active.isProjectFile(uri) : false;
}
