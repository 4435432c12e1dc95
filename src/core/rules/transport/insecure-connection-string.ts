// transport/insecure-connection-string: database and broker connection strings (and their
// settings) that turn TLS off or skip certificate checks: `sslmode=disable`, `Encrypt=False`,
// `TrustServerCertificate=True`, `useSSL=false`, `tls=false`, `tlsInsecure=true`, ...
import type { Rule, RuleContext } from '../../rule';
import type { Fix, Severity, TextRange } from '../../types';
import type { MapNode, ScalarNode } from '../../parse/model';
import { isScalar } from '../../parse/model';
import { isScriptPath } from '../../scripts';
import { findUrls, isTemplatedHost } from '../../urls';
import { weighHost } from './hosts';
import { normalizeKey } from './settings';
import { flipTo, isFalse, isTrue } from './values';
import { replaceSpelled } from './edits';
import { table } from '../../table';

type Weakness = 'cleartext' | 'opportunistic' | 'no-verify';

interface Param {
  weakness(value: string): Weakness | undefined;
  /** The value that fixes it, in the spelling of the one found. */
  secure(value: string): string;
}

const SSL_MODE: Param = {
  weakness: (v) => (/^(disable|disabled|none)$/i.test(v) ? 'cleartext' : /^(allow|prefer|preferred)$/i.test(v) ? 'opportunistic' : undefined),
  // libpq spells it verify-full, MySQL Connector/J VERIFY_IDENTITY, Npgsql and MySqlConnector VerifyFull.
  secure: (v) => (v === v.toLowerCase() ? 'verify-full' : v === v.toUpperCase() ? 'VERIFY_IDENTITY' : 'VerifyFull'),
};
const OFF_WHEN_FALSE: Param = { weakness: (v) => (isFalse(v) ? 'cleartext' : undefined), secure: (v) => flipTo(v, true) };
const ENCRYPT: Param = { weakness: (v) => (isFalse(v) || /^optional$/i.test(v) ? 'cleartext' : undefined), secure: (v) => (/^optional$/i.test(v) ? 'Mandatory' : flipTo(v, true)) };
const UNVERIFIED_WHEN_TRUE: Param = { weakness: (v) => (isTrue(v) ? 'no-verify' : undefined), secure: (v) => flipTo(v, false) };
const UNVERIFIED_WHEN_FALSE: Param = { weakness: (v) => (isFalse(v) ? 'no-verify' : undefined), secure: (v) => flipTo(v, true) };

/** Parameter names (normalized) of PostgreSQL, SQL Server, MySQL, MongoDB and Redis clients. */
const PARAMS = table<Param>({
  sslmode: SSL_MODE,
  tlsmode: SSL_MODE,
  encrypt: ENCRYPT,
  usessl: OFF_WHEN_FALSE,
  requiressl: OFF_WHEN_FALSE,
  ssl: OFF_WHEN_FALSE,
  tls: OFF_WHEN_FALSE,
  trustservercertificate: UNVERIFIED_WHEN_TRUE,
  tlsinsecure: UNVERIFIED_WHEN_TRUE,
  tlsallowinvalidcertificates: UNVERIFIED_WHEN_TRUE,
  tlsallowinvalidhostnames: UNVERIFIED_WHEN_TRUE,
  sslallowinvalidcertificates: UNVERIFIED_WHEN_TRUE,
  sslallowinvalidhostnames: UNVERIFIED_WHEN_TRUE,
  verifyservercertificate: UNVERIFIED_WHEN_FALSE,
  sslvalidate: UNVERIFIED_WHEN_FALSE,
});

/** Setting keys that are one of those parameters on their own (`PGSSLMODE`, `db.sslMode`, `TrustServerCertificate`). */
const KEY_SUFFIXES = ['sslmode', 'trustservercertificate', 'usessl'];

const HOST_PARAM = /(?:^|[;\s])(?:host|server|data source|address|addr|hostname)[ \t]{0,3}=[ \t]{0,3}(?:tcp:)?([^;,\s]{1,253})/i;

interface Found {
  /** Offsets in the searched string. */
  from: number;
  to: number;
  valueFrom: number;
  name: string;
  value: string;
  param: Param;
  weakness: Weakness;
}

