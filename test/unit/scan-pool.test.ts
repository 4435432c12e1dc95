// The scan's thread pool (src/cli/scan-pool.ts): how many workers a scan gets, that jobs are
// shared out exactly once and merged back in job order, that a failing worker loses nothing, and
// that `plainsight scan` prints the same bytes on one thread and on several.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../src/core/index';
import { main } from '../../src/cli/main';
import { drain, scanFile, type ScanJob } from '../../src/cli/scan-file';
import { FILES_PER_THREAD, MAX_WORKERS, MIN_CORES, ScanPool, scanJobs, threadsSetting, workerCount } from '../../src/cli/scan-pool';
import { scratchRoot } from './helpers/cli';

const scratch = scratchRoot('scan-pool');

// Obviously fake values, assembled so no scanner flags this file itself.
const FAKE_PASSWORD = ['fake', 'Pass', 'word', '4', 'tests'].join('');
const files: Record<string, string | Uint8Array> = {
  'a/docker-compose.yml': `services:\n  db:\n    environment:\n      POSTGRES_PASSWORD: ${FAKE_PASSWORD}\n`,
  'a/.env': `API_URL=http://api.example.com/v1\nDB_PASSWORD=${FAKE_PASSWORD}\n`,
  'b/config.json': `{ "endpoint": "http://telemetry.example.org/ingest", "password": "${FAKE_PASSWORD}" }\n`,
  'b/clean.yaml': 'name: nothing to see\n',
  'b/binary.json': new Uint8Array([0, 1, 2, 3, 0, 0, 255]),
  'c/settings.ini': `[db]\npassword = ${FAKE_PASSWORD}\n`,
  'c/app.yml': 'url: http://internal.example.net\n',
  '.github/workflows/ci.yml': 'on: push\npermissions: write-all\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -k https://example.com\n',
};

function jobsIn(dir: string): ScanJob[] {
  return Object.keys(files)
    .sort()
    .map((path) => ({ absolute: join(dir, path), path, gitIgnored: false, maxChars: 1024 * 1024, config: 0 }));
}

test('workerCount: one thread on 2 cores and for small scans; more with files and spare cores, within the cap', () => {
  assert.equal(workerCount(FILES_PER_THREAD * 100, 2), 0, 'on 2 cores V8 helper threads use the second one');
  assert.equal(workerCount(FILES_PER_THREAD * 100, MIN_CORES - 1), 0);
  assert.equal(workerCount(10, 8), 0);
  assert.equal(workerCount(FILES_PER_THREAD * 2 - 1, 8), 0);
  assert.equal(workerCount(FILES_PER_THREAD * 2, 8), 1);
  assert.equal(workerCount(FILES_PER_THREAD * 100, MIN_CORES), MIN_CORES - 2, 'one core left to V8');
  assert.equal(workerCount(FILES_PER_THREAD * 100, 64), MAX_WORKERS);
  // PLAINSIGHT_THREADS wins over both, but a scan never gets more workers than files to share.
  assert.equal(workerCount(10, 1, 4), 3);
  assert.equal(workerCount(FILES_PER_THREAD * 100, 64, 1), 0);
  assert.equal(workerCount(2, 8, 8), 1);
  assert.equal(workerCount(0, 8, 8), 0);
});

test('threadsSetting: a whole number from 1 to 99, else the default', () => {
  assert.equal(threadsSetting('3'), 3);
  assert.equal(threadsSetting(' 1 '), 1);
  assert.equal(threadsSetting('99'), 99);
  for (const bad of [undefined, '', '0', '-1', '1.5', 'two', '100', '99999']) assert.equal(threadsSetting(bad), undefined, String(bad));
});

test('drain: threads sharing one counter scan every job exactly once', () => {
  const dir = scratch.folder(files);
  const jobs = jobsIn(dir);
  let calls = 0;
  drain(new Int32Array(new SharedArrayBuffer(4)), [], [undefined], () => calls++);
  assert.equal(calls, 0);
  // A second thread arriving after the first has emptied the queue finds nothing left to do.
  const next = new Int32Array(new SharedArrayBuffer(4));
  const seen: number[] = [];
  drain(next, jobs, [undefined], (index, file) => {
    seen.push(index);
    assert.equal(file.path, jobs[index].path);
  });
  drain(next, jobs, [undefined], (index) => seen.push(index));
  assert.deepEqual(seen, jobs.map((_, i) => i), 'each index once, in claim order');
});

test('a pool of workers gives the results of one thread, in job order', async () => {
  const dir = scratch.folder(files);
  const jobs = jobsIn(dir);
  const configs = [undefined, { rules: { 'transport/cleartext-url': 'error' as const } }];
  jobs[2].config = 1;
  const alone = await scanJobs(jobs, configs, undefined);
  assert.ok(alone.some((f) => f.findings.length > 0) && alone.some((f) => f.skipped), 'the fixture has findings and a skipped file');
  const pool = ScanPool.start(jobs.length, { threads: 3 });
  assert.ok(pool, 'workers start from the TypeScript source');
  assert.equal(pool.size, 2);
  const shared = await scanJobs(jobs, configs, pool);
  assert.deepEqual(shared, alone);
  assert.equal(JSON.stringify(shared), JSON.stringify(alone));
});

test('a worker that dies leaves nothing out: the main thread scans what it took', async () => {
  const dir = scratch.folder({ ...files, 'crash.js': "require('node:worker_threads').parentPort.once('message', () => process.exit(3));\n" });
  const jobs = jobsIn(dir);
  const pool = ScanPool.start(jobs.length, { threads: 3, entry: { file: join(dir, 'crash.js') } });
  assert.ok(pool);
  const results = await pool.run(jobs, [undefined]);
  assert.deepEqual(results, jobs.map((job) => scanFile(job, undefined)));
});

test('a worker that cannot start leaves nothing out either', async () => {
  const dir = scratch.folder(files);
  writeFileSync(join(dir, 'broken.js'), 'this is not javascript (\n');
  const jobs = jobsIn(dir);
  const pool = ScanPool.start(jobs.length, { threads: 2, entry: { file: join(dir, 'broken.js') } });
  const results = await scanJobs(jobs, [undefined], pool);
  assert.deepEqual(results, jobs.map((job) => scanFile(job, undefined)));
});

test('a configuration that cannot be posted to workers is scanned on the main thread', async () => {
  const dir = scratch.folder(files);
  const jobs = jobsIn(dir);
  // A function cannot be cloned into a worker; the analysis itself ignores the unknown key.
  const configs = [{ rules: {}, unclonable: () => undefined } as unknown as Config];
  const pool = ScanPool.start(jobs.length, { threads: 2 });
  assert.deepEqual(await scanJobs(jobs, configs, pool), await scanJobs(jobs, configs, undefined));
});

test('plainsight scan prints the same bytes and exits the same on one thread and on several', async () => {
  const dir = scratch.folder(files);
  const run = async (args: string[], threads: string) => {
    let stdout = '';
    let stderr = '';
    const code = await main(args, { cwd: dir, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdoutIsTTY: false, env: { PLAINSIGHT_THREADS: threads } });
    return { code, stdout, stderr };
  };
  for (const format of ['text', 'json', 'sarif']) {
    const one = await run(['scan', '--format', format], '1');
    assert.equal(one.code, 1);
    assert.deepEqual(await run(['scan', '--format', format], '2'), one, format);
  }
  const clean = ['scan', 'b/clean.yaml', 'c/app.yml', '--fail-on', 'error'];
  assert.deepEqual(await run(clean, '2'), await run(clean, '1'));
});
