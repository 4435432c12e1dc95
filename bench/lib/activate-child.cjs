// Run in a fresh process by the benchmark: times loading the extension bundle and calling its
// `activate` with the fake `vscode` module, or (with "core") loading a core bundle alone.
// Prints one JSON line: { requireMs, activateMs, totalMs }.
const Module = require('node:module');
const { join } = require('node:path');
const [, , bundle, mode] = process.argv;
const fakeVscode = join(__dirname, 'fake-vscode.cjs');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? fakeVscode : resolve.call(this, request, ...rest);
};
require(fakeVscode); // loaded before timing: VS Code provides this module already loaded
process.on('unhandledRejection', () => {}); // background work of activate has nothing real to talk to

const t0 = performance.now();
const mod = require(bundle);
const t1 = performance.now();
if (mode !== 'core') {
  const subscriptions = [];
  const context = new Proxy(
    { subscriptions, extensionUri: require(fakeVscode).Uri, extensionPath: __dirname, globalState: require(fakeVscode), workspaceState: require(fakeVscode) },
    { get: (target, prop) => (prop in target ? target[prop] : require(fakeVscode)[prop]) },
  );
  mod.activate(context);
}
const t2 = performance.now();
process.stdout.write(`${JSON.stringify({ requireMs: t1 - t0, activateMs: t2 - t1, totalMs: t2 - t0 })}\n`);
process.exit(0);
