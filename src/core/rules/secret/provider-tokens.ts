// secret/<provider-format>: tokens whose format a provider documents (GitHub, Stripe, Slack, ...).
// One rule scans the raw text once for every catalog entry, with a keyword prefilter per entry;
// each entry reports under its own id, so users can turn entries off one by one.
import type { Rule, RuleContext } from '../../rule';
import type { RuleMeta } from '../../types';
import { TOKEN_FORMATS } from './catalog/providers';
import type { TokenFormat } from './catalog/format';
import { entropy, isPlaceholder } from './values';
import { dotenvExposureAllows } from './exposure';
import { AnchoredSearch } from './anchored-search';

interface Compiled {
  format: TokenFormat;
  search: AnchoredSearch;
  meta: RuleMeta;
}

// Publishable formats are left out: they are public by design (values.ts keeps other rules quiet on them).
const COMPILED: Compiled[] = TOKEN_FORMATS.filter((format) => !format.publishable).map((format) => ({
  format,
  search: new AnchoredSearch(format.pattern),
  meta: {
    id: `secret/${format.id}`,
    category: 'secret',
    title: `${format.provider} ${format.name}`,
    defaultSeverity: format.severity ?? 'error',
    confidence: 'high',
    explanation: `A ${format.provider} ${format.name} is written into the file. Anyone who can read the file (or its git history) can use it. Move it to a secret store or an environment variable, and rotate it: once committed, a token must be treated as exposed.`,
    fixable: true,
  },
}));

const WORD = /[A-Za-z0-9]/;
/** A token glued to a letter is part of a longer word (`xsk_live_…`); after a digit it still stands out (`0tskey-…`). */
const LETTER = /[A-Za-z]/;
/** Every catalog keyword: the engine looks for them with the other rules' keywords, in one pass. */
const CATALOG_KEYWORDS = [...new Set(COMPILED.flatMap((c) => c.format.keywords))];
/** Indexes into COMPILED of the formats that list each keyword. */
const FORMATS_WITH = new Map<string, number[]>();
COMPILED.forEach((c, i) => {
  for (const k of new Set(c.format.keywords)) {
    const list = FORMATS_WITH.get(k);
    if (list) list.push(i);
    else FORMATS_WITH.set(k, [i]);
  }
});

export const providerTokens: Rule = {
  meta: {
    id: 'secret/provider-tokens',
    category: 'secret',
    title: 'Provider token with a documented format',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'Finds access tokens and API keys by the formats their providers document: distinctive prefixes, lengths and checksums. A distinctive prefix is enough to report; format checks only raise confidence. Each format reports under its own id (`secret/github-pat-classic`, `secret/stripe-secret-key`, ...) so it can be configured on its own.',
    fixable: true,
  },
  catalog: COMPILED.map((c) => c.meta),
  keywords: CATALOG_KEYWORDS,
  visitText(ctx: RuleContext) {
    if (!dotenvExposureAllows(ctx.file)) return;
    const text = ctx.file.text;
    // The formats one of whose keywords occurs, in catalog order.
    const active = new Uint8Array(COMPILED.length);
    for (const k of ctx.file.keywordsFound) for (const i of FORMATS_WITH.get(k) ?? []) active[i] = 1;
    for (let i = 0; i < COMPILED.length; i++) {
      if (active[i] === 0) continue;
      const { format, meta, search } = COMPILED[i];
      for (let m = search.next(text, 0); m; m = search.next(text, m.index + Math.max(1, m[0].length))) {
        if (m[0].length === 0) continue;
        const start = m.index;
        const end = start + m[0].length;
        if ((start > 0 && LETTER.test(text[start - 1]) && WORD.test(m[0][0])) || (end < text.length && WORD.test(text[end]) && WORD.test(m[0][m[0].length - 1]))) continue;
        if (format.minEntropy !== undefined && entropy(m[0]) < format.minEntropy) continue;
        if (ctx.file.options.allowedValues.includes(m[0])) continue;
        if (isPlaceholder(m[0])) {
          // A distinctive prefix is enough to report (the body may be a real token with an
          // unlucky run of x's); a weak prefix with a placeholder body is nothing.
          if (format.minEntropy === undefined) reportPlaceholder(ctx, meta, format, start, end);
          continue;
        }
        const valid = format.validate ? safe(() => format.validate!(m![0])) : undefined;
        ctx.report({
          ruleId: meta.id,
          start,
          end,
          message: `${format.provider} ${format.name} is hardcoded here. Move it to a secret store and rotate it.`,
          confidence: valid === false ? 'medium' : 'high',
        });
      }
    }
  },
};

/**
 * A provider's prefix with a placeholder body (`hf_xxxx…`, `…/T00000000/B00000000/XXXX…`,
 * `…EXAMPLE`): most likely documentation, so it is only a note, but it is shown, because a
 * template is where a real token gets pasted and stays.
 */
function reportPlaceholder(ctx: RuleContext, meta: RuleMeta, format: TokenFormat, start: number, end: number): void {
  ctx.report({
    ruleId: meta.id,
    start,
    end,
    severity: 'info',
    confidence: 'low',
    message: `This looks like a placeholder for a ${format.provider} ${format.name}. If a real token is ever put here, keep it in a secret store instead.`,
  });
}

function safe(f: () => boolean): boolean | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
