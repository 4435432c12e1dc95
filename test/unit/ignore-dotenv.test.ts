// "Add <file> to .gitignore", the fix for secrets in a dotenv file git does not ignore: the core
// plan (one append to the nearest existing .gitignore, an anchored entry, never a rewritten line,
// a correct trailing newline), checked against the `ignore` package and against git itself; then
// `plainsight fix --move-secrets` on copies of the example workspace, with and without a git
// repository, followed by `plainsight scan`. Fake values only.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyze, applyEdits, gitignorePaths, planIgnoreDotenv, type IgnoreContext, type IgnorePlan } from '../../src/core/index';
import { ignoredByFiles } from '../../src/core/fix/ignore-dotenv';
import { dotenvEntries } from '../../src/core/fix/env-files';
import { runCli, scratchRoot } from './helpers/cli';
import { EXAMPLE_WORKSPACE, copyExampleWorkspace, filesUnder } from './helpers/workspace';

const scratch = scratchRoot('ignore-dotenv');
const HAS_GIT = spawnSync('git', ['--version']).status === 0;

/** The levels for `path` with the given .gitignore texts (by path; the others absent). */
function context(path: string, texts: Record<string, string> = {}, tracked?: boolean): IgnoreContext {
  return { path, gitignores: gitignorePaths(path).map((p) => ({ path: p, text: texts[p] })), tracked };
}

function ignorePlan(plan: IgnorePlan): Extract<IgnorePlan, { status: 'ignore' }> {
  assert.equal(plan.status, 'ignore', JSON.stringify(plan));
  return plan as Extract<IgnorePlan, { status: 'ignore' }>;
}

/** Every .gitignore text after the plan (the changed one with its edits applied). */
function after(ctx: IgnoreContext, plan: Extract<IgnorePlan, { status: 'ignore' }>): IgnoreContext['gitignores'] {
  return ctx.gitignores.map((g) => (g.path === plan.change.path ? { path: g.path, text: applyEdits(g.text ?? '', plan.change.edits) } : g));
}

