// Scans a list of jobs on the main thread and, for large scans, on worker threads too. Analysis is
// CPU-bound and synchronous, so on a machine with more than one core a large tree finishes sooner
// when the files are shared out; small scans stay on one thread, where starting a worker (a new
// V8 isolate that loads and compiles the core) would cost more than it saves.
//
// All threads claim jobs from one shared counter (scan-file.ts `drain`) and every result lands at
// its job's index, so the output is the same, byte for byte, whatever the number of threads and
// whichever thread scanned which file.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { Config } from '../core/index';
import type { ScannedFile } from '../core/output/index';
import { drain, scanFile, type ScanJob } from './scan-file';

/** What the main thread posts to a worker, once. */
export interface WorkerTask {
  jobs: ScanJob[];
  configs: (Config | undefined)[];
  /** One Int32: the index of the next job to claim (Atomics.add). */
  next: SharedArrayBuffer;
}

/** What a worker posts back, once: the jobs it scanned; `failed` when it stopped on an error. */
export interface WorkerResult {
  files: [number, ScannedFile][];
  failed: boolean;
}

/**
 * Measured on 2 cores (705 and 1,836 config files from node_modules and the test corpus, quiet
 * machine): a second thread gave no shorter wall time (1.80 s vs 1.79 s; 4.5 s vs 4.3 s), for
 * ~35% more CPU and ~50 MB more peak memory (past the 150 MB budget). One thread already keeps two
 * cores busy: V8 collects garbage and compiles on helper threads (2.4 s CPU in 1.8 s wall), and a
 * worker adds its own load of the core (~0.15 s CPU) and JIT warm-up. So workers are used by
 * default only with cores to spare (MIN_CORES) and thousands of files; PLAINSIGHT_THREADS
 * overrides.
 */
export const MIN_CORES = 4;
/** Files per thread before another thread is considered. */
export const FILES_PER_THREAD = 2000;
/** Each worker holds its own copy of the core and its heap (~50 MB): the cap keeps peak memory in bounds on many-core machines. */
export const MAX_WORKERS = 3;

/**
 * How many worker threads (besides the main thread) a scan of `files` files should use.
 * `threads` overrides the number of threads in all (PLAINSIGHT_THREADS; 1 means no workers).
 */
export function workerCount(files: number, parallelism: number, threads?: number): number {
  // One core is left to V8's helper threads.
  const wanted = threads ?? (parallelism < MIN_CORES ? 1 : Math.min(parallelism - 1, MAX_WORKERS + 1, Math.floor(files / FILES_PER_THREAD)));
  // Never more workers than there are files for the main thread to share with.
  return Math.max(0, Math.min(wanted - 1, files - 1));
}

/** `PLAINSIGHT_THREADS`: a whole number from 1 to 99, else undefined (the default applies). */
export function threadsSetting(value: string | undefined): number | undefined {
  if (value === undefined || !/^[1-9][0-9]?$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

export interface PoolOptions {
  /** Threads in all, the main thread included (PLAINSIGHT_THREADS); default: by file count and cores. */
  threads?: number;
  /** Cores to plan for; default `os.availableParallelism()`. */
  parallelism?: number;
  /** The worker script; default scan-worker.js beside this code (tests pass others). */
  entry?: { file: string; execArgv?: string[] };
}

export class ScanPool {
  private constructor(
    private readonly workers: Worker[],
    /** Per worker: its result, or undefined when it failed to start, crashed or exited early. */
    private readonly outcomes: Promise<WorkerResult | undefined>[],
  ) {}

  /**
   * Starts the workers for a scan of `files` files, or returns undefined when one thread will do
   * (or the worker script is not there). Started before the jobs are known, so that the workers
   * load the core while the main thread is still resolving configurations.
   */
  static start(files: number, options: PoolOptions = {}): ScanPool | undefined {
    const count = workerCount(files, options.parallelism ?? availableParallelism(), options.threads);
    const entry = count > 0 ? (options.entry ?? workerEntry()) : undefined;
    if (!entry) return undefined;
    // Loaded here only: most scans (a handful of files from a hook or the editor) never need it.
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const workers: Worker[] = [];
    const outcomes: Promise<WorkerResult | undefined>[] = [];
    for (let i = 0; i < count; i++) {
      const worker = new Worker(entry.file, { execArgv: entry.execArgv });
      // An idle worker must not keep the process alive if the scan stops before `run` (exit 2).
      worker.unref();
      workers.push(worker);
      outcomes.push(
        new Promise((resolve) => {
          worker.once('message', (result: WorkerResult) => resolve(result));
          worker.once('error', () => resolve(undefined));
          worker.once('exit', () => resolve(undefined));
        }),
      );
    }
    return new ScanPool(workers, outcomes);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Scans the jobs on this thread and the workers; results in job order. The pool is closed after. */
  async run(jobs: ScanJob[], configs: (Config | undefined)[]): Promise<ScannedFile[]> {
    const next = new Int32Array(new SharedArrayBuffer(4));
    const results = new Array<ScannedFile | undefined>(jobs.length);
    try {
      const task: WorkerTask = { jobs, configs, next: next.buffer as SharedArrayBuffer };
      for (const worker of this.workers) {
        try {
          worker.postMessage(task);
          worker.ref();
        } catch {
          // A configuration that cannot be cloned: this thread scans everything instead.
          void worker.terminate();
        }
      }
      drain(next, jobs, configs, (index, file) => {
        results[index] = file;
      });
      for (const outcome of await Promise.all(this.outcomes)) for (const [index, file] of outcome?.files ?? []) results[index] = file;
    } finally {
      this.close();
    }
    // A worker that failed took jobs it never reported: they are scanned here, so nothing is lost
    // and an error in the analysis surfaces as it does on one thread.
    return results.map((file, index) => file ?? scanFile(jobs[index], configs[jobs[index].config]));
  }

  /** Stops the workers (those that finished have exited already). */
  close(): void {
    for (const worker of this.workers) void worker.terminate();
  }
}

/** Scans the jobs in order, with the pool when there is one. */
export async function scanJobs(jobs: ScanJob[], configs: (Config | undefined)[], pool: ScanPool | undefined): Promise<ScannedFile[]> {
  if (pool) return pool.run(jobs, configs);
  return jobs.map((job) => scanFile(job, configs[job.config]));
}

/**
 * The worker script beside this code: dist/scan-worker.js next to dist/cli.js when bundled, or
 * the TypeScript source when running from src/ (tests, through tsx's require hook).
 */
function workerEntry(): { file: string; execArgv?: string[] } | undefined {
  const bundled = join(__dirname, 'scan-worker.js');
  if (existsSync(bundled)) return { file: bundled };
  const source = join(__dirname, 'scan-worker.ts');
  if (__filename.endsWith('.ts') && existsSync(source)) return { file: source, execArgv: ['--require', 'tsx/cjs'] };
  return undefined;
}
