// The analysis engine: classify, parse once, walk once calling every applicable rule's hooks,
// then mask, suppress, apply severity settings and return findings.
import type { Category, Finding, RuleMeta, Severity, Syntax, FileKind } from './types';
import type { CommandHit, FileInfo, Report, Rule, RuleContext, RuleOptions, UrlHit } from './rule';
import { DEFAULT_RULE_OPTIONS } from './rule';
import type { MapNode, Node, Pair, ParsedFile, PathSegment, ScalarNode } from './parse/model';
import { releaseTree, sourceRange } from './parse/model';
import { classify, classifyAs } from './classify';
import { parseFile } from './parse/index';
import { LineIndex } from './positions';
import { mask, redactor } from './mask';
import { findDirectives, isSuppressed } from './suppress';
import { findUrls } from './urls';
import { commandsInRaw, commandsInScalar, isScriptPath } from './scripts';
import { RULES, ruleIndex } from './registry';
import { KeywordSet } from './keywords';

export interface Config {
  /** Per rule id or category: a severity, or 'off'. */
  rules?: Record<string, Severity | 'off'>;
  options?: Partial<RuleOptions>;
  /** Files larger than this many characters are skipped with a message. */
  maxFileSize?: number;
}

export interface AnalyzeOptions {
  /** Path used for classification and messages. */
  path: string;
  /** Forces a kind instead of classifying (the editor may know better, e.g. from a language id). */
  kind?: FileKind;
  gitIgnored?: boolean;
  config?: Config;
  /** Rules to run instead of the registry (tests). */
  rules?: readonly Rule[];
  /**
   * The caller's earlier result for this document, which it will not use again (the editor's
   * result for the version before an edit). Its tree is released before this analysis allocates
   * anything: a tree dropped while partly in V8's young generation is otherwise kept alive, and
   * copied, by every young collection until a full one (see releaseTree). Only trees of texts of
   * RELEASE_FROM characters or more are released; then its `parsed` is gone afterwards. Its
   * findings always stay.
   */
  previous?: AnalysisResult;
}

export interface AnalysisResult {
  kind: FileKind;
  syntax: Syntax;
  findings: Finding[];
  /** Findings silenced by inline comments. */
  suppressed: number;
  parseErrors: { start: number; end: number; message: string }[];
  /** Set when the file was not analysed, with the reason. */
  skipped?: string;
  /** Shared with fix planners so they need not parse again. */
  parsed?: ParsedFile;
  lines: LineIndex;
}

export const DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024;

