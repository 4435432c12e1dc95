#!/usr/bin/env node
// Performance benchmark (issue 8): per-document analysis time (and the garbage collection in it),
// incremental typing, workspace throughput against secretlint and ripgrep with the floor of any
// scan by a fresh Node process, CLI peak memory, extension bundle size and activation.
//
//   npm run bench [-- --corpus DIR] [--no-corpus] [--only docs,typing,workspace,bundle] [--quick] [--json FILE]
//
// The core is bundled from src/ (esbuild, into a temporary folder) so the numbers are those of the
// working tree; the CLI and the extension are built with the repo's own `esbuild.mjs --production`
// into another temporary folder (dist/ is left alone). Results go to bench/results/ (gitignored):
// perf-latest.json, perf-latest.md (a full run; partial runs are named after their sections) and
// the file lists of the workspace sets.
// Bounded in time: about two to three minutes on a 2-core machine. Never run by the unit tests.
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { loadCore } from './lib/plainsight.mjs';
import { GENERATORS, workflow } from './lib/generate.mjs';
import { bytes, median, ms, ratio, timeRuns } from './lib/stats.mjs';
import { productionBuild } from './lib/build.mjs';
import { compareTools, copyOutOfNodeModules, isBenchFile, listFiles, totalBytes, unpackCorpus, writeList } from './lib/workspace.mjs';
import { table } from './lib/table.mjs';
import { measureFloor } from './lib/floor.mjs';
import { gcRecorder } from './lib/gc.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(REPO, 'bench', 'results');
const SECTIONS = ['docs', 'typing', 'workspace', 'bundle'];
const USAGE = 'usage: npm run bench -- [--corpus DIR] [--no-corpus] [--only docs,typing,workspace,bundle] [--quick] [--json FILE]';

const TARGETS = {
  doc1000: 2,
  doc10000: 20,
  vsSecretlint: 20, // at least this many times faster
  vsRipgrep: 10, // at most this many times slower
  rssMiB: 150,
  bundleKiB: 400,
  activationMs: 20,
};

function parseArgs(argv) {
  const o = { corpus: undefined, noCorpus: false, only: new Set(SECTIONS), quick: false, json: undefined };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--corpus') o.corpus = argv[++i];
    else if (a === '--no-corpus') o.noCorpus = true;
    else if (a === '--only') o.only = new Set(argv[++i].split(','));
    else if (a === '--quick') o.quick = true;
    else if (a === '--json') o.json = argv[++i];
    else throw new Error(`unknown argument ${a}\n${USAGE}`);
  }
  for (const s of o.only) if (!SECTIONS.includes(s)) throw new Error(`unknown section ${s}\n${USAGE}`);
  if (o.corpus === undefined && !o.noCorpus) o.corpus = join(REPO, '..', 'shared', 'corpus');
  return o;
}

const say = (text = '') => console.log(text);

// ---------------------------------------------------------------------------------------------

async function benchDocuments(core, quick) {
  say('\n## Per-document analysis (warm; wall-clock median and p95, CPU median, mean garbage-collection pause per run)');
  say('Each analysis is given the one before as `previous`, as the extension does for a document\'s earlier version: its tree');
  say('is released first. "tree kept ms": the median when each result is merely dropped instead (a caller that does not say).');
  const rows = [];
  const results = [];
  const gc = await gcRecorder();
  for (const g of GENERATORS) {
    for (const lines of [100, 1000, 10000]) {
      const text = g.make(lines);
      const findings = core.analyze(text, { path: g.path }).findings.length;
      const budgetMs = quick ? 500 : lines >= 10000 ? 3000 : 1500;
      const runs = { warmup: lines >= 10000 ? 1 : 10, min: lines >= 10000 ? 3 : 5, max: lines >= 10000 ? 30 : 300, budgetMs };
      let previous;
      const t = timeRuns(() => (previous = core.analyze(text, { path: g.path, previous })), runs);
      const pauses = await gc.pausesIn(t.from, t.to);
      const gcPerRun = pauses.ms / t.runs;
      const kept = timeRuns(() => core.analyze(text, { path: g.path }), { ...runs, budgetMs: budgetMs / 2 });
      const target = lines === 1000 ? TARGETS.doc1000 : lines === 10000 ? TARGETS.doc10000 : undefined;
      results.push({ kind: g.name, lines, bytes: text.length, findings, runs: t.runs, median: t.median, p95: t.p95, cpuMedian: t.cpuMedian, gcPerRun, keptMedian: kept.median, target });
      rows.push([g.name, lines, bytes(text.length), findings, t.runs, ms(t.median), ms(t.p95), ms(t.cpuMedian), ms(gcPerRun), ms(kept.median), target ? `≤ ${target}` : '', target ? (t.median <= target ? 'yes' : 'no') : '']);
    }
  }
  gc.stop();
  say(table(['document', 'lines', 'size', 'findings', 'runs', 'median ms', 'p95 ms', 'CPU ms', 'GC ms/run', 'tree kept ms', 'target', 'met'], rows));
  return results;
}

