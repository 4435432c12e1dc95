// Reading and flipping the boolean-ish values that switch TLS on and off, in any file's spelling.
import { table } from '../../table';

/** `false`, `no`, `off`, `0` in any case, quotes already removed. */
export function isFalse(value: string): boolean {
  return /^(false|no|off|0)$/i.test(value.trim());
}

/** `true`, `yes`, `on`, `1` in any case, quotes already removed. */
export function isTrue(value: string): boolean {
  return /^(true|yes|on|1)$/i.test(value.trim());
}

const OPPOSITES = table<[on: string, off: string]>({
  true: ['true', 'false'],
  false: ['true', 'false'],
  yes: ['yes', 'no'],
  no: ['yes', 'no'],
  on: ['on', 'off'],
  off: ['on', 'off'],
  '1': ['1', '0'],
  '0': ['1', '0'],
});

/**
 * The boolean `on` (true) or off (false) in the spelling and case of `value`, so a fix changes
 * only the meaning: `False` → `True`, `no` → `yes`, `0` → `1`, `NO` → `YES`.
 */
export function flipTo(value: string, on: boolean): string {
  const word = value.trim();
  const [yes, no] = Object.hasOwn(OPPOSITES, word.toLowerCase()) ? OPPOSITES[word.toLowerCase()] : ['true', 'false'];
  const out = on ? yes : no;
  if (word.length > 1 && word === word.toUpperCase() && /[A-Z]/.test(word)) return out.toUpperCase();
  if (/^[A-Z]/.test(word)) return out[0].toUpperCase() + out.slice(1);
  return out;
}
