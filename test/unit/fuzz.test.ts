// Property-based fuzzing, the fast sample for every unit run (the long run is `npm run fuzz`).
// Seeded and reproducible: the seed is printed; FUZZ_SEED=<n> replays the same inputs. A failure
// prints the property that broke, the seed, and the input (fast-check's counterexample).
//
// Properties (test/fuzz/properties.ts): no exception escapes analyze, the parsers, tokenizeShell
// or findUrls; findings, parse errors, nodes and words lie inside their text; every fix applies
// cleanly, keeps all bytes outside its edits and leaves a clean file clean; the linear rewrites
// of redaction and source-range mapping agree with the implementations they replaced; a ~100 KB
// input is analysed within a generous time bound.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureCorpus, fuzzInput, hundredKb, noise, shellScript, url, fakeSecret, yamlDoc, jsonDoc, dotenvDoc, dockerfileDoc, hclDoc } from '../fuzz/generators';
import { analyzeSafely, checkAnalysis, checkParsers, checkShell, checkUrls, percentiles, referenceRedact } from '../fuzz/properties';
import { mask, redactor, redactUrlPasswords } from '../../src/core/mask';
import { sourceRange, type Node, type ScalarNode } from '../../src/core/parse/model';
import { parseFile } from '../../src/core/parse/index';
import { referenceSourceRange } from '../fuzz/reference';
import { replaceSpelled } from '../../src/core/rules/transport/edits';

