// What `npm run package` ships: a production build packaged by vsce (the same .vscodeignore and
// package.json, in a temporary folder so dist/ is not rewritten while other tests read it). Fails
// on any file that is not a bundle, media, a grammar, the docs or the manifest, on a package over
// 1 MB, and on vsce warnings; checks the gallery metadata and the icon.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInto, REPO_ROOT } from './helpers/build';
import { readZip, type ZipEntry } from './helpers/zip';

const MAX_BYTES = 1024 * 1024;
/** Everything a .vsix may hold: vsce's own two files and the extension's runtime files. */
const ALLOWED = [
  /^\[Content_Types\]\.xml$/,
  /^extension\.vsixmanifest$/,
  /^extension\/package\.json$/,
  /^extension\/(readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(extension|engine|yaml)\.js$/,
  /^extension\/dist\/web\/extension\.js$/,
  /^extension\/media\/[^/]+\.(png|svg|css|js|json)$/,
  /^extension\/syntaxes\/[^/]+\.json$/,
];
const REQUIRED = ['extension/package.json', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/dist/extension.js', 'extension/dist/engine.js', 'extension/dist/yaml.js', 'extension/dist/web/extension.js', 'extension/media/icon.png', 'extension/media/plainsight.schema.json', 'extension/syntaxes/dotenv.tmLanguage.json'];

let work: string;
let vsix: string;
let entries: ZipEntry[];
let vsceOutput: string;

before(() => {
  work = buildInto('plainsight-package-');
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  // The bundles are built already (production, into this folder); vsce would otherwise rebuild into dist/.
  delete pkg.scripts['vscode:prepublish'];
  writeFileSync(join(work, 'package.json'), JSON.stringify(pkg, null, 2));
  for (const entry of ['README.md', 'CHANGELOG.md', 'LICENSE', '.vscodeignore', 'media', 'syntaxes']) cpSync(join(REPO_ROOT, entry), join(work, entry), { recursive: true });
  // Decoys that must stay out: a source map, a source file and a screenshot.
  writeFileSync(join(work, 'dist', 'extension.js.map'), '{}');
  mkdirSync(join(work, 'src'), { recursive: true });
  writeFileSync(join(work, 'src', 'extension.ts'), '// decoy');
  mkdirSync(join(work, 'media', 'screenshots'), { recursive: true });
  writeFileSync(join(work, 'media', 'screenshots', 'decoy.png'), 'decoy');

  vsix = join(work, `plainsight-${pkg.version}.vsix`);
  const vsce = spawnSync(process.execPath, [join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix], { cwd: work, encoding: 'utf8' });
  vsceOutput = `${vsce.stdout}\n${vsce.stderr}`;
  assert.equal(vsce.status, 0, `vsce package failed:\n${vsceOutput}`);
  entries = readZip(readFileSync(vsix));
});
after(() => rmSync(work, { recursive: true, force: true }));

test('the .vsix holds only the bundles, media, grammars, docs and the manifest', () => {
  const unexpected = entries.map((e) => e.name).filter((name) => !ALLOWED.some((re) => re.test(name)));
  assert.deepEqual(unexpected, [], 'files that must not ship');
  const names = new Set(entries.map((e) => e.name));
  for (const required of REQUIRED) assert.ok(names.has(required), `${required} is missing from the package`);
});

test('the .vsix is at most 1 MB and vsce has no warnings', () => {
  const size = statSync(vsix).size;
  assert.ok(size <= MAX_BYTES, `${size} bytes is over ${MAX_BYTES}`);
  assert.doesNotMatch(vsceOutput, /WARNING/i);
});

test('the packaged manifest has gallery metadata and both entry points', () => {
  const pkg = JSON.parse(entries.find((e) => e.name === 'extension/package.json')!.read().toString('utf8'));
  assert.equal(pkg.main, './dist/extension.js');
  assert.equal(pkg.browser, './dist/web/extension.js');
  assert.equal(pkg.icon, 'media/icon.png');
  assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
  assert.ok(pkg.categories.includes('Linters'));
  assert.ok(pkg.keywords.length > 0 && pkg.keywords.length <= 30, 'the marketplace allows at most 30 keywords');
  assert.match(pkg.repository.url, /^https:\/\//);
  assert.equal(pkg.license, 'MIT');
  // The manifest vsce writes carries the icon as the gallery icon.
  const manifest = entries.find((e) => e.name === 'extension.vsixmanifest')!.read().toString('utf8');
  assert.match(manifest, /Microsoft\.VisualStudio\.Services\.Icons\.Default[^>]*extension\/media\/icon\.png/);
});

test('the icon is a 128×128 RGBA PNG', () => {
  const png = entries.find((e) => e.name === 'extension/media/icon.png')!.read();
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.equal(png.subarray(12, 16).toString('ascii'), 'IHDR');
  assert.equal(png.readUInt32BE(16), 128);
  assert.equal(png.readUInt32BE(20), 128);
});

test('recheck (the CLI-only ReDoS check of custom patterns, 2.9 MB) is in no extension bundle', () => {
  const bundles = entries.filter((e) => /^extension\/dist\/.*\.js$/.test(e.name));
  assert.ok(bundles.length >= 2);
  for (const bundle of bundles) assert.doesNotMatch(bundle.read().toString('utf8'), /codes\.quine\.labs\.recheck/, bundle.name);
});

test('the shipped bundles are the production builds (minified, no source map reference)', () => {
  for (const name of ['extension/dist/extension.js', 'extension/dist/engine.js', 'extension/dist/web/extension.js']) {
    const code = entries.find((e) => e.name === name)!.read().toString('utf8');
    assert.doesNotMatch(code, /sourceMappingURL/, name);
    // Minified code has long lines (template literals keep some newlines, so lines are not counted).
    const lines = code.split('\n').length;
    assert.ok(code.length / lines > 400, `${name} does not look minified (${lines} lines)`);
  }
});
