// `plainsight baseline`: records every current finding as accepted, so that `scan --baseline FILE`
// (and the editor's `plainsight.baseline` setting) report only new ones. The file holds
// fingerprints (no line numbers, no secret values: they are built from masked excerpts) with each
// finding's rule id and path for people reviewing it.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { createBaseline, DEFAULT_BASELINE_FILE, formatBaseline, relativePath } from '../core/baseline';
import { stringFlag, type ParsedArgs } from './args';
import type { Command } from './command';
import { EXIT, UsageError, type CliIO } from './io';
import { scanTargets } from './scan';

export const baselineCommand: Command = {
  name: 'baseline',
  summary: 'Record the current findings so later scans report only new ones',
  help: `Usage: plainsight baseline [paths...] [options]

Scans like 'plainsight scan' (same files, same configuration) and writes every finding's
fingerprint to a baseline file. 'plainsight scan --baseline FILE' then reports only findings that
are not in it; the VS Code extension honours the file named in the setting plainsight.baseline.
Fingerprints do not contain line numbers, so edits above a finding do not bring it back, and
they are built from masked text: the file holds no secret values. Paths in the file are relative
to its folder, so it can be committed and used from any working directory.

Options:
  -o, --output FILE      where to write (default: ${DEFAULT_BASELINE_FILE})
      --config FILE      settings as JSON, as for 'plainsight scan'
      --no-config        do not look for .plainsight.json/.yaml project files
  -h, --help             show this help

Exit status: 0 written, 2 usage or I/O error.`,
  flags: {
    output: { value: true, short: 'o' },
    config: { value: true },
    'no-config': { value: false },
  },
  run: async (args: ParsedArgs, io: CliIO) => {
    const output = resolve(io.cwd, stringFlag(args, 'output') ?? DEFAULT_BASELINE_FILE);
    const scanned = await scanTargets(args, io, (message) => io.stderr(`plainsight: ${message}\n`));
    const baseline = createBaseline(scanned.map(({ absolute, file }) => ({ path: relativePath(dirname(output), absolute), findings: file.findings })));
    try {
      await mkdir(dirname(output), { recursive: true });
      await writeFile(output, formatBaseline(baseline));
    } catch (error) {
      throw new UsageError(`cannot write ${stringFlag(args, 'output') ?? DEFAULT_BASELINE_FILE}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name}`, 'baseline');
    }
    const n = baseline.fingerprints.length;
    io.stderr(`plainsight: baseline of ${n} finding${n === 1 ? '' : 's'} in ${scanned.length} file${scanned.length === 1 ? '' : 's'} written to ${relativePath(io.cwd, output)}\n`);
    return EXIT.ok;
  },
};
