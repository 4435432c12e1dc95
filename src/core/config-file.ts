// The project configuration file, `.plainsight.json` (or `.plainsight.yaml` / `.yml`), read the
// same way by the CLI and the editor: this module only turns text into a Config, the ignore globs
// and a list of errors; finding the file (nearest one upwards) is each front end's job, since one
// reads the disk and the other vscode.workspace.fs.
//
// Errors never stop the rest of the file from applying: a bad entry is left out and reported with
// its position, so the editor can underline it and the CLI can refuse to run on it. Messages name
// keys, never values: `allowedValues` holds secrets by design.
import { parseTree, findNodeAtLocation, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import ignore from 'ignore';
import { yamlPackage } from './parse/yaml-package';
import type { Config } from './engine';
import { ALL_META, REDIRECTS } from './registry';
import { CATEGORIES, type Severity } from './types';
import { compileCustomPatterns, isCustomRuleId, mergeCustomPatterns } from './custom-pattern-specs';
import type { SafetyCheck } from './custom-patterns';

/** File names looked for in each folder, in this order (the first one found wins). */
export const CONFIG_FILE_NAMES: readonly string[] = ['.plainsight.json', '.plainsight.yaml', '.plainsight.yml'];

export const SEVERITY_VALUES = ['error', 'warning', 'info', 'off'] as const;

/** Every key the file may hold, with what it expects (shown in errors and in the JSON schema). */
export const CONFIG_FILE_KEYS = {
  $schema: 'a URL of the JSON schema (editors only)',
  rules: 'an object of rule id or category to severity (error, warning, info, off)',
  ignore: 'an array of glob patterns (.gitignore syntax, relative to the config file)',
  allowedValues: 'an array of strings',
  allowedHosts: 'an array of strings',
  privateHostSeverity: 'one of error, warning, info, off',
  maxFileSize: 'a positive number of characters',
  customPatterns: 'an array of objects with id and pattern (and optionally flags, description, message, severity, keywords)',
} as const;

export interface ConfigFileError {
  message: string;
  /** The top-level key the error is about, when it is about one (`customPatterns`, ...). */
  key?: string;
  /** Offsets into the file's text of what is wrong (the key or value), when known. */
  start?: number;
  end?: number;
}

export interface ConfigFileResult {
  /** What the file sets; keys it does not set are absent (so settings still apply). */
  config: Config;
  /** Globs of files never analysed, relative to the folder holding the file. */
  ignore: string[];
  errors: ConfigFileError[];
}

type Path = (string | number)[];
interface Located {
  value: unknown;
  /** Offsets of the value and of its key (for entries of objects). */
  locate(path: Path, key?: boolean): { start: number; end: number } | undefined;
}

export function isYamlConfig(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

export interface ParseConfigOptions {
  /** The ReDoS check for custom patterns (default: the structural one; the CLI passes recheck). */
  check?: SafetyCheck;
}

export function parseConfigFile(text: string, path: string, parseOptions: ParseConfigOptions = {}): ConfigFileResult {
  const result: ConfigFileResult = { config: {}, ignore: [], errors: [] };
  const located = isYamlConfig(path) ? fromYaml(text, result.errors) : fromJson(text, result.errors);
  if (!located) return result;
  const { value, locate } = located;
  const error = (message: string, at: Path, key = false) => result.errors.push({ message, ...(typeof at[0] === 'string' ? { key: at[0] } : {}), ...locate(at, key) });
  // An empty file is an empty configuration, not a mistake.
  if (value === undefined || value === null) return result;
  if (!isObject(value)) {
    error('the configuration must be an object (a mapping of keys to values)', []);
    return result;
  }

  const options: NonNullable<Config['options']> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (!(key in CONFIG_FILE_KEYS)) {
      const near = closest(key, Object.keys(CONFIG_FILE_KEYS));
      error(`unknown key '${key}'${near ? `: did you mean '${near}'?` : ''} (expected ${Object.keys(CONFIG_FILE_KEYS).filter((k) => k !== '$schema').join(', ')})`, [key], true);
      continue;
    }
    const expected = (k: keyof typeof CONFIG_FILE_KEYS) => `'${k}' must be ${CONFIG_FILE_KEYS[k]}`;
    switch (key) {
      case '$schema':
        if (typeof entry !== 'string') error(expected('$schema'), [key]);
        break;
      case 'rules': {
        if (!isObject(entry)) {
          error(expected('rules'), [key]);
          break;
        }
        const rules: Record<string, Severity | 'off'> = {};
        for (const [id, severity] of Object.entries(entry)) {
          const current = REDIRECTS[id] ?? id;
          if (!KNOWN_IDS.has(current) && !isCustomRuleId(current)) {
            const near = suggestRuleId(id);
            error(`unknown rule id or category '${id}'${near ? `: did you mean '${near}'?` : ''} (see 'plainsight rules')`, [key, id], true);
            continue;
          }
          if (!isSeverity(severity)) {
            error(`rules.${id} must be one of ${SEVERITY_VALUES.join(', ')}`, [key, id]);
            continue;
          }
          rules[current] = severity;
        }
        result.config.rules = rules;
        break;
      }
      case 'ignore':
      case 'allowedValues':
      case 'allowedHosts': {
        if (!Array.isArray(entry)) {
          error(key === 'ignore' ? expected('ignore') : expected(key), [key]);
          break;
        }
        const strings: string[] = [];
        entry.forEach((item, i) => {
          if (typeof item === 'string' && item.trim() !== '') strings.push(item);
          else error(`${key}[${i}] must be a non-empty string`, [key, i]);
        });
        if (key === 'ignore') result.ignore = strings;
        else if (key === 'allowedHosts') options.allowedHosts = strings.map((h) => h.toLowerCase());
        else options.allowedValues = strings;
        break;
      }
      case 'privateHostSeverity':
        if (isSeverity(entry)) options.privateHostSeverity = entry;
        else error(expected('privateHostSeverity'), [key]);
        break;
      case 'maxFileSize':
        if (typeof entry === 'number' && entry > 0 && Number.isFinite(entry)) result.config.maxFileSize = entry;
        else error(expected('maxFileSize'), [key]);
        break;
      case 'customPatterns': {
        // Compiled here, once per read of the file, with the caller's ReDoS check.
        const { patterns, problems } = compileCustomPatterns(entry, { label: key, check: parseOptions.check });
        for (const p of problems) error(p.message, [key, ...p.path], p.onKey);
        options.customPatterns = patterns;
        break;
      }
    }
  }
  if (Object.keys(options).length) result.config.options = options;
  return result;
}

/**
 * Settings (editor settings, or the CLI's `--config`) with the project file over them. The file
 * wins for what it names: a rule id it sets replaces the same id from settings, and a category it
 * sets also replaces the settings' entries for rule ids of that category (so `"secret": "off"` in
 * the file cannot be undone by a per-id setting). Allowed values and hosts add up, and so do custom
 * patterns (the file's replacing a settings' one of the same id); scalars in the file replace the
 * settings' ones.
 */
export function mergeConfig(settings: Config | undefined, file: Config | undefined): Config {
  if (!file) return settings ?? {};
  if (!settings) return file;
  const fileRules = file.rules ?? {};
  const fileCategories = new Set(Object.keys(fileRules).filter((k) => (CATEGORIES as readonly string[]).includes(k)));
  const rules: Record<string, Severity | 'off'> = {};
  for (const [id, severity] of Object.entries(settings.rules ?? {})) {
    if (id in fileRules || fileCategories.has(CATEGORY_OF.get(id) ?? '')) continue;
    rules[id] = severity;
  }
  Object.assign(rules, fileRules);
  const a = settings.options ?? {};
  const b = file.options ?? {};
  const options = {
    ...a,
    ...b,
    ...(a.allowedHosts || b.allowedHosts ? { allowedHosts: [...(a.allowedHosts ?? []), ...(b.allowedHosts ?? [])] } : {}),
    ...(a.allowedValues || b.allowedValues ? { allowedValues: [...(a.allowedValues ?? []), ...(b.allowedValues ?? [])] } : {}),
    ...(a.customPatterns || b.customPatterns ? { customPatterns: mergeCustomPatterns(a.customPatterns, b.customPatterns) } : {}),
  };
  return { ...settings, ...file, rules, options };
}

const KNOWN_IDS: ReadonlySet<string> = new Set([...ALL_META.map((m) => m.id), ...CATEGORIES]);
const CATEGORY_OF: ReadonlyMap<string, string> = new Map(ALL_META.map((m) => [m.id, m.category]));

/** The registry id closest to a mistyped one: a missing category prefix, else the nearest by edit distance. */
export function suggestRuleId(id: string): string | undefined {
  const bare = id.toLowerCase().replace(/^.*\//, '');
  const byName = ALL_META.filter((m) => m.id.slice(m.id.indexOf('/') + 1) === bare);
  if (byName.length === 1) return byName[0].id;
  return closest(id.toLowerCase(), [...KNOWN_IDS]);
}

/** The candidate nearest to `word` by edit distance, if it is near enough to be a typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length];
}

function fromJson(text: string, errors: ConfigFileError[]): Located | undefined {
  const parseErrors: ParseError[] = [];
  const tree = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false });
  if (parseErrors.length) {
    for (const e of parseErrors) errors.push({ message: `invalid JSON: ${printParseErrorCode(e.error)}`, start: e.offset, end: e.offset + e.length });
    return undefined;
  }
  return {
    value: tree ? jsonValue(tree) : undefined,
    locate: (path, key) => {
      const node = tree && (path.length ? findNodeAtLocation(tree, path) : tree);
      if (!node) return undefined;
      const target = key && node.parent?.type === 'property' ? node.parent.children![0] : node;
      return { start: target.offset, end: target.offset + target.length };
    },
  };
}

function jsonValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((p) => [p.children![0].value as string, p.children![1] ? jsonValue(p.children![1]) : undefined]));
    case 'array':
      return (node.children ?? []).map(jsonValue);
    default:
      return node.value;
  }
}

function fromYaml(text: string, errors: ConfigFileError[]): Located | undefined {
  const { parseDocument, isMap, isNode } = yamlPackage();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    for (const e of doc.errors) errors.push({ message: `invalid YAML: ${e.message.split('\n')[0]}`, start: e.pos[0], end: e.pos[1] });
    return undefined;
  }
  return {
    value: doc.toJS({ maxAliasCount: 100 }),
    locate: (path, key) => {
      if (key && path.length) {
        const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
        if (isMap(parent)) {
          const pair = parent.items.find((p) => (isNode(p.key) ? (p.key as { value?: unknown }).value : p.key) === path[path.length - 1]);
          const range = pair && isNode(pair.key) ? pair.key.range : undefined;
          if (range) return { start: range[0], end: range[1] };
        }
      }
      const node = path.length ? doc.getIn(path, true) : doc.contents;
      const range = isNode(node) ? node.range : undefined;
      return range ? { start: range[0], end: range[1] } : undefined;
    },
  };
}

function isSeverity(value: unknown): value is Severity | 'off' {
  return (SEVERITY_VALUES as readonly unknown[]).includes(value);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A matcher for the file's `ignore` globs (.gitignore syntax, the same matcher the CLI uses for
 * .gitignore files), given paths relative to the folder holding the config file with forward
 * slashes. Paths outside that folder are never ignored.
 */
export function ignoreMatcher(globs: readonly string[]): (relativePath: string) => boolean {
  if (globs.length === 0) return () => false;
  const matcher = ignore().add([...globs]);
  return (relativePath) => {
    const p = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
    if (p === '' || p.startsWith('../') || p === '..' || p.startsWith('/')) return false;
    return matcher.ignores(p);
  };
}
