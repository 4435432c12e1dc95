// Bytes → text for front ends that read files themselves (the CLI). Pure: Uint8Array and
// TextDecoder only, so it runs in Node and in a web worker alike.
//
// Outcomes, each defined:
//   - UTF-8, with or without a byte-order mark: decoded, the mark dropped (editors hide it, so
//     offsets match what users see). Invalid sequences become U+FFFD and `lossy` is set; the
//     rest of the file is analysed as usual.
//   - UTF-16 LE or BE with a byte-order mark (PowerShell's `Out-File`, Windows tools): decoded,
//     the mark dropped. An odd trailing byte becomes U+FFFD (`lossy`).
//   - UTF-32 (by its byte-order mark): skipped with a message; nobody writes config files in it.
//   - NUL bytes in the first 8000 bytes (what git looks at): skipped as binary, with a more
//     helpful message when the zeros fall like UTF-16 text saved without a byte-order mark.

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** What the CLI and the workspace scan need: the text, or why the file was not read. */
export type ReadResult = { text: string } | { skipped: string };

/** `decodeBytes` narrowed to ReadResult (the CLI's `readForAnalysis` and the workspace scan use it). */
export function decode(bytes: Uint8Array): ReadResult {
  const d = decodeBytes(bytes);
  return 'skipped' in d ? { skipped: d.skipped } : { text: d.text };
}

export type Decoded =
  | { text: string; encoding: Encoding; bom: boolean; lossy: boolean }
  | { skipped: string };

/** How far binary sniffing looks (git looks at the same amount). */
const SNIFF_BYTES = 8000;

export function decodeBytes(bytes: Uint8Array): Decoded {
  const b = bytes;
  if (b.length >= 4 && ((b[0] === 0xff && b[1] === 0xfe && b[2] === 0 && b[3] === 0) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe && b[3] === 0xff))) {
    return { skipped: 'skipped: UTF-32 text is not supported (save the file as UTF-8)' };
  }
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return utf16(b.subarray(2), 'utf-16le');
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return utf16(b.subarray(2), 'utf-16be');
  const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  const body = bom ? b.subarray(3) : b;
  const head = body.subarray(0, SNIFF_BYTES);
  if (head.includes(0)) {
    return { skipped: looksLikeBomlessUtf16(head) ? 'skipped: looks like UTF-16 without a byte-order mark (save it as UTF-8, or UTF-16 with a BOM)' : 'skipped: binary content' };
  }
  return { ...utf8(body), encoding: 'utf-8', bom };
}

function utf8(bytes: Uint8Array): { text: string; lossy: boolean } {
  try {
    // ignoreBOM: the mark was handled above; a second one is content.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), lossy: false };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), lossy: true };
  }
}

function utf16(body: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Decoded {
  // Big-endian is swapped to little-endian by hand: every TextDecoder has utf-16le, not all
  // builds have utf-16be.
  let le = body;
  if (encoding === 'utf-16be') {
    le = new Uint8Array(body.length);
    for (let i = 0; i + 1 < body.length; i += 2) {
      le[i] = body[i + 1];
      le[i + 1] = body[i];
    }
    if (body.length % 2) le[body.length - 1] = body[body.length - 1];
  }
  const text = new TextDecoder('utf-16le', { ignoreBOM: true }).decode(le);
  return { text, encoding, bom: true, lossy: body.length % 2 === 1 || text.includes('\ufffd') };
}

/** Zeros in (nearly) every other byte and nowhere else: ASCII text saved as UTF-16 without a BOM. */
function looksLikeBomlessUtf16(head: Uint8Array): boolean {
  if (head.length < 8) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < head.length; i++) if (head[i] === 0) i % 2 ? oddZeros++ : evenZeros++;
  const half = head.length / 2;
  return (oddZeros > half * 0.9 && evenZeros === 0) || (evenZeros > half * 0.9 && oddZeros === 0);
}