export function analyze(text: string, options: AnalyzeOptions): AnalysisResult {
  if (options.previous) release(options.previous);
  const { kind, syntax } = options.kind ? classifyAs(options.kind, options.path) : classify(options.path, text);
  const maxSize = options.config?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const skip = text.length > maxSize ? `skipped: ${text.length} characters is over the limit of ${maxSize} (setting maxFileSize)` : text.includes('\u0000') ? 'skipped: binary content' : undefined;
  if (skip) {
    // Skipped before any per-line work, so a huge file costs nothing; the line index is built
    // only if a caller asks for it.
    let index: LineIndex | undefined;
    return { kind, syntax, findings: [], suppressed: 0, parseErrors: [], skipped: skip, get lines() { return (index ??= new LineIndex(text)); } };
  }
  const lines = new LineIndex(text);

  const parsed = parseFile(text, syntax, { netrc: kind === 'netrc' });
  const ruleList = options.rules ?? RULES;
  // Every rule keyword is looked for in one pass over the text (see keywords.ts); rules that
  // prefilter further by keyword read the answer from the file.
  const plan = rulePlanOf(ruleList);
  const found = plan.keywords.foundInLowercase(text);
  // The rules one of whose keywords occurs: looked up from the keywords found (a few) rather than
  // by testing every keyword of every rule (hundreds, for the token catalog) on every file.
  const prefiltered = new Set<Rule>();
  for (const k of found) for (const r of plan.rulesWith.get(k) ?? []) prefiltered.add(r);
  const file: FileInfo = {
    path: options.path,
    kind,
    text,
    keywordsFound: found,
    parsed,
    gitIgnored: options.gitIgnored,
    options: { ...DEFAULT_RULE_OPTIONS, ...options.config?.options },
  };
  const rules = plan.forKind(kind).filter((r) => (!r.keywords || prefiltered.has(r)) && !isOff(r.meta.id, r.meta.category, options.config));

  const raw: (Report & { rule: Rule })[] = [];
  const ctxFor = (rule: Rule): RuleContext => ({
    file,
    // Fields copied one by one: a spread here cost more than most rules' work. The path is copied
    // because the walk keeps changing its array.
    report: (r) =>
      raw.push({ start: r.start, end: r.end, message: r.message, ruleId: r.ruleId, severity: r.severity, confidence: r.confidence, fixes: r.fixes, path: r.path ? [...r.path] : undefined, rule }),
    rangeIn: (node, from, to) => sourceRange(text, node, from, to),
  });
  const contexts = rules.map((rule) => ({ rule, ctx: ctxFor(rule), hooks: plan.hooksOf(rule) }));
  // The rules that have each hook, in registry order: the walk calls hooks per node, so it should
  // not look at the rules that lack one every time.
  const withHook = (hook: number) => contexts.filter((c) => (c.hooks & hook) !== 0);
  const onText = withHook(HOOK.visitText);
  const onDocument = withHook(HOOK.visitDocument);
  const onPair = withHook(HOOK.visitPair);
  const onScalar = withHook(HOOK.visitScalar);
  const onUrl = withHook(HOOK.visitUrl);
  const onCommand = withHook(HOOK.visitCommand);
  // One broken rule must not take the others down; the failure is reported without data.
  const failed = (rule: Rule, error: unknown) =>
    raw.push({ rule, start: 0, end: 0, message: `internal error in ${rule.meta.id}: ${(error as Error).name}`, severity: 'info' });
  const path: PathSegment[] = [];

  const visitUrl = (hit: UrlHit) => {
    for (const { rule, ctx } of onUrl) {
      try {
        rule.visitUrl!(ctx, hit);
      } catch (error) {
        failed(rule, error);
      }
    }
  };
  const visitCommand = (hit: CommandHit) => {
    for (const { rule, ctx } of onCommand) {
      try {
        rule.visitCommand!(ctx, hit);
      } catch (error) {
        failed(rule, error);
      }
    }
  };

  /** `pair` is the pair whose value `node` is (undefined for a sequence item or a document root). */
  const visitScalar = (node: ScalarNode, pair: Pair | undefined) => {
    for (const { rule, ctx } of onScalar) {
      try {
        rule.visitScalar!(ctx, node, path);
      } catch (error) {
        failed(rule, error);
      }
    }
    if (node.type !== 'string' || node.alias) return;
    // Only strings with `://` can hold a URL; only scripts hold commands.
    const urls = onUrl.length > 0 && node.value.includes('://');
    const script = (urls || onCommand.length > 0) && isScriptPath(path);
    if (urls) {
      // The key of the pair holding the value: the walk knows that pair, so no search of the map.
      const parent = node.parent;
      const key = parent?.kind === 'map' ? keyOfValue(parent, node, pair) : typeof path[path.length - 2] === 'string' ? (path[path.length - 2] as string) : undefined;
      for (const m of findUrls(node.value)) {
        const range = sourceRange(text, node, m.from, m.to);
        visitUrl({ start: range.start, end: range.end, url: m.url, scheme: m.scheme, host: m.host, port: m.port, userinfo: m.userinfo, node, key, path, inCommand: script });
      }
    }
    if (onCommand.length > 0 && script) {
      for (const hit of commandsInScalar(file, node, path)) visitCommand(hit);
    }
  };

  const walk = (node: Node | null, pair: Pair | undefined) => {
    if (!node) return;
    if (node.kind === 'scalar') return visitScalar(node, pair);
    if (node.kind === 'seq') {
      const items = node.items;
      for (let i = 0; i < items.length; i++) {
        path.push(i);
        walk(items[i], undefined);
        path.pop();
      }
      return;
    }
    for (const pair of node.pairs) {
      path.push(pair.key.value);
      for (const { rule, ctx } of onPair) {
        try {
          rule.visitPair!(ctx, pair, path);
        } catch (error) {
          failed(rule, error);
        }
      }
      walk(pair.value, pair);
      path.pop();
    }
  };

  for (const { rule, ctx } of onText) {
    try {
      rule.visitText!(ctx);
    } catch (error) {
      failed(rule, error);
    }
  }
  for (const doc of parsed.documents) {
    for (const { rule, ctx } of onDocument) {
      try {
        rule.visitDocument!(ctx, doc);
      } catch (error) {
        failed(rule, error);
      }
    }
    walk(doc.root, undefined);
  }
  if (onCommand.length > 0 || onUrl.length > 0) {
    for (const hit of commandsInRaw(file)) {
      if (onCommand.length > 0) visitCommand(hit);
      if (onUrl.length > 0) visitCommandUrls(hit, visitUrl);
    }
  }

  const { findings, suppressed } = finish(raw, file, lines, options.config);
  const parseErrors = parsed.documents.flatMap((d) => d.errors);
  return { kind, syntax, findings, suppressed, parseErrors, parsed, lines };
}

