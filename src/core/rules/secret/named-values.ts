// Judges a value by the name it is stored under, and finds named values outside the tree:
// `KEY=value` list items (compose `environment:` lists), assignments embedded in multi-line
// strings (EC2 user data, Terraform heredocs, ConfigMap files) and shell assignments.
// The generic rules share this so that a value is judged the same way wherever it sits.
import type { FileInfo } from '../../rule';
import type { SecretKeyKind } from './keys';
import { secretKeyKind } from './keys';
import type { Verdict } from './values';
import { decodeBase64Text, judgePassword, judgeToken, judgeUserinfoPassword, isReference, looksLikeCode } from './values';

export interface NamedJudgement {
  kind: SecretKeyKind;
  verdict: Exclude<Verdict, 'skip'>;
  /** The judged part of the value: [from, to) offsets into the value string. */
  from: number;
  to: number;
}

export interface JudgeOptions {
  /** The structure declares the value secret (`NoEcho`, `securestring`): judge it even when its name says nothing. */
  declaredSecret?: boolean;
  /** The value is a shell word: any `$` expansion makes it dynamic. */
  shell?: boolean;
  /** An unquoted value of a plain-text file: it may be code (`const key = load()`). */
  unquotedText?: boolean;
}

/** Shared, never changed: a `= {}` default would allocate one per call. */
const NO_OPTIONS: JudgeOptions = Object.freeze({});

/** Known formats under well-known names: a value of another shape is encrypted or encoded, not the raw secret. */
const EXPECTED_SHAPE: [RegExp, RegExp][] = [[/^aws_?secret_?access_?key$/i, /^[A-Za-z0-9/+]{40}$/]];

/** The kind every judgement of a value under this name has (judging may still find nothing to report). */
export function namedKind(name: string, options?: JudgeOptions): SecretKeyKind | undefined {
  // No `= {}` default: it allocated an object for every name asked about (every pair of a file).
  return secretKeyKind(name) ?? (options?.declaredSecret ? 'password' : undefined);
}

