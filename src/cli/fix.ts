// `plainsight fix`: applies safe fixes, and with --move-secrets moves every secret to a git-ignored
// .env (and makes git ignore dotenv files that hold secrets), to the files `scan` would analyse.
// --dry-run prints the change as a unified diff with every secret masked and writes nothing. Files are written .gitignore first, then the dotenv files,
// then the fixed files: if the run stops half way, no secret sits in a file git would pick up,
// and no file references a variable whose value was not written yet.
import { writeFile, mkdir } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { DEFAULT_MAX_FILE_SIZE, classify, mask, redact, unifiedDiff, type CommandHint } from '../core/index';
import { CONFIG_FILE_NAMES, mergeConfig } from '../core/config-file';
import { stringFlag, type ParsedArgs } from './args';
import type { Command } from './command';
import { loadConfig } from './config';
import { EXIT, UsageError, type CliIO } from './io';
import { ProjectConfigs } from './project';
import { readForAnalysis } from './read';
import { collectTargets, displayPath } from './walk';
import { FileStore, fixFile, type FileOutcome } from './fix-files';

const LOCATIONS = ['root', 'beside'] as const;

export const fixCommand: Command = {
  name: 'fix',
  summary: 'Apply safe fixes (and, with --move-secrets, move secrets to a git-ignored .env)',
  help: `Usage: plainsight fix [paths...] [options]

Applies fixes to the files 'plainsight scan' would analyse (default: the current directory).
By default only safe fixes, which keep what a file does. With --move-secrets, every secret also
moves to an environment variable: the value goes to a git-ignored .env (created, and added to
.gitignore, when needed; never overwritten: a taken name gets a new one) and the file refers to
it the way its platform reads the environment (\${{ secrets.NAME }} in GitHub Actions, \${NAME}
in compose files, a secretKeyRef in Kubernetes, ...). Messages say what to do next, e.g. upload
the .env with 'gh secret set -f .env'. A secret that was committed must still be rotated.
A dotenv file with secrets keeps them (that is where they belong) and is added to the nearest
.gitignore instead, as an anchored entry (/services/api/.env); when git tracks it, nothing is
added (ignoring a tracked file does nothing) and the message says how to untrack it.

Options:
      --dry-run               print the changes as a unified diff (secrets masked); write nothing
      --move-secrets          also move secrets to environment variables
      --env-file-location L   root (default): one .env at the repository root (the working
                              directory outside a repository); beside: a .env next to each file
      --config FILE           settings as JSON, as for 'plainsight scan'
      --no-config             do not look for .plainsight.json/.yaml project files
  -h, --help                  show this help

Exit status: 0 nothing left to report, 1 findings remain, 2 usage or I/O error.`,
  flags: {
    'dry-run': { value: false },
    'move-secrets': { value: false },
    'env-file-location': { value: true, choices: LOCATIONS },
    config: { value: true },
    'no-config': { value: false },
  },
  run: runFix,
};

