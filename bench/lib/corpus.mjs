// Locates the labelled corpus: either the shared corpus folder (files.tar.gz + unpack.sh +
// labels.jsonl), unpacked here into a temporary folder with its own script, or a folder that is
// already unpacked (labels next to it or given with --labels).
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

export class CorpusError extends Error {}

export const EXPECTED = `Expected either
  - the shared corpus folder, holding files.tar.gz, unpack.sh and labels.jsonl
    (in the Plainsight workspace: ../shared/corpus; a plain clone of the repository has none), or
  - an already unpacked corpus folder, with labels.jsonl inside it or given with --labels FILE.`;

/** @returns {{ root: string, labelsFile: string, unpacked: boolean }} */
export function locateCorpus(dir, labelsOption) {
  const base = resolve(dir);
  if (!existsSync(base) || !statSync(base).isDirectory()) throw new CorpusError(`corpus folder not found: ${dir}\n${EXPECTED}`);
  const labelsFile = labelsOption ? resolve(labelsOption) : join(base, 'labels.jsonl');
  if (!existsSync(labelsFile)) throw new CorpusError(`labels not found: ${labelsFile}\n${EXPECTED}`);

  const archive = join(base, 'files.tar.gz');
  const script = join(base, 'unpack.sh');
  if (existsSync(archive) && existsSync(script)) {
    const root = mkdtempSync(join(tmpdir(), 'plainsight-corpus-'));
    const run = spawnSync('bash', [script, root], { encoding: 'utf8' });
    if (run.status !== 0) throw new CorpusError(`unpack.sh failed (exit ${run.status}): ${run.stderr.trim()}`);
    return { root, labelsFile, unpacked: true };
  }
  if (existsSync(archive) !== existsSync(script)) throw new CorpusError(`${base} has only one of files.tar.gz and unpack.sh\n${EXPECTED}`);
  return { root: base, labelsFile, unpacked: false };
}

/** One JSON object per line; see SOURCES.md in the corpus for the schema. */
export function readLabels(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      try {
        return JSON.parse(line);
      } catch {
        throw new CorpusError(`${file}:${i + 1}: not a JSON object`);
      }
    });
}
