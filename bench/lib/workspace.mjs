// Workspace throughput: the same files scanned by the Plainsight CLI, secretlint's CLI (recommended
// preset) and ripgrep, after a warm-up round, in interleaved rounds (A B C, B C A, C A B, ...) so
// that a busy machine slows all three alike. Every tool gets the same explicit list of files.
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative, sep } from 'node:path';
import { tmpdir } from 'node:os';
import { median } from './stats.mjs';

/** JSON, YAML, dotenv and ini files, the way the file set of the benchmark is defined. */
export function isBenchFile(name) {
  const lower = name.toLowerCase();
  return /\.(json|ya?ml|ini|env)$/.test(lower) || lower === '.env' || lower.startsWith('.env.');
}

/** Every file under `root` (following no links), optionally filtered by name. */
export function listFiles(root, keep = () => true) {
  const out = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile() && keep(e.name)) out.push(path);
    }
  };
  walk(root);
  return out;
}

export function totalBytes(files) {
  return files.reduce((sum, f) => sum + statSync(f).size, 0);
}

/**
 * Copies `files` (under `root`) into a temporary folder, renaming every `node_modules` segment of
 * their paths to `_node_modules`. secretlint leaves out any path under `node_modules` even when it
 * is named on the command line, so on the originals it would time its start-up and nothing else
 * (the first benchmark runs did exactly that). The copies hold the same bytes for every tool.
 */
export function copyOutOfNodeModules(root, files) {
  const copyRoot = mkdtempSync(join(tmpdir(), 'plainsight-bench-modules-'));
  const copies = files.map((file) => {
    const rel = relative(root, file).split(sep).map((seg) => (seg === 'node_modules' ? '_node_modules' : seg)).join(sep);
    const copy = join(copyRoot, rel);
    mkdirSync(dirname(copy), { recursive: true });
    copyFileSync(file, copy);
    return copy;
  });
  return { root: copyRoot, files: copies };
}

/** Unpacks the shared corpus with its own unpack.sh into a temporary folder. */
export function unpackCorpus(dir) {
  const script = join(dir, 'unpack.sh');
  if (!existsSync(script)) return { error: `no unpack.sh in ${dir}` };
  const root = mkdtempSync(join(tmpdir(), 'plainsight-bench-corpus-'));
  const run = spawnSync('bash', [script, root], { encoding: 'utf8' });
  if (run.status !== 0) {
    rmSync(root, { recursive: true, force: true });
    return { error: `unpack.sh failed (exit ${run.status}): ${run.stderr.trim()}` };
  }
  return { root };
}

export function hasRipgrep() {
  return spawnSync('rg', ['--version'], { encoding: 'utf8' }).status === 0;
}

/** A plain pattern for ripgrep: the words a secret scan starts from. */
export const RG_PATTERN = 'password|secret|token|api_?key|http://';

/**
 * The three commands over one file list. Each returns the spawn arguments; the list itself goes
 * on the command line (a few hundred KB at most, well under the kernel's limit).
 */
export function tools({ repo, cli, files, rssFile, scratch }) {
  const secretlintBin = join(repo, 'node_modules', 'secretlint', 'bin', 'secretlint.js');
  const list = [
    {
      name: 'plainsight',
      cmd: process.execPath,
      args: ['--require', join(repo, 'bench', 'lib', 'maxrss.cjs'), cli, 'scan', ...files, '--format', 'json', '--fail-on', 'none'],
      env: { PLAINSIGHT_BENCH_RSS: rssFile },
      ok: (status) => status === 0,
    },
  ];
  if (existsSync(secretlintBin)) {
    // Its report goes to a file: written to a pipe, secretlint's JSON was cut off at exit.
    const report = join(scratch, 'secretlint.json');
    list.push({
      report,
      name: 'secretlint',
      cmd: process.execPath,
      args: [secretlintBin, '--format', 'json', '--no-color', '--no-glob', '--output', report, '--secretlintrcJSON', JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }), ...files],
      env: {},
      // 1: secrets found.
      ok: (status) => status === 0 || status === 1,
    });
  }
  if (hasRipgrep()) {
    list.push({
      name: 'ripgrep',
      cmd: 'rg',
      args: ['--no-config', '--no-ignore', '--hidden', '-i', '-c', '-e', RG_PATTERN, '--', ...files],
      env: {},
      // 1: no match.
      ok: (status) => status === 0 || status === 1,
    });
  }
  return list;
}

const GNU_TIME = '/usr/bin/time';
const hasGnuTime = () => existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%U', 'true'], { encoding: 'utf8' }).status === 0;

