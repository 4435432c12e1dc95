// secret/authorization-header: a literal credential in an HTTP Authorization header: under an
// `Authorization` key or name/value entry (n8n header parameters, VS Code REST client, proxy
// settings), in header text (`Authorization: Bearer ...`) or a bare `Bearer <token>`. Basic
// credentials are decoded and their password judged.
import type { RuleContext } from '../../rule';
import { namedValueRule } from './named-rule';
import { authorizationCredential } from './named-values';

// `Authorization: Bearer x`, `"authorization": "Basic x"`, `Authorization = 'Token x'`.
const HEADER = /\b(?:proxy-)?authori[sz]ation["']?[ \t]*[:=][ \t]*["']?([A-Za-z][\w-]{1,20})[ \t]+([A-Za-z0-9\-._~+/]{8,2048}=*)/gi;
// `Bearer <token>` on its own, anywhere.
const BEARER = /\bBearer[ \t]+([A-Za-z0-9\-._~+/]{20,2048}=*)/g;

function scanHeaders(ctx: RuleContext): void {
  const text = ctx.file.text;
  const allowed = ctx.file.options.allowedValues;
  for (const re of [HEADER, BEARER]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const credential = m[m.length - 1];
      const credStart = m.index + m[0].length - credential.length;
      // A credential glued to template syntax (`Bearer abc${X}`) is assembled at run time.
      if (/[$%{]/.test(text[credStart + credential.length] ?? '')) continue;
      const scheme = m.length === 3 ? m[1] : 'Bearer';
      const cred = authorizationCredential(`${scheme} ${credential}`, allowed);
      if (!cred) continue;
      ctx.report({
        start: credStart,
        end: credStart + credential.length,
        severity: cred.verdict === 'weak' ? 'warning' : undefined,
        message: `A literal ${scheme} credential is written into an Authorization header. Read it from a secret at run time instead.`,
      });
    }
  }
}

export const authorizationHeader = namedValueRule({
  meta: {
    id: 'secret/authorization-header',
    category: 'secret',
    title: 'Literal credential in an Authorization header',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'An HTTP `Authorization` header is written with its credential: `Bearer <token>`, `Basic <base64 of user:password>`, `Token <key>`, in a config key, an n8n or Postman header parameter, or header text. Base64 is only an encoding. Build the header at run time from a secret (`Bearer {{ $env.API_TOKEN }}`, `Bearer ${{ secrets.API_TOKEN }}`, `Bearer $API_TOKEN`).',
    fixable: true,
  },
  kinds: ['authorization'],
  keywords: ['authori', 'bearer'],
  message: (name) => `A literal credential is written into the "${name}" header. Read it from a secret at run time instead.`,
  scanText: scanHeaders,
});