async function runFix(args: ParsedArgs, io: CliIO): Promise<number> {
  const dryRun = args.flags.has('dry-run');
  const moveSecrets = args.flags.has('move-secrets');
  const envFileLocation = (stringFlag(args, 'env-file-location') ?? 'root') as (typeof LOCATIONS)[number];
  const note = (message: string) => io.stderr(`plainsight: ${message}\n`);
  const configFile = stringFlag(args, 'config');
  const settings = configFile ? await loadConfig(configFile, io.cwd, note) : undefined;
  const projects = args.flags.has('no-config') ? undefined : new ProjectConfigs(io.cwd, note);

  // Dotenv files last: the .env entry a move adds to .gitignore may already cover them.
  const isDotenv = (t: { absolute: string }) => (classify(basename(t.absolute), '').kind === 'dotenv' ? 1 : 0);
  const targets = (await collectTargets(args.positionals.length ? args.positionals : ['.'], io.cwd, note)).sort(
    (a, b) => isDotenv(a) - isDotenv(b) || (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0),
  );
  const store = new FileStore();
  const outcomes: { path: string; outcome: FileOutcome }[] = [];
  // One file at a time: every move appends to the same .env and .gitignore.
  for (const target of targets) {
    if (CONFIG_FILE_NAMES.includes(basename(target.absolute))) continue;
    const project = await projects?.forFile(target.absolute);
    if (project?.ignores(target.absolute)) continue;
    const config = project ? mergeConfig(settings, project.config) : settings;
    const path = displayPath(target.absolute, io.cwd);
    const read = await readForAnalysis(target.absolute, config?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
    if ('skipped' in read) {
      note(`${path}: ${read.skipped}`);
      continue;
    }
    try {
      outcomes.push({ path, outcome: await fixFile(target.absolute, target.gitIgnored, config, store, { moveSecrets, envFileLocation, cwd: io.cwd }) });
    } catch (error) {
      throw new UsageError(`cannot fix ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name}`, 'fix');
    }
  }

  const secrets = outcomes.flatMap((o) => o.outcome.secrets);
  const changes = store.changes();
  if (dryRun) {
    for (const change of changes) {
      const shown = displayPath(change.absolute, io.cwd);
      const isDotenv = /(^|[\\/])\.env(\.[^\\/]*)?$/.test(change.absolute) && !change.absolute.endsWith('.example');
      io.stdout(unifiedDiff(shown, change.before, change.after, { mapLine: (line) => (isDotenv ? maskDotenvLine(line) : redact(line, secrets)) }));
    }
  } else {
    // .gitignore first, then the dotenv files, then everything else (see the header).
    const rank = (p: string) => (basename(p) === '.gitignore' ? 0 : /^\.env($|\.)/.test(basename(p)) ? 1 : 2);
    for (const change of [...changes].sort((a, b) => rank(a.absolute) - rank(b.absolute))) {
      try {
        await mkdir(dirname(change.absolute), { recursive: true });
        await writeFile(change.absolute, (change.bom ? '\uFEFF' : '') + change.after);
      } catch (error) {
        throw new UsageError(`cannot write ${displayPath(change.absolute, io.cwd)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name}`, 'fix');
      }
    }
  }

  const remaining = report(outcomes, changes.length, dryRun, io);
  return remaining > 0 ? EXIT.findings : EXIT.ok;
}

/** A dotenv line with its value masked whole: `NAME=…(20 chars)`. */
function maskDotenvLine(line: string): string {
  const eq = line.indexOf('=');
  if (eq < 0 || !/^\s*(?:export\s+)?[A-Za-z_][\w.\-]*\s*$/.test(line.slice(0, eq))) return line;
  const value = line.slice(eq + 1).trimStart();
  return value ? `${line.slice(0, line.length - value.length)}${mask(value)}` : line;
}

/** Prints what happened per file and returns how many findings remain. */
function report(outcomes: { path: string; outcome: FileOutcome }[], changedFiles: number, dryRun: boolean, io: CliIO): number {
  const out = dryRun ? io.stderr : io.stdout;
  const would = dryRun ? 'would be ' : '';
  const hints: CommandHint[] = [];
  let remaining = 0;
  for (const { path, outcome } of outcomes) {
    remaining += outcome.remaining.length;
    const parts: string[] = [];
    if (outcome.safeFixes) parts.push(`${outcome.safeFixes} safe fix${outcome.safeFixes === 1 ? '' : 'es'} ${would}applied`);
    if (outcome.moved.length) parts.push(`${outcome.moved.length} secret${outcome.moved.length === 1 ? '' : 's'} ${would}moved (${[...new Set(outcome.moved)].join(', ')})`);
    if (outcome.nowIgnored) parts.push(`${would || 'now '}ignored by git (its secrets stay in it)`);
    if (parts.length) out(`${path}: ${parts.join('; ')}\n`);
    for (const n of outcome.notes) out(`  ${n}\n`);
    for (const l of outcome.left) out(`${path}: secret left in place, ${l}\n`);
    for (const h of outcome.hints) if (!hints.some((x) => x.command === h.command)) hints.push(h);
  }
  if (hints.length) out(`Next:\n${hints.map((h) => `  ${h.command}`).join('\n')}\n`);
  const files = outcomes.filter((o) => o.outcome.remaining.length > 0).length;
  out(`${changedFiles} file${changedFiles === 1 ? '' : 's'} ${dryRun ? 'would change' : 'changed'}; ${remaining} finding${remaining === 1 ? '' : 's'} ${dryRun ? 'would remain' : 'remain'}${remaining ? ` in ${files} file${files === 1 ? '' : 's'} (see 'plainsight scan')` : ''}.\n`);
  return remaining;
}
