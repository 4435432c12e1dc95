// secret/docker-config-auth: registry credentials in a Docker `config.json` (`auths.<registry>.auth`
// is base64 of `user:password`; `identitytoken` is a refresh token). The encoded value is decoded
// and its password judged, so templates with placeholder credentials stay quiet.
import type { Pair, PathSegment, Rule } from '../../rule';
import type { Node } from '../../parse/model';
import { isMap, isScalar } from '../../parse/model';
import { parseJson } from '../../parse/json';
import { decodeBase64Text, judgePassword, judgeToken, judgeUserinfoPassword } from './values';
import type { Verdict } from './values';

const CREDENTIAL_KEYS = new Set(['auth', 'identitytoken', 'registrytoken', 'password']);

/** True for a credential entry of a registry under `auths` (path `auths.<registry>.<key>`). */
export function isDockerConfigAuth(pair: Pair, path: readonly PathSegment[]): boolean {
  return CREDENTIAL_KEYS.has(pair.key.value) && path.length === 3 && path[0] === 'auths';
}

/** Judges one credential entry of a registry. */
export function judgeDockerCredential(key: string, value: string): Verdict {
  if (key === 'identitytoken' || key === 'registrytoken') return judgeToken(value, []);
  if (key === 'password') return judgePassword(value, []);
  const decoded = decodeBase64Text(value);
  const colon = decoded?.indexOf(':') ?? -1;
  if (!decoded || colon < 0) return 'skip';
  return judgeUserinfoPassword(decoded.slice(colon + 1), []);
}

/** The worst verdict over every registry of a whole Docker config (a decoded `.dockerconfigjson`). */
export function dockerConfigVerdict(json: string): Verdict {
  const root = parseJson(json).documents[0]?.root;
  const auths = isMap(root) ? (root.pairs.find((p) => p.key.value === 'auths')?.value ?? root) : undefined;
  let worst: Verdict = 'skip';
  for (const registry of isMap(auths) ? auths.pairs : []) {
    const entries: Node | null = registry.value;
    if (!isMap(entries)) continue;
    for (const p of entries.pairs) {
      if (!CREDENTIAL_KEYS.has(p.key.value) || !isScalar(p.value)) continue;
      const v = judgeDockerCredential(p.key.value, p.value.value);
      if (v === 'secret') return v;
      if (v === 'weak') worst = v;
    }
  }
  return worst;
}

export const dockerConfigAuth: Rule = {
  meta: {
    id: 'secret/docker-config-auth',
    category: 'secret',
    title: 'Registry credentials in a Docker config.json',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'A Docker `config.json` stores registry logins as base64 of `user:password` under `auths.<registry>.auth` (or a token under `identitytoken`). Base64 is an encoding, not encryption: anyone who reads the file can log in as you. Use a credential helper (`credsStore`/`credHelpers`) and keep `config.json` out of the repository; in CI, log in from the secret store at run time.',
    fixable: false,
  },
  kinds: ['docker-config'],
  keywords: ['auth', 'token', 'password'],
  visitPair(ctx, pair, path) {
    const value = pair.value;
    if (!isDockerConfigAuth(pair, path) || !isScalar(value) || value.type !== 'string') return;
    const verdict = judgeDockerCredential(pair.key.value, value.value);
    if (verdict === 'skip' || ctx.file.options.allowedValues.includes(value.value)) return;
    ctx.report({
      ...ctx.rangeIn(value, 0, value.value.length),
      path,
      severity: verdict === 'weak' ? 'warning' : undefined,
      confidence: verdict === 'weak' ? 'low' : undefined,
      message: `Registry credentials are stored in "${pair.key.value}" (base64 is only an encoding). Use a credential helper instead.`,
    });
  },
};
