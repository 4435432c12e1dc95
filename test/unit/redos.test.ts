// ReDoS: every regular expression of the project is checked with recheck, and user-supplied
// custom patterns are refused when unsafe (src/core/custom-patterns*.ts).
//
// What is collected (test/fuzz/regexes.ts): regex literals and literal `new RegExp(...)` calls in
// every .ts file under src/ (TypeScript AST), plus RegExp objects reachable from the exports of
// every module under src/core (the provider token catalog and anything built at load time).
// What it cannot see: regexes built at run time from data. Those call sites are listed by the
// extractor and must appear in DYNAMIC below with a worst-case stand-in check, so a new one
// fails this test until someone looks at it.
//
// Verdicts come from test/fuzz/redos-check.ts (automaton checker first, fuzzing only where the
// automaton cannot decide) and are cached in test/fuzz/redos-cache.json: a cold run checks
// ~600 patterns and takes minutes; afterwards only new or changed patterns are checked.
// `unknown` verdicts fail only when recheck timed out; other unknowns are logged. Verdicts are
// cached per pattern (timeouts too: REDOS_RETRY=1 checks those again).
import { test, before } from 'node:test';
import ignore from 'ignore';
import assert from 'node:assert/strict';
import { check } from 'recheck';
import { allRegexes, loadStandaloneFunction, relaxRepeats, type DynamicRegex, type FoundRegex } from '../fuzz/regexes';
import { cacheKey, saveCache, verdictsOf, verdictOf, type Verdict } from '../fuzz/redos-check';
import { compileCustomPattern, structuralCheck, MAX_PATTERN_LENGTH } from '../../src/core/custom-patterns';
import { compileCustomPatternChecked, withoutCaptures } from '../../src/core/custom-patterns-recheck';

let regexes: FoundRegex[] = [];
let dynamic: DynamicRegex[] = [];
let verdicts = new Map<string, Verdict>();

before(async () => {
  ({ regexes, dynamic } = await allRegexes());
  const started = Date.now();
  const result = await verdictsOf(regexes);
  verdicts = result.verdicts;
  if (result.fresh > 0) {
    saveCache(verdicts);
    console.log(`redos: checked ${result.fresh} new pattern(s) with recheck in ${Date.now() - started} ms; ${regexes.length - result.fresh} from the cache`);
  }
});

type Owner = 'infrastructure' | 'rules' | 'other';