const seed = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz seed: ${seed} (FUZZ_SEED=${seed} replays these inputs)`);
const corpus = fixtureCorpus();

function run<T>(name: string, arb: fc.Arbitrary<T>, numRuns: number, check: (value: T) => void): void {
  // endOnFailure: report the failing input as generated, without minutes of shrinking.
  const details = fc.check(fc.property(arb, (v) => void check(v)), { seed, numRuns, endOnFailure: true });
  if (details.failed) {
    const input = JSON.stringify(details.counterexample?.[0]);
    assert.fail(`${name}: ${(details.errorInstance as Error | undefined)?.message ?? 'failed'}\nseed ${seed}, run ${details.numRuns}; input (JSON, first 4000 chars):\n${input.slice(0, 4000)}`);
  }
}

test('fuzz: analyze on generated, damaged and mutated documents (no exception, ranges, fixes)', () => {
  run('analysis', fuzzInput(corpus), 400, (input) => void checkAnalysis(input));
});

test('fuzz: every parser on every input (no exception, ranges inside the text)', () => {
  run('parsers', fuzzInput(corpus), 250, (input) => checkParsers(input.text));
});

test('fuzz: tokenizeShell and wordSubRange on scripts and noise', () => {
  run('shell', fc.tuple(fc.oneof(shellScript, fc.string({ unit: 'grapheme', maxLength: 300 }), fc.array(fc.oneof(shellScript, noise)).map((a) => a.join(''))), fc.nat()), 500, ([s, cut]) => checkShell(s, cut));
});

test('fuzz: findUrls on URLs, noise and mixtures', () => {
  run('urls', fc.oneof(url, fc.string({ maxLength: 300 }), fc.array(fc.oneof(url, noise, fakeSecret)).map((a) => a.join(''))), 500, checkUrls);
});

test('fuzz: redactor (linear) gives exactly what the replaced quadratic redaction gave, and hides every secret', () => {
  const alphabet = fc.constantFrom(...'abAB01-_:/@ …'.split(''));
  const secret = fc.oneof(fc.string({ unit: alphabet, minLength: 1, maxLength: 9 }), fakeSecret);
  // A few secrets are looked for one by one, more than 16 (of 4 characters or more) by the automaton: both ways are compared.
  const many = fc.uniqueArray(fc.oneof(fc.string({ unit: alphabet, minLength: 4, maxLength: 9 }), fakeSecret), { minLength: 17, maxLength: 40 });
  const secrets = fc.oneof(fc.array(secret, { maxLength: 8 }), many);
  run('redaction', fc.tuple(secrets, fc.array(fc.oneof(secret, fc.string({ unit: alphabet, maxLength: 6 }), url), { maxLength: 10 })), 500, ([secrets, parts]) => {
    const text = parts.join('');
    const got = redactor(secrets)(text);
    assert.equal(got, referenceRedact(text, secrets, mask, redactUrlPasswords));
    // Whole secrets never survive (for secrets that cannot be rebuilt from a mask's own text).
    for (const s of secrets) if (s.length >= 4 && /^[A-Za-z0-9_-]+$/.test(s)) assert.ok(!got.includes(s) || !text.includes(s), `secret ${s} survived in ${got}`);
  });
});

test('fuzz: a mask counts code points as the spread of the string does (surrogate pairs once, lone halves once)', () => {
  const unit = fc.constantFrom('a', 'Z', '…', '\ud83d', '\ude00', '\ud83d\ude00', '\udc00', 'é');
  run('mask', fc.array(unit, { maxLength: 24 }).map((a) => a.join('')), 500, (s) => {
    const length = [...s].length;
    assert.equal(mask(s), `${s.slice(0, Math.min(4, Math.floor(length / 4)))}…(${length} chars)`);
  });
});

test('fuzz: sourceRange (walked once per scalar) agrees with the per-call walk it replaced', () => {
  const doc = fc.oneof(yamlDoc, jsonDoc, dotenvDoc, dockerfileDoc, hclDoc);
  run('sourceRange', fc.tuple(doc, fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 })), 300, ([d, picks]) => {
    for (const syntax of ['yaml', 'json', 'dotenv', 'dockerfile', 'hcl'] as const) {
      const scalars: ScalarNode[] = [];
      const stack: (Node | null)[] = parseFile(d.text, syntax).documents.map((x) => x.root);
      while (stack.length) {
        const n = stack.pop();
        if (!n) continue;
        if (n.kind === 'scalar') scalars.push(n);
        else if (n.kind === 'seq') stack.push(...n.items);
        else for (const p of n.pairs) stack.push(p.value, p.key);
      }
      if (scalars.length === 0) continue;
      for (const [i, a, b] of picks) {
        const node = scalars[i % scalars.length];
        const len = node.value.length + 2;
        const from = a % len;
        const to = from + (b % (len - from + 1));
        assert.deepEqual(sourceRange(d.text, node, from, to), referenceSourceRange(d.text, node, from, to), `${syntax} ${node.style} ${JSON.stringify(node.value.slice(0, 40))} [${from}, ${to})`);
      }
    }
  });
});

test('fuzz: ~100 KB inputs (pathological and realistic) are analysed within a generous bound', () => {
  // The budget is 50 ms of wall time (measured and reported by `npm run fuzz`). Here the bound is
  // 1 s of CPU time: the `yaml` parser alone spends ~9 µs per line, so the densest 100 KB YAML
  // (15,000 short lines) costs a few hundred ms of CPU on this machine, and wall time on a loaded
  // machine is a multiple of that. A hang or a quadratic blow-up still fails by orders of magnitude.
  const inputs = fc.sample(hundredKb, { seed, numRuns: 12 });
  const cpu: number[] = [];
  const wall: number[] = [];
  for (const input of inputs) {
    const before = process.cpuUsage();
    const { ms } = analyzeSafely(input.text, input.path);
    const used = process.cpuUsage(before);
    cpu.push((used.user + used.system) / 1000);
    wall.push(ms);
    assert.ok(cpu[cpu.length - 1] < 1000, `${input.path} (${JSON.stringify(input.text.slice(0, 40))}…, ${input.text.length} chars) took ${cpu[cpu.length - 1].toFixed(0)} ms of CPU`);
  }
  const c = percentiles(cpu);
  const w = percentiles(wall);
  console.log(`100 KB inputs: CPU p50 ${c.p50.toFixed(1)} ms, p99 ${c.p99.toFixed(1)} ms, max ${c.max.toFixed(1)} ms; wall max ${w.max.toFixed(1)} ms (${inputs.length} inputs)`);
});

test('inputs that once broke a property still hold them (test/fuzz/regressions)', () => {
  const dir = join(__dirname, '..', 'fuzz', 'regressions');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
  assert.ok(files.length > 0);
  for (const file of files) {
    const input = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { path: string; text: string };
    checkAnalysis(input);
  }
});

test('transport fixes edit only text that reads what the rule saw (an unmapped range is the whole value)', () => {
  const text = 'env:\n  - "NODE_TLS_REJECT_UNAUTHORIZED=0"\n';
  const value = { start: text.indexOf('"'), end: text.lastIndexOf('"') + 1 };
  const digit = { start: text.indexOf('=0') + 1, end: text.indexOf('=0') + 2 };
  assert.deepEqual(replaceSpelled(text, digit, '0', '1'), { start: digit.start, end: digit.end, newText: '1' });
  assert.equal(replaceSpelled(text, value, '0', '1'), undefined);
  assert.deepEqual(replaceSpelled('k: "False"\n', { start: 3, end: 10 }, 'false', 'true'), { start: 3, end: 10, newText: 'true' });
});
