// The shared body of the generic rules: one rule per kind of name (password, other secret,
// authorization header). Each looks at every place a named value can sit: key/value pairs,
// name/value entries, `KEY=value` list items, assignments embedded in multi-line strings, shell
// assignments in scripts, Bicep parameters and XML elements. Values under `env:`, `with:`,
// `stringData:`, `headers:` and the like are reported with high confidence: the key path says
// they are used as given.
import type { FileInfo, Pair, PathSegment, Rule, RuleContext } from '../../rule';
import { isScalar } from '../../parse/model';
import type { RuleMeta, TextRange } from '../../types';
import { isScriptPath } from '../../scripts';
import type { SecretKeyKind } from './keys';
import type { JudgeOptions, NamedJudgement } from './named-values';
import { embeddedAssignments, judgeNamedValue, namedKind, splitAssignment, xmlNamedValues } from './named-values';
import { isLogicalNameReference, namedScalar, namesItself } from './structure';
import { dotenvExposureAllows } from './exposure';
import { isKubernetesSecretEntry } from './kubernetes-secret-data';
import { isDockerConfigAuth } from './docker-config-auth';
import { isNpmrcAuthKey } from './npmrc-auth';

export interface NamedRuleSpec {
  meta: RuleMeta;
  /** Which kinds of names this rule reports. */
  kinds: readonly SecretKeyKind[];
  keywords: readonly string[];
  /** The message for a finding (never containing the value). */
  message(name: string, weak: boolean): string;
  /** A further raw-text scan of the rule's own. */
  scanText?(ctx: RuleContext): void;
}

/** The options of a value whose structure declares it secret, shared rather than built per pair. */
const DECLARED_SECRET: JudgeOptions = { declaredSecret: true };

/** Programs whose arguments are `NAME=value` assignments. */
const ASSIGNING_PROGRAMS = new Set(['export', 'declare', 'local', 'readonly', 'typeset', 'env', 'set']);

export function namedValueRule(spec: NamedRuleSpec): Rule {
  const wants = (j: NamedJudgement | undefined): j is NamedJudgement => !!j && spec.kinds.includes(j.kind);
  // Several rules share this body and see the same values: each judges only names of its own kinds.
  const ownsName = (name: string, options?: JudgeOptions): boolean => {
    const kind = namedKind(name, options);
    return kind !== undefined && spec.kinds.includes(kind);
  };
  const judge = (name: string, raw: string, file: FileInfo, options?: JudgeOptions) => (ownsName(name, options) ? judgeNamedValue(name, raw, file, options) : undefined);
  const report = (ctx: RuleContext, name: string, j: NamedJudgement, range: TextRange, path: PathSegment[] | undefined) =>
    ctx.report({
      ...range,
      path,
      severity: j.verdict === 'weak' ? 'warning' : undefined,
      confidence: j.verdict === 'weak' ? 'low' : inValueContext(path) ? 'high' : undefined,
      message: spec.message(name, j.verdict === 'weak'),
    });

  return {
    meta: spec.meta,
    keywords: spec.keywords,
    visitPair(ctx, pair, path) {
      // The value's own checks first: they are the cheapest, and most pairs stop at one of them.
      const value = pair.value;
      if (!isScalar(value) || value.alias || value.tag || value.type === 'null' || value.type === 'boolean') return;
      if (!dotenvExposureAllows(ctx.file) || ownedElsewhere(ctx.file, pair, path)) return;
      let name = pair.key.value;
      let declaredSecret = false;
      if (!namesItself(name)) {
        const named = namedScalar(pair, path);
        if (!named) return;
        ({ name, declaredSecret } = named);
      }
      // Most pairs have a name of no kind of this rule: they stop here, before the options object
      // below is built for them.
      if (!ownsName(name, declaredSecret ? DECLARED_SECRET : undefined)) return;
      // Bicep: an unquoted value is an expression (a parameter, a function call), never a literal.
      if (value.style === 'plain' && /\.bicep$/i.test(ctx.file.path)) return;
      if (ctx.file.kind === 'cloudformation' && isLogicalNameReference(value, value.value)) return;
      const j = judgeNamedValue(name, value.value, ctx.file, { declaredSecret, unquotedText: ctx.file.kind === 'text' && value.style === 'plain' });
      if (!wants(j)) return;
      report(ctx, name, j, ctx.rangeIn(value, j.from, j.to), path);
    },
    visitScalar(ctx, node, path) {
      if (node.type !== 'string' || node.tag || node.alias) return;
      if (!dotenvExposureAllows(ctx.file)) return;
      // `- API_SECRET=value` in a list (compose `environment:`, build args).
      if (node.parent?.kind === 'seq') {
        const a = splitAssignment(node.value);
        if (a) {
          const j = judge(a.name, node.value.slice(a.valueFrom), ctx.file);
          if (wants(j)) {
            report(ctx, a.name, j, ctx.rangeIn(node, a.valueFrom + j.from, a.valueFrom + j.to), path);
          }
          return;
        }
      }
      // Scripts are read as commands (visitCommand); other multi-line strings line by line.
      if (!node.value.includes('\n') || isScriptPath(path)) return;
      for (const e of embeddedAssignments(node.value)) {
        const j = judge(e.name, node.value.slice(e.from, e.to), ctx.file);
        if (wants(j)) report(ctx, e.name, j, ctx.rangeIn(node, e.from + j.from, e.from + j.to), path);
      }
    },
    visitCommand(ctx, hit) {
      if (!dotenvExposureAllows(ctx.file)) return;
      const { assignments, argv } = hit.command;
      const words = ASSIGNING_PROGRAMS.has(argv[0]?.value ?? '') ? [...assignments, ...argv.slice(1)] : assignments;
      for (const word of words) {
        const a = splitAssignment(word.value);
        if (!a) continue;
        const j = judge(a.name, word.value.slice(a.valueFrom), ctx.file, { shell: true });
        if (wants(j)) report(ctx, a.name, j, hit.rangeOf(word, a.valueFrom + j.from, a.valueFrom + j.to), hit.path);
      }
    },
    visitText(ctx) {
      if (!dotenvExposureAllows(ctx.file)) return;
      spec.scanText?.(ctx);
      if (ctx.file.kind !== 'text') return;
      const text = ctx.file.text;
      const named: { name: string; from: number; to: number; secure?: boolean }[] = /\.bicep$/i.test(ctx.file.path) ? bicepParameters(text) : looksLikeXml(text) ? xmlNamedValues(text) : [];
      for (const p of named) {
        const raw = text.slice(p.from, p.to);
        const value = unescapeXml(raw);
        const j = judge(p.name, value, ctx.file, { declaredSecret: p.secure });
        // An entity shifts offsets: then the whole written value is the range.
        if (wants(j)) report(ctx, p.name, j, value === raw ? { start: p.from + j.from, end: p.from + j.to } : { start: p.from, end: p.to }, undefined);
      }
    },
  };
}

