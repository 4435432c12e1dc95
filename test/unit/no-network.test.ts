// No network, no programs run from the workspace: the built CLI scans a folder full of URLs,
// hosts and credentials under `strace -f` and must never connect() (or send to) an AF_INET or
// AF_INET6 address (AF_UNIX is fine), nor execute any program but itself. Skipped, with a
// message, only when strace is not installed (.ci/install-tools.sh installs it) or the system
// does not allow tracing. A self-check first proves the detector sees a real connect.
//
// Also here: git, which the fix commands call, must not run commands the scanned repository
// configures (core.fsmonitor is executed by `git ls-files` and `git check-ignore`).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { currentCli } from '../fuzz/cli-bundle';

const STRACE = ['/usr/bin/strace', '/bin/strace'].find((p) => existsSync(p));
const FAKE_PASSWORD = ['Xq7', 'fake', 'Net', 'Pw9'].join('-');

const FILES: Record<string, string> = {
  '.github/workflows/ci.yml': `on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -k http://downloads.example.com/install.sh | sh\n      - uses: actions/checkout@v4\n`,
  'docker-compose.yml': `services:\n  app:\n    image: registry.example.com/app:1\n    environment:\n      DATABASE_URL: postgres://app:${FAKE_PASSWORD}@db.example.com:5432/app\n      API: http://api.example.org/v1\n`,
  '.env': `DB_PASSWORD=${FAKE_PASSWORD}\nENDPOINT=https://hooks.slack.com/services/T000/B000/XXXX\n`,
  '.npmrc': `registry=http://registry.npmjs.org/\nstrict-ssl=false\n`,
  'openapi.yaml': `openapi: 3.0.0\ninfo: {title: x, version: "1"}\nservers:\n  - url: http://api.example.com\n`,
  'schema.json': `{"$schema": "http://json-schema.org/draft-07/schema#", "$ref": "https://example.com/remote.json"}\n`,
  '.gitignore': '.env\n',
  Dockerfile: `FROM node:20\nADD https://example.com/tool.tgz /opt/\nRUN wget --no-check-certificate http://example.com/x\n`,
  'main.tf': `module "m" {\n  source = "git::https://example.com/mod.git"\n}\n`,
};

interface Trace {
  lines: string[];
  status: number | null;
  stderr: string;
}

function traced(command: string[], cwd: string): Trace {
  const log = join(cwd, `.strace-${process.pid}-${Date.now()}.log`);
  const run = spawnSync(STRACE!, ['-f', '-qq', '-e', 'trace=connect,sendto,sendmsg,execve', '-o', log, ...command], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const lines = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
  rmSync(log, { force: true });
  return { lines, status: run.status, stderr: run.stderr };
}

const internet = (lines: string[]) => lines.filter((l) => /\b(connect|sendto|sendmsg)\(/.test(l) && /AF_INET6?\b/.test(l));

let root: string;
let cli: string;
let temp: string | undefined;
let skip: string | undefined;

before(() => {
  if (!STRACE) {
    skip = 'strace is not installed (.ci/install-tools.sh installs it): network isolation not checked';
    return;
  }
  root = mkdtempSync(join(tmpdir(), 'plainsight-nonet-'));
  for (const [path, text] of Object.entries(FILES)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  // A repository, so any git-aware code path of the scan is taken too.
  spawnSync('git', ['init', '-q', '.'], { cwd: root });
  // Self-check: the detector must see a real AF_INET connect (to a closed local port).
  const probe = traced([process.execPath, '-e', "const s=require('net').connect(9,'127.0.0.1');s.on('error',()=>{});s.on('close',()=>process.exit(0));setTimeout(()=>process.exit(0),2000)"], root);
  if (probe.lines.length === 0 && /ptrace|Operation not permitted/i.test(probe.stderr)) {
    skip = `strace cannot trace here (${probe.stderr.trim().split('\n')[0]}): network isolation not checked`;
    return;
  }
  assert.ok(internet(probe.lines).length > 0, `the strace self-check saw no AF_INET connect:\n${probe.lines.join('\n')}\n${probe.stderr}`);
  ({ cli, temp } = currentCli());
});

after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  if (temp) rmSync(temp, { recursive: true, force: true });
});

for (const args of [['scan', '.'], ['scan', '.', '--format', 'sarif'], ['scan', '.', '--format', 'json'], ['rules']]) {
  test(`plainsight ${args.join(' ')}: no internet connection, no program executed`, (t) => {
    if (skip) return t.skip(skip);
    const trace = traced([process.execPath, cli, ...args], root);
    assert.ok(trace.status === 0 || trace.status === 1, `exit status ${trace.status}: ${trace.stderr.slice(0, 300)}`);
    assert.deepEqual(internet(trace.lines), [], 'connect/sendto/sendmsg to an AF_INET or AF_INET6 address');
    // The first execve is strace starting node; any other is a program the CLI ran.
    const programs = trace.lines.filter((l) => /\bexecve\(/.test(l) && !l.includes('<unfinished') && !/= -1 /.test(l)).slice(1);
    assert.deepEqual(programs, [], 'programs executed by the CLI');
  });
}

test('git as the fix commands call it does not run commands configured by the repository (core.fsmonitor)', async (t) => {
  if (spawnSync('git', ['--version']).status !== 0) return t.skip('git is not installed');
  // A hostile repository: its .git/config names a program git runs on index reads.
  const repo = mkdtempSync(join(tmpdir(), 'plainsight-hostile-repo-'));
  try {
    const marker = join(repo, 'ran');
    const hook = join(repo, 'hook.sh');
    writeFileSync(hook, `#!/bin/sh\necho ran >> '${marker}'\n`);
    chmodSync(hook, 0o755);
    const git = (...a: string[]) => spawnSync('git', a, { cwd: repo, encoding: 'utf8' });
    git('init', '-q', '.');
    writeFileSync(join(repo, '.env'), `DB_PASSWORD=${FAKE_PASSWORD}\n`);
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'add', '.env');
    git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'x');
    git('config', 'core.fsmonitor', hook);
    const { isTracked, isIgnored, headText } = await import('../../src/cli/git');
    await isTracked(repo, '.env');
    await isIgnored(repo, '.env');
    await headText(repo, '.env');
    assert.equal(
      existsSync(marker),
      false,
      "src/cli/git.ts ran the repository's core.fsmonitor program: a repository can run any command on the machine of whoever runs `plainsight fix` or the editor's Move to environment variable on it. Fix: pass `-c core.fsmonitor=false` (and keep repository config from choosing programs) on every git call.",
    );
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
