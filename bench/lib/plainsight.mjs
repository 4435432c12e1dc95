// Runs the Plainsight core over the corpus. The core is bundled from source with esbuild into a
// temporary module first, so the benchmark measures exactly the engine in the working tree
// (not a stale dist/ build) without needing a TypeScript loader.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import * as esbuild from 'esbuild';

/** Bundles `entry` (TypeScript from the working tree) into a CommonJS module for Node at `outfile`. */
export async function bundleForNode(entry, outfile, { minify = false } = {}) {
  await esbuild.build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify,
    platform: 'node',
    // CommonJS: the bundled dependencies (yaml) require node built-ins, which an ESM bundle cannot.
    format: 'cjs',
    target: 'es2022',
    // jsonc-parser's UMD entry cannot be bundled; its ESM build can.
    mainFields: ['module', 'main'],
    logLevel: 'error',
  });
  return outfile;
}

export async function loadCore(repoRoot) {
  const dir = mkdtempSync(join(tmpdir(), 'plainsight-bench-'));
  try {
    return createRequire(import.meta.url)(await bundleForNode(join(repoRoot, 'src', 'core', 'index.ts'), join(dir, 'core.cjs')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Analyses every file; `file` is the corpus-relative path, used as the analysed path too. */
export function runPlainsight(core, root, files) {
  const findings = [];
  let skipped = 0;
  let parseErrors = 0;
  let bytes = 0;
  const started = performance.now();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    bytes += Buffer.byteLength(text);
    const result = core.analyze(text, { path: file });
    if (result.skipped) skipped++;
    if (result.parseErrors.length) parseErrors++;
    for (const f of result.findings) {
      findings.push({ file, category: f.category, line: f.startLine + 1, ruleId: f.ruleId, confidence: f.confidence, severity: f.severity });
    }
  }
  return { findings, skipped, parseErrors, bytes, ms: performance.now() - started, version: core.VERSION };
}
