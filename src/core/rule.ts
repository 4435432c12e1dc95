// The rule interface. A rule is one file exporting a `Rule`: metadata plus the hooks it needs.
// The engine walks each parsed file once and calls every hook of every rule that applies.
import type { Confidence, FileKind, Fix, RuleMeta, Severity, TextRange } from './types';
import type { Node, Pair, ParsedDocument, ParsedFile, PathSegment, ScalarNode } from './parse/model';
import type { ShellCommand, ShellWord } from './shell/tokenize';
import type { CompiledCustomPattern } from './custom-pattern-specs';

/** What rules know about the file under analysis. */
export interface FileInfo {
  /** Path as given by the caller (relative or absolute); used for messages and name checks. */
  path: string;
  kind: FileKind;
  text: string;
  /** The analysed rules' keywords that occur in the lowercased text (one scan by the engine). */
  keywordsFound: ReadonlySet<string>;
  parsed: ParsedFile;
  /** True when git ignores the file; undefined when unknown (no git, untitled buffer). */
  gitIgnored?: boolean;
  options: RuleOptions;
}

/** User-tunable knobs that rules read. Defaults live in `DEFAULT_RULE_OPTIONS`. */
export interface RuleOptions {
  /** Severity for cleartext endpoints on private addresses and single-label hosts. */
  privateHostSeverity: Severity | 'off';
  /** Extra hosts (lowercase, exact or `*.suffix`) never reported as cleartext endpoints. */
  allowedHosts: string[];
  /** Values never reported as secrets (exact match). */
  allowedValues: string[];
  /** The user's own secret patterns, compiled and checked once per configuration (custom-pattern-specs.ts). */
  customPatterns: readonly CompiledCustomPattern[];
}

export const DEFAULT_RULE_OPTIONS: RuleOptions = {
  privateHostSeverity: 'info',
  allowedHosts: [],
  allowedValues: [],
  customPatterns: [],
};

export interface Report extends TextRange {
  message: string;
  /** For catalog rules that report under several ids; defaults to the rule's own id. */
  ruleId?: string;
  severity?: Severity;
  confidence?: Confidence;
  fixes?: Fix[];
  path?: PathSegment[];
}

export interface RuleContext {
  file: FileInfo;
  report(report: Report): void;
  /** Source range of value[from, to) of a scalar (handles quotes, escapes, block scalars). */
  rangeIn(node: ScalarNode, from: number, to: number): TextRange;
}

/** A URL found in a scalar value or a command, with the parts rules look at. */
export interface UrlHit extends TextRange {
  url: string;
  scheme: string;
  /** Lowercased host without brackets; '' when the URL has none. */
  host: string;
  port?: string;
  /** `user:password` part, when present. */
  userinfo?: string;
  /** The scalar the URL was found in, when it came from the tree. */
  node?: ScalarNode;
  /** Key of the pair holding the value (e.g. `$schema`, `url`). */
  key?: string;
  path?: PathSegment[];
  /** True when the URL sits in a shell command. */
  inCommand: boolean;
}

/** A shell command from a script (`run:`, `script:`, `command:`, Dockerfile RUN, ...). */
export interface CommandHit {
  command: ShellCommand;
  /** The script text the command's offsets refer to. */
  script: string;
  /** Source range of a word, or of value[from, to) of a word. */
  rangeOf(word: ShellWord, from?: number, to?: number): TextRange;
  /** The scalar the script came from, when it came from the tree. */
  node?: ScalarNode;
  path?: PathSegment[];
}

export interface Rule {
  meta: RuleMeta;
  /** Further ids this rule reports under (catalog entries), each with its own metadata. */
  catalog?: RuleMeta[];
  /** File kinds the rule applies to; omitted means every kind. */
  kinds?: readonly FileKind[];
  /**
   * Lowercase substrings of which the text must contain at least one for the rule to run:
   * a cheap prefilter that keeps per-keystroke work small.
   */
  keywords?: readonly string[];
  /** Once per file with the raw text (for patterns that do not need structure). */
  visitText?(ctx: RuleContext): void;
  /** Once per document (YAML files may hold several). */
  visitDocument?(ctx: RuleContext, doc: ParsedDocument): void;
  /** Every key/value pair of every map, depth first. */
  visitPair?(ctx: RuleContext, pair: Pair, path: PathSegment[]): void;
  /** Every scalar value (not keys), in maps and sequences. */
  visitScalar?(ctx: RuleContext, node: ScalarNode, path: PathSegment[]): void;
  /** Every URL in a scalar value or a command. */
  visitUrl?(ctx: RuleContext, url: UrlHit): void;
  /** Every command of every script the file runs. */
  visitCommand?(ctx: RuleContext, hit: CommandHit): void;
}

export type { Node, Pair, ParsedDocument, ScalarNode, PathSegment };