/**
 * From this many characters on, a previous result's tree is released (see AnalyzeOptions.previous).
 * Measured in the editor's loop on generated workflows, Compose and Kubernetes files: releasing
 * saved 5-20% of an analysis at 60-87 K characters and about a third at 200-285 K, and cost 0-5%
 * at 20-43 K, where a tree seldom outlives a young collection and unlinking it is the dearer part.
 */
export const RELEASE_FROM = 64 * 1024;

function release(result: AnalysisResult): void {
  const parsed = result.parsed;
  if (!parsed || parsed.text.length < RELEASE_FROM) return;
  result.parsed = undefined;
  for (const document of parsed.documents) releaseTree(document.root);
  parsed.documents = [];
}

/** Bits of the hooks a rule has. */
const HOOK = { visitText: 1, visitDocument: 2, visitPair: 4, visitScalar: 8, visitUrl: 16, visitCommand: 32 } as const;

/**
 * What every analysis with a rule list needs from it and does not depend on the file: its
 * keywords, which rules apply to each kind of file, and which hooks each rule has. Worked out once
 * per list (the registry's once per process) instead of once per file.
 */
class RulePlan {
  readonly keywords: KeywordSet;
  /** The rules that list each keyword. */
  readonly rulesWith = new Map<string, Rule[]>();
  private readonly byKind = new Map<FileKind, Rule[]>();
  private readonly hooks = new Map<Rule, number>();

  constructor(private readonly rules: readonly Rule[]) {
    for (const r of rules) {
      for (const k of new Set(r.keywords ?? [])) {
        const list = this.rulesWith.get(k);
        if (list) list.push(r);
        else this.rulesWith.set(k, [r]);
      }
      let bits = 0;
      for (const [hook, bit] of Object.entries(HOOK)) if (r[hook as keyof typeof HOOK]) bits |= bit;
      this.hooks.set(r, bits);
    }
    this.keywords = new KeywordSet(this.rulesWith.keys());
  }

  /** The rules that apply to a kind of file, in list order. */
  forKind(kind: FileKind): readonly Rule[] {
    let list = this.byKind.get(kind);
    if (!list) this.byKind.set(kind, (list = this.rules.filter((r) => !r.kinds || r.kinds.includes(kind))));
    return list;
  }

  hooksOf(rule: Rule): number {
    return this.hooks.get(rule) ?? 0;
  }
}

const rulePlans = new WeakMap<readonly Rule[], RulePlan>();

/** The plan of a rule list, prepared once per list (the registry's is prepared once). */
function rulePlanOf(rules: readonly Rule[]): RulePlan {
  let plan = rulePlans.get(rules);
  if (!plan) rulePlans.set(rules, (plan = new RulePlan(rules)));
  return plan;
}

/** The key under which `node` sits in `map`: the walk's current pair when it holds it, else the first pair that does. */
function keyOfValue(map: MapNode, node: ScalarNode, pair: Pair | undefined): string | undefined {
  if (pair && pair.value === node && pair.parent === map) return pair.key.value;
  return map.pairs.find((p) => p.value === node)?.key.value;
}

function visitCommandUrls(hit: CommandHit, visit: (u: UrlHit) => void): void {
  for (const word of [...hit.command.assignments, ...hit.command.argv]) {
    for (const m of findUrls(word.value)) {
      const range = hit.rangeOf(word, m.from, m.to);
      visit({ start: range.start, end: range.end, url: m.url, scheme: m.scheme, host: m.host, port: m.port, userinfo: m.userinfo, inCommand: true });
    }
  }
}

function isOff(id: string, category: Category, config?: Config): boolean {
  return config?.rules?.[id] === 'off' || (config?.rules?.[id] === undefined && config?.rules?.[category] === 'off');
}