async function benchTyping(core, quick) {
  say('\n## Incremental typing: 1,000-line workflow, one-character edit, then analysis');
  const base = workflow(1000);
  const path = '.github/workflows/ci.yml';
  // Edits walk through the file: a character typed at the end of a line, then removed again, so the
  // text stays about the same size and every edit is new text (no cache of whole results could answer it;
  // the core's caches of per-string answers, such as tokenized scripts, do answer for the
  // unchanged parts, as they do in the editor).
  const lineEnds = [];
  for (let i = base.indexOf('\n'); i >= 0; i = base.indexOf('\n', i + 1)) lineEnds.push(i);
  let text = base;
  const edit = (i) => {
    const at = lineEnds[(i * 37) % lineEnds.length];
    text = i % 2 === 0 ? `${base.slice(0, at)}x${base.slice(at)}` : base.slice(0, at - 1) + base.slice(at);
    return text;
  };
  const gc = await gcRecorder();
  // As the extension does: the result of the version before the edit is handed over as `previous`.
  let previous;
  const t = timeRuns((i) => (previous = core.analyze(edit(i), { path, previous })), { warmup: 10, min: 10, max: 300, budgetMs: quick ? 500 : 2000 });
  const gcPerRun = (await gc.pausesIn(t.from, t.to)).ms / t.runs;
  gc.stop();
  say(table(['case', 'runs', 'median ms', 'p95 ms', 'CPU ms', 'GC ms/run'], [['edit + analyze', t.runs, ms(t.median), ms(t.p95), ms(t.cpuMedian), ms(gcPerRun)]]));
  return { runs: t.runs, median: t.median, p95: t.p95, cpuMedian: t.cpuMedian, gcPerRun };
}

