// Reads a file for analysis, or says why it was not: too large, binary, unreadable. Never throws:
// one bad file must not end a scan of thousands.
import { readFile, stat } from 'node:fs/promises';
import { decode, type ReadResult } from '../core/decode';

// Pure, so the editor (web worker too) decodes files the same way; re-exported for callers here.
export { decode, type ReadResult };

export async function readForAnalysis(path: string, maxChars: number): Promise<ReadResult> {
  try {
    const { size } = await stat(path);
    // UTF-8 needs at most 3 bytes per UTF-16 code unit, so a file this large is over the
    // character limit whatever it holds; smaller files are measured exactly by the engine.
    if (size > maxChars * 3) return { skipped: `skipped: ${size} bytes is over the limit of ${maxChars} characters (setting maxFileSize)` };
    return decode(await readFile(path));
  } catch (error) {
    return { skipped: `skipped: unreadable (${(error as NodeJS.ErrnoException).code ?? (error as Error).name})` };
  }
}