/** Keys whose children are values handed to a program: environment variables, action inputs, headers. */
const VALUE_CONTEXTS = new Set(['env', 'environment', 'variables', 'vars', 'with', 'stringdata', 'headers', 'credentials', 'secrets', 'environmentvariables', 'args', 'build_args', 'connectionstrings']);

/** A name under `env:`, `environment:`, `with:`, `stringData:`, `headers:` ... is certainly a setting that is used. */
function inValueContext(path: PathSegment[] | undefined): boolean {
  if (!path) return false;
  for (const seg of [path[path.length - 2], path[path.length - 3]]) {
    if (typeof seg === 'string' && VALUE_CONTEXTS.has(seg.toLowerCase().replace(/-/g, '_'))) return true;
  }
  return false;
}

/** Values a file-specific rule owns: it decodes them and judges the decoded value instead. */
function ownedElsewhere(file: FileInfo, pair: Pair, path: PathSegment[]): boolean {
  return isKubernetesSecretEntry(pair, path) || (file.kind === 'docker-config' && isDockerConfigAuth(pair, path)) || (file.kind === 'npmrc' && isNpmrcAuthKey(pair.key.value));
}

// `@secure()` on the line before, then `param name type = 'literal'`.
const BICEP_PARAM = /^[ \t]*param[ \t]+([A-Za-z_]\w{0,100})[ \t]+\w+[ \t]*=[ \t]*'([^'\n]*)'[ \t]*(?:\/\/[^\n]*)?\r?$/gm;

/** XML is not parsed into the tree; its named values are read from the text. */
function looksLikeXml(text: string): boolean {
  return text.trimStart().startsWith('<') && text.includes('</');
}

/** Entities change the value's length only where they occur; secrets rarely hold them. */
function unescapeXml(s: string): string {
  return s.includes('&') ? s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '') : s;
}

/** Bicep parameters with a literal default value. */
function bicepParameters(text: string): { name: string; from: number; to: number; secure?: boolean }[] {
  const out: { name: string; from: number; to: number; secure: boolean }[] = [];
  BICEP_PARAM.lastIndex = 0;
  for (let m = BICEP_PARAM.exec(text); m; m = BICEP_PARAM.exec(text)) {
    const from = m.index + m[0].lastIndexOf(`'${m[2]}'`) + 1;
    const before = text.slice(Math.max(0, m.index - 200), m.index);
    out.push({ name: m[1], from, to: from + m[2].length, secure: /@secure\(\)\s*$/.test(before) });
  }
  return out;
}
