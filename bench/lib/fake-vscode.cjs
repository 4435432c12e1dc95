// A stand-in for the `vscode` module, enough to load the extension bundle and call `activate`
// outside VS Code: every property is another inert stand-in, every call and `new` returns one,
// iteration yields nothing, assignments are kept, and `get(key, default)` (configuration) returns
// the default.
// It only lets activation run to the end; nothing it returns does anything.
const seen = new Set();

function fake(name) {
  const target = function () {};
  const assigned = new Map(); // `item.text = ...` and the like: read back as written
  return new Proxy(target, {
    set(_, prop, value) {
      assigned.set(prop, value);
      return true;
    },
    defineProperty(_, prop, descriptor) {
      assigned.set(prop, descriptor.value);
      return true;
    },
    get(_, prop) {
      if (assigned.has(prop)) return assigned.get(prop);
      if (prop === 'then') return undefined; // not a promise: `await fake` must not hang
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return (hint) => (hint === 'number' ? 0 : '');
      if (prop === 'toString' || prop === 'toJSON') return () => name;
      if (prop === 'get') return (_key, fallback) => fallback;
      if (prop === 'length') return 0;
      if (typeof prop === 'symbol') return undefined;
      seen.add(`${name}.${prop}`);
      return fake(`${name}.${prop}`);
    },
    apply: () => fake(`${name}()`),
    construct: () => fake(`new ${name}`),
    has: () => true,
  });
}

// Bundlers copy a CommonJS module's own properties into their namespace object, so the module's
// top-level names are real properties: the ones @types/vscode declares.
function apiNames() {
  try {
    const d = require('node:fs').readFileSync(require.resolve('@types/vscode/index.d.ts'), 'utf8');
    return [...new Set([...d.matchAll(/^\texport (?:namespace|class|enum|const|let|function) (\w+)/gm)].map((m) => m[1]))];
  } catch {
    return ['Uri', 'workspace', 'window', 'languages', 'commands', 'env', 'EventEmitter', 'Disposable', 'Range', 'Position', 'Diagnostic', 'DiagnosticSeverity', 'CodeAction', 'CodeActionKind'];
  }
}

const vscode = {};
for (const name of apiNames()) vscode[name] = fake(`vscode.${name}`);
module.exports = vscode;
