// What the command checks of transport/insecure-command produce, and the helpers that build it:
// a flag whose word goes away, or a value the fix flips to its secure spelling.
import type { Severity, TextEdit, TextRange } from '../../types';
import type { SimpleCommand, Word } from './commands';
import { removeWord } from './edits';
import { flipTo } from './values';

export interface Hit {
  range: TextRange;
  /** What was written, for the message (`-k`, `http.sslVerify=false`). */
  shown: string;
  effect: string;
  severity?: Severity;
  fix?: { title: string; edit: TextEdit | undefined };
}

export type Check = (cmd: SimpleCommand, text: string) => Hit[];

export const UNSAFE = "unsafe: fails until the server's certificate is trusted";

/** A flag whose whole word goes away. */
export function removal(word: Word, text: string, shown: string, effect: string): Hit {
  const range = word.range();
  return { range, shown, effect, fix: { title: `Remove ${word.value} (${UNSAFE})`, edit: removeWord(text, range, { first: word.value }) } };
}

/** A value from `from` to the word's end that the fix flips to `on` (true) or off. */
export function flip(word: Word, from: number, shown: string, effect: string, on: boolean): Hit {
  const value = word.value.slice(from);
  const range = word.range(from, word.value.length);
  return { range: word.range(), shown, effect, fix: { title: `Set ${flipTo(value, on)} (${UNSAFE})`, edit: { ...range, newText: flipTo(value, on) } } };
}

/** Non-option words, skipping options and the arguments of those in `withArg`. */
export function positionals(words: Word[], withArg: ReadonlySet<string>): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const v = words[i].value;
    if (v.startsWith('-') && v.length > 1) {
      if (withArg.has(v)) i++;
      continue;
    }
    out.push(words[i]);
  }
  return out;
}
