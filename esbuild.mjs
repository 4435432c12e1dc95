// Bundles the extension (node and web worker), the CLI and the integration-test suite.
// Type checking is separate (`tsc --noEmit`); esbuild only emits.
//   node esbuild.mjs              development build (sourcemaps)
//   node esbuild.mjs --production minified, no sourcemaps (what `vsce package` ships)
//   node esbuild.mjs --watch      rebuild on change
import * as esbuild from 'esbuild';
import { readdirSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', external: ['vscode'] },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    minify: false,
    entryPoints: testEntries,
    outdir: 'out/test/integration/suite',
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
