// Inline suppression: `plainsight-ignore [rule-id|category ...][: reason]` in a comment (`#`, `//`
// or `;`) on the finding's line or on the line before. Without ids it silences every rule.
// The allowlist comments of detect-secrets (`pragma: allowlist secret`, `pragma: allowlist
// nextline secret`) and gitleaks (`gitleaks:allow`) silence secret findings too: teams that move
// from those scanners have already reviewed and marked those lines.
// The raw text is scanned, not the parsed comments, so a directive also works as a shell comment
// inside a YAML block scalar (a `run: |` script), where YAML comments cannot go.
import type { FileKind, Finding, TextEdit } from './types';
import type { LineIndex } from './positions';

export const SUPPRESS_WORD = 'plainsight-ignore';

interface Directive {
  line: number;
  /** Empty: every rule. */
  ids: string[];
  /** True when the comment is the only thing on its line (so it applies to the next line). */
  standalone: boolean;
}

const DIRECTIVE = /(#|\/\/|;)[ \t]*plainsight-ignore\b([^\n:]*)(?::[^\n]*)?/g;
/** Other scanners' allowlist markers; group 1 is set for detect-secrets' next-line form. */
const FOREIGN_ALLOW = /pragma: ?allowlist (nextline )?secret\b|gitleaks:allow\b/g;

export function findDirectives(text: string, index: LineIndex): Directive[] {
  const out: Directive[] = [];
  if (text.includes('allowlist') || text.includes('gitleaks:allow')) {
    FOREIGN_ALLOW.lastIndex = 0;
    for (let m = FOREIGN_ALLOW.exec(text); m; m = FOREIGN_ALLOW.exec(text)) {
      const { line } = index.positionAt(m.index);
      out.push({ line: m[1] ? line + 1 : line, ids: ['secret'], standalone: false });
    }
  }
  if (!text.includes(SUPPRESS_WORD)) return out;
  DIRECTIVE.lastIndex = 0;
  for (let m = DIRECTIVE.exec(text); m; m = DIRECTIVE.exec(text)) {
    const { line } = index.positionAt(m.index);
    const before = text.slice(index.lineStart(line), m.index);
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    out.push({ line, ids, standalone: before.trim() === '' || /^[ \t]*(?:-[ \t]*)?$/.test(before) });
  }
  return out;
}

export function isSuppressed(finding: Finding, directives: Directive[]): boolean {
  for (const d of directives) {
    const applies = d.line === finding.startLine || (d.standalone && d.line === finding.startLine - 1);
    if (!applies) continue;
    if (d.ids.length === 0 || d.ids.includes(finding.ruleId) || d.ids.includes(finding.category)) return true;
  }
  return false;
}

/** Kinds whose syntax has no comments at all: an ignore comment would break the file. */
const NO_COMMENTS: ReadonlySet<FileKind> = new Set<FileKind>(['git-credentials']);

/**
 * The edit that writes a suppression comment for `finding` on its own line above it, indented
 * like the finding's line. Undefined where the syntax cannot hold a comment (strict JSON).
 */
export function suppressionEdit(text: string, index: LineIndex, finding: Finding, kind: FileKind, strictJson: boolean, reason?: string): TextEdit | undefined {
  if (NO_COMMENTS.has(kind) || strictJson) return undefined;
  const marker = kind === 'vscode-settings' || kind === 'json' || kind === 'appsettings' ? '//' : '#';
  const lineStart = index.lineStart(finding.startLine);
  const indent = /^[ \t]*/.exec(text.slice(lineStart, index.lineEnd(finding.startLine)))![0];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const suffix = reason ? `: ${reason}` : '';
  return { start: lineStart, end: lineStart, newText: `${indent}${marker} ${SUPPRESS_WORD} ${finding.ruleId}${suffix}${eol}` };
}
