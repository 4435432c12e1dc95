// Bundles the extension (node and web worker), the CLI and the integration-test suite.
// Type checking is separate (`tsc --noEmit`); esbuild only emits.
//   node esbuild.mjs              development build (sourcemaps)
//   node esbuild.mjs --production minified, no sourcemaps (what `vsce package` ships)
//   node esbuild.mjs --watch      rebuild on change
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
// `--out DIR`: write the bundles under DIR instead of the repository (test/unit/package.test.ts
// packages a production build in a temporary folder without touching dist/).
const outFlag = process.argv.indexOf('--out');
const outRoot = outFlag > 0 ? process.argv[outFlag + 1] : '.';
const at = (path) => join(outRoot, path);

const common = {
  bundle: true,
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  target: 'es2022',
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's default (UMD) entry loads its parts with a dynamic require esbuild cannot follow;
  // its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

const testEntries = readdirSync('test/integration/suite', { withFileTypes: true })
  .filter((e) => e.isFile() && e.name.endsWith('.ts'))
  .map((e) => `test/integration/suite/${e.name}`);

/**
 * Node-only modules the adapter may import on desktop, swapped for web stand-ins in the browser
 * bundle (src/web/<name>.ts, same exports). Keep this list short: prefer pure code in src/core.
 */
const WEB_REPLACEMENTS = { 'src/cli/git.ts': 'src/web/git.ts' };
const webReplacements = {
  name: 'web-replacements',
  setup(build) {
    build.onResolve({ filter: /\/cli\/git$/ }, (args) => {
      const target = resolve(args.resolveDir, `${args.path}.ts`);
      const replacement = WEB_REPLACEMENTS[relative(process.cwd(), target).split(sep).join('/')];
      return replacement ? { path: resolve(replacement) } : undefined;
    });
  },
};

/**
 * Desktop: src/extension.ts loads the analysis engine after activation with `require('./engine')`;
 * it stays a require of dist/engine.js, bundled on its own, so activation does not compile it.
 * (The web build resolves the same require into its single file.)
 */
const lazyEngine = {
  name: 'lazy-engine',
  setup(build) {
    build.onResolve({ filter: /^\.\/engine$/ }, (args) => (args.kind === 'require-call' && args.importer === resolve('src/extension.ts') ? { path: './engine.js', external: true } : undefined));
  },
};

/**
 * Every `import * as vscode from 'vscode'` of an external CommonJS module becomes its own
 * `__toESM(require('vscode'))`, which copies the API object's ~200 properties into a new object:
 * per importing module (17), about 2 ms each at load. Routed through one re-exporting module, the
 * copy is made once per bundle.
 */
const vscodeOnce = {
  name: 'vscode-once',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "export * from 'vscode';", loader: 'js' }));
  },
};

/**
 * Desktop: the `yaml` package is required by src/core/parse/yaml-package.ts the first time a file
 * needs it (the fast reader reads most YAML without it). The engine keeps that require of
 * dist/yaml.js, bundled on its own, so opening ordinary files never loads or compiles the package.
 */
const lazyYaml = {
  name: 'lazy-yaml',
  setup(build) {
    build.onResolve({ filter: /^yaml$/ }, (args) => (args.kind === 'require-call' ? { path: './yaml.js', external: true } : undefined));
  },
};

/**
 * CLI: recheck (the ReDoS check of custom patterns, src/cli/safety.ts) is ~3 MB of JavaScript that
 * only scans with custom patterns use, and V8 compiles a bundle at every start whether its code
 * runs or not (~0.2 s for this one). safety.ts requires it lazily; that require stays a require of
 * dist/cli-recheck.js, bundled on its own, so other runs of the CLI never compile it.
 */
const lazyRecheck = {
  name: 'lazy-recheck',
  setup(build) {
    build.onResolve({ filter: /\/custom-patterns-recheck$/ }, (args) => (args.kind === 'require-call' ? { path: './cli-recheck.js', external: true } : undefined));
  },
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: at('dist/extension.js'), platform: 'node', format: 'cjs', external: ['vscode'], plugins: [lazyEngine, vscodeOnce] },
  { ...common, entryPoints: ['src/engine.ts'], outfile: at('dist/engine.js'), platform: 'node', format: 'cjs', external: ['vscode'], plugins: [vscodeOnce, lazyYaml] },
  // What the engine's lazy require of `yaml` loads: the package's ESM build (the one the web bundle
  // uses), not its CommonJS one, as esbuild can hoist and tree-shake it (11 KB less).
  { ...common, entryPoints: ['./node_modules/yaml/browser/index.js'], outfile: at('dist/yaml.js'), platform: 'node', format: 'cjs' },
  // The same extension for the web worker extension host (vscode.dev, github.dev, code-server's
  // browser host): package.json `browser`. No Node built-ins exist there; esbuild fails the build
  // if anything under src/ imports one, which is the check that keeps the adapter web-safe.
  {
    ...common,
    entryPoints: ['src/extension.ts'],
    outfile: at('dist/web/extension.js'),
    platform: 'browser',
    format: 'cjs',
    external: ['vscode'],
    plugins: [webReplacements, vscodeOnce],
    // Some dependencies test `process.platform` for Windows paths; the worker has no `process`.
    define: { 'process.platform': JSON.stringify('web'), 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: at('dist/cli.js'),
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [lazyRecheck],
  },
  {
    ...common,
    entryPoints: ['src/core/custom-patterns-recheck.ts'],
    outfile: at('dist/cli-recheck.js'),
    platform: 'node',
    format: 'cjs',
    // recheck (custom-pattern ReDoS check) resolves a worker file for its synckit backend; the CLI
    // runs its in-process `pure` backend only, so that file is never loaded.
    logOverride: { 'require-resolve-not-external': 'silent' },
  },
  // The CLI's scan worker thread (src/cli/scan-pool.ts), which dist/cli.js starts from its own folder
  // for large scans: it ships beside it, like dist/cli-recheck.js (.npmignore).
  { ...common, entryPoints: ['src/cli/scan-worker.ts'], outfile: at('dist/scan-worker.js'), platform: 'node', format: 'cjs' },
  {
    ...common,
    minify: false,
    entryPoints: testEntries,
    outdir: at('out/test/integration/suite'),
    platform: 'node',
    format: 'cjs',
    external: ['vscode', 'mocha'],
  },
];

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