/** Who fixes a regex: the engine and parsers (this suite's owner), the rule owners, or others. */
function ownerOf(r: FoundRegex): Owner {
  const file = r.where.replace(/[:#].*$/, '');
  if (file.startsWith('src/core/rules/')) return 'rules';
  if (/^src\/core\/(parse|shell)\//.test(file) || /^src\/core\/[^/]+$/.test(file)) return 'infrastructure';
  return 'other';
}

function problems(owner: Owner): string[] {
  const out: string[] = [];
  for (const r of regexes.filter((x) => ownerOf(x) === owner)) {
    const v = verdicts.get(cacheKey(r.source, r.flags));
    const shown = `/${r.source.length > 160 ? `${r.source.slice(0, 157)}...` : r.source}/${r.flags}`;
    if (!v) out.push(`${r.where} ${shown}: no verdict`);
    else if (v.status === 'vulnerable') out.push(`${r.where} ${shown}: ${v.complexity} (${v.how}); attack: ${v.attack.slice(0, 120)}`);
    else if (v.status === 'unknown' && v.reason === 'timeout') out.push(`${r.where} ${shown}: recheck timed out (${v.how}; REDOS_RETRY=1 checks again)`);
    else if (v.status === 'unknown') console.log(`redos: not decided, not a failure: ${r.where} ${shown}: ${v.reason}`);
  }
  return out;
}

test('the collector finds the project regexes (literals, RegExp calls and the token catalog)', () => {
  // Guards the guard: if the extractor broke, every check below would pass vacuously.
  assert.ok(regexes.length > 200, `only ${regexes.length} regexes found`);
  const files = new Set(regexes.map((r) => r.where.replace(/:.*$/, '')));
  for (const f of ['src/core/urls.ts', 'src/core/suppress.ts', 'src/core/rules/secret/catalog/providers.ts', 'src/core/parse/dockerfile.ts']) assert.ok(files.has(f), `no regex collected from ${f}`);
});

test('recheck flags a known catastrophic pattern (the checker is live)', async () => {
  const v = await verdictOf('^(a+)+$', '');
  assert.equal(v.status, 'vulnerable');
});

test('relaxRepeats only widens bounded repeats outside character classes', () => {
  assert.equal(relaxRepeats('a{2,5}[x{1,2}]b{3}c{0,}\\{1,2}'), 'a+[x{1,2}]b{3}c*\\{1,2}');
});

test('no ReDoS in the engine, parsers, masking, suppression, URLs, classification (infrastructure)', () => {
  const found = problems('infrastructure');
  assert.deepEqual(found, [], `vulnerable infrastructure regexes:\n${found.join('\n')}`);
});

test('no ReDoS in rules (src/core/rules/**; the rule owners fix these)', () => {
  const found = problems('rules');
  assert.deepEqual(found, [], `vulnerable rule regexes (rule owners: make each linear, e.g. bound or anchor the repeat):\n${found.join('\n')}`);
});

test('no ReDoS in fixes, platforms, outputs, the CLI and the adapter', () => {
  const found = problems('other');
  assert.deepEqual(found, [], `vulnerable regexes outside core infrastructure and rules:\n${found.join('\n')}`);
});

/**
 * Regexes built at run time: where, and how each is checked. A new dynamic site fails the last
 * test until it is added here.
 */
const DYNAMIC: Record<string, string> = {
  // Heredoc terminator: the name is [A-Za-z_]+ (checked in the parser), so any name gives the same shape.
  'src/core/parse/hcl.ts': 'heredoc',
  // Recompiles each catalog pattern with `g` and with `y` (provider-tokens.ts is its only user): the
  // catalog literals themselves are checked above, and neither flag changes backtracking.
  'src/core/rules/secret/anchored-search.ts': 'catalog',
  // Anchors each publishable catalog pattern (`^(?:…)$`) to recognise a whole value: same literals.
  'src/core/rules/secret/values.ts': 'catalog',
  // The user's own custom pattern: compileCustomPattern is the ReDoS gate for it (tested below).
  'src/core/custom-patterns.ts': 'custom',
  // The same custom pattern once compileCustomPattern accepted it, with `g` (and `d`) added: flags that do not change backtracking.
  'src/core/custom-pattern-specs.ts': 'custom',
};

test('regexes built at run time are all known (a new one needs a worst-case check here)', () => {
  const unknown = dynamic.filter((d) => !(d.where.replace(/:.*$/, '') in DYNAMIC));
  assert.deepEqual(unknown, [], 'add each to DYNAMIC in test/unit/redos.test.ts with a check of its worst case');
});

test('dynamic: the HCL heredoc terminator is linear for any name', async () => {
  const d = await check('^[ \\t]*EOF_MARKER[ \\t]*\\r?$', 'm', { checker: 'automaton', timeout: 20000 });
  assert.equal(d.status, 'safe');
});

test('dynamic: hostile .gitignore globs stay fast in the `ignore` matcher (CLI, workspace scan, diagnostics)', () => {
  // A hostile repository can ship any .gitignore. `*a*a*a*a*a*a*a*a*b` compiled naively to
  // [^/]*a[^/]*a...[^/]*b backtracks with the path length to the power of the stars (11.5 s for a
  // 40-character path with our first hand-written matcher). Every caller now matches through the
  // `ignore` package; prove it answers long paths quickly.
  const ig = ignore().add('*a*a*a*a*a*a*a*a*b\n');
  const started = process.hrtime.bigint();
  for (const n of [40, 400, 4000]) ig.ignores(`${'a'.repeat(n)}c`);
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  assert.ok(ms < 500, `ignore() took ${ms.toFixed(0)} ms on a hostile glob`);
});

// ---------------------------------------------------------------------------------------------
// Custom patterns

test('compileCustomPattern accepts ordinary secret patterns', () => {
  const cases: [string, string][] = [
    ['corp_[a-f0-9]{32}', `corp_${'0a'.repeat(16)}`],
    ['ACME-[A-Z0-9]{8}-[A-Z0-9]{8}', 'ACME-FAKE0001-NOTREAL9'],
    ['(?:prod|stage)_key_[A-Za-z0-9]{40}', `stage_key_${'Fk3'.repeat(13)}x`],
    ['\\bxk_[0-9a-z]{20,40}\\b', `token xk_${'fake0'.repeat(5)} here`],
  ];
  for (const [source, example] of cases) {
    const r = compileCustomPattern(source);
    assert.ok(r.ok, `${source}: ${r.ok ? '' : r.reason}`);
    if (r.ok) assert.ok(r.re.test(example), `${source} must match ${example}`);
  }
  const r = compileCustomPattern('corp_[a-f0-9]{4}', { flags: 'i' });
  assert.ok(r.ok && r.re.test('CORP_ABCD') && r.re.flags === 'i');
});

test('compileCustomPattern refuses broken, empty-matching, oversized and flag-abusing patterns with a reason', () => {
  const cases: [string, string | undefined, RegExp][] = [
    ['', undefined, /empty/],
    ['(', undefined, /not a valid regular expression/],
    ['a*', undefined, /matches the empty string/],
    ['x'.repeat(MAX_PATTERN_LENGTH + 1), undefined, /limit is 1000/],
    ['abc', 'g', /unsupported flags/],
    ['abc', 'ii', /unsupported flags/],
  ];
  for (const [source, flags, reason] of cases) {
    const r = compileCustomPattern(source, { flags });
    assert.equal(r.ok, false, `${source.slice(0, 20)} must be refused`);
    if (!r.ok) {
      assert.match(r.reason, reason);
    }
  }
});

test('structuralCheck refuses the exponential shapes and backreferences', () => {
  for (const p of ['(a+)+$', '(\\w|\\d)*x', '(x?y*)+z', '((ab)*c)+', '(?:[a-z]+\\.)+com$', '(a{1,3}){2,}', '(x)\\1', '(?<n>x)\\k<n>']) {
    const v = structuralCheck(p, '');
    assert.equal(v.safe, false, `${p} must be refused`);
  }
  for (const p of ['(ab)+', 'a+b+', '[(+*]+x', '\\(a+\\)+', '(?:ab){3}', 'x(?=y+)']) {
    assert.equal(structuralCheck(p, '').safe, true, `${p} must pass the structural screen`);
  }
});

test('compileCustomPatternChecked (recheck) refuses polynomial patterns the structural screen lets through', () => {
  const poly = compileCustomPatternChecked('[a-z]+\\d+\\d+$');
  assert.equal(poly.ok, false);
  if (!poly.ok) assert.match(poly.reason, /polynomial time \(ReDoS\)/);
  const exp = compileCustomPatternChecked('(a|aa)+b');
  assert.equal(exp.ok, false);
  const fine = compileCustomPatternChecked('corp_[a-f0-9]{32}');
  assert.ok(fine.ok, fine.ok ? '' : fine.reason);
});

test('the recheck pipeline decides usual secret patterns: captures made plain, bounded repeats relaxed', () => {
  assert.equal(withoutCaptures('a(b)(?<secret>c[(]\\()(?:d)(?=e)(?<=f)(?<!g)'), 'a(?:b)(?:c[(]\\()(?:d)(?=e)(?<=f)(?<!g)');
  // As written, recheck's automaton times out on this (it tracks the group and expands {16,}).
  const r = compileCustomPatternChecked('CORP_KEY\\s*[:=]\\s*(?<secret>[A-Za-z0-9]{16,})');
  assert.ok(r.ok, r.ok ? '' : r.reason);
  assert.equal(r.ok && r.note, undefined, 'recheck decided it (no "could not decide" note)');
});
