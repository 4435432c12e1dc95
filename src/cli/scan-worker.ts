// Entry point of a scan worker thread (bundled as dist/scan-worker.js; started by scan-pool.ts).
// It loads the core while the main thread is still collecting files, then receives one task:
// the scan's jobs and a shared counter, from which it claims jobs like the main thread does. The
// results go back in one message at the end; the worker then has nothing left to wait for and
// exits. Nothing here prints: file contents must never reach a log.
import { parentPort } from 'node:worker_threads';
import type { ScannedFile } from '../core/output/index';
import { drain } from './scan-file';
import type { WorkerResult, WorkerTask } from './scan-pool';

parentPort?.once('message', ({ jobs, configs, next }: WorkerTask) => {
  const files: [number, ScannedFile][] = [];
  let failed = false;
  try {
    drain(new Int32Array(next), jobs, configs, (index, file) => void files.push([index, file]));
  } catch {
    // The main thread scans whatever this worker claimed but did not report, so an error in the
    // analysis surfaces there exactly as it does without workers.
    failed = true;
  }
  const result: WorkerResult = { files, failed };
  parentPort!.postMessage(result);
});
