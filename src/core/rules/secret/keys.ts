// What a key name says about its value: a password, some other secret (token, api key, client
// secret, ...), an HTTP authorization header, a webhook URL, or nothing secret at all.
// Names are split into words (camelCase, snake_case, kebab-case, dotted, `//registry/:_authToken`)
// and judged by their last meaningful word, so `POSTGRES_PASSWORD_FILE`, `SECRET_NAME` and
// `token_url` name a secret without holding one.
import { keyMemo } from '../../memo';

export type SecretKeyKind = 'password' | 'secret' | 'authorization' | 'webhook';

/** Longest key looked at; longer "keys" are data, not names. */
const MAX_KEY_LENGTH = 200;

/** Splits a key into lowercase words: `MasterUserPassword` → master, user, password. */
export function keyWords(key: string): string[] {
  if (key.length > MAX_KEY_LENGTH) return [];
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2');
  return spaced
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((w) => /^([a-z]+)\d+$/.exec(w)?.[1] ?? w);
}

/** Words that end a password name; also the tail of one-word names (`adminpassword`). */
const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'pass', 'passphrase', 'passcode', 'pw', 'pword']);
const PASSWORD_SUFFIX = /(password|passwd|passphrase|passcode)$/;

/** Words that end a secret name on their own. */
const SECRET_WORDS = new Set(['secret', 'token', 'pat', 'psk', 'credential', 'credentials', 'creds', 'apikey', 'privatekey', 'accesskey', 'secretkey', 'authkey', 'authtoken']);
const SECRET_SUFFIX = /(secret|token|apikey|accesskey|secretkey|privatekey|signingkey|encryptionkey|masterkey|authkey)$/;

/** `<word> key` pairs that name a secret (`api key`, `signing key`); `key` alone names nothing. */
const KEY_PREFIXES = new Set([
  'api', 'access', 'secret', 'private', 'signing', 'encryption', 'master', 'session', 'auth', 'client', 'account',
  'license', 'app', 'service', 'shared', 'hmac', 'jwt', 'storage', 'subscription', 'consumer', 'deploy', 'admin',
  'cookie', 'crypt', 'cipher', 'decryption', 'sign', 'webhook', 'primary', 'secondary', 'ssh', 'vault', 'gpg', 'pgp',
]);

/**
 * Short words that say what a value is about (`_ID`, `_URL`, `_TTL`): never skipped as qualifiers,
 * so `TOKEN_ID` names an id and `PASSWORD_MIN` a length, not a secret.
 */
const MEANINGFUL_SHORT = new Set([
  'id', 'ids', 'ref', 'env', 'var', 'url', 'uri', 'len', 'min', 'max', 'ttl', 'dir', 'arn', 'kms', 'fd', 'md', 'sha', 'pub',
  'set', 'cmd', 'age', 'key', 'tag', 'log', 'api', 'app', 'ssh', 'jwt', 'crt', 'pem', 'der', 'csr', 'ca', 'iv', 'otp', 'pin', 'pat', 'psk',
]);

/** Trailing words that qualify a secret without changing what it is (`DB_PASSWORD_PROD`, `TOKEN_VALUE`). */
const QUALIFIERS = new Set([
  'prod', 'production', 'dev', 'development', 'staging', 'stage', 'stg', 'test', 'testing', 'qa', 'uat', 'local', 'live',
  'sandbox', 'old', 'new', 'primary', 'secondary', 'backup', 'main', 'value', 'val', 'plain', 'plaintext', 'raw', 'literal',
  'cleartext', 'string', 'str', 'current', 'next', 'previous', 'prev',
]);

/** Words before the secret word that turn the name into a setting about it (`update_password`). */
const NEGATING_PREFIXES = new Set([
  'update', 'change', 'reset', 'forgot', 'generate', 'rotate', 'require', 'requires', 'allow', 'enable', 'disable', 'use', 'validate',
  'verify', 'show', 'hide', 'mask', 'no', 'is', 'has', 'min', 'max', 'random', 'public', 'pub', 'encrypt', 'encrypted', 'hashed',
  'last', 'expire', 'store', 'save', 'check', 'ask', 'prompt', 'sync', 'empty', 'skip', 'ignore', 'csrf', 'xsrf', 'next', 'page',
  'continuation', 'pagination', 'cancellation', 'lock', 'revoke', 'input', 'output', 'request', 'idempotency', 'creation',
  'action', 'marker', 'cursor', 'sync',
]);

const AUTHORIZATION_WORDS = new Set(['authorization', 'authorisation']);

/** Every secret name contains one of these (`requirepass`, `masterauth` included). */
const MAY_NAME_A_SECRET = /pass|pw|secret|token|key|cred|auth|hook|pat|psk/i;

/** What the key says its value is, or undefined when it names nothing secret (remembered per key). */
export function secretKeyKind(key: string): SecretKeyKind | undefined {
  // Several rules ask about each key in turn. Most keys name nothing secret: one test tells, and
  // they are not kept in the memo, where thousands of them (a message catalog's keys) would only
  // push out the others.
  if (key !== lastKey) {
    lastKey = key;
    lastKind = MAY_NAME_A_SECRET.test(key) ? memoKeyKind(key) : undefined;
  }
  return lastKind;
}

let lastKey: string | undefined;
let lastKind: SecretKeyKind | undefined;

const memoKeyKind = keyMemo(keyKind, MAX_KEY_LENGTH);

function keyKind(key: string): SecretKeyKind | undefined {
  const words = keyWords(key);
  let end = words.length;
  while (end > 1 && isQualifier(words[end - 1])) end--;
  if (end === 0) return undefined;
  const last = words[end - 1];
  const before = end >= 2 ? words[end - 2] : '';
  if (before && NEGATING_PREFIXES.has(before)) return undefined;
  if (words.slice(0, end - 1).some((w) => w === 'public' || w === 'pub')) return undefined;
  if (AUTHORIZATION_WORDS.has(last)) return 'authorization';
  if (last === 'webhook' || ((last === 'url' || last === 'uri') && (before === 'webhook' || before === 'hook'))) return 'webhook';
  if (PASSWORD_WORDS.has(last) || PASSWORD_SUFFIX.test(last) || isCompoundPass(last)) return 'password';
  if (SECRET_WORDS.has(last) || SECRET_SUFFIX.test(last) || last === 'auth') return 'secret';
  if (last === 'key' && (KEY_PREFIXES.has(before) || PASSWORD_WORDS.has(before) || before === 'token')) return 'secret';
  return undefined;
}

/** One-word names of well-known password settings: `requirepass` (Redis), `storepass`/`keypass` (keytool). */
const COMPOUND_PASS = new Set(['requirepass', 'masterauth', 'storepass', 'keypass', 'srcstorepass', 'deststorepass', 'dbpass', 'adminpass', 'rootpass', 'userpass', 'mailpass', 'smtppass', 'ftppass', 'ldappass', 'sqlpass', 'mysqlpass']);

function isCompoundPass(word: string): boolean {
  return COMPOUND_PASS.has(word);
}

function isQualifier(word: string): boolean {
  if (/^\d+$/.test(word)) return true;
  if (QUALIFIERS.has(word)) return true;
  // Short tags (`_BD`, `_EU`) qualify too, unless they say what the value is (`_ID`, `_URL`).
  return word.length <= 3 && !MEANINGFUL_SHORT.has(word) && !PASSWORD_WORDS.has(word);
}
