// Finds URLs inside a string and splits out the parts rules need. Linear: one bounded regex.

export interface UrlMatch {
  /** Offsets into the searched string. */
  from: number;
  to: number;
  url: string;
  scheme: string;
  host: string;
  port?: string;
  userinfo?: string;
}

// scheme://authority[path]. The scheme is bounded, the rest is a single character class.
const URL_RE = /\b([a-zA-Z][a-zA-Z0-9+.\-]{1,19}):\/\/([^\s"'<>`\\|^{}]|\$\{[^}\s]{0,200}\}|\{\{[^}]{0,200}\}\}){1,2048}/g;

const TRAILING_PUNCTUATION = '.,;:!?)]';

export function findUrls(s: string): UrlMatch[] {
  if (!s.includes('://')) return [];
  const out: UrlMatch[] = [];
  URL_RE.lastIndex = 0;
  for (let m = URL_RE.exec(s); m; m = URL_RE.exec(s)) {
    let url = m[0];
    // Trailing punctuation belongs to the sentence, not the URL.
    while (TRAILING_PUNCTUATION.includes(url[url.length - 1]) && !(url.endsWith(')') && url.includes('('))) url = url.slice(0, -1);
    const parsed = splitUrl(url);
    if (!parsed) continue;
    // Fields copied one by one: a file can hold thousands of URLs, and a spread costs an object more.
    out.push({ from: m.index, to: m.index + url.length, url, scheme: parsed.scheme, host: parsed.host, port: parsed.port, userinfo: parsed.userinfo });
  }
  return out;
}

export function splitUrl(url: string): { scheme: string; host: string; port?: string; userinfo?: string } | undefined {
  const sep = url.indexOf('://');
  if (sep < 0) return undefined;
  const scheme = url.slice(0, sep).toLowerCase();
  const rest = url.slice(sep + 3);
  const authorityEnd = rest.search(/[/?#]/);
  let authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  let userinfo: string | undefined;
  const at = authority.lastIndexOf('@');
  if (at >= 0) {
    userinfo = authority.slice(0, at);
    authority = authority.slice(at + 1);
  }
  let host = authority;
  let port: string | undefined;
  if (host.startsWith('[')) {
    const close = host.indexOf(']');
    port = close >= 0 && host[close + 1] === ':' ? host.slice(close + 2) : undefined;
    host = close >= 0 ? host.slice(1, close) : host.slice(1);
  } else {
    // Several hosts (mongodb://a:1,b:2) — the first one stands for all.
    const comma = host.indexOf(',');
    if (comma >= 0) host = host.slice(0, comma);
    const colon = host.lastIndexOf(':');
    if (colon >= 0) {
      port = host.slice(colon + 1);
      host = host.slice(0, colon);
    }
  }
  return { scheme, host: host.toLowerCase(), port: port || undefined, userinfo };
}

/** Loopback addresses and names: never a cleartext risk. */
export function isLoopback(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '::1' ||
    host === '0:0:0:0:0:0:0:1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '0.0.0.0' ||
    host === 'host.docker.internal'
  );
}

/** RFC 1918, link-local, CGNAT and unique-local addresses, and single-label names (compose services). */
export function isPrivateOrInternal(host: string): boolean {
  if (/^10\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  if (/^192\.168\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  const m172 = /^172\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (m172 && +m172[1] >= 16 && +m172[1] <= 31) return true;
  if (/^169\.254\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  const m100 = /^100\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (m100 && +m100[1] >= 64 && +m100[1] <= 127) return true;
  if (/^f[cd][0-9a-f]{2}:/.test(host) || /^fe80:/.test(host)) return true;
  if (/\.(internal|local|lan|home\.arpa|svc|cluster\.local|intranet|corp)$/.test(host)) return true;
  return /^[a-z0-9_-]+$/.test(host) && !/^\d+$/.test(host);
}

/** A host made of template syntax (`${HOST}`, `{{ .Values.host }}`, `$HOST`): unknown until run time. */
export function isTemplatedHost(host: string): boolean {
  return host === '' || /[$%{}<>]/.test(host);
}