async function benchWorkspace(options, cli) {
  say('\n## Workspace throughput: Plainsight CLI vs secretlint (preset-recommend) vs ripgrep, same files, interleaved rounds');
  const sets = [];
  const nm = join(REPO, 'node_modules');
  const nmFiles = listFiles(nm, isBenchFile);
  const nmList = join(RESULTS, 'workspace-node_modules.txt');
  writeList(nmList, REPO, nmFiles);
  const nmCopy = copyOutOfNodeModules(REPO, nmFiles);
  say(`node_modules: the files are scanned as copies in ${nmCopy.root}, with every node_modules folder renamed _node_modules, because secretlint skips paths under node_modules even when they are named`);
  sets.push({ name: 'node_modules', root: nmCopy.root, files: nmCopy.files, list: nmList });

  let corpusNote;
  let unpacked;
  if (options.noCorpus) corpusNote = 'corpus: skipped (--no-corpus)';
  else if (!existsSync(options.corpus)) corpusNote = `corpus: MISSING, no folder at ${options.corpus} (pass --corpus DIR, the shared corpus folder with unpack.sh); only node_modules was measured`;
  else {
    const u = unpackCorpus(options.corpus);
    if (u.error) corpusNote = `corpus: NOT MEASURED, ${u.error}`;
    else {
      unpacked = u.root;
      const files = listFiles(u.root);
      const list = join(RESULTS, 'workspace-corpus.txt');
      writeList(list, u.root, files);
      sets.push({ name: 'corpus', root: u.root, files, list });
      corpusNote = `corpus: ${options.corpus} unpacked with its unpack.sh`;
    }
  }
  say(corpusNote);

  const results = [];
  try {
    for (const set of sets) {
      const size = totalBytes(set.files);
      say(`${set.name}: ${set.files.length} files, ${bytes(size)} (list: ${set.list.slice(REPO.length + 1)})`);
      const r = compareTools({ repo: REPO, cli, files: set.files, cwd: set.root, budgetMs: options.quick ? 10000 : 40000 });
      const floor = await measureFloor({ repo: REPO, root: set.root, files: set.files, rounds: options.quick ? 1 : 3 });
      if (floor.files.length !== set.files.length) throw new Error(`the floor's child analysed ${floor.files.length} of the ${set.files.length} files`);
      results.push({ set: set.name, files: set.files.length, bytes: size, ...r, floor: { ...floor, files: floor.files.length } });
    }
  } finally {
    if (unpacked) rmSync(unpacked, { recursive: true, force: true });
    rmSync(nmCopy.root, { recursive: true, force: true });
  }
  const rows = results.map((r) => [
    r.set,
    r.files,
    bytes(r.bytes),
    r.rounds,
    ms(r.median.plainsight),
    ms(r.median.secretlint),
    ms(r.median.ripgrep),
    ratio(r.median.secretlint, r.median.plainsight),
    ratio(r.median.plainsight, r.median.ripgrep),
    r.cpuMedian?.plainsight === undefined ? '–' : `${ms(r.cpuMedian.plainsight)} / ${ms(r.cpuMedian.secretlint)} / ${ms(r.cpuMedian.ripgrep)}`,
    r.maxRssKiB ? (r.maxRssKiB / 1024).toFixed(0) : '–',
  ]);
  say(table(['files', 'count', 'size', 'rounds', 'plainsight ms', 'secretlint ms', 'ripgrep ms', 'secretlint/plainsight', 'plainsight/ripgrep', 'CPU ms (p / s / rg)', 'CLI max RSS MiB'], rows));
  say('\nThe floor of a scan by a fresh Node process with this core: node\'s start (`node -e 0`), reading the files as the CLI does, and');
  say('their analysis once V8 has warmed up (the 4th pass in one process). The CLI\'s time above is that plus loading the bundle,');
  say('collecting files and settings, and the cold first pass (V8 compiling and warming up). Medians of alternating runs.');
  say(
    table(
      ['files', 'node start ms', 'load ms', 'read ms', 'analysis cold ms', 'analysis warm ms', 'floor ms', 'floor/ripgrep', 'secretlint/floor'],
      results.map((r) => [r.set, ms(r.floor.nodeStart), ms(r.floor.load), ms(r.floor.read), ms(r.floor.cold), ms(r.floor.warm), ms(r.floor.floor), ratio(r.floor.floor, r.median.ripgrep), ratio(r.median.secretlint, r.floor.floor)]),
    ),
  );
  for (const r of results) if (!r.tools.includes('secretlint') || !r.tools.includes('ripgrep')) say(`note: ${r.set}: not measured: ${['secretlint', 'ripgrep'].filter((t) => !r.tools.includes(t)).join(', ')} (not installed)`);
  return { note: corpusNote, sets: results };
}

