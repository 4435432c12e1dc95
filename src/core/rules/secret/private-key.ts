// secret/private-key: private keys written into a file: PEM blocks (RSA, EC, DSA, OPENSSH,
// ENCRYPTED, PKCS#8, PGP private key blocks), SSH2 and PuTTY key files, also inside YAML block
// scalars, heredocs and JSON strings with `\n` escapes, and base64-encoded PEM (Kubernetes
// Secrets, user data). The block is reported from BEGIN to END; a key whose body was cut short
// (`MIIEow...` then `...`) is reported on its header. A body that is only a placeholder
// (`...`, `***`, `xxx`) is a template, not a key, and is not reported.
import type { Rule, RuleContext } from '../../rule';
import { dotenvExposureAllows } from './exposure';
import { decodeBase64Text, isPlaceholder } from './values';

/** How far a key body may reach; real keys (RSA 8192, PGP) stay well below. */
const MAX_BODY = 20000;
/** Key material below this many base64 characters is a placeholder, not a key. */
const MIN_KEY_MATERIAL = 64;

const PEM_BEGIN = /-----BEGIN ([A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?)-----|---- BEGIN (SSH2 (?:ENCRYPTED )?PRIVATE KEY) ----/g;
const PUTTY = /PuTTY-User-Key-File-\d+:[ \t]*\S+/g;
/** base64 of `-----BEGIN` at the start of an encoded PEM. */
const ENCODED_PEM = /LS0tLS1CRUdJTi[A-Za-z0-9+/]{0,20000}={0,2}/g;

interface KeyBody {
  /** Base64 characters of key material (header lines excluded). */
  material: number;
  /** True when the body says it was cut short (`...`, `…`). */
  elided: boolean;
  encrypted: boolean;
}

/** Measures a key body: how much key material, whether it was elided, whether it is encrypted. */
function measureBody(body: string): KeyBody {
  // JSON and other string escapes: `\n` is a line break, not base64 `n`.
  const lines = body.replace(/\\r|\\n/g, '\n').split('\n');
  let material = 0;
  let encrypted = false;
  for (const line of lines) {
    if (/^[ \t]*(?:["'][ \t]*)?(Proc-Type|DEK-Info|Comment|Version|Hash|Charset|Encryption|MessageID)[\w-]*:/i.test(line)) {
      if (/ENCRYPTED|DEK-Info|Encryption: (?!none)/i.test(line)) encrypted = true;
      continue;
    }
    for (const run of line.match(/[A-Za-z0-9+/=]{16,}/g) ?? []) material += run.length;
  }
  return { material, elided: /\.\.\.|…|\[[\w ]{0,40}\]|<[^>\n]{0,80}>/.test(body), encrypted };
}

function report(ctx: RuleContext, start: number, end: number, label: string, body: KeyBody, headerOnly: boolean): void {
  ctx.report({
    start,
    end,
    severity: body.encrypted ? 'warning' : undefined,
    confidence: headerOnly ? 'medium' : undefined,
    message: `${label} is written into the file${body.encrypted ? ' (passphrase-protected, which only slows an attacker down)' : ''}${headerOnly ? '; its body is shortened here, check the rest of the file and its history' : ''}. Move it to a secret store and rotate it.`,
  });
}

function scanPem(ctx: RuleContext, text: string): void {
  PEM_BEGIN.lastIndex = 0;
  for (let m = PEM_BEGIN.exec(text); m; m = PEM_BEGIN.exec(text)) {
    const label = m[1] ?? m[2];
    const bodyStart = m.index + m[0].length;
    const endMarker = m[1] ? `-----END ${label}-----` : `---- END ${label} ----`;
    // A body never holds another BEGIN: searching only up to the next one keeps a file full of
    // headers without footers linear.
    let limit = text.indexOf('-----BEGIN', bodyStart);
    if (limit < 0 || limit - bodyStart > MAX_BODY) limit = Math.min(text.length, bodyStart + MAX_BODY + endMarker.length);
    const window = text.slice(bodyStart, limit);
    const endIn = window.indexOf(endMarker);
    const closed = endIn >= 0;
    const endAt = bodyStart + endIn;
    const body = measureBody(closed ? window.slice(0, endIn) : window.slice(0, 4096));
    const name = describe(label);
    if (label.includes('ENCRYPTED')) body.encrypted = true;
    if (closed && body.material >= MIN_KEY_MATERIAL && !body.elided) {
      report(ctx, m.index, endAt + endMarker.length, name, body, false);
      PEM_BEGIN.lastIndex = endAt + endMarker.length;
    } else if (body.material >= 16 && (body.elided || !closed)) {
      // Real key material, cut short: the header is all there is to point at.
      report(ctx, m.index, bodyStart, name, body, true);
    }
  }
}

function describe(label: string): string {
  if (label.startsWith('PGP')) return 'A PGP private key';
  if (label.startsWith('OPENSSH') || label.startsWith('SSH2')) return 'An SSH private key';
  if (label.startsWith('ENCRYPTED')) return 'An encrypted private key';
  const alg = /^(RSA|EC|DSA)\b/.exec(label)?.[1];
  if (alg === 'DSA') return 'A DSA private key';
  return alg ? `An ${alg} private key` : 'A private key';
}

function scanPutty(ctx: RuleContext, text: string): void {
  PUTTY.lastIndex = 0;
  for (let m = PUTTY.exec(text); m; m = PUTTY.exec(text)) {
    const rest = text.slice(m.index, m.index + MAX_BODY);
    const priv = /Private-Lines:[ \t]*(\d{1,3})/.exec(rest);
    if (!priv) continue;
    const after = rest.slice(priv.index + priv[0].length);
    const mac = /Private-(?:MAC|Hash):[ \t]*[0-9a-fA-F]*/.exec(after);
    const bodyText = mac ? after.slice(0, mac.index) : after.split('\n').slice(0, +priv[1] + 1).join('\n');
    const body = measureBody(bodyText);
    body.encrypted = /Encryption:[ \t]*(?!none)\S/.test(rest.slice(0, priv.index));
    if (body.material < 32) continue;
    const end = m.index + priv.index + priv[0].length + (mac ? mac.index + mac[0].length : bodyText.length);
    report(ctx, m.index, end, 'A PuTTY private key', body, false);
    PUTTY.lastIndex = end;
  }
}

/** base64-encoded PEM: decoded and judged like any other key. */
function scanEncoded(ctx: RuleContext, text: string): void {
  ENCODED_PEM.lastIndex = 0;
  for (let m = ENCODED_PEM.exec(text); m; m = ENCODED_PEM.exec(text)) {
    const decoded = decodeBase64Text(m[0].slice(0, m[0].length - (m[0].length % 4 === 1 ? 1 : 0)));
    const pem = decoded && /-----BEGIN ([A-Z0-9 ]{0,40}PRIVATE KEY)-----([\s\S]*?)(?:-----END|$)/.exec(decoded);
    if (!pem) continue;
    // Encoding a key is a deployment step, not documentation: any body that is not a placeholder
    // counts, and even a placeholder body is noted, since the encoded header is as distinctive as
    // a provider's prefix and a real key gets pasted into such a template.
    const body = measureBody(pem[2]);
    const content = pem[2].trim();
    if (!content || body.elided || isPlaceholder(content)) {
      ctx.report({
        start: m.index,
        end: m.index + m[0].length,
        severity: 'info',
        confidence: 'low',
        message: `This base64 text encodes the header of a private key with a placeholder body. If a real key is ever encoded here, keep it in a secret store instead.`,
      });
      continue;
    }
    report(ctx, m.index, m.index + m[0].length, `${describe(pem[1])} (base64-encoded)`, body, false);
  }
}

export const privateKey: Rule = {
  meta: {
    id: 'secret/private-key',
    category: 'secret',
    title: 'Private key written into a file',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'A private key (PEM, OpenSSH, PGP, PuTTY, or base64-encoded PEM) sits in the file. Whoever reads the file, a fork or the history can impersonate the key owner: sign, decrypt, log in. Keep keys in a secret store or a mounted secret file and reference them by path (`private_key = file(var.key_path)`, `secretKeyRef`); remove the key from history and replace it, since a committed key must be treated as compromised. Passphrase-protected keys are reported at a lower severity.',
    fixable: false,
  },
  keywords: ['private key', 'putty-user-key-file', 'ls0tls1crudjti'],
  visitText(ctx) {
    if (!dotenvExposureAllows(ctx.file)) return;
    const text = ctx.file.text;
    const lower = text.toLowerCase();
    if (lower.includes('private key')) scanPem(ctx, text);
    if (lower.includes('putty-user-key-file')) scanPutty(ctx, text);
    if (text.includes('LS0tLS1CRUdJTi')) scanEncoded(ctx, text);
  },
};
