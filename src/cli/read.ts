// Reads a file for analysis, or says why it was not: too large, binary, unreadable. Never throws:
// one bad file must not end a scan of thousands.
import { readFile, stat } from 'node:fs/promises';

export type ReadResult = { text: string } | { skipped: string };

/** How far into a file binary sniffing looks (git looks at the same amount). */
const SNIFF_BYTES = 8000;

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

export function decode(bytes: Uint8Array): ReadResult {
  // UTF-16 files are text despite their zero bytes; their byte-order mark says so.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes) };
  if (bytes.subarray(0, SNIFF_BYTES).includes(0)) return { skipped: 'skipped: binary content' };
  // TextDecoder drops a UTF-8 byte-order mark, as editors do, so offsets match what users see.
  return { text: new TextDecoder('utf-8').decode(bytes) };
}
