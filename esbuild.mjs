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

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: at('dist/extension.js'), platform: 'node', format: 'cjs', external: ['vscode'] },
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
    plugins: [webReplacements],
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
  },
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
