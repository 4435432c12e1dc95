// `plainsight scan`: collect files, resolve each one's configuration, read and analyse them (on
// worker threads too for large scans, scan-pool.ts), render the report, and turn the findings
// into an exit code.
import { readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_MAX_FILE_SIZE, type Config, type Severity } from '../core/index';
import { filterBaselined, parseBaseline, relativePath } from '../core/baseline';
import { CONFIG_FILE_NAMES, mergeConfig } from '../core/config-file';
import { formatText, summaryLine, toJson, toSarif, type ScanReport, type ScannedFile } from '../core/output/index';
import { stringFlag, type ParsedArgs } from './args';
import type { Command } from './command';
import { loadConfig } from './config';
import { EXIT, UsageError, wantsColor, type CliIO } from './io';
import { mapLimit } from './pool';
import { ProjectConfigs, type ProjectConfig } from './project';
import type { ScanJob } from './scan-file';
import { ScanPool, scanJobs, threadsSetting } from './scan-pool';
import { collectTargets, displayPath, type Target } from './walk';

const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = ['error', 'warning', 'info', 'none'] as const;
type FailOn = (typeof FAIL_ON)[number];
/** Project configuration lookups in flight at once (they read and stat files). */
const LOOKUP_CONCURRENCY = 32;
const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

export const scanCommand: Command = {
  name: 'scan',
  summary: 'Scan files and directories (default: .) and report findings',
  help: `Usage: plainsight scan [paths...] [options]

Scans the given files and directories (default: the current directory). Directories are walked
recursively, skipping .git, node_modules and everything .gitignore excludes, and only config-like
files are analysed (YAML, JSON, .env, .npmrc, .pypirc, .netrc, .git-credentials, INI/CFG/properties,
Dockerfiles, Terraform/HCL, *.code-workspace; not lockfiles). Files named explicitly are analysed
whatever their type. Secret values are always masked in the output.

Options:
  -f, --format FORMAT    text (default), json or sarif (SARIF 2.1.0, for code scanning)
  -o, --output FILE      write the report to FILE; only a summary line goes to stderr
      --fail-on LEVEL    exit 1 when a finding is at or above LEVEL: info (default, any
                         finding fails), warning, error, or none (never fail)
      --config FILE      settings as JSON: rules, privateHostSeverity, allowedHosts,
                         allowedValues, maxFileSize, customPatterns (flat, or
                         .vscode/settings.json style); the nearest .plainsight.json/.yaml
                         above each file wins over it
      --no-config        do not look for .plainsight.json/.yaml project files
      --baseline FILE    report only findings that are not in FILE (written by
                         'plainsight baseline'); line moves do not bring findings back
  -h, --help             show this help

Custom patterns (customPatterns) are checked for ReDoS with recheck before use; an unsafe or
invalid one stops the scan with exit 2.

Exit status: 0 no findings at or above --fail-on, 1 findings, 2 usage, configuration or I/O error.`,
  flags: {
    format: { value: true, short: 'f', choices: FORMATS },
    output: { value: true, short: 'o' },
    'fail-on': { value: true, choices: FAIL_ON },
    config: { value: true },
    'no-config': { value: false },
    baseline: { value: true },
  },
  run: runScan,
};