/** Dedup, mask, suppress and apply severity settings: the same for every rule. */
function finish(raw: (Report & { rule: Rule })[], file: FileInfo, lines: LineIndex, config?: Config): { findings: Finding[]; suppressed: number } {
  // Secret ranges first: everything shown later is redacted against them.
  const secretTexts = raw.filter((r) => r.rule.meta.category === 'secret' && r.end > r.start).map((r) => file.text.slice(r.start, r.end));
  const order = (r: Report & { rule: Rule }) => ruleIndex(r.ruleId ?? r.rule.meta.id);
  raw.sort((a, b) => a.start - b.start || order(a) - order(b));

  // Kept findings in order, each in a box so a replacement keeps its place. A finding can only
  // clash with kept ones of its group (every secret finding, or one rule id of another category)
  // that end after it starts; as starts only grow, the others are dropped from the group's live
  // list, so this stays near linear even for files with thousands of findings.
  const kept: { r: Report & { rule: Rule } }[] = [];
  const live = new Map<string, { r: Report & { rule: Rule } }[]>();
  for (const r of raw) {
    // Rule ids start with their category, so an id alone names a group of its own.
    const group = r.rule.meta.category === 'secret' ? 'secret' : (r.ruleId ?? r.rule.meta.id);
    let boxes = live.get(group);
    if (!boxes) live.set(group, (boxes = []));
    let n = 0;
    let clash: { r: Report & { rule: Rule } } | undefined;
    for (const b of boxes) {
      if (b.r.end <= r.start) continue;
      boxes[n++] = b;
      // Two secret findings on overlapping text: the more specific rule (earlier in the registry) wins.
      if (!clash && b.r.start < r.end) clash = b;
    }
    boxes.length = n;
    if (clash) {
      if (order(r) < order(clash.r)) clash.r = r;
      continue;
    }
    const box = { r };
    kept.push(box);
    boxes.push(box);
  }

  if (kept.length === 0) return { findings: [], suppressed: 0 };
  const directives = findDirectives(file.text, lines);
  // Prepared once: redacting every finding against every secret must stay linear in file size.
  const redact = redactor(secretTexts);
  const findings: Finding[] = [];
  let suppressed = 0;
  for (const { r } of kept) {
    const meta = r.rule.meta;
    const id = r.ruleId ?? meta.id;
    const sub = catalogEntry(r.rule, id);
    const override = config?.rules?.[id] ?? config?.rules?.[meta.category];
    if (override === 'off') continue;
    const start = lines.positionAt(r.start);
    const end = lines.positionAt(r.end);
    const slice = file.text.slice(r.start, Math.min(r.end, r.start + 200));
    const finding: Finding = {
      ruleId: id,
      category: meta.category,
      severity: override ?? r.severity ?? sub?.defaultSeverity ?? meta.defaultSeverity,
      confidence: r.confidence ?? sub?.confidence ?? meta.confidence,
      message: redact(r.message),
      start: r.start,
      end: r.end,
      startLine: start.line,
      startColumn: start.column,
      endLine: end.line,
      endColumn: end.column,
      excerpt: meta.category === 'secret' ? mask(slice) : oneLine(redact(slice)),
      path: r.path,
      fixes: r.fixes ?? [],
    };
    if (isSuppressed(finding, directives)) {
      suppressed++;
      continue;
    }
    findings.push(finding);
  }
  return { findings, suppressed };
}

const catalogs = new WeakMap<Rule, Map<string, RuleMeta>>();

/** A catalog rule's entry for `id`: indexed once per rule, as a search per finding grows with the catalog. */
function catalogEntry(rule: Rule, id: string): RuleMeta | undefined {
  if (!rule.catalog) return undefined;
  let byId = catalogs.get(rule);
  if (!byId) {
    byId = new Map();
    // The first entry with an id wins, as a search from the start would find it.
    for (const m of rule.catalog) if (!byId.has(m.id)) byId.set(m.id, m);
    catalogs.set(rule, byId);
  }
  return byId.get(id);
}

function oneLine(s: string): string {
  // Each whitespace run holding a line break becomes one space (a `\s*\r?\n\s*` regex would be
  // quadratic on long runs of blanks). Most excerpts hold none: no replace, no callback.
  const line = s.includes('\n') ? s.replace(/\s+/g, (run) => (run.includes('\n') ? ' ' : run)) : s;
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