/** One run; with GNU time, also the CPU time (user + system, every thread) and peak RSS. */
function runOnce(tool, cwd, timeFile) {
  const [cmd, args] = timeFile ? [GNU_TIME, ['-f', '%U %S %M', '-o', timeFile, tool.cmd, ...tool.args]] : [tool.cmd, tool.args];
  const t0 = performance.now();
  const run = spawnSync(cmd, args, { cwd, env: { ...process.env, ...tool.env }, encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  const wall = performance.now() - t0;
  if (run.error || !tool.ok(run.status)) throw new Error(`${tool.name} failed (exit ${run.status ?? run.error?.code}): ${(run.stderr ?? '').slice(0, 400)}`);
  let cpu;
  let rssKiB;
  if (timeFile) {
    // The last line: GNU time prefixes "Command exited with non-zero status" when there is one.
    const [user, sys, rss] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
    cpu = (user + sys) * 1000;
    rssKiB = rss;
  }
  return { wall, cpu, rssKiB, stdout: tool.report ? readFileSync(tool.report, 'utf8') : run.stdout };
}

/**
 * Interleaved rounds of every tool over the file list, after one untimed warm-up round: the
 * files, node, the bundles and secretlint's modules are then in the page cache for every tool
 * alike (otherwise the first tool of the first round pays for reading them from disk). Each round
 * starts with the next tool in turn, so none always runs first or right after the same other one.
 * The round count adapts to the time the warm-up took so that the whole set stays within
 * `budgetMs` (at least `minRounds`). Reported: medians of wall and CPU time.
 */
export function compareTools({ repo, cli, files, cwd, budgetMs = 60000, minRounds = 1, maxRounds = 7 }) {
  const scratch = mkdtempSync(join(tmpdir(), 'plainsight-bench-rss-'));
  const rssFile = join(scratch, 'rss.txt');
  const timeFile = hasGnuTime() ? join(scratch, 'time.txt') : undefined;
  writeFileSync(rssFile, '');
  const list = tools({ repo, cli, files, rssFile, scratch });
  const times = Object.fromEntries(list.map((t) => [t.name, []]));
  const cpu = Object.fromEntries(list.map((t) => [t.name, []]));
  const gnuRss = [];
  const extra = {};
  const started = performance.now();
  for (const tool of list) {
    const run = runOnce(tool, cwd, timeFile);
    if (tool.name === 'plainsight' && run.rssKiB) gnuRss.push(run.rssKiB);
    if (tool.name === 'plainsight') extra.plainsightFindings = countPlainsight(run.stdout);
    if (tool.name === 'secretlint') extra.secretlintFindings = countSecretlint(run.stdout);
    // A tool that silently leaves files out would be timed on less work than the others.
    const read = tool.name === 'plainsight' ? filesReadByPlainsight(run.stdout) : tool.name === 'secretlint' ? filesReadBySecretlint(run.stdout) : files.length;
    if (read !== files.length) throw new Error(`${tool.name} read ${read ?? 'an unknown number'} of the ${files.length} files; the comparison would not be fair`);
  }
  // As many timed rounds as fit in the budget with the warm-up (which tells how long a round takes).
  const rounds = Math.max(minRounds, Math.min(maxRounds, Math.floor(budgetMs / Math.max(performance.now() - started, 1)) - 1));
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < list.length; k++) {
      const tool = list[(round + k) % list.length];
      const run = runOnce(tool, cwd, timeFile);
      times[tool.name].push(run.wall);
      if (run.cpu !== undefined) cpu[tool.name].push(run.cpu);
      if (tool.name === 'plainsight' && run.rssKiB) gnuRss.push(run.rssKiB);
    }
  }
  const rss = [...readFileSync(rssFile, 'utf8').split('\n').filter(Boolean).map(Number), ...gnuRss];
  rmSync(scratch, { recursive: true, force: true });
  return {
    rounds,
    tools: list.map((t) => t.name),
    median: Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)])),
    cpuMedian: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, v.length ? median(v) : undefined])),
    times,
    maxRssKiB: rss.length ? Math.max(...rss) : undefined,
    ...extra,
  };
}

function filesReadByPlainsight(stdout) {
  try {
    return JSON.parse(stdout).files.filter((f) => !f.skipped).length;
  } catch {
    return undefined;
  }
}

/** secretlint's JSON report has one result per file it linted, with or without messages. */
function filesReadBySecretlint(stdout) {
  try {
    return JSON.parse(stdout).length;
  } catch {
    return undefined;
  }
}

function countPlainsight(stdout) {
  try {
    return JSON.parse(stdout).findings.length;
  } catch {
    return undefined;
  }
}

function countSecretlint(stdout) {
  try {
    return JSON.parse(stdout).reduce((n, r) => n + r.messages.length, 0);
  } catch {
    return undefined;
  }
}

export function writeList(file, root, files) {
  writeFileSync(file, `${files.map((f) => relative(root, f)).join('\n')}\n`);
}