async function runScan(args: ParsedArgs, io: CliIO): Promise<number> {
  const format = (stringFlag(args, 'format') ?? 'text') as Format;
  const failOn = (stringFlag(args, 'fail-on') ?? 'info') as FailOn;
  const output = stringFlag(args, 'output');
  const note = (message: string) => io.stderr(`plainsight: ${message}\n`);
  const baselineFile = stringFlag(args, 'baseline');
  const baseline = baselineFile ? await loadBaseline(baselineFile, io.cwd) : undefined;

  const scanned = await scanTargets(args, io, note);
  let baselined = 0;
  const files = scanned.map(({ absolute, file }) => {
    if (!baseline) return file;
    // Baseline paths are relative to the baseline's folder, whatever the working directory.
    const { kept, baselined: n } = filterBaselined(relativePath(baseline.dir, absolute), file.findings, baseline.fingerprints);
    baselined += n;
    return { ...file, findings: kept };
  });
  if (baselined > 0) note(`${baselined} finding${baselined === 1 ? '' : 's'} in the baseline not shown`);

  const report: ScanReport = { files };
  const rendered = render(report, format, io, output === undefined);
  if (output !== undefined) {
    try {
      await writeFile(resolve(io.cwd, output), rendered);
    } catch (error) {
      throw new UsageError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name}`, 'scan');
    }
  } else {
    io.stdout(rendered);
  }
  // The text report carries its own summary; other formats and files get one on stderr for CI logs.
  if (output !== undefined || format !== 'text') io.stderr(`${summaryLine(report)}\n`);
  return failOn !== 'none' && files.some((f) => f.findings.some((x) => RANK[x.severity] >= RANK[failOn])) ? EXIT.findings : EXIT.ok;
}

/**
 * Collects, reads and analyses the files named by the positional arguments (default `.`), each
 * with the `--config` settings and the nearest project file over them (unless `--no-config`);
 * files the project file's `ignore` globs match are left out. Shared by `scan` and `baseline`.
 */
export async function scanTargets(args: ParsedArgs, io: CliIO, note: (message: string) => void): Promise<{ absolute: string; file: ScannedFile }[]> {
  const configFile = stringFlag(args, 'config');
  const settings = configFile ? await loadConfig(configFile, io.cwd, note) : undefined;
  const projects = args.flags.has('no-config') ? undefined : new ProjectConfigs(io.cwd, note);

  const targets = await collectTargets(args.positionals.length ? args.positionals : ['.'], io.cwd, note);
  const shown = targets.map((t) => ({ ...t, path: displayPath(t.absolute, io.cwd) })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  // Started before the configurations are resolved, so that workers load the core meanwhile.
  const pool = ScanPool.start(shown.length, { threads: threadsSetting(io.env?.PLAINSIGHT_THREADS) });
  try {
    const { jobs, configs } = await planJobs(shown, settings, projects);
    const scanned = await scanJobs(jobs, configs, pool);
    for (const file of scanned) if (file.skipped) note(`${file.path}: ${file.skipped}`);
    return scanned.map((file, i) => ({ absolute: jobs[i].absolute, file }));
  } finally {
    pool?.close();
  }
}

/**
 * The jobs of a scan, in report order: every target but Plainsight's own configuration files and
 * what project files ignore, each with the index of its configuration. Configurations are merged
 * once per project file, not once per file, and posted to workers once.
 */
async function planJobs(targets: readonly (Target & { path: string })[], settings: Config | undefined, projects: ProjectConfigs | undefined): Promise<{ jobs: ScanJob[]; configs: (Config | undefined)[] }> {
  const configs: (Config | undefined)[] = [settings];
  const indexOf = new Map<ProjectConfig, number>();
  const planned = await mapLimit(targets, LOOKUP_CONCURRENCY, async (t): Promise<ScanJob | undefined> => {
    // Plainsight's own configuration names rules and allowed values: not a file to report on.
    if (CONFIG_FILE_NAMES.includes(basename(t.absolute))) return undefined;
    const project = await projects?.forFile(t.absolute);
    if (project?.ignores(t.absolute)) return undefined;
    let index = 0;
    if (project) {
      index = indexOf.get(project) ?? configs.push(mergeConfig(settings, project.config)) - 1;
      indexOf.set(project, index);
    }
    const maxChars = configs[index]?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
    return { absolute: t.absolute, path: t.path, gitIgnored: t.gitIgnored, maxChars, config: index };
  });
  return { jobs: planned.filter((job) => job !== undefined), configs };
}

async function loadBaseline(file: string, cwd: string): Promise<{ dir: string; fingerprints: ReadonlySet<string> }> {
  const absolute = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(absolute, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name}`, 'scan');
  }
  const parsed = parseBaseline(text);
  if ('error' in parsed) throw new UsageError(`baseline ${file}: ${parsed.error}`, 'scan');
  return { dir: dirname(absolute), fingerprints: parsed.fingerprints };
}

function render(report: ScanReport, format: Format, io: CliIO, toTerminal: boolean): string {
  if (format === 'json') return `${JSON.stringify(toJson(report), null, 2)}\n`;
  if (format === 'sarif') return `${JSON.stringify(toSarif(report, { rootUri: directoryUri(io.cwd) }), null, 2)}\n`;
  return formatText(report, { color: toTerminal && wantsColor(io) });
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : `${href}/`;
}