describe('the plan', () => {
  test('the .gitignore levels run from the root down to the file\'s folder', () => {
    assert.deepEqual(gitignorePaths('.env'), ['.gitignore']);
    assert.deepEqual(gitignorePaths('services/api/.env'), ['.gitignore', 'services/.gitignore', 'services/api/.gitignore']);
  });

  test('without any .gitignore, the root\'s is created with the anchored path', () => {
    const ctx = context('services/api/.env');
    const plan = ignorePlan(planIgnoreDotenv(ctx));
    assert.equal(plan.title, 'Add services/api/.env to .gitignore');
    assert.deepEqual(plan.change, { path: '.gitignore', create: true, edits: [{ start: 0, end: 0, newText: '/services/api/.env\n' }] });
    assert.ok(ignoredByFiles(after(ctx, plan), 'services/api/.env'));
    assert.ok(!ignoredByFiles(after(ctx, plan), 'services/web/.env'), 'only that file is meant');
    assert.ok(!ignoredByFiles(after(ctx, plan), '.env'));
  });

  test('appends after the existing lines, which stay byte for byte, with one trailing newline', () => {
    const cases: [string, string][] = [
      ['node_modules/\ndist/\n', 'node_modules/\ndist/\n/services/api/.env\n'],
      ['node_modules/\ndist/', 'node_modules/\ndist/\n/services/api/.env\n'],
      ['node_modules/\r\ndist/', 'node_modules/\r\ndist/\r\n/services/api/.env\r\n'],
      ['', '/services/api/.env\n'],
      ['# comment only\n\n', '# comment only\n\n/services/api/.env\n'],
    ];
    for (const [before, expected] of cases) {
      const plan = ignorePlan(planIgnoreDotenv(context('services/api/.env', { '.gitignore': before })));
      assert.equal(plan.change.create, false);
      const text = applyEdits(before, plan.change.edits);
      assert.equal(text, expected, JSON.stringify(before));
      assert.ok(text.startsWith(before), 'nothing before the end is rewritten');
    }
  });

  test('the nearest existing .gitignore gets the entry, relative to its folder', () => {
    const nested = context('services/api/.env', { '.gitignore': 'dist/\n', 'services/.gitignore': 'tmp/\n' });
    const plan = ignorePlan(planIgnoreDotenv(nested));
    assert.equal(plan.title, 'Add services/api/.env to services/.gitignore');
    assert.equal(plan.change.path, 'services/.gitignore');
    assert.equal(applyEdits('tmp/\n', plan.change.edits), 'tmp/\n/api/.env\n');
    assert.ok(ignoredByFiles(after(nested, plan), 'services/api/.env'));

    const beside = ignorePlan(planIgnoreDotenv(context('services/api/.env', { '.gitignore': '', 'services/api/.gitignore': 'cache/' })));
    assert.equal(beside.change.path, 'services/api/.gitignore');
    assert.equal(applyEdits('cache/', beside.change.edits), 'cache/\n/.env\n');
  });

  test('an entry present but negated later (or deeper) is appended again, last, where it wins', () => {
    const cases: Record<string, string>[] = [
      { '.gitignore': '/services/api/.env\n!/services/api/.env\n' },
      { '.gitignore': '.env\n!services/api/.env' },
      { '.gitignore': '/services/api/.env\n', 'services/api/.gitignore': '!.env\n' },
    ];
    for (const texts of cases) {
      const ctx = context('services/api/.env', texts);
      assert.ok(!ignoredByFiles(ctx.gitignores, 'services/api/.env'), 'not ignored before');
      const plan = ignorePlan(planIgnoreDotenv(ctx));
      assert.ok(ignoredByFiles(after(ctx, plan), 'services/api/.env'), JSON.stringify(texts));
    }
  });

  test('already ignored: nothing to add; tracked: no entry, the message says to rotate and untrack', () => {
    assert.equal(planIgnoreDotenv(context('services/api/.env', { '.gitignore': '.env\n' })).status, 'ignored');
    assert.equal(planIgnoreDotenv(context('services/api/.env', { 'services/.gitignore': 'api/\n' })).status, 'ignored');
    const tracked = planIgnoreDotenv(context('services/api/.env', {}, true));
    assert.equal(tracked.status, 'tracked');
    if (tracked.status !== 'tracked') return;
    assert.match(tracked.message, /tracked by git/);
    assert.match(tracked.message, /Rotate/);
    assert.deepEqual(tracked.hints.map((h) => h.command), ['git rm --cached -- services/api/.env']);
    const odd = planIgnoreDotenv(context("my env/it's.env", {}, true));
    assert.ok(odd.status === 'tracked' && odd.hints[0].command === `git rm --cached -- 'my env/it'\\''s.env'`, 'quoted for the shell');
  });

  test('whether git tracks the file: unknown adds the caveat, known-untracked does not', () => {
    assert.match(ignorePlan(planIgnoreDotenv(context('.env'))).message, /If it was ever committed.*git rm --cached -- \.env/);
    assert.doesNotMatch(ignorePlan(planIgnoreDotenv(context('.env', {}, false))).message, /ever committed/);
  });

  test('a committed template is never ignored', () => {
    assert.equal(planIgnoreDotenv(context('.env.example')).status, 'refused');
    assert.equal(planIgnoreDotenv(context('config/.env.sample')).status, 'refused');
  });

  test('special characters are escaped so that git ignores exactly that file', { skip: !HAS_GIT && 'git is not installed' }, () => {
    const repo = scratch.folder({});
    spawnSync('git', ['init', '-q', '.'], { cwd: repo });
    const names = ['a b/.env', 'x[1]/.env', 'odd!/#dir/.env.local', 'star*/prod.env', 'trail/.env '];
    let gitignore = '';
    for (const name of names) {
      mkdirSync(join(repo, name, '..'), { recursive: true });
      writeFileSync(join(repo, name), 'K=v\n');
      const ctx = context(name, { '.gitignore': gitignore });
      const plan = ignorePlan(planIgnoreDotenv(ctx));
      gitignore = applyEdits(gitignore, plan.change.edits);
      assert.ok(ignoredByFiles(after(ctx, plan), name), name);
    }
    writeFileSync(join(repo, '.gitignore'), gitignore);
    // Decoys next to them must stay visible: the entries are exact paths, not patterns.
    for (const decoy of ['a b/.env2', 'x1/.env', 'starX/prod.env', 'trail/.env']) {
      mkdirSync(join(repo, decoy, '..'), { recursive: true });
      writeFileSync(join(repo, decoy), 'K=v\n');
    }
    const check = (p: string) => spawnSync('git', ['check-ignore', '-q', '--', p], { cwd: repo }).status;
    for (const name of names) assert.equal(check(name), 0, `git ignores ${JSON.stringify(name)}`);
    for (const decoy of ['a b/.env2', 'x1/.env', 'starX/prod.env', 'trail/.env']) assert.equal(check(decoy), 1, `git does not ignore ${JSON.stringify(decoy)}`);
  });
});

// `plainsight fix --move-secrets` then `plainsight scan` on copies of the example workspace.

function copyOfWorkspace(extra: Record<string, string> = {}): string {
  return copyExampleWorkspace(scratch.folder(extra));
}

async function secretFindings(dir: string): Promise<{ path: string; ruleId: string }[]> {
  const r = await runCli(['scan', '--format', 'json', '--fail-on', 'none'], dir);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as { findings: { path: string; ruleId: string; category: string }[] }).findings.filter((f) => f.category === 'secret');
}

// The root .env exists before the run with a line of its own: moved values are appended to it.
const EXISTING_ENV = 'EXISTING_SETTING=keep-me\n';

