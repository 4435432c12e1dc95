// Shared judgement about values: is this a reference to a secret kept elsewhere, a placeholder,
// a weak default, or something that is not a secret at all? Every secret rule asks these before
// reporting, so a value is judged the same way wherever it appears.
import { TOKEN_FORMATS } from './catalog/providers';

/** References resolved at run time: the value itself is not in the file. Matched on the whole value or its start. */
const REFERENCE = [
  /^\$[A-Za-z_]\w*$/, // $VAR
  /^%[A-Za-z_]\w*%$/, // %VAR%
  /^\$env:[A-Za-z_]\w*$/i, // PowerShell
  /^ENC\[[A-Za-z0-9_]+,data:/, // SOPS
  /^ENC\(.+\)$/, // jasypt
  /^\$ANSIBLE_VAULT;/, // ansible-vault
  /^(?:vault:|ref\+|op:\/\/|sm:\/\/|secretsmanager:|ssm:|keyvault:|gcp:secretmanager:|azurekeyvault:)/i, // secret managers
  /^arn:aws[\w-]*:(?:secretsmanager|ssm|kms):/i,
  /^projects\/[^/]+\/secrets\//, // GCP Secret Manager
  /^@Microsoft\.KeyVault\(/i, // Azure App Service key vault reference
  /^\{\{resolve:(?:secretsmanager|ssm|ssm-secure):/, // CloudFormation dynamic references
  /^#\{[^}]+\}#?$/, // Octopus / Azure token replacement
  /^__[A-Za-z0-9_]+__$/, // token replacement (`__DB_PASSWORD__`)
  /^@[\w.\-]+@$/, // Maven resource filtering
  /^<%=?[^%]*%>$/, // ERB
  /^%\(\w+\)s$/, // Python %-format
  /^\{\.[\w.\[\]\-]*\}$/, // kubectl JSONPath
  /^(?:var|local|data|module)\.[\w.\-\[\]"]+$/, // Terraform references written as strings
  /^(?:process\.env|os\.environ|ENV)[.\[]/, // code reading the environment
  /^\[[a-z][\w.]*\(.*\)\]$/i, // ARM template expressions
  /^\{[A-Za-z_][\w.\-]*\}$/, // {VAR} format placeholders
];

/**
 * Template syntax inside a value: `${VAR}`, `${VAR:?msg}`, `${{ secrets.X }}`, `{{ x }}`, `$(VAR)`,
 * `{% x %}`, `#{x}`, `<%= x %>`. The value is assembled at run time, not written here.
 */
const TEMPLATE = /\$\{|\{\{|\$\(|\{%|#\{|<%/;

/** True when the value is (or is assembled from) a reference to something kept elsewhere. */
export function isReference(value: string): boolean {
  const v = value.trim();
  return TEMPLATE.test(v) || REFERENCE.some((re) => re.test(v));
}

/** Placeholder text as a whole value. */
const PLACEHOLDER_WORDS =
  /^(?:x+|\*+|\.+|-+|_+|#+|0+|•+|…|todo|tbd|fixme|none|null|nil|undefined|empty|blank|n\/a|na|example|sample|dummy|fake|placeholder|redacted|hidden|masked|omitted|removed|string|value|text|foo|bar|baz|foobar|<[^>]*>|\[[^\]]*\]|\([^)]*\))$/i;
/** Placeholder text at the start of a value (`your-api-key`, `REPLACE_...`, `<token>`). */
const PLACEHOLDER_START =
  /^(?:(?:your|my|the|some)[-_ .]?(?:api[-_ ]?|access[-_ ]?|secret[-_ ]?|auth[-_ ]?|app[-_ ]?|db[-_ ]?|database[-_ ]?|admin[-_ ]?|root[-_ ]?|user[-_ ]?|service[-_ ]?)?(?:key|token|secret|password|passwd|pass|pwd|credential)s?(?:[-_ .]?(?:here|value|goes[-_ ]?here))?$|(?:insert|enter|replace|put|add|set|paste|fill|provide|change)[-_ ]|<[^\n]{0,200}>$|\[[^\n]{0,200}\]$|\.{3}|fake[-_]|example[-_]|sample[-_]|xxx|test[-_](?:key|token|secret)$|(?:key|token|secret|password)[-_]?(?:goes|to|here|value)|(?:abc|abcd|abcdef)$)/i;
/** Placeholder text anywhere in a value: every alternative has a bounded length. */
const PLACEHOLDER_ANYWHERE = /x{4}|\*{3}|…|placeholder|redacted|dummy|example\.(?:com|org|net)|not[-_ ]?(?:a[-_ ]?)?(?:real|set)/i;
/** Placeholder text at the end of a value. */
const PLACEHOLDER_ENDINGS = ['-here', '_here', ' here', '...', '-fake', '_fake', '-example', '_example', '-sample', '_sample'];

/** Words a value made only of reads as a description of itself (`REPLACE_WITH_PASSWORD`). */
const PLACEHOLDER_VOCABULARY = new Set([
  'your', 'my', 'the', 'a', 'an', 'some', 'insert', 'enter', 'put', 'add', 'replace', 'with', 'here', 'secret', 'password',
  'passwd', 'pwd', 'pass', 'token', 'key', 'api', 'apikey', 'access', 'value', 'example', 'sample', 'dummy', 'fake', 'placeholder',
  'redacted', 'hidden', 'masked', 'string', 'changeme', 'change', 'me', 'this', 'to', 'be', 'set', 'of', 'for', 'goes', 'real',
  'actual', 'user', 'username', 'name', 'auth', 'client', 'app', 'application', 'db', 'database', 'admin', 'root', 'private',
  'public', 'service', 'account', 'credential', 'credentials', 'not', 'xxx', 'todo', 'tbd', 'new', 'generated', 'random',
  'strong', 'long', 'secure', 'super', 'very', 'default', 'and', 'or', 'in', 'it', 'use', 'own', 'personal', 'bearer', 'basic',
  'webhook', 'url', 'host', 'id', 'here', 'there', 'fill', 'provide', 'paste', 'test', 'testing', 'dev', 'local',
]);

export function isPlaceholder(value: string): boolean {
  const v = value.trim();
  if (PLACEHOLDER_WORDS.test(v) || PLACEHOLDER_START.test(v) || PLACEHOLDER_ANYWHERE.test(v)) return true;
  const lower = v.toLowerCase();
  if (PLACEHOLDER_ENDINGS.some((e) => lower.endsWith(e))) return true;
  // AWS and others mark documentation values so (`AKIAIOSFODNN7EXAMPLE`, `...bPxRfiCYEXAMPLEKEY`).
  if (v.includes('EXAMPLE')) return true;
  if (/^(.)\1+$/.test(v)) return true; // one character repeated
  const words = v.split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/).filter(Boolean);
  return words.length >= 2 && words.every((w) => PLACEHOLDER_VOCABULARY.has(w.toLowerCase()));
}

/** Well-known weak or vendor-default passwords: real (and dangerous), reported at a lower severity. */
export const WEAK_DEFAULTS = new Set([
  'changeme', 'changeit', 'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'password1', 'password123', 'admin', 'admin123',
  'administrator', 'root', 'toor', 'secret', 'supersecret', 'mysecretpassword',
  'letmein', 'qwerty', 'default', 'pass', 'pass123', 'test', 'test123', 'guest', 'welcome', 'welcome1', 'abc123', 'master',
  'demo', 'postgres', 'mysql', 'oracle', 'sa', 'redis', 'rabbitmq', 'guest', 'elastic', 'changeme123', 'secret123', 'example',
]);

/** Defaults that stand in for a generated token: reported at a lower severity, like weak passwords. */
const TOKEN_DEFAULTS = new Set(['changeme', 'changeit', 'change-me', 'change_me', 'secret', 'password', 'supersecret', 'default', 'admin']);

/** A password a person chose in a hurry: dictionary-like, short, or low in entropy. */
export function isWeakPassword(value: string): boolean {
  const v = value.trim();
  if (WEAK_DEFAULTS.has(v.toLowerCase())) return true;
  if (v.length < 8) return true;
  if (/^\d+$/.test(v)) return true;
  if (/^[a-z]{1,16}\d{0,4}$/.test(v)) return true;
  if (v.length <= 24 && /^[a-z]{2,12}(?:[-_. ][a-z]{2,12}){1,3}\d{0,4}$/.test(v)) return true; // `runner-password`
  return v.length <= 16 && entropy(v) < 2.6;
}

/** Shannon entropy in bits per character. */
export function entropy(s: string): number {
  if (!s) return 0;
  const counts = new Map<string, number>();
  for (const c of s) counts.set(c, (counts.get(c) ?? 0) + 1);
  let h = 0;
  for (const n of counts.values()) {
    const p = n / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

/** Values that are identifiers or digests, not secrets: hashes, UUIDs, versions, paths. */
export function isNonSecretShape(value: string): boolean {
  const v = value.trim();
  if (/^[0-9a-f]{40}$|^[0-9a-f]{64}$/i.test(v)) return true; // git SHA, SHA-256 hex
  if (isUuid(v)) return true;
  return isNeverSecret(v);
}

export function isUuid(v: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
}

/**
 * Shapes that are not a secret even under a key named like one: digests, versions, paths,
 * booleans, public keys and certificates, plain URLs, e-mail addresses.
 */
export function isNeverSecret(value: string): boolean {
  const v = value.trim();
  if (/^sha(?:1|224|256|384|512)[-:]/i.test(v) || /^md5:/i.test(v)) return true; // digests, SRI
  if (/^v?\d+(?:\.\d+)+(?:[-+][\w.]+)?$/.test(v)) return true; // version
  if (/^[\^~]\d+(?:\.[\dx*]+){0,3}(?:-[\w.]+)?$|^(?:npm|workspace|file|link|git\+ssh):/.test(v)) return true; // package version range
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)\S*$/.test(v) && !/[:@]/.test(v.replace(/^[A-Za-z]:/, ''))) return true; // file path
  if (/^(?:true|false|yes|no|on|off|null|none|nil|enabled|disabled|required|optional)$/i.test(v)) return true;
  if (/^-----BEGIN (?:CERTIFICATE|PUBLIC KEY|RSA PUBLIC KEY|PGP PUBLIC KEY BLOCK|X509 CRL|CERTIFICATE REQUEST|NEW CERTIFICATE REQUEST)/.test(v)) return true;
  if (/^(?:ssh-(?:rsa|ed25519|dss)|ecdsa-sha2-[\w-]+|sk-ssh-ed25519@openssh\.com) /.test(v)) return true; // public keys
  if (/^[a-z][a-z0-9+.\-]{1,20}:\/\/[^\s@]*$/i.test(v)) return true; // URL without credentials
  if (/^[\w.+\-]{1,64}@[\w\-]+(?:\.[\w\-]+)+$/.test(v)) return true; // e-mail address
  if (/^arn:aws[\w-]*:/.test(v)) return true;
  return isPublicByDesign(v);
}

/** Whole-value patterns of the catalog's publishable formats, compiled on first use. */
let publicFormats: RegExp[] | undefined;

/**
 * A token its provider designs to be public (a Stripe publishable key, a Mapbox `pk.` token, an
 * OAuth client id): under a key named `publishable_key` or `client_id` it is still not a secret.
 */
export function isPublicByDesign(value: string): boolean {
  publicFormats ??= TOKEN_FORMATS.filter((f) => f.publishable).map((f) => new RegExp(`^(?:${f.pattern.source})$`, f.pattern.flags.replace(/[gy]/g, '')));
  return publicFormats.some((re) => re.test(value));
}

/**
 * Names, not secrets: lowercase words joined by separators (`on_each_login`, `my-app.prod`),
 * camelCase or PascalCase words (`genericCredentialType`, `ParentAccessToken`). Generated tokens
 * never read like that.
 */
export function looksLikeIdentifier(value: string): boolean {
  const v = value.trim();
  if (v.length > 64) return false;
  if (/^[a-z]{2,}(?:[-_.:/][a-z0-9]{2,}){1,8}$/.test(v) && (v.match(/\d/g) ?? []).length <= 2) return true;
  if (/^[A-Z]{2,}(?:[-_.:][A-Z0-9]{2,}){1,8}$/.test(v) && (v.match(/\d/g) ?? []).length <= 2) return true; // `HEADER.PAYLOAD.SIGNATURE`, `MY_APP_TOKEN`
  return /^[a-z]{2,}(?:[A-Z][a-z]{2,}){1,6}$/.test(v) || /^(?:[A-Z][a-z]{2,}){2,7}$/.test(v);
}

/**
 * A value that looks generated although nothing names it a secret: long, high in entropy, in a
 * token alphabet, mixing cases and digits, and not a hex digest or a UUID.
 */
export function looksGenerated(value: string): boolean {
  const v = value.trim();
  if (v.length < 24 || v.length > 512 || !/^[A-Za-z0-9+/=_\-.]+$/.test(v)) return false;
  if (/^[0-9a-f]+$/i.test(v) || isUuid(v) || isPlaceholder(v) || isPublicByDesign(v)) return false;
  if (!/[a-z]/.test(v) || !/[A-Z]/.test(v) || !/\d/.test(v)) return false;
  return entropy(v) >= 4.5;
}

export type Verdict = 'skip' | 'weak' | 'secret';

/** Judges a password value: references and placeholders are skipped; weak ones reported lower. */
export function judgePassword(value: string, allowed: readonly string[]): Verdict {
  const v = value.trim();
  if (v.length === 0 || v.length > 4096) return 'skip';
  if (allowed.includes(v) || isReference(v) || isNeverSecret(v)) return 'skip';
  if (WEAK_DEFAULTS.has(v.toLowerCase())) return 'weak';
  if (isPlaceholder(v) || v.length < 3) return 'skip';
  if (/^\d{1,15}$/.test(v)) return 'skip'; // a number: a port, a count, a placeholder
  if (/^[A-Za-z,.'!?]+(?: [A-Za-z,.'!?]+){3,}$/.test(v)) return 'skip'; // a sentence, not a password
  return isWeakPassword(v) ? 'weak' : 'secret';
}

/**
 * Judges a token, api key or other machine secret: these are generated, so they are long, free of
 * spaces and not made of words. Anything else under such a key is a name, a mode or a placeholder.
 */
export function judgeToken(value: string, allowed: readonly string[]): Verdict {
  const v = value.trim();
  if (allowed.includes(v) || isReference(v)) return 'skip';
  if (TOKEN_DEFAULTS.has(v.toLowerCase())) return 'weak';
  if (v.length < 8 || v.length > 4096 || isNeverSecret(v)) return 'skip';
  if (isPlaceholder(v) || looksLikeIdentifier(v)) return 'skip';
  // Generated tokens are printable ASCII without spaces; anything else is text.
  if (!/^[\x21-\x7e]+$/.test(v)) return 'skip';
  if (/^\d{1,15}$/.test(v)) return 'skip';
  if (new Set(v).size < 5 || entropy(v) < (v.length >= 16 ? 2.0 : 2.5)) return 'skip';
  return 'secret';
}

/** Passwords in `user:password` pairs that are the documentation's way of saying "your password here". */
const CONVENTIONAL_PASSWORDS = new Set(['password', 'pass', 'passwd', 'pwd', 'pw', 'secret', 'pass123', 'mypass', 'yourpass', 'p4ssw0rd', 'passw0rd', 'pa55word', 'token', 'apikey', 'key', 'x', 'xx']);

/**
 * Judges the password of a `user:password` pair (a URL's user info, a Basic header, a Docker
 * `auth`): conventional and repetitive placeholders are skipped, unlike under a password key.
 */
export function judgeUserinfoPassword(pass: string, allowed: readonly string[]): Verdict {
  if (pass.length < 4 || allowed.includes(pass)) return 'skip';
  if (isReference(pass) || /^%\w+%$/.test(pass)) return 'skip';
  if (CONVENTIONAL_PASSWORDS.has(pass.toLowerCase()) || isPlaceholder(pass)) return 'skip';
  if (new Set(pass).size <= 2) return 'skip'; // `1111`, `abab`
  return judgePassword(pass, allowed);
}

/**
 * Strict base64 (or base64url) decoding to text; undefined when the input is not base64 or the
 * result is not text. Bytes are read one to a character, which is enough to judge ASCII content.
 */
export function decodeBase64Text(value: string): string | undefined {
  const v = value.trim().replace(/\s+/g, '');
  if (v.length < 4 || v.length % 4 === 1 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(v)) return undefined;
  const standard = v.replace(/-/g, '+').replace(/_/g, '/').replace(/={1,2}$/, '');
  let text: string;
  try {
    text = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4));
  } catch {
    return undefined;
  }
  // Binary data shows up as control characters.
  if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(text)) return undefined;
  return text;
}

/**
 * Code, not a literal: an unquoted value in a plain-text file that calls, constructs or reads a
 * member (`fs.readFileSync('key')`, `new Client()`, `jsTokens.matchToToken`).
 */
export function looksLikeCode(value: string): boolean {
  const v = value.trim();
  return /[()]/.test(v) || /^new\s/.test(v) || /^[A-Za-z_$][\w$]{0,60}(?:\.[A-Za-z_$][\w$]{0,60}|\[[^\]\n]{0,60}\]){1,8};?$/.test(v);
}
