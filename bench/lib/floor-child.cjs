// Run by floor.mjs in a fresh process: node floor-child.cjs CORE LIST PASSES
// Sets the CLI's V8 flags, loads the core bundle, reads every file of LIST (one path a line) the way
// the CLI reads it, then analyses them all PASSES times in a row. Prints one JSON line of times
// in ms: load, read, and each pass (the first is cold, the later ones warm), with the kind and
// finding count of each file (from the last pass) so a test can check what was analysed.
const t0 = performance.now();
const [core, list, passes] = process.argv.slice(2);
const lib = require(core);
lib.tuneV8ForScans();
const t1 = performance.now();
const paths = require('node:fs').readFileSync(list, 'utf8').split('\n').filter(Boolean);
const texts = [];
for (const path of paths) {
  const read = lib.readForAnalysisSync(path, lib.DEFAULT_MAX_FILE_SIZE);
  if ('text' in read) texts.push({ path, text: read.text });
}
const t2 = performance.now();
const times = [];
let analysed = [];
for (let p = 0; p < Number(passes); p++) {
  const s = performance.now();
  analysed = texts.map(({ path, text }) => lib.analyze(text, { path }));
  times.push(performance.now() - s);
}
const files = analysed.map((r) => [r.kind, r.findings.length]);
console.log(JSON.stringify({ loadMs: t1 - t0, readMs: t2 - t1, passes: times, files }));
