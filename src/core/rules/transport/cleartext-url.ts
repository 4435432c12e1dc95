// transport/cleartext-url: http, ws, ftp and other cleartext schemes to hosts that are not local,
// in values, connection strings, shell commands and Dockerfile ADD sources.
import type { Rule, RuleContext, UrlHit } from '../../rule';
import type { Confidence, Fix, Severity } from '../../types';
import { findUrls, isTemplatedHost } from '../../urls';
import { weighHost } from './hosts';
import { replaceSpelled } from './edits';
import { isIdentifierHost, isIdentifierKey, isAfterIdentifierSyntax, isLinkForPeople } from './identifiers';

/** Cleartext scheme → its TLS counterpart (undefined: no drop-in secure scheme). */
const SECURE_SCHEME = new Map<string, string | undefined>([
  ['http', 'https'],
  ['ws', 'wss'],
  ['ftp', 'ftps'],
  ['telnet', undefined],
  ['git', 'https'],
  ['ldap', 'ldaps'],
  ['amqp', 'amqps'],
  ['mqtt', 'mqtts'],
  ['redis', 'rediss'],
  ['smtp', 'smtps'],
  ['imap', 'imaps'],
  ['pop3', 'pop3s'],
  ['nats', 'tls'],
  // MongoDB keeps its scheme and turns TLS on with a query option.
  ['mongodb', undefined],
]);

/** Listen addresses, not destinations: `http://+:80`, `http://*:8080`, `http://0.0.0.0:3000`. */
const BIND_ALL = new Set(['+', '*', '0.0.0.0', '::', '[::]']);

