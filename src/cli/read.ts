// Reads a file for analysis, or says why it was not: too large, binary, unreadable. Never throws:
// one bad file must not end a scan of thousands.
//
// The read is synchronous (open, fstat, read, close on one descriptor): analysis runs on the same
// thread right after it, and for the small files a scan is made of, promise-based reads cost more
// CPU in handles and thread-pool round trips than the reading itself.
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { decode, type ReadResult } from '../core/decode';

// Pure, so the editor (web worker too) decodes files the same way; re-exported for callers here.
export { decode, type ReadResult };

export async function readForAnalysis(path: string, maxChars: number): Promise<ReadResult> {
  return readForAnalysisSync(path, maxChars);
}

export function readForAnalysisSync(path: string, maxChars: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    // Say what a stat would have said first (too large beats unreadable), as before the open.
    try {
      const { size } = statSync(path);
      if (size > maxChars * 3) return overLimit(size, maxChars);
    } catch (statError) {
      return unreadable(statError);
    }
    return unreadable(error);
  }
  try {
    const { size } = fstatSync(fd);
    // UTF-8 needs at most 3 bytes per UTF-16 code unit, so a file this large is over the
    // character limit whatever it holds; smaller files are measured exactly by the engine.
    if (size > maxChars * 3) return overLimit(size, maxChars);
    return decode(readAll(fd, size));
  } catch (error) {
    return unreadable(error);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // Nothing to do: the bytes, or the reason there are none, are already in hand.
    }
  }
}

/** The whole file: `size` bytes as `fstat` reported them, or to the end for files that report 0. */
function readAll(fd: number, size: number): Buffer {
  // Files reporting size 0 (procfs, some pipes behind links) may still hold bytes.
  if (size === 0) return readFileSync(fd);
  const buffer = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const n = readSync(fd, buffer, filled, size - filled, filled);
    if (n === 0) break;
    filled += n;
  }
  return filled < size ? buffer.subarray(0, filled) : buffer;
}

function overLimit(size: number, maxChars: number): ReadResult {
  return { skipped: `skipped: ${size} bytes is over the limit of ${maxChars} characters (setting maxFileSize)` };
}

function unreadable(error: unknown): ReadResult {
  return { skipped: `skipped: unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).name})` };
}
