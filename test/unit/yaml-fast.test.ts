// Differential test of the fast YAML reader: wherever it answers, its documents and comments must
// equal those of the `yaml`-package path exactly (ranges included). Inputs: every YAML fixture,
// the bench generators' documents, seeded mutations of both (line deletions and copies,
// indentation changes, inserted comments, quotes, anchors, tabs, markers, indicators...),
// seeded random block YAML, and a few inputs whose ranges are easy to get wrong. The fast
// comment scanner is checked against yamlComments on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseYamlFast, fastComments } from '../../src/core/parse/yaml-fast';
import { parseYamlPackage, yamlComments } from '../../src/core/parse/yaml';
import { strip } from './helpers/tree';

// A non-literal specifier: the bench generators are plain JavaScript without type declarations.
const generatePath = '../../bench/lib/generate.mjs';
type Generator = { name: string; make: (lines: number) => string };
const generators = async (): Promise<Generator[]> => ((await import(generatePath)) as { GENERATORS: Generator[] }).GENERATORS;

const FIXTURES = join(__dirname, '..', 'fixtures');
const SEED = 20260529;

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

/** True when the fast path answered; fails when its answer differs from the package's. */
function agrees(text: string, label: string): boolean {
  const fast = parseYamlFast(text);
  if (!fast) return false;
  assert.deepStrictEqual(strip(fast), strip(parseYamlPackage(text)), `${label}: ${JSON.stringify(text.slice(0, 2000))}`);
  return true;
}

const fixtures = yamlFiles(FIXTURES).map((file) => ({ file, text: readFileSync(file, 'utf8') }));

test('yaml-fast: every fixture either falls back or matches, and most take the fast path', () => {
  let fast = 0;
  for (const { file, text } of fixtures) if (agrees(text, file)) fast++;
  const rate = fast / fixtures.length;
  console.log(`yaml-fast: fast path on ${fast}/${fixtures.length} fixture YAML files (${(100 * rate).toFixed(1)}%)`);
  assert.ok(fixtures.length > 50, 'fixtures found');
  assert.ok(rate >= 0.8, `fast-path rate ${rate}`);
});

test('yaml-fast: the bench generators take the fast path and match', async () => {
  for (const g of await generators()) {
    for (const lines of [40, 300, 1000]) assert.ok(agrees(g.make(lines), `${g.name}(${lines})`), `${g.name}(${lines}) fell back`);
  }
});

// Inputs where the package's ranges or errors are easy to get wrong.
const TRICKY = [
  'a:\n  b:\n    c: 1\n    # x\n  d: 2\n',
  'a:\n  b:\n    c: 1\n      # x\n\n  # y\nd: 2\n',
  'a:\n  - x\n  # c\nb: 1\n',
  'a:\n  b: *x\n\n    # c\n  # d\n',
  'a:\n  b:\n\n  # c\n\n  d: 1\n',
  'a:\n\n\n# c\n---\nb: 1\n',
  'a:\n# c\n---\nb:\n\n # x\n\n\n---\n',
  'a: |\n  x\n\n  y\n\n\n# c\nb: >-\n  folded\n  text\n\n   more\n  end\n',
  'k: |\n    x\n  \n     \nz: 1\n',
  'x: !Ref abc\ny: !Sub |\n  s\nz: &a [1, "2"]\nw: *a\nk: !If [c, {"Fn::Sub": x}, !Ref y]  # c\n   # d\n',
  'a: b\n  c\n\n  d # e\nf: 1\n',
  '--- # c\na: ~\nb: Null\nc: 0o17\nd: 0x1F\ne: -.5\nf: 1e3\ng: .NaN\nh: TRUE\ni: 1_0\n...\n---\n',
  '\ufeff- a\n',
  '\ufeff---\na: 1\r\nb:\r\n  - x\r\n  # c\r\n',
  // Aliases inside flow collections, and runs of blank lines between comments and keys.
  'a: &x [*x, *y , {k: *z }]\n',
  'a: [ *x ]  # c\nb: [*y,*z]\n',
  'a:\n\n\n  # c\n\n\n  b: 1\n\n\n# d\n\n\nc:\n\n\n\nd: x\n\n\n  y\n',
];