/** A query option that asks for TLS on a scheme that has none by itself (`mongodb://h/?tls=true`). */
const TLS_OPTION = /[?&;](?:tls|ssl|secure|starttls|usetls|requiretls)=(?:true|1|yes|required|always)(?:[&;#]|$)/i;

/** Proxies are addressed over http even for HTTPS traffic, which they tunnel (CONNECT). */
const PROXY_SETTING_BEFORE = /(?:proxy(?:_?url)?["']?[ \t]{0,4}[:=][ \t]{0,4}\\?["']?|(?:^|[ \t])(?:--proxy|-x|--https?-proxy)(?:[ \t]{1,4}|=)["']?)$/i;

/** A literal host name or IPv4 address (IPv6 hosts contain `:` and are checked by the URL parser). */
const HOST_SYNTAX = /^[a-z0-9._~%-]{1,253}$/;

/** Hosts reserved for documentation and tests (RFC 2606, RFC 6761). */
const PLACEHOLDER_HOST = /(?:^|\.)example\.(?:com|net|org)$|\.(?:example|test|invalid)$|^example$/;

export const cleartextUrl: Rule = {
  meta: {
    id: 'transport/cleartext-url',
    category: 'transport',
    title: 'Cleartext endpoint (http, ws, ftp, ...) to a non-local host',
    defaultSeverity: 'warning',
    confidence: 'high',
    explanation:
      'The file connects to a host that is not on this machine over a scheme without TLS (`http://`, `ws://`, `ftp://`, `git://`, `redis://`, `mongodb://` without `tls=true`, ...). Anyone on the network path can read and change the traffic, including tokens and credentials sent with it, and can serve tampered downloads. Use the TLS scheme (`https://`, `wss://`, `rediss://`, ...). Loopback addresses are never reported; private addresses and single-label service names (`http://backend:3000` between compose services) are reported at a lower severity, which the `privateHostSeverity` setting controls. Identifiers that are not endpoints (`$schema`, `xmlns`, license and documentation links) are skipped.',
    fixable: true,
  },
  keywords: ['://'],
  visitUrl(ctx, hit) {
    check(ctx, hit);
  },
  visitText(ctx) {
    // Dockerfile `ADD http://...` downloads at build time; the parser keeps only RUN, ENV and ARG.
    if (ctx.file.kind !== 'dockerfile') return;
    const text = ctx.file.text;
    let at = 0;
    while (at < text.length) {
      let end = text.indexOf('\n', at);
      if (end < 0) end = text.length;
      const line = text.slice(at, end);
      if (/^[ \t]*ADD[ \t]/i.test(line)) {
        for (const m of findUrls(line)) check(ctx, { start: at + m.from, end: at + m.to, url: m.url, scheme: m.scheme, host: m.host, port: m.port, userinfo: m.userinfo, inCommand: true });
      }
      at = end + 1;
    }
  },
};

function check(ctx: RuleContext, hit: UrlHit): void {
  if (!SECURE_SCHEME.has(hit.scheme)) return;
  const host = hit.host;
  const judged = judgeHost(ctx, host);
  if (!judged) return;
  if (hit.scheme !== 'http' && hit.scheme !== 'ws' && TLS_OPTION.test(hit.url)) return;
  if (isNotAnEndpoint(ctx, hit)) return;
  const secure = SECURE_SCHEME.get(hit.scheme);
  ctx.report({
    start: hit.start,
    end: hit.end,
    path: hit.path,
    severity: judged.severity,
    confidence: judged.confidence,
    message: messageFor(judged, hit.scheme, host, secure),
    fixes: fixesFor(ctx, hit, secure),
  });
}

interface HostVerdict {
  severity?: Severity;
  confidence?: Confidence;
  /** What the message says about the host. */
  where: string;
  /** The message for each scheme the host was seen with (one string, not one per finding). */
  messages?: Map<string, string>;
}

function messageFor(judged: HostVerdict, scheme: string, host: string, secure: string | undefined): string {
  judged.messages ??= new Map();
  let message = judged.messages.get(scheme);
  if (message === undefined) {
    message = `Cleartext ${scheme}:// to ${host}${judged.where}: traffic can be read and changed on the way.${secure ? ` Use ${secure}://.` : scheme === 'mongodb' ? ' Add tls=true.' : ''}`;
    judged.messages.set(scheme, message);
  }
  return message;
}

/** Per file, what each host is worth (null: not reported): a file names the same hosts many times. */
const hostVerdicts = new WeakMap<object, Map<string, HostVerdict | null>>();

function judgeHost(ctx: RuleContext, host: string): HostVerdict | null {
  let known = hostVerdicts.get(ctx.file);
  if (!known) hostVerdicts.set(ctx.file, (known = new Map()));
  let verdict = known.get(host);
  if (verdict === undefined) known.set(host, (verdict = weighUrlHost(ctx, host)));
  return verdict;
}

function weighUrlHost(ctx: RuleContext, host: string): HostVerdict | null {
  // `;` separates listen URLs (`http://+:80;http://*:81`), so the host may run into the next one.
  const name = host.split(/[:;]/)[0];
  if (isTemplatedHost(host) || BIND_ALL.has(host) || BIND_ALL.has(name)) return null;
  // Regular expressions and other text that only looks like a URL: no host could be that.
  if (!HOST_SYNTAX.test(name) && !host.includes(':')) return null;
  const weight = weighHost(ctx, host);
  if (weight.skip) return null;
  // A template's placeholder host: the scheme stays when the real host is filled in.
  if (!weight.private && PLACEHOLDER_HOST.test(host)) return { severity: 'info', confidence: 'low', where: ' (placeholder host)' };
  return { severity: weight.severity, where: weight.private ? ' (private or internal host)' : '' };
}

/** The file's name in lowercase, worked out once per file (a file can hold thousands of URLs). */
const fileNames = new WeakMap<object, string>();
function fileNameOf(ctx: RuleContext): string {
  let name = fileNames.get(ctx.file);
  if (name === undefined) fileNames.set(ctx.file, (name = ctx.file.path.replace(/\\/g, '/').split('/').pop()!.toLowerCase()));
  return name;
}

function isNotAnEndpoint(ctx: RuleContext, hit: UrlHit): boolean {
  if (hit.key && isIdentifierKey(hit.key)) return true;
  const hostAndPath = withoutSchemeAndQuery(hit.url).toLowerCase();
  if (isIdentifierHost(hit.host, hostAndPath)) return true;
  if (isLinkForPeople(ctx.file.kind, fileNameOf(ctx), hit.path)) return true;
  if (hit.key && /proxy/i.test(hit.key) && !/proxy_?pass/i.test(hit.key)) return true;
  const before = ctx.file.text.slice(Math.max(0, hit.start - 300), hit.start);
  return isAfterIdentifierSyntax(before) || PROXY_SETTING_BEFORE.test(before);
}

/** The URL from after `scheme://` (a scheme of up to 30 characters) to before any `?` or `#`. */
function withoutSchemeAndQuery(url: string): string {
  const sep = url.indexOf('://');
  const from = sep >= 1 && sep <= 30 && url.indexOf(':') === sep ? sep + 3 : 0;
  let to = url.length;
  for (let i = from; i < to; i++) {
    const c = url.charCodeAt(i);
    if (c === 63 /* ? */ || c === 35 /* # */) to = i;
  }
  return url.slice(from, to);
}

const fixTitles = new Map<string, string>();
/** One title string per scheme, not one per finding. */
function fixTitle(secure: string): string {
  let title = fixTitles.get(secure);
  if (title === undefined) fixTitles.set(secure, (title = `Use ${secure}:// (unsafe: the server must accept TLS)`));
  return title;
}

function fixesFor(ctx: RuleContext, hit: UrlHit, secure: string | undefined): Fix[] {
  if (secure) {
    const edit = replaceSpelled(ctx.file.text, { start: hit.start, end: hit.start + hit.scheme.length }, hit.scheme, secure);
    return edit ? [{ title: fixTitle(secure), disposition: 'unsafe', edits: [edit] }] : [];
  }
  if (hit.scheme !== 'mongodb' || hit.url.includes('#') || ctx.file.text.slice(hit.start, hit.end) !== hit.url) return [];
  const rest = hit.url.slice(hit.url.indexOf('://') + 3);
  const option = hit.url.includes('?') ? '&tls=true' : rest.includes('/') ? '?tls=true' : '/?tls=true';
  return [{ title: 'Add tls=true (unsafe: the server must accept TLS)', disposition: 'unsafe', edits: [{ start: hit.end, end: hit.end, newText: option }] }];
}
