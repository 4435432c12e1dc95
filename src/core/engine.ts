// The analysis engine: classify, parse once, walk once calling every applicable rule's hooks,
// then mask, suppress, apply severity settings and return findings.
import type { Category, Finding, Severity, Syntax, FileKind } from './types';
import type { CommandHit, FileInfo, Report, Rule, RuleContext, RuleOptions, UrlHit } from './rule';
import { DEFAULT_RULE_OPTIONS } from './rule';
import type { Node, ParsedFile, PathSegment, ScalarNode } from './parse/model';
import { sourceRange } from './parse/model';
import { classify, classifyAs } from './classify';
import { parseFile } from './parse/index';
import { LineIndex } from './positions';
import { mask, redact } from './mask';
import { findDirectives, isSuppressed } from './suppress';
import { findUrls } from './urls';
import { commandsInRaw, commandsInScalar, isScriptPath } from './scripts';
import { RULES, ruleIndex } from './registry';

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
  const lines = new LineIndex(text);
  const { kind, syntax } = options.kind ? classifyAs(options.kind, options.path) : classify(options.path, text);
  const base = { kind, syntax, findings: [], suppressed: 0, parseErrors: [], lines };
  const maxSize = options.config?.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > maxSize) return { ...base, skipped: `skipped: ${text.length} characters is over the limit of ${maxSize} (setting maxFileSize)` };
  if (text.includes('\u0000')) return { ...base, skipped: 'skipped: binary content' };

  const parsed = parseFile(text, syntax, { netrc: kind === 'netrc' });
  const file: FileInfo = {
    path: options.path,
    kind,
    text,
    parsed,
    gitIgnored: options.gitIgnored,
    options: { ...DEFAULT_RULE_OPTIONS, ...options.config?.options },
  };
  const lower = text.toLowerCase();
  const rules = (options.rules ?? RULES).filter(
    (r) => (!r.kinds || r.kinds.includes(kind)) && (!r.keywords || r.keywords.some((k) => lower.includes(k))) && !isOff(r.meta.id, r.meta.category, options.config),
  );

  const raw: (Report & { rule: Rule })[] = [];
  const ctxFor = (rule: Rule): RuleContext => ({
    file,
    report: (r) => raw.push({ ...r, rule, path: r.path ? [...r.path] : undefined }),
    rangeIn: (node, from, to) => sourceRange(text, node, from, to),
  });
  const contexts = new Map(rules.map((r) => [r, ctxFor(r)]));
  const run = <K extends keyof Rule>(hook: K, call: (rule: Rule, ctx: RuleContext) => void) => {
    for (const rule of rules) {
      if (!rule[hook]) continue;
      try {
        call(rule, contexts.get(rule)!);
      } catch (error) {
        // One broken rule must not take the others down; the failure is reported without data.
        raw.push({ rule, start: 0, end: 0, message: `internal error in ${rule.meta.id}: ${(error as Error).name}`, severity: 'info' });
      }
    }
  };

  run('visitText', (rule, ctx) => rule.visitText!(ctx));
  const wantsUrls = rules.some((r) => r.visitUrl);
  const wantsCommands = rules.some((r) => r.visitCommand);
  const path: PathSegment[] = [];

  const visitScalar = (node: ScalarNode) => {
    run('visitScalar', (rule, ctx) => rule.visitScalar!(ctx, node, path));
    if (node.type !== 'string' || node.alias) return;
    const script = isScriptPath(path);
    if (wantsUrls) {
      for (const m of findUrls(node.value)) {
        const range = sourceRange(text, node, m.from, m.to);
        const parent = node.parent;
        const key = parent?.kind === 'map' ? parent.pairs.find((p) => p.value === node)?.key.value : typeof path[path.length - 2] === 'string' ? (path[path.length - 2] as string) : undefined;
        const hit: UrlHit = { ...range, url: m.url, scheme: m.scheme, host: m.host, port: m.port, userinfo: m.userinfo, node, key, path, inCommand: script };
        run('visitUrl', (rule, ctx) => rule.visitUrl!(ctx, hit));
      }
    }
    if (wantsCommands && script) {
      for (const hit of commandsInScalar(file, node, path)) run('visitCommand', (rule, ctx) => rule.visitCommand!(ctx, hit));
    }
  };

  const walk = (node: Node | null) => {
    if (!node) return;
    if (node.kind === 'scalar') return visitScalar(node);
    if (node.kind === 'seq') {
      node.items.forEach((item, i) => {
        path.push(i);
        walk(item);
        path.pop();
      });
      return;
    }
    for (const pair of node.pairs) {
      path.push(pair.key.value);
      run('visitPair', (rule, ctx) => rule.visitPair!(ctx, pair, path));
      walk(pair.value);
      path.pop();
    }
  };

  for (const doc of parsed.documents) {
    run('visitDocument', (rule, ctx) => rule.visitDocument!(ctx, doc));
    walk(doc.root);
  }
  if (wantsCommands || wantsUrls) {
    for (const hit of commandsInRaw(file)) {
      if (wantsCommands) run('visitCommand', (rule, ctx) => rule.visitCommand!(ctx, hit));
      if (wantsUrls) visitCommandUrls(hit, (u) => run('visitUrl', (rule, ctx) => rule.visitUrl!(ctx, u)));
    }
  }

  const { findings, suppressed } = finish(raw, file, lines, options.config);
  const parseErrors = parsed.documents.flatMap((d) => d.errors);
  return { kind, syntax, findings, suppressed, parseErrors, parsed, lines };
}

function visitCommandUrls(hit: CommandHit, visit: (u: UrlHit) => void): void {
  for (const word of [...hit.command.assignments, ...hit.command.argv]) {
    for (const m of findUrls(word.value)) {
      const range = hit.rangeOf(word, m.from, m.to);
      visit({ ...range, url: m.url, scheme: m.scheme, host: m.host, port: m.port, userinfo: m.userinfo, inCommand: true });
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

  const kept: (Report & { rule: Rule })[] = [];
  for (const r of raw) {
    const category = r.rule.meta.category;
    // Two secret findings on overlapping text: the more specific rule (earlier in the registry) wins.
    const clash = kept.find(
      (k) => k.rule.meta.category === category && k.start < r.end && r.start < k.end && (category === 'secret' || (k.ruleId ?? k.rule.meta.id) === (r.ruleId ?? r.rule.meta.id)),
    );
    if (clash) {
      if (order(r) < order(clash)) kept.splice(kept.indexOf(clash), 1, r);
      continue;
    }
    kept.push(r);
  }

  const directives = findDirectives(file.text, lines);
  const findings: Finding[] = [];
  let suppressed = 0;
  for (const r of kept) {
    const meta = r.rule.meta;
    const id = r.ruleId ?? meta.id;
    const sub = r.rule.catalog?.find((m) => m.id === id);
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
      message: redact(r.message, secretTexts),
      start: r.start,
      end: r.end,
      startLine: start.line,
      startColumn: start.column,
      endLine: end.line,
      endColumn: end.column,
      excerpt: meta.category === 'secret' ? mask(slice) : oneLine(redact(slice, secretTexts)),
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

function oneLine(s: string): string {
  const line = s.replace(/\s*\r?\n\s*/g, ' ');
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
