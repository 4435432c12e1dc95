// The explicit rule registry: every rule is listed in its category's index, in priority order
// (when two secret findings overlap, the earlier rule wins). Retired ids are kept in
// RETIRED_IDS and never reused; renamed ids map to their new id in REDIRECTS.
import type { Rule } from './rule';
import type { RuleMeta } from './types';
import { SECRET_RULES } from './rules/secret/index';
import { SCOPE_RULES } from './rules/scope/index';
import { TRANSPORT_RULES } from './rules/transport/index';
import { customPattern, customPatternMeta } from './rules/secret/custom-pattern';
import { isCustomRuleId } from './custom-pattern-specs';
import { table } from './table';

export const RULES: readonly Rule[] = [...SECRET_RULES, ...SCOPE_RULES, ...TRANSPORT_RULES];

/** Ids that existed once and must never be reused. */
export const RETIRED_IDS: readonly string[] = [];
/** Old id → new id, honoured in settings, config files and suppression comments. */
export const REDIRECTS = table<string>({});

/** Every id a finding can carry: rules and their catalog entries. */
export const ALL_META: readonly RuleMeta[] = RULES.flatMap((r) => [r.meta, ...(r.catalog ?? [])]);

const INDEX = new Map<string, number>();
RULES.forEach((rule, i) => {
  INDEX.set(rule.meta.id, i);
  for (const m of rule.catalog ?? []) INDEX.set(m.id, i);
});

/** Registry position of a rule id (catalog ids, and the ids of custom patterns, share their rule's position). */
export function ruleIndex(id: string): number {
  return INDEX.get(isCustomRuleId(id) ? customPattern.meta.id : id) ?? RULES.length;
}

export function metaOf(id: string): RuleMeta | undefined {
  return ALL_META.find((m) => m.id === id) ?? (isCustomRuleId(id) ? customPatternMeta(id) : undefined);
}

/** The rule that owns an id, and the page that documents it. */
export function docsPageOf(id: string): string {
  const rule = RULES[ruleIndex(id)];
  return rule ? rule.meta.id : id;
}
