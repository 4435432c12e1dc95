// Run in a fresh process by the benchmark: what VS Code does when the extension activates, with
// the fake `vscode` module: require `main` (dist/extension.js) and call `activate`; then, with one
// workflow open, the time until its first diagnostics are published, which includes loading
// whatever activation left for later (dist/engine.js). Prints one JSON line:
// { requireMs, activateMs, totalMs, cpuMs, firstAnalysisMs, firstAnalysisCpuMs, engineLoadMs, loaded: [{ file, bytes }] }
// (cpuMs: CPU time of require + activate, steadier than wall time on a busy machine;
// firstAnalysis*: from the require on; loaded: every file of the build that was required).
const Module = require('node:module');
const { dirname, join, relative } = require('node:path');
const { statSync } = require('node:fs');
// A second argument for test/unit/activation.test.ts, where diagnostics must still be published:
// `throwing-fs`, the file system throws instead of answering "not found"; `throwing-baseline`,
// the same with the file in a workspace folder whose `plainsight.baseline` setting names a file;
// `flow-yaml`, a workflow only the `yaml` package reads.
const [, , bundle, mode] = process.argv;
const fakeVscode = join(__dirname, 'fake-vscode.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? fakeVscode : resolve.call(this, request, ...rest);
};
const vscode = require(fakeVscode); // loaded before timing: VS Code provides this module already loaded
process.on('unhandledRejection', () => {}); // background work of activate has nothing real to talk to

// Time spent in requires of the build's other files (the deferred engine), wherever they happen.
const buildDir = dirname(bundle);
let engineLoadMs = 0;
const load = Module._load;
Module._load = function (request, parent, ...rest) {
  const nested = parent?.filename && dirname(parent.filename) === buildDir && request.startsWith('.');
  const t = performance.now();
  try {
    return load.call(this, request, parent, ...rest);
  } finally {
    if (nested) engineLoadMs += performance.now() - t;
  }
};

// One open workflow with a cleartext URL (a finding without any secret-like text), outside any
// workspace folder; project files (.plainsight.json, looked up in its folders) do not exist.
// Mode `flow-yaml`: the same job written as a flow mapping over several lines, which only the
// `yaml` package reads (dist/yaml.js, loaded on that first need).
const text =
  mode === 'flow-yaml'
    ? 'on: push\njobs:\n  build: {runs-on: ubuntu-latest,\n    steps: [{run: "curl -fsSL http://downloads.example.com/install.sh | sh"}]}\n'
    : 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsSL http://downloads.example.com/install.sh | sh\n';
const fileUri = (path) => ({ scheme: 'file', path, fsPath: path, with: (change) => fileUri(change.path ?? path), toString: () => `file://${path}` });
const uri = fileUri('/ws/.github/workflows/ci.yml');
const document = { uri, fileName: uri.fsPath, languageId: 'yaml', version: 1, isClosed: false, lineCount: text.split('\n').length, getText: () => text, positionAt: () => ({}), offsetAt: () => 0 };
vscode.workspace.textDocuments = [document];
vscode.workspace.getWorkspaceFolder = () => (mode === 'throwing-baseline' ? { uri: fileUri('/ws'), name: 'ws', index: 0 } : undefined);
if (mode === 'throwing-baseline') vscode.workspace.getConfiguration = () => ({ get: (key, fallback) => (key === 'baseline' ? '.plainsight-baseline.json' : fallback) });
// `vscode.workspace.fs` is a new stand-in at every read: replace the object, not one of its methods.
vscode.workspace.fs = {
  readFile: () => {
    if (mode === 'throwing-fs' || mode === 'throwing-baseline') throw new Error('this file system provider throws');
    return Promise.reject(new Error('ENOENT'));
  },
};
vscode.Uri.joinPath = (base, ...parts) => fileUri([base.path, ...parts].join('/'));
let published;
const analysed = new Promise((done) => (published = done));
vscode.languages.createDiagnosticCollection = () => ({
  set: (target, diagnostics) => target === uri && diagnostics.length > 0 && published(performance.now()),
  delete() {},
  clear() {},
  dispose() {},
});

const cpu0 = process.cpuUsage();
const t0 = performance.now();
const mod = require(bundle);
const t1 = performance.now();
const context = new Proxy(
  { subscriptions: [], extensionUri: vscode.Uri, extensionPath: buildDir, globalState: vscode, workspaceState: vscode },
  { get: (target, prop) => (prop in target ? target[prop] : vscode[prop]) },
);
mod.activate(context);
const t2 = performance.now();
const cpu = process.cpuUsage(cpu0);
const timeout = setTimeout(() => {
  process.stderr.write('no diagnostics within 10 s of activation\n');
  process.exit(1);
}, 10_000);
analysed.then((t3) => {
  const cpuToFirst = process.cpuUsage(cpu0);
  clearTimeout(timeout);
  const loaded = Object.keys(require.cache)
    .filter((file) => file.startsWith(`${buildDir}/`))
    .map((file) => ({ file: relative(dirname(buildDir), file), bytes: statSync(file).size }));
  process.stdout.write(`${JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0, cpuMs: (cpu.user + cpu.system) / 1000, firstAnalysisMs: t3 - t0, firstAnalysisCpuMs: (cpuToFirst.user + cpuToFirst.system) / 1000, engineLoadMs, loaded })}\n`);
  process.exit(0);
});
