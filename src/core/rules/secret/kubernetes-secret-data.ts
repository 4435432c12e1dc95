// secret/kubernetes-secret-data: values of a Kubernetes Secret manifest. Everything under `data`
// (base64) and `stringData` (plain) is secret by declaration, whatever its key is called, so the
// decoded value is judged: placeholders, references and non-secret entries (user names, hosts,
// certificates) are left alone.
import type { Pair, PathSegment, Rule } from '../../rule';
import type { MapNode } from '../../parse/model';
import { get, isMap, isScalar, str } from '../../parse/model';
import { secretKeyKind, keyWords } from './keys';
import { decodeBase64Text, judgeToken, judgeUserinfoPassword, isNeverSecret } from './values';
import type { Verdict } from './values';
import { dockerConfigVerdict } from './docker-config-auth';

/** Entries of a Secret that are not secret themselves. */
const PUBLIC_ENTRY_WORDS = new Set(['user', 'username', 'login', 'host', 'hostname', 'port', 'url', 'uri', 'endpoint', 'database', 'db', 'name', 'namespace', 'region', 'email', 'crt', 'cert', 'certificate', 'ca', 'pub', 'public', 'id', 'bucket', 'server', 'address', 'scheme', 'protocol', 'tenant', 'domain', 'realm', 'issuer', 'audience']);

/** The same, for names written as one word (`azurestorageaccountname`). */
const PUBLIC_ENTRY_SUFFIX = /(?:name|user|username|login|host|hostname|port|url|uri|endpoint|region|namespace|email|\.crt|\.pem\.pub|\.pub|cert|certificate|bucket|server|domain)$/;

/** Whether the pair at `path` is an entry of a Secret's `data` or `stringData`, and which. */
function secretSection(pair: Pair, path: readonly PathSegment[]): 'data' | 'stringData' | undefined {
  const section = path[path.length - 2];
  if (section !== 'data' && section !== 'stringData') return undefined;
  const holder = pair.parent?.parent;
  return holder && isMap(holder) && str(get(holder as MapNode, 'kind')) === 'Secret' ? section : undefined;
}

/** True for an entry of a Kubernetes Secret's `data` or `stringData`. */
export function isKubernetesSecretEntry(pair: Pair, path: readonly PathSegment[]): boolean {
  return secretSection(pair, path) !== undefined;
}

/** Judges one decoded entry of a Secret. */
export function judgeSecretEntry(key: string, value: string): Verdict {
  const v = value.trim();
  if (!v) return 'skip';
  if (/-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY-----/.test(v)) return 'secret';
  if (key === '.dockerconfigjson' || key === '.dockercfg') return dockerConfigVerdict(v);
  const kind = secretKeyKind(key);
  // Manifests in docs and charts say `password` for "your password here", like URLs do.
  if (kind === 'password') return judgeUserinfoPassword(v, []);
  if (kind) return judgeToken(v, []);
  const words = keyWords(key);
  if (words.some((w) => PUBLIC_ENTRY_WORDS.has(w)) || PUBLIC_ENTRY_SUFFIX.test(key.toLowerCase()) || isNeverSecret(v)) return 'skip';
  // A multi-line entry is a whole file (a config with its own keys); other rules read it as text.
  if (v.includes('\n')) return 'skip';
  return judgeUserinfoPassword(v, []);
}

export const kubernetesSecretData: Rule = {
  meta: {
    id: 'secret/kubernetes-secret-data',
    category: 'secret',
    title: 'Literal value in a Kubernetes Secret manifest',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'A Kubernetes Secret manifest with real values under `data` (base64, which is an encoding, not encryption) or `stringData` is a secret committed in plain sight. Keep the manifest out of the repository and create the Secret from a secret store (External Secrets, Sealed Secrets, SOPS, `kubectl create secret` in the pipeline), or commit only a template with placeholders.',
    fixable: false,
  },
  keywords: ['secret'],
  visitPair(ctx, pair, path) {
    const section = secretSection(pair, path);
    const value = pair.value;
    if (!section || !isScalar(value) || value.type !== 'string' || value.tag || value.alias) return;
    const key = pair.key.value;
    const decoded = section === 'data' ? decodeBase64Text(value.value) : value.value;
    // Not base64 text: binary data (a keystore) or a template; nothing to judge.
    if (decoded === undefined) return;
    const verdict = judgeSecretEntry(key, decoded);
    if (verdict === 'skip' || ctx.file.options.allowedValues.includes(decoded.trim())) return;
    ctx.report({
      ...ctx.rangeIn(value, 0, value.value.length),
      path,
      severity: verdict === 'weak' ? 'warning' : undefined,
      confidence: verdict === 'weak' ? 'low' : undefined,
      message: `Secret "${key}" is committed in the manifest${section === 'data' ? ' (base64 is only an encoding)' : ''}${verdict === 'weak' ? ', and it is a weak default' : ''}. Create the Secret from a secret store instead.`,
    });
  },
};