/** Weak TLS parameters of a string that looks like a connection string. */
export function weakParams(s: string): Found[] {
  if (!s.includes('=')) return [];
  const isUrl = s.includes('://') && s.includes('?');
  if (!isUrl && (s.match(/=/g)?.length ?? 0) < 2) return [];
  const out: Found[] = [];
  for (let eq = s.indexOf('='); eq >= 0; eq = s.indexOf('=', eq + 1)) {
    const found = paramAt(s, eq);
    if (found) out.push(found);
  }
  return out;
}

const VALUE_END = new Set([';', '&', ',', '"', "'", '#', ' ', '\t', '\n', '\r']);
const SEPARATOR_BEFORE = new Set(['?', '&', ';', ',', ' ', '\t', '\n', '\r']);

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

/**
 * The parameter whose `=` is at `eq`, when it is one of PARAMS with a weak value. Names may be
 * several words (`SSL Mode`, `Trust Server Certificate`, `ssl_mode`): up to four words before the
 * `=` are tried, longest first, and the name must start the string or follow a separator.
 */
function paramAt(s: string, eq: number): Found | undefined {
  let v = eq + 1;
  while (v - eq <= 3 && (s[v] === ' ' || s[v] === '\t')) v++;
  let valueEnd = v;
  while (valueEnd < s.length && valueEnd - v < 40 && !VALUE_END.has(s[valueEnd])) valueEnd++;
  if (valueEnd === v) return undefined;
  let nameEnd = eq;
  while (eq - nameEnd < 3 && (s[nameEnd - 1] === ' ' || s[nameEnd - 1] === '\t')) nameEnd--;
  const starts: number[] = [];
  let i = nameEnd;
  while (starts.length < 4) {
    let j = i;
    while (j > 0 && i - j < 40 && isLetter(s[j - 1])) j--;
    if (j === i) break;
    starts.push(j);
    if (!(s[j - 1] === ' ' || s[j - 1] === '_' || s[j - 1] === '-') || !isLetter(s[j - 2])) break;
    i = j - 1;
  }
  const value = s.slice(v, valueEnd);
  for (let k = starts.length - 1; k >= 0; k--) {
    const start = starts[k];
    if (start > 0 && !SEPARATOR_BEFORE.has(s[start - 1])) continue;
    const name = s.slice(start, nameEnd);
    const key = normalizeKey(name);
    const param = PARAMS[key] as Param | undefined;
    if (!param) continue;
    const weakness = param.weakness(value);
    return weakness ? { from: start, to: valueEnd, valueFrom: v, name, value, param, weakness } : undefined;
  }
  return undefined;
}

/** The host a connection string points at, when it says. */
function hostOf(s: string): string | undefined {
  const url = findUrls(s)[0];
  if (url) return url.host;
  const m = HOST_PARAM.exec(s);
  if (!m) return undefined;
  return m[1].split(',')[0].replace(/:\d+$/, '').replace(/^\[|\]$/g, '').toLowerCase();
}

