// Finds the shell scripts a file runs and turns them into commands with source ranges.
import type { FileInfo, CommandHit } from './rule';
import type { PathSegment, ScalarNode } from './parse/model';
import { isScalar, isSeq, keyOf, sourceRange } from './parse/model';
import { tokenizeShell, wordSubRange } from './shell/tokenize';
import type { ShellCommand, ShellWord } from './shell/tokenize';

/** Keys whose string value is a shell script, in every YAML/JSON kind. */
const SCRIPT_KEYS = new Set([
  'run',
  'script',
  'before_script',
  'after_script',
  'shell',
  'cmd',
  'command',
  'entrypoint',
  'args',
  'test',
  'inline',
  // Ansible modules by their fully qualified names.
  'ansible.builtin.shell',
  'ansible.builtin.command',
  'ansible.builtin.raw',
  'ansible.legacy.shell',
  'ansible.legacy.command',
]);

/** Keys whose sequence value is one argv (exec form). */
const ARGV_KEYS = new Set(['command', 'entrypoint', 'args', 'test', 'cmd']);

/** True when the scalar at `path` holds a shell script. */
export function isScriptPath(path: PathSegment[]): boolean {
  for (let i = path.length - 1; i >= 0 && i >= path.length - 2; i--) {
    const seg = path[i];
    if (typeof seg === 'string') return SCRIPT_KEYS.has(seg);
  }
  return false;
}

/** Commands in a scalar that holds a script. */
export function commandsInScalar(file: FileInfo, node: ScalarNode, path: PathSegment[]): CommandHit[] {
  if (node.type !== 'string' || !/\s/.test(node.value)) return argvFromSequence(file, node, path);
  const script = node.value;
  return tokenizeShell(script).map((command) => ({
    command,
    script,
    node,
    path,
    rangeOf: (word: ShellWord, from?: number, to?: number) => {
      const r = from === undefined ? { start: word.start, end: word.end } : wordSubRange(script, word, from, to ?? word.value.length);
      return sourceRange(file.text, node, r.start, r.end);
    },
  }));
}

/**
 * Exec-form arrays (`command: ["curl", "-k", "https://x"]`) are already argv: build one command
 * from the sequence once, when visiting its first item.
 */
function argvFromSequence(file: FileInfo, node: ScalarNode, path: PathSegment[]): CommandHit[] {
  const seq = node.parent;
  if (!seq || !isSeq(seq) || seq.items[0] !== node) return [];
  // Lists under `script:` are one command per item, not one argv.
  if (!ARGV_KEYS.has(keyOf(seq) ?? '')) return [];
  const words: ShellWord[] = [];
  const nodes: ScalarNode[] = [];
  let script = '';
  for (const item of seq.items) {
    if (!isScalar(item)) return [];
    if (script) script += ' ';
    words.push({ value: item.value, start: script.length, end: script.length + item.value.length });
    nodes.push(item);
    script += item.value;
  }
  // `sh -c "script"`: the script is tokenized by commandsInScalar when it is visited itself.
  const command: ShellCommand = { assignments: [], argv: words, start: 0, end: script.length };
  return [
    {
      command,
      script,
      node,
      path,
      rangeOf: (word: ShellWord, from?: number, to?: number) => {
        const i = words.indexOf(word);
        const item = nodes[i] ?? node;
        return from === undefined ? { start: item.start, end: item.end } : sourceRange(file.text, item, from, to ?? item.value.length);
      },
    },
  ];
}

/** Commands of a Dockerfile's RUN instructions (offsets straight into the file). */
export function commandsInRaw(file: FileInfo): CommandHit[] {
  const hits: CommandHit[] = [];
  for (const raw of file.parsed.commands) {
    const script = raw.text;
    for (const command of tokenizeShell(script)) {
      hits.push({
        command,
        script,
        rangeOf: (word: ShellWord, from?: number, to?: number) => {
          const r = from === undefined ? { start: word.start, end: word.end } : wordSubRange(script, word, from, to ?? word.value.length);
          return { start: raw.start + r.start, end: raw.start + r.end };
        },
      });
    }
  }
  return hits;
}
