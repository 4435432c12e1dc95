// What activation does (issue 8: activation ≤ 20 ms): the production dist/extension.js loads
// nothing but `vscode`, registers every contributed command, the providers and the report's
// webview serializer at once, and leaves the analysis engine (dist/engine.js, which holds the
// core) to the next turn of the event loop, or to the first command or provider call.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { spawnSync } from 'node:child_process';
import { buildInto, REPO_ROOT } from './helpers/build';

let out: string;
before(() => {
  out = buildInto('plainsight-activation-');
});
after(() => rmSync(out, { recursive: true, force: true }));

/** Callable, constructible, every property another stub. */
function deep(): any {
  return new Proxy(function () {}, { get: (_t, p) => (p === 'then' ? undefined : deep()), apply: () => deep(), construct: () => deep() });
}

test('activation registers everything at once and loads the engine only afterwards', async () => {
  const file = join(out, 'dist', 'extension.js');
  assert.ok(statSync(file).size < 20_000, `dist/extension.js is ${statSync(file).size} bytes: does it bundle the core again?`);

  const commands = new Map<string, (...args: unknown[]) => unknown>();
  const registered: string[] = [];
  const vscode = {
    commands: { registerCommand: (id: string, handler: (...args: unknown[]) => unknown) => (commands.set(id, handler), deep()) },
    languages: { registerCodeActionsProvider: () => (registered.push('codeActions'), deep()), registerHoverProvider: () => (registered.push('hover'), deep()) },
    window: { registerWebviewPanelSerializer: (type: string) => (registered.push(`serializer:${type}`), deep()) },
    CodeActionKind: deep(),
  };
  const calls: unknown[][] = [];
  const engine = { start: () => ({ commands: new Proxy({}, { get: (_t, id) => (...args: unknown[]) => calls.push([id, ...args]) }) }) };
  const required: string[] = [];
  const require = (id: string) => {
    required.push(id);
    if (id === 'vscode') return vscode;
    if (id === './engine.js') return engine;
    throw new Error(`unexpected require('${id}')`);
  };
  const module = { exports: {} as Record<string, any> };
  vm.runInThisContext(`(function (exports, require, module) {${readFileSync(file, 'utf8')}\n})`, { filename: file })(module.exports, require, module);
  module.exports.activate({ subscriptions: [] });
  assert.deepEqual([...new Set(required)], ['vscode'], 'activation must not load the engine');

  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  for (const { command } of pkg.contributes.commands) assert.ok(commands.has(command), `${command} is not registered at activation`);
  assert.deepEqual(registered.sort(), ['codeActions', 'codeActions', 'hover', 'serializer:plainsight.report']);

  await new Promise((r) => setTimeout(r, 10));
  assert.deepEqual([...new Set(required)], ['vscode', './engine.js'], 'the engine loads right after activation');
  await commands.get('plainsight.scanWorkspace')!('arg');
  assert.deepEqual(calls, [['plainsight.scanWorkspace', 'arg']], 'commands reach the engine');
});

test('an open workflow gets its diagnostics after activation, also when the file system throws (project file, baseline)', () => {
  // The benchmark's child process (bench/lib/activate-child.cjs) loads the built extension with a
  // stand-in `vscode`, opens one workflow and waits for its first diagnostics.
  // The `yaml` package (dist/yaml.js) is loaded only for a file the fast reader cannot read.
  for (const mode of ['not-found', 'throwing-fs', 'throwing-baseline', 'flow-yaml']) {
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'bench', 'lib', 'activate-child.cjs'), join(out, 'dist', 'extension.js'), mode], { encoding: 'utf8', timeout: 30_000 });
    assert.equal(run.status, 0, `${mode}: ${run.stderr}`);
    const measured = JSON.parse(run.stdout) as { firstAnalysisMs: number; loaded: { file: string }[] };
    assert.ok(measured.firstAnalysisMs > 0);
    const expected = mode === 'flow-yaml' ? ['dist/engine.js', 'dist/extension.js', 'dist/yaml.js'] : ['dist/engine.js', 'dist/extension.js'];
    assert.deepEqual(measured.loaded.map((l) => l.file).sort(), expected, mode);
  }
});
