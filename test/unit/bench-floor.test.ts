// The workspace benchmark's floor (bench/lib/floor.mjs): its child process must read and analyse
// exactly the files it is given, under the paths the CLI would use, or the floor it prints would
// be the time of some other work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { analyze } from '../../src/core/index';

// A non-literal specifier: the benchmark is plain JavaScript without type declarations.
const floorPath = '../../bench/lib/floor.mjs';
const REPO = join(__dirname, '..', '..');
const ROOT = join(REPO, 'test', 'integration', 'workspace');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test('the floor child analyses every file it is given, as the core classifies and analyses them', async () => {
  const { measureFloor } = await import(floorPath);
  const files = filesUnder(ROOT);
  assert.ok(files.length >= 5, 'the example workspace has files');
  const expected = files.map((f) => {
    const result = analyze(readFileSync(f, 'utf8'), { path: relative(ROOT, f) });
    return [result.kind, result.findings.length];
  });
  assert.ok(expected.some(([, n]) => (n as number) > 0), 'the example workspace has findings');

  const floor = await measureFloor({ repo: REPO, root: ROOT, files, rounds: 1 });
  assert.deepEqual(floor.files, expected);
  for (const key of ['nodeStart', 'load', 'read', 'cold', 'warm']) assert.ok(floor[key] > 0, `${key} is measured`);
  assert.equal(floor.floor, floor.nodeStart + floor.read + floor.warm);
});
