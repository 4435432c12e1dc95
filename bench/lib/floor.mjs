// The floor of a workspace scan by a fresh Node process on this machine: what node needs to start
// (`node -e 0`), to read the files the way the CLI reads them, and to analyse them once V8 has
// warmed up (the fourth pass over the same files in one process). A CLI run cannot take less than
// start + read + warm analysis with this core, whatever else is made faster; the distance from
// there to the CLI's time is loading the bundle, collecting the files and settings, and V8
// compiling and warming up the core (the first pass). The ratios of that floor to ripgrep and
// secretlint show which workspace targets a change outside the core's own speed could still reach.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { tmpdir } from 'node:os';
import { median } from './stats.mjs';
import { bundleForNode } from './plainsight.mjs';

const PASSES = 4;

function spawnTimed(args, cwd) {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = performance.now() - t0;
  if (run.status !== 0) throw new Error(`node ${args.slice(0, 2).join(' ')} failed (exit ${run.status}): ${run.stderr.slice(0, 400)}`);
  return { wall, stdout: run.stdout };
}

/**
 * `rounds` alternations of `node -e 0` and the floor child over `files` (absolute, under `root`,
 * analysed under their paths relative to it, as the CLI run from `root` names them).
 * @returns medians in ms: nodeStart, load, read, cold (first pass), warm (last pass), and floor.
 */
export async function measureFloor({ repo, root, files, rounds = 3 }) {
  const dir = mkdtempSync(join(tmpdir(), 'plainsight-bench-floor-'));
  try {
    // The core with the CLI's reader and V8 setting, minified as the CLI is.
    const core = await bundleForNode(join(repo, 'bench', 'lib', 'floor-entry.ts'), join(dir, 'floor-core.cjs'), { minify: true });
    const list = join(dir, 'files.txt');
    writeFileSync(list, `${files.map((f) => relative(root, f)).join('\n')}\n`);
    const child = join(repo, 'bench', 'lib', 'floor-child.cjs');
    const start = [];
    const runs = [];
    for (let i = 0; i < rounds; i++) {
      start.push(spawnTimed(['-e', '0'], root).wall);
      runs.push(JSON.parse(spawnTimed([child, core, list, String(PASSES)], root).stdout.trim().split('\n').pop()));
    }
    const m = (pick) => median(runs.map(pick));
    const result = {
      nodeStart: median(start),
      load: m((r) => r.loadMs),
      read: m((r) => r.readMs),
      cold: m((r) => r.passes[0]),
      warm: m((r) => r.passes[PASSES - 1]),
      /** [kind, number of findings] of each file analysed, in order. */
      files: runs[0].files,
    };
    return { ...result, floor: result.nodeStart + result.read + result.warm };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
