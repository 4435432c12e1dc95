// `--config FILE`: the same knobs as the editor settings, so CI and editors agree. Either flat
// keys (`{"rules": {...}, "allowedHosts": [...]}`, e.g. a `.plainsight.json`) or the editor's own
// `plainsight.`-prefixed keys, so `--config .vscode/settings.json` works as is. JSON with comments.
// Error messages name keys, never values: `allowedValues` holds secrets by design.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { ALL_META, CATEGORIES, REDIRECTS, type Config, type Severity } from '../core/index';
import { compileCustomPatterns, isCustomRuleId } from '../core/custom-pattern-specs';
import { UsageError } from './io';
import { cliSafetyCheck } from './safety';

const SEVERITIES = ['error', 'warning', 'info', 'off'] as const;
const KEYS = ['rules', 'privateHostSeverity', 'allowedHosts', 'allowedValues', 'maxFileSize', 'customPatterns'] as const;
const PREFIX = 'plainsight.';

export async function loadConfig(file: string, cwd: string, warn: (message: string) => void): Promise<Config> {
  let text: string;
  try {
    text = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read config ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).name}`, 'scan');
  }
  const errors: ParseError[] = [];
  const raw: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length) {
    const line = text.slice(0, errors[0].offset).split('\n').length;
    throw new UsageError(`cannot parse config ${file}: line ${line}: ${printParseErrorCode(errors[0].error)}`, 'scan');
  }
  if (!isObject(raw)) throw new UsageError(`config ${file} must be a JSON object`, 'scan');
  return toConfig(settingsOf(raw, file), file, warn);
}

/** The Plainsight keys of a flat or an editor-settings style object, without prefixes. */
function settingsOf(raw: Record<string, unknown>, file: string): Record<string, unknown> {
  const prefixed = Object.keys(raw).filter((k) => k.startsWith(PREFIX));
  if (prefixed.length) return Object.fromEntries(prefixed.map((k) => [k.slice(PREFIX.length), raw[k]]));
  const unknown = Object.keys(raw).filter((k) => !(KEYS as readonly string[]).includes(k));
  if (unknown.length) throw new UsageError(`unknown key '${unknown[0]}' in config ${file}: expected ${KEYS.join(', ')}`, 'scan');
  return raw;
}

function toConfig(settings: Record<string, unknown>, file: string, warn: (message: string) => void): Config {
  const bad = (key: string, expected: string) => new UsageError(`config ${file}: '${key}' must be ${expected}`, 'scan');
  const config: Config = { options: {} };

  if (settings.rules !== undefined) {
    if (!isObject(settings.rules)) throw bad('rules', 'an object of rule id or category to severity');
    const known = new Set<string>([...ALL_META.map((m) => m.id), ...CATEGORIES]);
    config.rules = {};
    for (const [id, severity] of Object.entries(settings.rules)) {
      if (!(SEVERITIES as readonly unknown[]).includes(severity)) throw bad(`rules.${id}`, SEVERITIES.join(', '));
      const current = REDIRECTS[id] ?? id;
      if (!known.has(current) && !isCustomRuleId(current)) warn(`config ${file}: unknown rule id or category '${id}' (see 'plainsight rules')`);
      config.rules[current] = severity as Severity | 'off';
    }
  }
  if (settings.privateHostSeverity !== undefined) {
    if (!(SEVERITIES as readonly unknown[]).includes(settings.privateHostSeverity)) throw bad('privateHostSeverity', SEVERITIES.join(', '));
    config.options!.privateHostSeverity = settings.privateHostSeverity as Severity | 'off';
  }
  for (const key of ['allowedHosts', 'allowedValues'] as const) {
    const value = settings[key];
    if (value === undefined) continue;
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw bad(key, 'an array of strings');
    config.options![key] = key === 'allowedHosts' ? value.map((h: string) => h.toLowerCase()) : value;
  }
  if (settings.maxFileSize !== undefined) {
    if (typeof settings.maxFileSize !== 'number' || !(settings.maxFileSize > 0)) throw bad('maxFileSize', 'a positive number of characters');
    config.maxFileSize = settings.maxFileSize;
  }
  if (settings.customPatterns !== undefined) {
    const { patterns, problems } = compileCustomPatterns(settings.customPatterns, { label: 'customPatterns', check: cliSafetyCheck });
    // Every problem at once, like project files: an unsafe pattern must not run, nor be skipped quietly.
    if (problems.length) throw new UsageError(`config ${file}:\n${problems.map((p) => `  ${p.message}`).join('\n')}`, 'scan');
    for (const p of patterns) if (p.note) warn(`config ${file}: ${p.note}`);
    config.options!.customPatterns = patterns;
  }
  return config;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
