// secret/custom-pattern: the user's own secret formats (internal token prefixes, vendor keys the
// catalog does not know), given as `customPatterns` in .plainsight.json, the editor setting or the
// CLI's --config. The patterns arrive compiled and checked for ReDoS through the rule options
// (custom-pattern-specs.ts); each reports under its own id, `secret/custom/<id>`, so it can be
// configured and suppressed like any rule. The value is judged like every secret: references and
// placeholders are not reported, nor are allowed values.
import type { Rule } from '../../rule';
import type { RuleMeta } from '../../types';
import { CUSTOM_RULE_PREFIX, type CompiledCustomPattern } from '../../custom-pattern-specs';
import { dotenvExposureAllows } from './exposure';
import { isPlaceholder, isReference } from './values';

/** A pattern matching more often than this in one file is too broad to be about secrets; the rest is dropped. */
const MAX_MATCHES_PER_FILE = 1000;

const META: RuleMeta = {
  id: 'secret/custom-pattern',
  category: 'secret',
  title: 'Value matching a custom secret pattern',
  defaultSeverity: 'error',
  confidence: 'high',
  explanation:
    'A value matches one of the secret patterns configured for this project (`customPatterns` in .plainsight.json or the `plainsight.customPatterns` setting). Each pattern reports under its own id, `secret/custom/<id>`. Move the value to a secret store or an environment variable and rotate it: once committed, it must be treated as exposed.',
  fixable: false,
};

/** Metadata for the id of one custom pattern (reports, SARIF rules, hovers). */
export function customPatternMeta(ruleId: string): RuleMeta {
  return { ...META, id: ruleId, title: `Value matching the custom secret pattern '${ruleId.slice(CUSTOM_RULE_PREFIX.length)}'` };
}

function messageOf(p: CompiledCustomPattern): string {
  if (p.message) return p.message;
  const id = p.ruleId.slice(CUSTOM_RULE_PREFIX.length);
  return `${p.description ?? 'A value'} matching the custom pattern '${id}' is hardcoded here. Move it to a secret store and rotate it.`;
}

export const customPattern: Rule = {
  meta: META,
  visitText(ctx) {
    const patterns = ctx.file.options.customPatterns;
    if (patterns.length === 0 || !dotenvExposureAllows(ctx.file)) return;
    const text = ctx.file.text;
    let lower: string | undefined;
    for (const p of patterns) {
      if (p.keywords?.length) {
        lower ??= text.toLowerCase();
        if (!p.keywords.some((k) => lower!.includes(k))) continue;
      }
      const { re } = p;
      re.lastIndex = 0;
      let reported = 0;
      for (let m = re.exec(text); m && reported < MAX_MATCHES_PER_FILE; m = re.exec(text)) {
        // Patterns that match the empty string are refused, but one can still match empty here and there (`\b`).
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        const [start, end] = p.secretGroup ? (m.indices?.groups?.secret ?? [0, 0]) : [m.index, m.index + m[0].length];
        if (end <= start) continue;
        const value = text.slice(start, end);
        if (isReference(value) || isPlaceholder(value) || ctx.file.options.allowedValues.includes(value)) continue;
        ctx.report({ ruleId: p.ruleId, start, end, severity: p.severity, message: messageOf(p) });
        reported++;
      }
    }
  },
};