for (const withGit of [true, false]) {
  test(`fix --move-secrets on the example workspace ${withGit ? 'in a fresh git repository' : 'outside any repository'} leaves no secret finding`, { skip: withGit && !HAS_GIT && 'git is not installed' }, async () => {
    const dir = copyOfWorkspace();
    writeFileSync(join(dir, '.env'), EXISTING_ENV);
    if (withGit) spawnSync('git', ['init', '-q', '.'], { cwd: dir });
    const before = filesUnder(dir);
    const values = [...dotenvEntries(before.get('services/api/.env')).values()];
    const found = await secretFindings(dir);
    assert.ok(found.some((f) => f.path === 'services/api/.env'), 'the committed-looking .env is reported before');
    assert.ok(found.some((f) => f.path === '.env') === false, 'the root .env holds no secret yet');

    const r = await runCli(['fix', '--move-secrets'], dir);
    assert.equal(r.code, 1, 'transport and scope findings remain');
    assert.match(r.stdout, /^services\/api\/\.env: now ignored by git \(its secrets stay in it\)$/m);
    for (const value of values) assert.ok(!r.stdout.includes(value) && !r.stderr.includes(value), 'no value of the .env in the output');

    assert.deepEqual(await secretFindings(dir), [], 'no secret finding anywhere');
    const files = filesUnder(dir);
    assert.equal(files.get('services/api/.env'), before.get('services/api/.env'), 'the dotenv file keeps its secrets, byte for byte');
    assert.ok(files.get('.env')!.startsWith(EXISTING_ENV) && files.get('.env')!.length > EXISTING_ENV.length, '.env appended to, never overwritten');
    assert.ok(files.get('.gitignore')!.startsWith(before.get('.gitignore')!), '.gitignore appended to, never rewritten');
    assert.ok(files.get('.gitignore')!.endsWith('\n'));
    for (const [path, text] of files) {
      if (/\.(ya?ml|json)$|(^|\/)\.env$/.test(path)) assert.deepEqual(analyze(text, { path }).parseErrors, [], `${path} still parses`);
    }
    if (withGit) {
      for (const path of ['.env', 'services/api/.env']) assert.equal(spawnSync('git', ['check-ignore', '-q', '--', path], { cwd: dir }).status, 0, `git ignores ${path}`);
    }
    const again = await runCli(['fix', '--move-secrets'], dir);
    assert.match(again.stdout, /^0 files changed/m, 'a second run has nothing to do');
  });
}

test('fix --move-secrets on a lone dotenv file: an anchored entry in the nearest .gitignore, then nothing is reported', async () => {
  const password = readFileSync(join(EXAMPLE_WORKSPACE, 'services/api/.env'), 'utf8').match(/^DB_PASSWORD=.*$/m)![0];
  const dir = scratch.folder({ 'services/.gitignore': 'tmp/', 'services/api/.env': `APP_ENV=staging\n${password}\n` });
  const dry = await runCli(['fix', '--move-secrets', '--dry-run'], dir);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /^--- a\/services\/\.gitignore\n\+\+\+ b\/services\/\.gitignore\n@@ .* @@\n-tmp\/\n\\ No newline at end of file\n\+tmp\/\n\+\/api\/\.env$/m);
  assert.equal(readFileSync(join(dir, 'services/.gitignore'), 'utf8'), 'tmp/', 'a dry run writes nothing');
  const r = await runCli(['fix', '--move-secrets'], dir);
  assert.equal(r.code, 0, r.stdout);
  assert.match(r.stdout, /Added \/api\/\.env to services\/\.gitignore/);
  assert.equal(readFileSync(join(dir, 'services/.gitignore'), 'utf8'), 'tmp/\n/api/.env\n');
  assert.deepEqual(await secretFindings(dir), []);
});

test('fix --move-secrets on a dotenv file git tracks: no .gitignore entry, the way out is printed', { skip: !HAS_GIT && 'git is not installed' }, async () => {
  const dir = scratch.folder({ '.gitignore': 'dist/\n', 'services/api/.env': readFileSync(join(EXAMPLE_WORKSPACE, 'services/api/.env'), 'utf8') });
  spawnSync('git', ['init', '-q', '.'], { cwd: dir });
  spawnSync('git', ['add', 'services/api/.env'], { cwd: dir });
  const r = await runCli(['fix', '--move-secrets'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /services\/api\/\.env is tracked by git/);
  assert.match(r.stdout, /^Next:\n {2}git rm --cached -- services\/api\/\.env$/m);
  assert.equal(readFileSync(join(dir, '.gitignore'), 'utf8'), 'dist/\n', 'nothing pretends to ignore it');
  assert.ok((await secretFindings(dir)).some((f) => f.path === 'services/api/.env'), 'still reported');
});
