// secret/url-credentials: `scheme://user:password@host` anywhere in a file (config values, scripts,
// comments, `.git-credentials`, free text): database, broker, SMTP, git and HTTP URLs alike.
// Only the password is reported (or the token, for `https://<token>:x-oauth-basic@host` and
// `https://<token>@host`). References (`${PASS}`, `$(PASS)`, `{{ pass }}`) and conventional
// placeholders (`password`, `pass`, `****`, `<pass>`) are not.
import type { Rule, RuleContext } from '../../rule';
import { dotenvExposureAllows } from './exposure';
import { judgeToken, judgeUserinfoPassword } from './values';
import type { Verdict } from './values';

/** Longest authority (`user:password@host:port`) looked at. */
const MAX_AUTHORITY = 512;
/** Passwords that mean "the user name is the token" (GitHub's `https://<token>:x-oauth-basic@github.com`). */
const TOKEN_PASSWORDS = new Set(['x-oauth-basic']);
/** Characters that end an authority in running text, markup or code. */
const AUTHORITY_END = new Set([' ', '\t', '\n', '\r', '/', '?', '#', '"', "'", '`', '<', '>', '\\', ')', ']', '|', ';', '}', '{']);

export interface UrlCredential {
  /** Offsets into the scanned text of the secret part. */
  start: number;
  end: number;
  kind: 'password' | 'token';
  weak: boolean;
}

/** Credentials in every URL of `text`. Linear: each `://` looks at a bounded window. */
export function urlCredentials(text: string, allowed: readonly string[]): UrlCredential[] {
  const out: UrlCredential[] = [];
  for (let sep = text.indexOf('://'); sep >= 0; sep = text.indexOf('://', sep + 3)) {
    if (!hasScheme(text, sep)) continue;
    const from = sep + 3;
    let end = from;
    const limit = Math.min(text.length, from + MAX_AUTHORITY);
    while (end < limit && !AUTHORITY_END.has(text[end])) end++;
    const authority = text.slice(from, end);
    const at = authority.lastIndexOf('@');
    if (at <= 0) continue;
    const userinfo = authority.slice(0, at);
    const colon = userinfo.indexOf(':');
    const user = colon < 0 ? userinfo : userinfo.slice(0, colon);
    const pass = colon < 0 ? '' : userinfo.slice(colon + 1);
    if (colon < 0 || TOKEN_PASSWORDS.has(pass.toLowerCase())) {
      // The user part is the credential (`https://<token>@github.com`).
      if (user.length >= 20 && judgeToken(decode(user), allowed) === 'secret') out.push({ start: from, end: from + user.length, kind: 'token', weak: false });
      continue;
    }
    const verdict = judgeUrlPassword(decode(pass), allowed);
    if (verdict !== 'skip') out.push({ start: from + colon + 1, end: from + at, kind: 'password', weak: verdict === 'weak' });
  }
  return out;
}

/** A scheme of at least two characters right before `://`, starting with a letter. */
function hasScheme(text: string, sep: number): boolean {
  let i = sep;
  while (i > 0 && sep - i < 32 && /[A-Za-z0-9+.\-]/.test(text[i - 1])) i--;
  return sep - i >= 2 && /[A-Za-z]/.test(text[i]);
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function judgeUrlPassword(pass: string, allowed: readonly string[]): Verdict {
  if (/[${}]/.test(pass)) return 'skip';
  return judgeUserinfoPassword(pass, allowed);
}

export const urlCredentialsRule: Rule = {
  meta: {
    id: 'secret/url-credentials',
    category: 'secret',
    title: 'Password or token inside a URL',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'A URL carries a password or token in its user-info part (`scheme://user:password@host`): database and broker URLs, git remotes, registry mirrors, proxies. Whoever reads the file (or a log line that prints the URL) gets the credential. Build the URL at run time from a secret (`postgres://app:${DB_PASSWORD}@db/app`), or pass the credential separately; rotate it if it was committed. Conventional placeholders (`user:password@`, `<pass>`, `****`) are not reported.',
    fixable: true,
  },
  keywords: ['://'],
  visitText(ctx: RuleContext) {
    if (!dotenvExposureAllows(ctx.file) || !ctx.file.text.includes('@')) return;
    for (const c of urlCredentials(ctx.file.text, ctx.file.options.allowedValues)) {
      ctx.report({
        start: c.start,
        end: c.end,
        severity: c.weak ? 'warning' : undefined,
        confidence: c.weak ? 'medium' : undefined,
        message:
          c.kind === 'token'
            ? 'A token is embedded in this URL. Inject it at run time from a secret instead.'
            : `A ${c.weak ? 'weak ' : ''}password is embedded in this URL. Build the URL at run time from a secret instead.`,
      });
    }
  },
};
