// Core vocabulary shared by parsers, rules, the engine and every front end (CLI, VS Code, tests).
// Nothing here knows about VS Code; offsets are UTF-16 code-unit offsets into the analysed text.

export type Category = 'secret' | 'scope' | 'transport';
export const CATEGORIES: readonly Category[] = ['secret', 'scope', 'transport'];

export type Severity = 'error' | 'warning' | 'info';
/** How sure a rule is that a finding is real; shown to users and used by the accuracy benchmark. */
export type Confidence = 'high' | 'medium' | 'low';
/** Safe fixes keep behaviour and may be applied in bulk; unsafe ones change what the file does. */
export type FixDisposition = 'safe' | 'unsafe';

/** What a file is, decided once by `classify` from its path and content. */
export type FileKind =
  | 'github-workflow'
  | 'github-action'
  | 'gitlab-ci'
  | 'compose'
  | 'kubernetes'
  | 'iam-policy'
  | 'cloudformation'
  | 'serverless'
  | 'openapi'
  | 'ansible'
  | 'n8n'
  | 'node-red'
  | 'vscode-settings'
  | 'appsettings'
  | 'docker-config'
  | 'dotenv'
  | 'npmrc'
  | 'ini'
  | 'netrc'
  | 'git-credentials'
  | 'dockerfile'
  | 'terraform'
  | 'yaml'
  | 'json'
  | 'text';

/** The syntax a file is parsed with; several kinds share one. */
export type Syntax = 'yaml' | 'json' | 'dotenv' | 'ini' | 'dockerfile' | 'hcl' | 'text';

export interface TextRange {
  start: number;
  end: number;
}

/** A replacement of [start, end) in one text by newText. */
export interface TextEdit extends TextRange {
  newText: string;
}

export interface Fix {
  title: string;
  disposition: FixDisposition;
  /** Edits to the analysed text, non-overlapping. */
  edits: TextEdit[];
}

export interface RuleMeta {
  /** `category/name`, stable forever: CI pipelines and suppressions refer to it. */
  id: string;
  category: Category;
  /** One line, used as the SARIF short description and the rule table. */
  title: string;
  defaultSeverity: Severity;
  confidence: Confidence;
  /** One paragraph: what it finds, why it matters, what to do instead. */
  explanation: string;
  /** Whether findings of this rule can carry a fix. */
  fixable: boolean;
}

export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  confidence: Confidence;
  /** Human message; never contains a secret whole (the engine masks centrally). */
  message: string;
  /** Range of the offending text in the analysed document. */
  start: number;
  end: number;
  /** 0-based line and UTF-16 column of start and end, for front ends that want positions. */
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  /** The offending text with secrets masked, short enough for a table cell. */
  excerpt: string;
  /** Key path of the value in the parsed tree, when the finding sits on one (e.g. jobs.build.env.TOKEN). */
  path?: (string | number)[];
  fixes: Fix[];
}
