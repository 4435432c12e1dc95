// `npm run fuzz`: the long fuzzing run. At least 100,000 inputs by default across the properties
// of test/fuzz/properties.ts, then time bounds on ~100 KB inputs.
//
//   FUZZ_SEED=<n>      replay a run (the seed is printed at the start and on failure)
//   FUZZ_RUNS=<n>      total inputs for the property phase (default 100000)
//   FUZZ_LARGE=<n>     ~100 KB inputs for the time phase (default 300)
//
// Exit status 1 when a property fails (the input is written to a JSON file whose path is
// printed); 2 when only the time budget is missed: the 99th percentile of wall time per ~100 KB
// input is over FUZZ_BUDGET_MS (default 50). The distribution and the slowest inputs are printed
// either way.
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeSecret, fixtureCorpus, fuzzInput, hundredKb, noise, shellScript, url } from './generators';
import { analyzeSafely, checkAnalysis, checkParsers, checkShell, checkUrls, percentiles, referenceRedact } from './properties';
import { mask, redactor, redactUrlPasswords } from '../../src/core/mask';

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const total = Number(process.env.FUZZ_RUNS ?? 100_000);
const largeRuns = Number(process.env.FUZZ_LARGE ?? 300);
const budget = Number(process.env.FUZZ_BUDGET_MS ?? 50);
const corpus = fixtureCorpus();

console.log(`plainsight fuzz: seed ${seed} (FUZZ_SEED=${seed} npm run fuzz replays it), ${total} inputs, ${corpus.length} fixtures to mutate`);

interface Phase {
  name: string;
  share: number;
  property: fc.IProperty<[unknown]>;
}

const phases: Phase[] = [
  { name: 'analyze (findings, ranges, fixes)', share: 0.4, property: fc.property(fuzzInput(corpus), (i) => void checkAnalysis(i)) as fc.IProperty<[unknown]> },
  { name: 'parsers (all syntaxes, any input)', share: 0.2, property: fc.property(fuzzInput(corpus), (i) => checkParsers(i.text)) as fc.IProperty<[unknown]> },
  {
    name: 'tokenizeShell / wordSubRange',
    share: 0.2,
    property: fc.property(fc.tuple(fc.oneof(shellScript, fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(fc.oneof(shellScript, noise)).map((a) => a.join(''))), fc.nat()), ([s, cut]) => checkShell(s, cut)) as fc.IProperty<[unknown]>,
  },
  { name: 'findUrls', share: 0.15, property: fc.property(fc.oneof(url, fc.string({ maxLength: 300 }), fc.array(fc.oneof(url, noise, fakeSecret)).map((a) => a.join(''))), checkUrls) as fc.IProperty<[unknown]> },
  {
    name: 'redaction = reference',
    share: 0.05,
    property: fc.property(fc.tuple(fc.array(fakeSecret, { maxLength: 6 }), fc.array(fc.oneof(fakeSecret, url, noise), { maxLength: 8 })), ([secrets, parts]) => {
      const text = parts.join('');
      if (redactor(secrets)(text) !== referenceRedact(text, secrets, mask, redactUrlPasswords)) throw new Error('redaction: differs from the reference');
    }) as fc.IProperty<[unknown]>,
  },
];

let failed = false;
const started = performance.now();
let done = 0;
for (const [i, phase] of phases.entries()) {
  const runs = Math.max(1, Math.round(total * phase.share));
  const t0 = performance.now();
  // Each phase gets its own seed derived from the run's, so phases can be replayed alone.
  const details = fc.check(phase.property, { seed: seed + i, numRuns: runs, endOnFailure: true });
  const secs = (performance.now() - t0) / 1000;
  done += details.numRuns;
  console.log(`  ${phase.name.padEnd(36)} ${String(details.numRuns).padStart(7)} inputs  ${(details.numRuns / secs).toFixed(0).padStart(6)}/s  ${secs.toFixed(1)} s${details.failed ? '  FAILED' : ''}`);
  if (details.failed) {
    failed = true;
    const file = join(tmpdir(), `plainsight-fuzz-${seed}-${i}.json`);
    writeFileSync(file, JSON.stringify({ seed: seed + i, phase: phase.name, error: String(details.errorInstance), input: details.counterexample?.[0] }, null, 2));
    console.log(`    ${(details.errorInstance as Error | undefined)?.message.split('\n')[0]}\n    input written to ${file}`);
  }
}
const secs = (performance.now() - started) / 1000;
console.log(`property phase: ${done} inputs in ${secs.toFixed(1)} s (${(done / secs).toFixed(0)} inputs/s)`);

// Time bounds on ~100 KB inputs: wall and CPU time per analysis (each analysed once to warm up).
const wall: number[] = [];
const cpu: number[] = [];
const slow: { ms: number; path: string; head: string }[] = [];
for (const input of fc.sample(hundredKb, { seed, numRuns: largeRuns })) {
  analyzeSafely(input.text, input.path);
  const before = process.cpuUsage();
  const { ms } = analyzeSafely(input.text, input.path);
  const used = process.cpuUsage(before);
  wall.push(ms);
  cpu.push((used.user + used.system) / 1000);
  if (ms > budget) slow.push({ ms, path: input.path, head: JSON.stringify(input.text.slice(0, 32)) });
}
const w = percentiles(wall);
const c = percentiles(cpu);
console.log(`100 KB phase: ${wall.length} inputs; wall p50 ${w.p50.toFixed(1)} ms, p99 ${w.p99.toFixed(1)} ms, max ${w.max.toFixed(1)} ms; CPU p50 ${c.p50.toFixed(1)} ms, p99 ${c.p99.toFixed(1)} ms, max ${c.max.toFixed(1)} ms; ${slow.length} over ${budget} ms`);
for (const s of slow.sort((a, b) => b.ms - a.ms).slice(0, 10)) console.log(`  ${s.ms.toFixed(0).padStart(6)} ms  ${s.path}  ${s.head}`);
console.log(`total: ${done + wall.length} inputs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const overBudget = w.p99 > budget;
console.log(`time budget: p99 ${w.p99.toFixed(1)} ms ${overBudget ? 'is OVER' : 'is within'} ${budget} ms`);
console.log(failed ? 'RESULT: a property failed' : overBudget ? 'RESULT: properties hold; time budget missed' : 'RESULT: properties hold; within the time budget');
process.exitCode = failed ? 1 : overBudget ? 2 : 0;
