// Draws media/icon.png, the marketplace icon: an eye on a shield ("in plain sight"), 128×128 RGBA,
// anti-aliased by 4×4 supersampling, written as a PNG with node:zlib. Deterministic, so the file
// only changes when this drawing does.
//   node --import tsx src/build/icon.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

export const SIZE = 128;
type RGBA = [number, number, number, number];

const NAVY: RGBA = [0x17, 0x32, 0x4d, 255];
const RIM: RGBA = [0x3f, 0xa7, 0xd6, 255];
const WHITE: RGBA = [0xf4, 0xf8, 0xfb, 255];
const CLEAR: RGBA = [0, 0, 0, 0];

/** Half-width of the shield at height y (0 outside it); `inset` shrinks it for the inner field. */
function shieldHalfWidth(y: number, inset: number): number {
  const top = 12 + inset;
  const shoulder = 64;
  const bottom = 118 - inset * 1.6;
  const half = 48 - inset;
  if (y < top || y > bottom) return 0;
  if (y <= shoulder) {
    // Rounded top corners.
    const r = 10;
    return y < top + r ? half - r + Math.sqrt(Math.max(0, r * r - (top + r - y) ** 2)) : half;
  }
  const t = (y - shoulder) / (bottom - shoulder);
  return half * Math.sqrt(Math.max(0, 1 - t ** 1.7));
}

function colourAt(x: number, y: number): RGBA {
  const dx = Math.abs(x - 64);
  if (dx > shieldHalfWidth(y, 0)) return CLEAR;
  if (dx > shieldHalfWidth(y, 6)) return RIM;
  // The eye: the lens between two circles, with an iris and a pupil.
  const ex = x - 64;
  const ey = y - 60;
  const lensR = 40;
  const lensOffset = 24;
  const inLens = ex * ex + (ey - lensOffset) ** 2 < lensR * lensR && ex * ex + (ey + lensOffset) ** 2 < lensR * lensR;
  if (!inLens) return NAVY;
  const d = Math.hypot(ex, ey);
  if (d < 6) return NAVY;
  if (d < 14) return RIM;
  return WHITE;
}

export function drawIcon(): Buffer {
  const samples = 4;
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    const row = py * (SIZE * 4 + 1);
    raw[row] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const c = colourAt(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples);
          // Premultiplied, so transparent samples do not darken the edges.
          for (let i = 0; i < 3; i++) sum[i] += (c[i] * c[3]) / 255;
          sum[3] += c[3];
        }
      }
      const n = samples * samples;
      const alpha = sum[3] / n;
      const at = row + 1 + px * 4;
      for (let i = 0; i < 3; i++) raw[at + i] = alpha ? Math.round(((sum[i] / n) * 255) / alpha) : 0;
      raw[at + 3] = Math.round(alpha);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type: RGBA
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

if (require.main === module) {
  const file = join(__dirname, '..', '..', 'media', 'icon.png');
  writeFileSync(file, drawIcon());
  process.stdout.write(`wrote ${file}\n`);
}