/** How the named value should be judged, or undefined when it is not a secret or not reportable. */
export function judgeNamedValue(name: string, raw: string, file: FileInfo, options: JudgeOptions = NO_OPTIONS): NamedJudgement | undefined {
  const kind = namedKind(name, options);
  if (!kind) return undefined;
  let from = 0;
  let to = raw.length;
  // Leading and trailing blanks are not part of the secret.
  while (from < to && /\s/.test(raw[from])) from++;
  while (to > from && /\s/.test(raw[to - 1])) to--;
  // ini dialects allow a trailing `; comment` or `# comment`.
  if (file.kind === 'ini' || file.kind === 'npmrc') {
    const comment = /\s[#;]/.exec(raw.slice(from, to));
    if (comment) to = from + comment.index;
  }
  // n8n marks expressions with a leading `=`; the rest is literal text or `{{ }}` templates.
  if (file.kind === 'n8n' && raw[from] === '=') from++;
  const value = raw.slice(from, to);
  if (options.shell && /[$`]/.test(value)) return undefined;
  if (options.unquotedText && looksLikeCode(value)) return undefined;
  const allowed = file.options.allowedValues;
  const expected = EXPECTED_SHAPE.find(([key]) => key.test(name.replace(/[-.]/g, '_')));
  if (expected && !expected[1].test(value)) return undefined;

  if (kind === 'authorization') {
    const cred = authorizationCredential(value, allowed);
    return cred && { kind, verdict: cred.verdict, from: from + cred.from, to: from + cred.to };
  }
  if (kind === 'webhook') {
    return isSecretWebhookUrl(value) ? { kind, verdict: 'secret', from, to } : undefined;
  }
  // `token: Bearer abc...` under a secret name: judge the credential, report its range.
  const scheme = /^(?:Bearer|Basic|Token|token|Bot)\s+/.exec(value);
  if (scheme && kind === 'secret') {
    const cred = authorizationCredential(value, allowed);
    return cred && { kind, verdict: cred.verdict, from: from + cred.from, to: from + cred.to };
  }
  const verdict = kind === 'password' ? judgePassword(value, allowed) : judgeToken(value, allowed);
  // Documentation shows demo values (`password: 'pass'`); only real-looking ones count there.
  if (verdict === 'weak' && isDocumentation(file.path)) return undefined;
  return verdict === 'skip' ? undefined : { kind, verdict, from, to };
}

/** Prose files: README.md, docs. */
export function isDocumentation(path: string): boolean {
  return /\.(md|markdown|mdx|rst|adoc|asciidoc)$/i.test(path);
}

/**
 * The credential in an Authorization header value: `Bearer <token>`, `Basic <base64 user:pass>`,
 * `Token <token>`, or a bare token. Offsets are into `value`.
 */
export function authorizationCredential(value: string, allowed: readonly string[]): { verdict: Exclude<Verdict, 'skip'>; from: number; to: number } | undefined {
  const m = /^([A-Za-z][\w-]{0,20})\s+(\S+)$/.exec(value.trim());
  const lead = value.length - value.trimStart().length;
  if (!m) {
    const verdict = judgeToken(value, allowed);
    return verdict === 'skip' ? undefined : { verdict, from: 0, to: value.length };
  }
  const [, scheme, cred] = m;
  const from = lead + m[0].indexOf(cred, scheme.length);
  const to = from + cred.length;
  if (isReference(cred)) return undefined;
  if (scheme.toLowerCase() === 'basic') {
    const decoded = decodeBase64Text(cred);
    const colon = decoded?.indexOf(':') ?? -1;
    if (!decoded || colon < 0) return undefined;
    const verdict = judgeUserinfoPassword(decoded.slice(colon + 1), allowed);
    return verdict === 'skip' ? undefined : { verdict, from, to };
  }
  const verdict = judgeToken(cred, allowed);
  return verdict === 'skip' ? undefined : { verdict, from, to };
}

/** A webhook URL carries its secret in the path or query: a long random segment. */
export function isSecretWebhookUrl(value: string): boolean {
  const m = /^https?:\/\/[^/\s?#]+([/?][^\s#]*)?$/i.exec(value);
  if (!m) return false;
  return (m[1] ?? '').split(/[/?&=]/).some((segment) => judgeToken(segment, []) === 'secret' && segment.length >= 16);
}

/** A `NAME=value` string (a compose `environment:` item, a build arg): the name and where the value starts. */
export function splitAssignment(s: string): { name: string; valueFrom: number } | undefined {
  const m = /^([A-Za-z_][\w.\-]{0,100})=/.exec(s);
  return m ? { name: m[1], valueFrom: m[0].length } : undefined;
}

export interface EmbeddedAssignment {
  name: string;
  /** Offsets of the value inside the scanned string. */
  from: number;
  to: number;
}

// `export NAME=value`, `NAME="value"`, `name: value`, `"name": "value",` on a line of its own.
const EMBEDDED_LINE = /^[ \t]*(?:export[ \t]+|set[ \t]+)?(["']?)([A-Za-z_][\w.\-]{0,100})\1[ \t]*(=|:)[ \t]*("[^"\n]*"|'[^'\n]*'|[^\s"'()\[\]{},;]+)[,;]?(?:[ \t]+(?:#[^\n]*)?)?\r?$/;

/**
 * Assignments on lines of a multi-line string that is not itself parsed: user-data scripts,
 * heredocs, embedded property and env files. Only whole lines of a simple shape count, so code
 * (`"password": userPass[2]}`) is left alone.
 */
export function embeddedAssignments(text: string): EmbeddedAssignment[] {
  const out: EmbeddedAssignment[] = [];
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start <= 600) {
      const m = EMBEDDED_LINE.exec(text.slice(start, end));
      if (m) {
        const quoted = m[4][0] === '"' || m[4][0] === "'";
        const valueStart = start + m[0].lastIndexOf(m[4]) + (quoted ? 1 : 0);
        const valueEnd = valueStart + m[4].length - (quoted ? 2 : 0);
        if (valueEnd > valueStart) out.push({ name: m[2], from: valueStart, to: valueEnd });
      }
    }
    start = end + 1;
  }
  return out;
}

// `<password>value</password>` (Maven settings.xml), `<add key="ApiKey" value="..."/>` (NuGet.config,
// .NET appSettings) and `password="value"` attributes.
const XML_ELEMENT = /<([A-Za-z_][\w.\-:]{0,60})>([^<>\n]{1,512})<\/\1>/g;
const XML_KEY_VALUE = /<add[ \t]+key="([^"\n]{1,100})"[ \t]+value="([^"\n]{0,512})"/g;
const XML_ATTRIBUTE = /[ \t]([A-Za-z_][\w.\-:]{0,60})="([^"\n]{1,512})"/g;

/** Named values of an XML file; offsets of the value in `text`. */
export function xmlNamedValues(text: string): EmbeddedAssignment[] {
  const out: EmbeddedAssignment[] = [];
  for (const re of [XML_ELEMENT, XML_KEY_VALUE, XML_ATTRIBUTE]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const from = m.index + m[0].lastIndexOf(m[2]);
      if (m[2]) out.push({ name: m[1], from, to: from + m[2].length });
    }
  }
  return out;
}
