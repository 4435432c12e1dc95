// `npm run fuzz`: the long fuzzing run. At least 100,000 inputs by default across the properties
// of test/fuzz/properties.ts, then time bounds on ~100 KB inputs.
//
//   FUZZ_SEED=<n>      replay a run (the seed is printed at the start and on failure)
//   FUZZ_RUNS=<n>      total inputs for the property phase (default 100000)
//   FUZZ_LARGE=<n>     ~100 KB inputs for the time phase (default 300)
//
// Exit status 1 when a property fails (the input is written to a JSON file whose path is
// printed); 2 when only the time budget is missed: some ~100 KB input's median wall time over
// three analyses is over FUZZ_BUDGET_MS (default 50). The distribution and the slowest inputs are
// printed either way.
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
    // Few secrets are looked for one by one, more than 16 by the automaton: both ways are compared.
    property: fc.property(fc.tuple(fc.oneof(fc.array(fakeSecret, { maxLength: 6 }), fc.uniqueArray(fakeSecret, { minLength: 17, maxLength: 30 })), fc.array(fc.oneof(fakeSecret, url, noise), { maxLength: 8 })), ([secrets, parts]) => {
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

// Time bounds on ~100 KB inputs. Each input is analysed once to warm up, then three times: the
// first of those is what one analysis costs when it happens to meet a garbage collection of
// everything the run has allocated so far (fast-check's values, earlier inputs); the median of
// the three is what analysing that input costs. The budget applies to every input's median.
// What the property phase left on the heap (100,000 inputs' worth of fast-check values) is collected
// first when the run allows it (`npm run fuzz` passes --expose-gc), so that it is not collected in
// the middle of one input's timings.
(globalThis as { gc?: () => void }).gc?.();
const single: number[] = [];
const medians: number[] = [];
const cpu: number[] = [];
const slow: { ms: number; first: number; path: string; head: string }[] = []; // every input, sorted at the end
for (const input of fc.sample(hundredKb, { seed, numRuns: largeRuns })) {
  analyzeSafely(input.text, input.path);
  const before = process.cpuUsage();
  const runs = [0, 1, 2].map(() => analyzeSafely(input.text, input.path).ms);
  const used = process.cpuUsage(before);
  const median = [...runs].sort((a, b) => a - b)[1];
  single.push(runs[0]);
  medians.push(median);
  cpu.push((used.user + used.system) / 3000);
  slow.push({ ms: median, first: runs[0], path: input.path, head: JSON.stringify(input.text.slice(0, 32)) });
}
const one = percentiles(single);
const m = percentiles(medians);
const c = percentiles(cpu);
console.log(`100 KB phase: ${medians.length} inputs`);
console.log(`  one run:           p50 ${one.p50.toFixed(1)} ms, p99 ${one.p99.toFixed(1)} ms, max ${one.max.toFixed(1)} ms`);
console.log(`  median of 3 runs:  p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms, max ${m.max.toFixed(1)} ms`);
console.log(`  CPU (mean of 3):   p50 ${c.p50.toFixed(1)} ms, p99 ${c.p99.toFixed(1)} ms, max ${c.max.toFixed(1)} ms`);
console.log('  slowest (median of 3):');
for (const x of slow.sort((a, b) => b.ms - a.ms).slice(0, 8)) console.log(`  ${x.ms.toFixed(0).padStart(6)} ms median, ${x.first.toFixed(0).padStart(4)} ms first  ${x.path}  ${x.head}`);
console.log(`total: ${done + medians.length} inputs in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const over = medians.filter((x) => x > budget).length;
console.log(`time budget: ${over === 0 ? `every input's median is within ${budget} ms` : `${over} of ${medians.length} inputs have a median OVER ${budget} ms`} (slowest ${m.max.toFixed(1)} ms)`);
console.log(failed ? 'RESULT: a property failed' : over > 0 ? 'RESULT: properties hold; time budget missed' : 'RESULT: properties hold; within the time budget');
process.exitCode = failed ? 1 : over > 0 ? 2 : 0;
