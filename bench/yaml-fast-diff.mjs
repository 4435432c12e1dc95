// Differential check of the fast YAML reader over a folder tree (a dev tool, not a unit test):
// for every .yml/.yaml file, the fast reader must either decline or produce exactly what the
// `yaml`-package path produces. Prints the file count, the fast-path rate and every mismatch.
//
//   node bench/yaml-fast-diff.mjs <dir> [<dir>...]
//   node bench/yaml-fast-diff.mjs --time     parse time before/after on generated workflows
//
// Exits 1 when any file mismatches. Runs the TypeScript sources through tsx.
import { register } from 'tsx/cjs/api';
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

register();
const require = createRequire(import.meta.url);
const { parseYamlFast } = require('../src/core/parse/yaml-fast.ts');
const { parseYaml, parseYamlPackage } = require('../src/core/parse/yaml.ts');

function yamlFiles(dir, out) {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    const stat = statSync(full, { throwIfNoEntry: false });
    if (stat?.isDirectory()) yamlFiles(full, out);
    else if (stat?.isFile() && /\.ya?ml$/i.test(name)) out.push(full);
  }
  return out;
}

/** Deep copy without parent links (they make the trees cyclic). */
function strip(value) {
  if (Array.isArray(value)) return value.map(strip);
  if (!value || typeof value !== 'object') return value;
  const out = {};
  for (const [k, v] of Object.entries(value)) if (k !== 'parent') out[k] = strip(v);
  return out;
}

/** The first place two JSON texts differ, with some context. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 160);
  return `    fast: ${a.slice(from, i + 120)}\n    yaml: ${b.slice(from, i + 120)}`;
}

/** Warm medians of wall and CPU time per call, in milliseconds (CPU time: the machine is shared). */
function time(fn, runs) {
  for (let i = 0; i < runs; i++) fn();
  const wall = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1].toFixed(3);
  return `wall ${median(wall)} ms, cpu ${median(cpu)} ms`;
}

if (process.argv[2] === '--time') {
  const { workflow } = await import('./lib/generate.mjs');
  for (const lines of [1000, 10000]) {
    const text = workflow(lines);
    const runs = lines === 1000 ? 300 : 30;
    console.log(`workflow ${lines} lines (${text.length} chars), fast path ${parseYamlFast(text) ? 'taken' : 'NOT taken'}`);
    console.log(`  before (yaml package): ${time(() => parseYamlPackage(text), runs)}`);
    console.log(`  after  (parseYaml):    ${time(() => parseYaml(text), runs)}`);
  }
  process.exit(0);
}

const dirs = process.argv.slice(2);
if (dirs.length === 0) {
  console.error('usage: node bench/yaml-fast-diff.mjs <dir> [<dir>...]');
  process.exit(2);
}
const files = dirs.flatMap((d) => yamlFiles(d, []));
let fast = 0;
const mismatches = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const mine = parseYamlFast(text);
  if (!mine) continue;
  fast++;
  const a = strip(mine);
  const b = strip(parseYamlPackage(text));
  if (!isDeepStrictEqual(a, b)) mismatches.push({ file, detail: firstDifference(JSON.stringify(a), JSON.stringify(b)) });
}
for (const m of mismatches) console.log(`MISMATCH ${m.file}\n${m.detail}`);
const rate = files.length ? ((100 * fast) / files.length).toFixed(1) : '0.0';
console.log(`files: ${files.length}  fast path: ${fast} (${rate}%)  mismatches: ${mismatches.length}`);
process.exit(mismatches.length ? 1 : 0);
