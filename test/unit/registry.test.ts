// Completeness of the registry: ids, docs pages, fixtures, purity of the core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, ALL_META, VERSION } from '../../src/core/index';
import { fixturesOf } from './helpers/fixtures';

const root = join(__dirname, '..', '..');

test('rule ids are category/kebab-name, unique, and match their category', () => {
  const seen = new Set<string>();
  for (const meta of ALL_META) {
    assert.match(meta.id, /^(secret|scope|transport)\/[a-z0-9]+(-[a-z0-9]+)*$/, meta.id);
    assert.equal(meta.id.split('/')[0], meta.category, meta.id);
    assert.ok(!seen.has(meta.id), `duplicate id ${meta.id}`);
    seen.add(meta.id);
    assert.ok(meta.explanation.length > 80, `${meta.id} needs a one-paragraph explanation`);
  }
});

test('every rule has a docs page beside its source and fixtures of both kinds', () => {
  for (const rule of RULES) {
    const page = join(root, 'src', 'core', 'rules', `${rule.meta.id}.md`);
    assert.ok(existsSync(page), `missing docs page ${page}`);
    if (rule.catalog) continue; // catalog entries have their own fixture file, checked by catalog.test.ts
    const fixtures = fixturesOf(rule.meta.id);
    assert.ok(fixtures.some((f) => f.kind === 'ok'), `${rule.meta.id} needs ok fixtures`);
    assert.ok(fixtures.some((f) => f.kind === 'ng'), `${rule.meta.id} needs ng fixtures`);
  }
});

test('every rule source file is registered', () => {
  const registered = new Set(RULES.map((r) => r.meta.id));
  for (const category of ['secret', 'scope', 'transport']) {
    const dir = join(root, 'src', 'core', 'rules', category);
    for (const name of readdirSync(dir)) {
      if (!name.endsWith('.md')) continue;
      const id = `${category}/${name.slice(0, -3)}`;
      assert.ok(registered.has(id), `${id} has a docs page but is not in the registry`);
    }
  }
});

test('the core never imports vscode', () => {
  const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
  for (const file of walk(join(root, 'src', 'core')).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(file, 'utf8');
    assert.ok(!/from\s+['"]vscode['"]|require\(['"]vscode['"]\)/.test(text), `${file} imports vscode`);
  }
});

test('core VERSION matches package.json', () => {
  assert.equal(VERSION, JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
});