export const insecureConnectionString: Rule = {
  meta: {
    id: 'transport/insecure-connection-string',
    category: 'transport',
    title: 'Connection string turns TLS off or skips certificate checks',
    defaultSeverity: 'warning',
    confidence: 'high',
    explanation:
      'A database or broker connection string (or its setting) turns TLS off (`sslmode=disable`, `Encrypt=False`, `useSSL=false`, `ssl=false`, `tls=false`), makes it optional (`sslmode=prefer`/`allow`, reported at info) or keeps it but skips the certificate check (`TrustServerCertificate=True`, `tlsInsecure=true`, `tlsAllowInvalidCertificates=true`, reported as errors). Queries, results and the password travel readable, or to whoever answers. Require TLS with verification (`sslmode=verify-full`, `Encrypt=True`, `TrustServerCertificate=False`). Loopback hosts are not reported; private hosts and service names follow the `privateHostSeverity` setting.',
    fixable: true,
  },
  keywords: ['ssl', 'tls', 'encrypt', 'trustservercertificate', 'trust server certificate'],

  visitScalar(ctx, node, path) {
    if (node.type !== 'string' || isScriptPath(path)) return;
    for (const f of weakParams(node.value)) {
      report(ctx, f, hostOf(node.value), ctx.rangeIn(node, f.from, f.to), ctx.rangeIn(node, f.valueFrom, f.to), path);
    }
  },

  visitPair(ctx, pair, path) {
    const value = pair.value;
    if (!isScalar(value) || value.tag || value.alias) return;
    const key = normalizeKey(pair.key.value);
    const suffix = KEY_SUFFIXES.find((s) => key.endsWith(s));
    if (!suffix) return;
    const param = PARAMS[suffix];
    const weakness = param.weakness(value.value.trim());
    if (!weakness) return;
    const f: Found = { from: 0, to: 0, valueFrom: 0, name: pair.key.value, value: value.value.trim(), param, weakness };
    report(ctx, f, hostNear(value), { start: pair.key.start, end: value.end }, ctx.rangeIn(value, 0, value.value.length), path);
  },

  visitCommand(ctx, hit) {
    for (const word of [...hit.command.assignments, ...hit.command.argv]) {
      const eq = word.value.indexOf('=');
      const suffix = eq > 0 ? KEY_SUFFIXES.find((s) => normalizeKey(word.value.slice(0, eq)).endsWith(s) && /^[A-Za-z_][\w.-]{0,127}$/.test(word.value.slice(0, eq))) : undefined;
      if (suffix) {
        // `PGSSLMODE=disable psql ...`
        const value = word.value.slice(eq + 1);
        const weakness = PARAMS[suffix].weakness(value);
        if (weakness) {
          const f: Found = { from: 0, to: word.value.length, valueFrom: eq + 1, name: word.value.slice(0, eq), value, param: PARAMS[suffix], weakness };
          report(ctx, f, undefined, hit.rangeOf(word), hit.rangeOf(word, eq + 1, word.value.length), hit.path);
        }
        continue;
      }
      for (const f of weakParams(word.value)) {
        report(ctx, f, hostOf(word.value), hit.rangeOf(word, f.from, f.to), hit.rangeOf(word, f.valueFrom, f.to), hit.path);
      }
    }
  },
};

/** A host given beside a setting (`host:` next to `sslmode:`), for the private-host severity. */
function hostNear(value: ScalarNode): string | undefined {
  const map = value.parent;
  if (!map || map.kind !== 'map') return undefined;
  // Looked for once per map: a .env file is one map, with thousands of settings in the worst case.
  if (!hosts.has(map)) {
    const host = map.pairs.find((p) => /^(host|hostname|server|address)$/i.test(p.key.value) || /(^|_)(DB|PG|DATABASE|POSTGRES|MYSQL|SQL)_?HOST$/i.test(p.key.value));
    hosts.set(map, host && isScalar(host.value) ? host.value.value.toLowerCase() : undefined);
  }
  return hosts.get(map);
}

const hosts = new WeakMap<MapNode, string | undefined>();

const WHAT: Record<Weakness, string> = {
  cleartext: 'turns TLS off: queries, results and the password travel readable',
  opportunistic: 'makes TLS optional and unverified: a machine in the middle can downgrade or intercept the connection',
  'no-verify': 'skips the certificate check: TLS to whoever answers, so a machine in the middle can read everything',
};

function report(ctx: RuleContext, f: Found, host: string | undefined, range: TextRange, valueRange: TextRange, path?: (string | number)[]): void {
  let severity: Severity | undefined = f.weakness === 'no-verify' ? 'error' : f.weakness === 'opportunistic' ? 'info' : undefined;
  if (host && !isTemplatedHost(host)) {
    const weight = weighHost(ctx, host);
    if (weight.skip) return;
    if (weight.private && f.weakness !== 'opportunistic') severity = weight.severity;
  }
  const secure = f.param.secure(f.value);
  const edit = replaceSpelled(ctx.file.text, valueRange, f.value, secure);
  const fixes: Fix[] = edit ? [{ title: `Set ${secure} (unsafe: the server must offer TLS with a trusted certificate)`, disposition: 'unsafe', edits: [edit] }] : [];
  ctx.report({ start: range.start, end: range.end, path, severity, message: `${f.name}=${f.value} ${WHAT[f.weakness]}. Use ${secure}.`, fixes });
}