function benchBundle(build) {
  say('\n## Extension bundle and activation');
  // What VS Code does at activation: require `main` and call activate(), in fresh processes; then
  // the time until an open workflow's diagnostics are published, which includes loading what
  // activation deferred (dist/engine.js), and every file of the build that was loaded by then.
  const child = join(REPO, 'bench', 'lib', 'activate-child.cjs');
  const runs = [];
  for (let i = 0; i < 11; i++) {
    const r = spawnSync(process.execPath, [child, build.extension], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`activation run failed: ${r.stderr.slice(0, 400)}`);
    runs.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  const pick = (key) => median(runs.map((r) => r[key]));
  const activation = { requireMs: pick('requireMs'), activateMs: pick('activateMs'), totalMs: pick('totalMs'), cpuMs: pick('cpuMs'), firstAnalysisMs: pick('firstAnalysisMs'), firstAnalysisCpuMs: pick('firstAnalysisCpuMs'), engineLoadMs: pick('engineLoadMs') };
  const loaded = runs[0].loaded;
  const extensionBytes = statSync(build.extension).size;
  const loadedBytes = loaded.reduce((sum, f) => sum + f.bytes, 0);
  const webBytes = statSync(build.web).size;
  const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
  const met = (ok) => (ok ? 'yes' : 'no');
  say(
    table(
      ['measure', 'value', 'target', 'met'],
      [
        ['dist/extension.js (main; esbuild --production)', kib(extensionBytes), `≤ ${TARGETS.bundleKiB} KB`, met(extensionBytes <= TARGETS.bundleKiB * 1000)],
        [`all files loaded by the first analysis (${loaded.map((f) => f.file).join(' + ')})`, kib(loadedBytes), `≤ ${TARGETS.bundleKiB} KB`, met(loadedBytes <= TARGETS.bundleKiB * 1000)],
        ['dist/web/extension.js (web worker, one file)', kib(webBytes), '', ''],
        ['activation: require main (median of 11 fresh processes)', `${ms(activation.requireMs)} ms`, '', ''],
        ['activation: activate() with a fake vscode module', `${ms(activation.activateMs)} ms`, '', ''],
        ['activation: total (CPU time)', `${ms(activation.totalMs)} ms (${ms(activation.cpuMs)} ms)`, `≤ ${TARGETS.activationMs} ms`, met(activation.totalMs <= TARGETS.activationMs)],
        ['first analysis: require main to diagnostics of an open workflow (CPU time)', `${ms(activation.firstAnalysisMs)} ms (${ms(activation.firstAnalysisCpuMs)} ms)`, '', ''],
        ['  of which: loading dist/engine.js', `${ms(activation.engineLoadMs)} ms`, '', ''],
      ],
    ),
  );
  return { extensionBytes, loaded, loadedBytes, webBytes, activation };
}

// ---------------------------------------------------------------------------------------------

function summary(result) {
  const rows = [];
  const docs = result.docs ?? [];
  for (const d of docs.filter((d) => d.target)) rows.push([`${d.kind}, ${d.lines.toLocaleString('en')} lines: median (p95)`, `${ms(d.median)} (${ms(d.p95)}) ms`, `≤ ${d.target} ms`, d.median <= d.target ? 'yes' : 'no']);
  if (result.typing) rows.push(['1,000-line workflow, one-character edit: median (p95)', `${ms(result.typing.median)} (${ms(result.typing.p95)}) ms`, `≤ ${TARGETS.doc1000} ms`, result.typing.median <= TARGETS.doc1000 ? 'yes' : 'no']);
  for (const s of result.workspace?.sets ?? []) {
    const m = s.median;
    rows.push([`${s.set} (${s.files} files, ${bytes(s.bytes)}): plainsight / secretlint / ripgrep`, `${ms(m.plainsight)} / ${ms(m.secretlint)} / ${ms(m.ripgrep)} ms`, '', '']);
    if (Number.isFinite(m.secretlint)) rows.push([`${s.set}: speed-up over secretlint`, ratio(m.secretlint, m.plainsight), `≥ ${TARGETS.vsSecretlint}×`, m.secretlint / m.plainsight >= TARGETS.vsSecretlint ? 'yes' : 'no']);
    if (Number.isFinite(m.ripgrep)) rows.push([`${s.set}: time relative to ripgrep`, ratio(m.plainsight, m.ripgrep), `≤ ${TARGETS.vsRipgrep}×`, m.plainsight / m.ripgrep <= TARGETS.vsRipgrep ? 'yes' : 'no']);
    const c = s.cpuMedian ?? {};
    if (c.plainsight !== undefined) rows.push([`${s.set}: CPU time plainsight / secretlint / ripgrep`, `${ms(c.plainsight)} / ${ms(c.secretlint)} / ${ms(c.ripgrep)} ms (${ratio(c.secretlint, c.plainsight)} faster; ${ratio(c.plainsight, c.ripgrep)} of rg)`, '', ''],);
    const f = s.floor;
    if (f) rows.push([`${s.set}: floor of a fresh Node process (start + read + warm analysis)`, `${ms(f.floor)} ms (${ratio(f.floor, m.ripgrep)} of rg; ${ratio(m.secretlint, f.floor)} faster than secretlint)`, '', '']);
    if (s.maxRssKiB) rows.push([`${s.set}: CLI peak memory (max RSS)`, `${(s.maxRssKiB / 1024).toFixed(0)} MiB`, `≤ ${TARGETS.rssMiB} MB`, s.maxRssKiB * 1024 <= TARGETS.rssMiB * 1e6 ? 'yes' : 'no']);
  }
  if (result.bundle) {
    const { extensionBytes, loadedBytes, activation } = result.bundle;
    rows.push(['dist/extension.js (main), minified', `${(extensionBytes / 1024).toFixed(0)} KiB`, `≤ ${TARGETS.bundleKiB} KB`, extensionBytes <= TARGETS.bundleKiB * 1000 ? 'yes' : 'no']);
    rows.push(['all extension files loaded by the first analysis, minified', `${(loadedBytes / 1024).toFixed(0)} KiB`, `≤ ${TARGETS.bundleKiB} KB`, loadedBytes <= TARGETS.bundleKiB * 1000 ? 'yes' : 'no']);
    rows.push(['activation (require main + activate, fake vscode)', `${ms(activation.totalMs)} ms`, `≤ ${TARGETS.activationMs} ms`, activation.totalMs <= TARGETS.activationMs ? 'yes' : 'no']);
    rows.push(['first analysis of an open workflow (from require main)', `${ms(activation.firstAnalysisMs)} ms`, '', '']);
  }
  return rows;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  mkdirSync(RESULTS, { recursive: true });
  const started = performance.now();
  const load0 = loadavg()[0];
  const result = { date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, loadBefore: load0 };
  say(`Plainsight performance benchmark: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${load0.toFixed(2)}`);
  if (load0 > cpus().length) say(`warning: the machine is busy (load ${load0.toFixed(1)} on ${cpus().length} cores); wall times are inflated, CPU times less so`);

  const core = await loadCore(REPO);
  result.version = core.VERSION;
  if (options.only.has('docs')) result.docs = await benchDocuments(core, options.quick);
  if (options.only.has('typing')) result.typing = await benchTyping(core, options.quick);

  let build;
  try {
    if (options.only.has('workspace') || options.only.has('bundle')) {
      build = productionBuild(REPO);
      say(`\n(built the CLI and extension with esbuild.mjs --production in ${ms(build.ms)} ms)`);
    }
    if (options.only.has('workspace')) result.workspace = await benchWorkspace(options, build.cli);
    if (options.only.has('bundle')) result.bundle = benchBundle(build);
  } finally {
    if (build) rmSync(build.dir, { recursive: true, force: true });
  }

  result.loadAfter = loadavg()[0];
  result.totalSeconds = (performance.now() - started) / 1000;
  const rows = summary(result);
  const headers = ['measure', 'result', 'target', 'met'];
  say(`\n## Summary (load average ${load0.toFixed(1)} → ${result.loadAfter.toFixed(1)}, ${result.totalSeconds.toFixed(0)} s)`);
  say(table(headers, rows));
  result.summary = rows;

  const md = [`| ${headers.join(' | ')} |`, `| ${headers.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
  // A run of some sections only does not replace the full results.
  const name = options.only.size === SECTIONS.length && !options.quick ? 'perf-latest' : `perf-${[...options.only].join('-')}${options.quick ? '-quick' : ''}`;
  writeFileSync(join(RESULTS, `${name}.md`), `${md}\n`);
  writeFileSync(join(RESULTS, `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
  if (options.json) writeFileSync(resolve(options.json), `${JSON.stringify(result, null, 2)}\n`);
  say(`\nwrote bench/results/${name}.json and ${name}.md`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
