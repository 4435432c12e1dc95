// secret/npmrc-auth: registry credentials in `.npmrc`: `_authToken` (a token), `_auth` (base64 of
// `user:password`) and `_password` (base64 of the password), globally or per registry
// (`//registry.example.com/:_authToken=`). Encoded values are decoded before they are judged.
import type { Rule } from '../../rule';
import { isScalar } from '../../parse/model';
import { decodeBase64Text, judgePassword, judgeToken, judgeUserinfoPassword, isPlaceholder, isReference } from './values';
import type { Verdict } from './values';
import { dotenvExposureAllows } from './exposure';

const AUTH_KEY = /(?:^|:)_(authToken|auth|password)$/;

export function isNpmrcAuthKey(key: string): boolean {
  return AUTH_KEY.test(key.trim());
}

export function judgeNpmrcAuth(key: string, value: string): Verdict {
  const v = value.trim();
  if (isReference(v)) return 'skip';
  const field = AUTH_KEY.exec(key.trim())?.[1];
  // The key leaves no doubt: any literal token is one, however it looks.
  if (field === 'authToken') return isPlaceholder(v) || v.length < 8 ? 'skip' : 'secret';
  const decoded = decodeBase64Text(v);
  if (field === 'password') return judgePassword(decoded ?? v, []);
  const colon = decoded?.indexOf(':') ?? -1;
  return decoded && colon >= 0 ? judgeUserinfoPassword(decoded.slice(colon + 1), []) : judgeToken(v, []);
}

export const npmrcAuth: Rule = {
  meta: {
    id: 'secret/npmrc-auth',
    category: 'secret',
    title: 'Registry credentials in .npmrc',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'An `.npmrc` with a literal `_authToken`, `_auth` or `_password` lets anyone who reads it publish or install private packages as you (`_auth` and `_password` are only base64-encoded). Write `_authToken=${NPM_TOKEN}` and set `NPM_TOKEN` from the secret store, or keep credentials in the user-level `~/.npmrc` that is never committed.',
    fixable: true,
  },
  kinds: ['npmrc'],
  keywords: ['_auth', '_password'],
  visitPair(ctx, pair, path) {
    const value = pair.value;
    if (!dotenvExposureAllows(ctx.file) || !isNpmrcAuthKey(pair.key.value) || !isScalar(value) || !value.value) return;
    const verdict = judgeNpmrcAuth(pair.key.value, value.value);
    if (verdict === 'skip' || ctx.file.options.allowedValues.includes(value.value.trim())) return;
    const field = AUTH_KEY.exec(pair.key.value.trim())![1];
    ctx.report({
      ...ctx.rangeIn(value, 0, value.value.length),
      path,
      severity: verdict === 'weak' ? 'warning' : undefined,
      message: `Registry credential "_${field}" is hardcoded in .npmrc. Reference an environment variable instead.`,
    });
  },
};