test('yaml-fast: tricky inputs either fall back or match', () => {
  let fast = 0;
  for (const text of TRICKY) if (agrees(text, 'tricky')) fast++;
  assert.ok(fast >= TRICKY.length - 1, `${fast} of ${TRICKY.length} took the fast path`);
});

const PIECES = [
  ' ', '  ', '\n', '# c', ' # c', '\n# c\n', '\n    # c\n', '\n\n', '-', '- ', '  - ', ': ', ':', '?', '? ', '|', '|-', '|+', '>', '>-', '|2',
  '[', ']', '{', '}', ',', '[a, b]', '{a: 1}', '"', "'", '"a\\tb"', "'a''b'", '\\', '&a ', '*a', '!Ref ', '!!str ', '!', '---\n', '...\n', '--- ',
  '\t', '\r', '\r\n', '\ufeff', '%YAML 1.2\n', '@', '`', '~', 'null', 'true', 'False', '0x1F', '0o17', '1e3', '-.5', '.inf', '.NaN', '12',
  'k: v\n', 'k:\n', 'k: |+\n  x\n\n', '- a\n', 'x\n  y', '\n   more', 'é', '\u2028',
  '!If [a, !Ref b]', '{a: [1, {b: c}]}', '[[x] , y]', '[!Ref x]', '!Sub ',
];
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), piece: fc.constantFrom(...PIECES) }),
  fc.record({ kind: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('copyLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
  fc.record({ kind: fc.constant('deleteChars' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = m.at % lines.length;
  const at = m.at % (text.length + 1);
  switch (m.kind) {
    case 'insert':
      return text.slice(0, at) + m.piece + text.slice(at);
    case 'deleteLine':
      lines.splice(line, 1);
      return lines.join('\n');
    case 'copyLine':
      lines.splice(line, 0, lines[line]);
      return lines.join('\n');
    case 'indent': {
      const current = lines[line].length - lines[line].trimStart().length;
      lines[line] = ' '.repeat(Math.max(0, current + m.by)) + lines[line].trimStart();
      return lines.join('\n');
    }
    case 'deleteChars':
      return text.slice(0, at) + text.slice(at + m.length);
  }
}

test('yaml-fast: seeded mutations either fall back or match', async () => {
  // Small bases keep the package path (the reference) quick.
  const bases = [...fixtures.map((f) => f.text).filter((t) => t.length < 3000), ...(await generators()).map((g) => g.make(40))];
  let fast = 0;
  let runs = 0;
  fc.assert(
    fc.property(fc.nat(bases.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (b, ms) => {
      const text = ms.reduce(mutate, bases[b]);
      runs++;
      if (agrees(text, 'mutated')) fast++;
    }),
    { seed: SEED, numRuns: 3000, endOnFailure: true },
  );
  console.log(`yaml-fast: fast path on ${fast}/${runs} mutated documents`);
  assert.ok(fast > runs / 5, 'mutations still exercise the fast path');
});

/**
 * Random block YAML: maps, sequences, compact and nested ones, empty values, block scalars,
 * continued plain scalars, and blank and comment lines at random indentations between them.
 */
function randomYaml(rand: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const out: string[] = [];
  const scalars = ['x', 'a b', '1', '0x1F', 'true', '~', '"q"', "'s'", '*a', '&a v', '!Ref r', '[1, b]', '{k: [v]}', 'a#b', '"a # b"'];
  const tail = (): string => (rand() < 0.15 ? ' # t' : rand() < 0.05 ? '  ' : '');
  const noise = (indent: number): void => {
    while (rand() < 0.35) out.push(rand() < 0.4 ? pick(['', ' ', '   ']) : `${' '.repeat(Math.max(0, indent + Math.floor(rand() * 7) - 3))}# c`);
  };
  const scalar = (head: string, indent: number): void => {
    out.push(`${head}${pick(scalars)}${tail()}`);
    if (rand() < 0.1) out.push(`${' '.repeat(indent + 1 + Math.floor(rand() * 3))}more`);
  };
  const block = (head: string, indent: number): void => {
    out.push(`${head}${pick(['|', '|-', '|+', '>', '>-', '>+'])}${tail()}`);
    const body = indent + 2 + Math.floor(rand() * 2);
    for (let i = 0; i <= Math.floor(rand() * 3); i++) {
      out.push(' '.repeat(body + (rand() < 0.2 ? 2 : 0)) + pick(['l1', 'l 2', '# not', 'x: y']));
      if (rand() < 0.3) out.push(pick(['', ' '.repeat(body), ' '.repeat(body + 3)]));
    }
  };
  const map = (indent: number, depth: number, first?: string): void => {
    for (let i = 0; i <= Math.floor(rand() * 3); i++) {
      const head = `${i === 0 && first !== undefined ? first : ' '.repeat(indent)}${pick(['k', '"q k"', 'on', '1'])}${i}:`;
      const r = depth > 3 ? 0 : rand();
      if (r < 0.45) scalar(`${head} `, indent);
      else if (r < 0.55) out.push(head + tail());
      else if (r < 0.85) {
        out.push(head + tail());
        noise(indent);
        if (r < 0.7) map(indent + 2, depth + 1);
        else seq(indent + (rand() < 0.5 ? 0 : 2), depth + 1);
      } else block(`${head} `, indent);
      noise(indent);
    }
  };
  const seq = (indent: number, depth: number, first?: string): void => {
    for (let i = 0; i <= Math.floor(rand() * 3); i++) {
      const head = `${i === 0 && first !== undefined ? first : ' '.repeat(indent)}- `;
      const r = depth > 3 ? 0 : rand();
      if (r < 0.5) scalar(head, indent);
      else if (r < 0.75) map(indent + 2, depth + 1, head);
      else if (r < 0.85) seq(indent + 2, depth + 1, head);
      else if (r < 0.92) block(head, indent);
      else {
        out.push(head.trimEnd());
        noise(indent);
        map(indent + 2, depth + 1);
      }
      noise(indent);
    }
  };
  for (let d = 0; d <= Math.floor(rand() * 2); d++) {
    if (d > 0 || rand() < 0.3) out.push(pick(['---', '--- # d', '---  ']));
    noise(0);
    if (rand() < 0.8) (rand() < 0.7 ? map : seq)(0, 0);
    noise(0);
    if (rand() < 0.15) out.push('...');
  }
  return out.join(rand() < 0.1 ? '\r\n' : '\n') + (rand() < 0.8 ? '\n' : '');
}

test('yaml-fast: random block YAML either falls back or matches', () => {
  let state = SEED;
  const rand = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
  let fast = 0;
  const runs = 3000;
  for (let i = 0; i < runs; i++) if (agrees(randomYaml(rand), 'random')) fast++;
  console.log(`yaml-fast: fast path on ${fast}/${runs} random documents`);
  assert.ok(fast > runs / 4, 'random documents exercise the fast path');
});

test('yaml-fast: fastComments equals yamlComments', () => {
  for (const { file, text } of fixtures) assert.deepStrictEqual(fastComments(text), yamlComments(text), file);
  const chars = fc.constantFrom(' ', ' ', '\t', '\n', '\r', '#', '#', '"', "'", '\\', '|', '>', '+', '-', '2', ':', '[', '{', ',', '?', 'a', 'b', '\u2028', '\u00a0', '\ufeff');
  fc.assert(
    fc.property(fc.array(chars, { maxLength: 80 }).map((cs) => cs.join('')), (text) => {
      assert.deepStrictEqual(fastComments(text), yamlComments(text));
    }),
    { seed: SEED, numRuns: 5000, endOnFailure: true },
  );
});
