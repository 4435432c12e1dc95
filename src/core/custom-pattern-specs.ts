// Custom secret patterns as users write them: the `customPatterns` key of `.plainsight.json`, the
// `plainsight.customPatterns` setting and the CLI's `--config`. Each entry is validated and its
// regular expression compiled here, once per configuration (not per file or keystroke), into what
// the secret/custom-pattern rule matches. Pure, so the web extension shares it; which ReDoS check
// runs is the caller's choice (custom-patterns.ts: structural everywhere, recheck in the CLI).
// Messages name ids and fields, never what a pattern matched.
import { compileCustomPattern, type SafetyCheck } from './custom-patterns';
import type { Severity } from './types';

/** Findings of a custom pattern carry `secret/custom/<id>`, so they stay in the secret category. */
export const CUSTOM_RULE_PREFIX = 'secret/custom/';
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** The fields of one entry, with what each expects (shown in errors and in the JSON schema). */
export const CUSTOM_PATTERN_FIELDS = {
  id: 'lowercase letters, digits and single dashes; findings report as secret/custom/<id>',
  pattern: 'a JavaScript regular expression; a named group (?<secret>...) limits the finding to that part',
  flags: 'any of i, m, s, u',
  description: 'what the value is, e.g. "Acme deploy key" (used in the message)',
  message: 'the whole message of a finding (replaces the default one)',
  severity: 'one of error, warning, info (default: error)',
  keywords: 'lowercase words of which the file must contain one before the pattern runs (a fast prefilter)',
} as const;

export interface CompiledCustomPattern {
  /** `secret/custom/<id>`. */
  ruleId: string;
  /** The source and flags as written: they also make a compiled list serialisable as a cache key. */
  source: string;
  flags: string;
  /** Global (and with indices when the pattern has a `secret` group); used by one analysis at a time. */
  re: RegExp;
  /** Whether only the `(?<secret>...)` group is the finding (the whole match otherwise). */
  secretGroup: boolean;
  description?: string;
  message?: string;
  severity?: Severity;
  keywords?: string[];
  /** A caveat of the safety check (recheck could not decide), for the front end to show once. */
  note?: string;
}

export interface CustomPatternProblem {
  message: string;
  /** Where in the list: [index] or [index, field]. */
  path: (string | number)[];
  /** True when the field's name is what is wrong (an unknown field), not its value. */
  onKey?: boolean;
}

export interface CompileSpecsOptions {
  /** How the list is named in messages: `customPatterns` in files, `plainsight.customPatterns` in settings. */
  label: string;
  check?: SafetyCheck;
}

/**
 * Validates and compiles a list of entries. A bad entry is left out with a problem naming its id
 * and the reason; the others still compile, so one mistake does not switch every pattern off.
 */
export function compileCustomPatterns(value: unknown, options: CompileSpecsOptions): { patterns: CompiledCustomPattern[]; problems: CustomPatternProblem[] } {
  const patterns: CompiledCustomPattern[] = [];
  const problems: CustomPatternProblem[] = [];
  if (!Array.isArray(value)) {
    problems.push({ message: `'${options.label}' must be an array of objects with id and pattern`, path: [] });
    return { patterns, problems };
  }
  const seen = new Set<string>();
  value.forEach((entry, i) => {
    const at = `${options.label}[${i}]`;
    const problem = (message: string, field?: string, onKey = false) => problems.push({ message, path: field ? [i, field] : [i], ...(onKey ? { onKey } : {}) });
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return problem(`${at} must be an object with id and pattern`);
    const spec = entry as Record<string, unknown>;
    const unknown = Object.keys(spec).find((k) => !(k in CUSTOM_PATTERN_FIELDS));
    if (unknown !== undefined) return problem(`${at}: unknown field '${unknown}' (expected ${Object.keys(CUSTOM_PATTERN_FIELDS).join(', ')})`, unknown, true);
    if (typeof spec.id !== 'string' || !ID.test(spec.id)) return problem(`${at}.id must be ${CUSTOM_PATTERN_FIELDS.id}`, 'id');
    const name = `custom pattern '${spec.id}'`;
    if (seen.has(spec.id)) return problem(`${name}: the id is used twice in ${options.label}`, 'id');
    seen.add(spec.id);
    for (const field of ['flags', 'description', 'message'] as const) {
      if (spec[field] !== undefined && typeof spec[field] !== 'string') return problem(`${name}: '${field}' must be a string`, field);
    }
    if (spec.severity !== undefined && !SEVERITIES.includes(spec.severity as Severity)) return problem(`${name}: 'severity' must be ${CUSTOM_PATTERN_FIELDS.severity}`, 'severity');
    const keywords = spec.keywords;
    if (keywords !== undefined && (!Array.isArray(keywords) || !keywords.every((k) => typeof k === 'string' && k.trim() !== ''))) {
      return problem(`${name}: 'keywords' must be an array of non-empty strings`, 'keywords');
    }
    if (typeof spec.pattern !== 'string') return problem(`${name}: 'pattern' must be a string`, 'pattern');
    const flags = (spec.flags as string | undefined) ?? '';
    const compiled = compileCustomPattern(spec.pattern, { flags, check: options.check });
    if (!compiled.ok) return problem(`${name} refused: ${compiled.reason}`, 'pattern');
    // Indices are only asked for when a `secret` group needs them: they make every match slower.
    // An empty alternative makes the pattern match '' at once and list its named groups.
    const wantsGroup = 'secret' in (new RegExp(`(?:${spec.pattern})|`, flags).exec('')?.groups ?? {});
    patterns.push({
      ruleId: `${CUSTOM_RULE_PREFIX}${spec.id}`,
      source: spec.pattern,
      flags,
      re: new RegExp(spec.pattern, `${flags}g${wantsGroup ? 'd' : ''}`),
      secretGroup: wantsGroup,
      ...(spec.description !== undefined ? { description: spec.description as string } : {}),
      ...(spec.message !== undefined ? { message: spec.message as string } : {}),
      ...(spec.severity !== undefined ? { severity: spec.severity as Severity } : {}),
      ...(keywords !== undefined ? { keywords: (keywords as string[]).map((k) => k.toLowerCase()) } : {}),
      ...(compiled.note ? { note: `${name}: ${compiled.note}` } : {}),
    });
  });
  return { patterns, problems };
}

/** Two lists with the later one winning for an id both define (a project file over settings). */
export function mergeCustomPatterns(base: readonly CompiledCustomPattern[] | undefined, over: readonly CompiledCustomPattern[] | undefined): CompiledCustomPattern[] | undefined {
  // An empty list is kept, not turned into undefined: an explicit `undefined` in merged options
  // would override the engine's default list.
  if (!over?.length) return base ? [...base] : undefined;
  if (!base?.length) return [...over];
  const replaced = new Set(over.map((p) => p.ruleId));
  return [...base.filter((p) => !replaced.has(p.ruleId)), ...over];
}

export function isCustomRuleId(id: string): boolean {
  return id.startsWith(CUSTOM_RULE_PREFIX) && ID.test(id.slice(CUSTOM_RULE_PREFIX.length));
}
