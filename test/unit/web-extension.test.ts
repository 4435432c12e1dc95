// The web extension (package.json `browser`: dist/web/extension.js) in conditions like the web
// worker extension host's: a fresh JavaScript realm without `process`, `Buffer` or any Node
// module, where `require` knows only `vscode`. The bundle is activated against a stub of the
// vscode API with one open document holding a fake password, and must publish a diagnostic for it:
// the core, the adapter and the project-file lookups (through vscode.workspace.fs) all run.
// The real web worker host is tested by `npm run test:web` (test/integration/ui/web-extension.ui.mjs),
// which is too slow for `npm test`; see README, "Web extension: what is tested".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { buildInto, REPO_ROOT } from './helpers/build';

const FAKE_PASSWORD = ['Xq7', 'fake', 'Pa55word', '9Lm'].join('-');
const COMPOSE = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "${FAKE_PASSWORD}"\n`;

let out: string;
before(() => {
  out = buildInto('plainsight-web-');
});
after(() => rmSync(out, { recursive: true, force: true }));

/** A stand-in for any API the test does not care about: callable, constructible, every property another stub. */
function deep(): any {
  const target = function () {};
  const assigned = new Map<string | symbol, unknown>();
  return new Proxy(target, {
    get: (_t, p) => {
      if (assigned.has(p)) return assigned.get(p);
      if (p === Symbol.iterator) return function* () {};
      if (p === 'then') return undefined; // not a thenable: awaiting it must not hang
      if (p === Symbol.toPrimitive) return () => 0;
      return deep();
    },
    set: (_t, p, value) => (assigned.set(p, value), true),
    apply: () => deep(),
    construct: () => deep(),
  });
}

class Uri {
  constructor(readonly scheme: string, readonly path: string) {}
  static parse(value: string): Uri {
    const m = /^([a-z][a-z0-9+.-]*):(?:\/\/[^/]*)?(\/.*)?$/i.exec(value);
    return new Uri(m ? m[1] : 'file', m?.[2] ?? '/');
  }
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, [base.path.replace(/\/+$/, ''), ...segments].join('/').replace(/\/{2,}/g, '/'));
  }
  with(change: { path?: string; scheme?: string }): Uri {
    return new Uri(change.scheme ?? this.scheme, change.path ?? this.path);
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (listener: (e: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of this.listeners) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

/** Every `vscode.X` the extension's sources mention. */
function vscodeNamesUsed(): Set<string> {
  const names = new Set<string>();
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.ts')) for (const m of readFileSync(path, 'utf8').matchAll(/\bvscode\.([A-Za-z_]\w*)/g)) names.add(m[1]);
    }
  };
  visit(join(REPO_ROOT, 'src'));
  return names;
}

function vscodeStub() {
  const folderUri = Uri.file('/ws');
  const folder = { uri: folderUri, name: 'ws', index: 0 };
  const text = COMPOSE;
  const lineStarts = [0, ...[...text].flatMap((c, i) => (c === '\n' ? [i + 1] : []))];
  const document = {
    uri: Uri.file('/ws/compose.yml'),
    fileName: '/ws/compose.yml',
    languageId: 'yaml',
    version: 1,
    isClosed: false,
    isDirty: false,
    lineCount: lineStarts.length,
    getText: () => text,
    positionAt: (offset: number) => {
      let line = 0;
      while (line + 1 < lineStarts.length && lineStarts[line + 1] <= offset) line++;
      return { line, character: offset - lineStarts[line] };
    },
    offsetAt: (p: { line: number; character: number }) => lineStarts[p.line] + p.character,
  };
  const published: { name: string; uri: string; diagnostics: any[] }[] = [];
  const registered: string[] = [];
  const disposable = { dispose() {} };
  const event = () => disposable;
  const fileNotFound = () => Promise.reject(Object.assign(new Error('FileNotFound'), { code: 'FileNotFound' }));
  const api: Record<string, any> = {
    Uri,
    EventEmitter,
    Disposable: class {
      static from() {
        return disposable;
      }
      dispose() {}
    },
    Position: class {
      constructor(readonly line: number, readonly character: number) {}
    },
    Range: class {
      constructor(readonly start: unknown, readonly end: unknown) {}
    },
    Diagnostic: class {
      source?: string;
      code?: unknown;
      constructor(readonly range: unknown, readonly message: string, readonly severity: number) {}
    },
    DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
    RelativePattern: class {
      constructor(readonly base: unknown, readonly pattern: string) {}
    },
    CancellationTokenSource: class {
      token = { isCancellationRequested: false, onCancellationRequested: event };
      cancel() {
        this.token.isCancellationRequested = true;
      }
      dispose() {}
    },
    FileSystemError: class extends Error {},
    ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
    languages: {
      createDiagnosticCollection: (name: string) => ({
        name,
        set: (uri: Uri, diagnostics: any[]) => published.push({ name, uri: uri.toString(), diagnostics }),
        delete() {},
        clear() {},
        dispose() {},
      }),
      registerCodeActionsProvider: () => (registered.push('codeActions'), disposable),
      registerHoverProvider: () => (registered.push('hover'), disposable),
    },
    workspace: {
      isTrusted: true,
      workspaceFolders: [folder],
      textDocuments: [document],
      getWorkspaceFolder: (uri: Uri) => (uri.path.startsWith('/ws/') ? folder : undefined),
      getConfiguration: () => ({ get: (_key: string, fallback?: unknown) => fallback, has: () => false, inspect: () => undefined, update: () => Promise.resolve() }),
      asRelativePath: (uri: Uri | string) => String(typeof uri === 'string' ? uri : uri.path).replace(/^\/ws\//, ''),
      createFileSystemWatcher: () => ({ onDidCreate: event, onDidChange: event, onDidDelete: event, dispose() {} }),
      findFiles: () => Promise.resolve([]),
      fs: { readFile: fileNotFound, stat: fileNotFound, readDirectory: fileNotFound, writeFile: () => Promise.resolve() },
      onDidOpenTextDocument: event,
      onDidChangeTextDocument: event,
      onDidSaveTextDocument: event,
      onDidCloseTextDocument: event,
      onDidChangeConfiguration: event,
      onDidChangeWorkspaceFolders: event,
      onDidGrantWorkspaceTrust: event,
    },
    window: {
      withProgress: (_options: unknown, task: (progress: unknown, token: unknown) => Promise<unknown>) => task({ report() {} }, { isCancellationRequested: false, onCancellationRequested: event }),
      createStatusBarItem: () => deep(),
      registerWebviewPanelSerializer: () => disposable,
      showInformationMessage: () => Promise.resolve(undefined),
      showWarningMessage: () => Promise.resolve(undefined),
      showErrorMessage: () => Promise.resolve(undefined),
      activeTextEditor: undefined,
    },
    commands: {
      registerCommand: (id: string) => (registered.push(id), disposable),
      executeCommand: () => Promise.resolve(undefined),
    },
  };
  // The bundle copies the module's own properties (esbuild's __toESM), so every name the adapter
  // uses must exist up front: the ones not written out above are deep stubs.
  for (const name of vscodeNamesUsed()) api[name] ??= deep();
  return { vscode: api, published, registered };
}

test('the web bundle requires nothing but vscode, activates without Node globals, and reports a finding', async () => {
  const code = readFileSync(join(out, 'dist', 'web', 'extension.js'), 'utf8');
  const { vscode, published, registered } = vscodeStub();
  const required: string[] = [];
  const require = (id: string) => {
    required.push(id);
    if (id === 'vscode') return vscode;
    throw new Error(`the web bundle requires '${id}', which does not exist in the web worker`);
  };
  // What a web worker offers (and Node-only globals left out on purpose).
  const sandbox = vm.createContext({ console, setTimeout, clearTimeout, setInterval, clearInterval, queueMicrotask, TextEncoder, TextDecoder, URL, URLSearchParams, performance });
  assert.equal(vm.runInContext('typeof process + typeof Buffer + typeof require', sandbox), 'undefinedundefinedundefined');
  const module = { exports: {} as Record<string, any> };
  vm.runInContext(`(function (exports, require, module) {${code}\n})`, sandbox, { filename: 'dist/web/extension.js' })(module.exports, require, module);
  assert.deepEqual([...new Set(required)], ['vscode']);
  assert.equal(typeof module.exports.activate, 'function');

  const context = { subscriptions: [] as unknown[], extensionUri: Uri.file('/ext'), extensionPath: '/ext', globalState: deep(), workspaceState: deep() };
  const api = module.exports.activate(context);
  assert.ok(api.analysis, 'activate returns the analysis controller');
  assert.ok(registered.includes('codeActions') && registered.includes('hover'), `registered: ${registered.join(', ')}`);

  // Analyses are scheduled (setTimeout 0) and project files are looked up asynchronously.
  const until = Date.now() + 5000;
  const found = () => published.find((p) => p.name === 'plainsight' && p.uri.endsWith('/ws/compose.yml') && p.diagnostics.length > 0);
  while (!found() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  const hit = found();
  assert.ok(hit, `no diagnostics published for compose.yml: ${JSON.stringify(published.map((p) => [p.name, p.uri, p.diagnostics.length]))}`);
  const diagnostic = hit.diagnostics[0];
  assert.equal(diagnostic.code.value, 'secret/generic-password');
  assert.ok(!diagnostic.message.includes(FAKE_PASSWORD), 'the message must not contain the secret');
  for (const d of context.subscriptions) (d as { dispose?: () => void }).dispose?.();
});

test('the web stand-in for src/cli/git.ts exports the same functions', async () => {
  const source = readFileSync(join(REPO_ROOT, 'src', 'cli', 'git.ts'), 'utf8');
  const web = readFileSync(join(REPO_ROOT, 'src', 'web', 'git.ts'), 'utf8');
  const exported = (text: string) => [...text.matchAll(/^export (?:async )?function (\w+)/gm)].map((m) => m[1]).sort();
  assert.deepEqual(exported(web), exported(source));
  // Every answer is "cannot tell", which callers must already handle on desktop without git.
  const stand = await import('../../src/web/git');
  assert.equal(await stand.isTracked('/', 'a'), undefined);
  assert.equal(await stand.isIgnored('/', 'a'), undefined);
  assert.equal(await stand.headText('/', 'a'), undefined);
  assert.equal(await stand.repositoryRoot('/'), undefined);
});
