// Instructions executed by one CLI scan, counted by valgrind's callgrind: the same count on every
// run for the same build and files, however busy the machine is, so two builds can be compared
// by one run each where wall times on this machine drift by up to a factor of two within minutes.
// V8 runs single-threaded here (--single-threaded), so its compiler and garbage collector count
// on the one thread too; the count is total work, not elapsed time.
//
//   npm run bench:instructions -- [--build DIR]... PATH...
//
// PATH: files or folders to scan (as `plainsight scan` takes them). Each --build is a checkout
// (or worktree) whose CLI is built with its own `esbuild.mjs --production`; without one, this
// checkout. Needs valgrind (Debian package `valgrind`); says so when it is missing.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { productionBuild } from './lib/build.mjs';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function usage(message) {
  console.error(`${message}\nusage: npm run bench:instructions -- [--build DIR]... PATH...`);
  process.exit(2);
}

const builds = [];
const paths = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--build') {
    if (!args[i + 1]) usage('--build needs a folder');
    builds.push(resolve(args[++i]));
  } else if (args[i].startsWith('--')) usage(`unknown argument ${args[i]}`);
  else paths.push(resolve(args[i]));
}
if (paths.length === 0) usage('no files or folders to scan');
for (const p of [...builds, ...paths]) if (!existsSync(p)) usage(`no such file or folder: ${p}`);
if (spawnSync('valgrind', ['--version']).status !== 0) usage('valgrind is not installed (Debian: apt-get install valgrind)');
if (builds.length === 0) builds.push(REPO);

const scratch = mkdtempSync(join(tmpdir(), 'plainsight-instructions-'));
try {
  for (const checkout of builds) {
    const { cli, dir } = productionBuild(checkout);
    const out = join(scratch, 'callgrind.out');
    const run = spawnSync(
      'valgrind',
      ['--tool=callgrind', `--callgrind-out-file=${out}`, process.execPath, '--single-threaded', cli, 'scan', ...paths, '--format', 'json', '--fail-on', 'none'],
      { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 },
    );
    rmSync(dir, { recursive: true, force: true });
    const collected = /Collected : (\d+)/.exec(run.stderr ?? '');
    if (run.status !== 0 || !collected) throw new Error(`the scan under valgrind failed (exit ${run.status}): ${(run.stderr ?? '').slice(-400)}`);
    const files = JSON.parse(run.stdout).files.length;
    console.log(`${checkout}: ${(Number(collected[1]) / 1e9).toFixed(3)} G instructions (${files} files)`);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
