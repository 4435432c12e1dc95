// scope/google-oauth-broad-scope: Google OAuth scopes with full access to a product where a
// narrower scope exists (Drive, Gmail, Calendar, Sheets, Docs, Admin Directory, Cloud Storage,
// cloud-platform). The message names the narrower scope.
import type { Rule } from '../../rule';
import { table } from '../../table';

/** Full-access scope (path after /auth/, or the Gmail URL) → the narrower scopes to use. */
const NARROWER = table<string>({
  drive: '`drive.file` (only files the app creates or the user opens with it) or `drive.readonly`',
  'https://mail.google.com/': '`gmail.send`, `gmail.readonly` or `gmail.modify` (no permanent deletion)',
  calendar: '`calendar.events` or `calendar.readonly`',
  spreadsheets: '`spreadsheets.readonly`, or `drive.file` for sheets the app creates',
  documents: '`documents.readonly`, or `drive.file` for documents the app creates',
  contacts: '`contacts.readonly`',
  'devstorage.full_control': '`devstorage.read_write` or `devstorage.read_only`',
  'cloud-platform': 'the scope of each API used (e.g. `devstorage.read_only`), or keep cloud-platform only for service accounts whose IAM roles are narrow',
});

const AUTH_PREFIX = 'https://www.googleapis.com/auth/';

export const googleOauthBroadScope: Rule = {
  meta: {
    id: 'scope/google-oauth-broad-scope',
    category: 'scope',
    title: 'Google OAuth scope broader than needed',
    defaultSeverity: 'warning',
    confidence: 'medium',
    explanation:
      'Scopes such as `https://www.googleapis.com/auth/drive`, `https://mail.google.com/` or the Admin SDK `admin.directory.*` scopes give the app full access to every file, mail or directory object of each user who consents (or of the whole domain with domain-wide delegation). A leaked token then exposes all of it, and Google requires a security assessment for such restricted scopes. Request the narrowest scope that works: `drive.file`, `gmail.send`, the `.readonly` variants. `cloud-platform` is reported at info level: it is the usual scope for service accounts whose access is limited by IAM roles.',
    fixable: false,
  },
  keywords: ['googleapis.com/auth/', 'mail.google.com'],
  visitUrl(ctx, hit) {
    const url = hit.url.replace(/^http:/i, 'https:');
    let scope: string | undefined;
    if (/^https:\/\/mail\.google\.com\/?$/i.test(url)) scope = 'https://mail.google.com/';
    else if (url.toLowerCase().startsWith(AUTH_PREFIX)) scope = url.slice(AUTH_PREFIX.length);
    if (!scope) return;
    let narrower = NARROWER[scope];
    // Admin SDK directory scopes: each has a `.readonly` variant.
    if (!narrower && /^admin\.directory\.[a-z.]+$/.test(scope) && !scope.endsWith('.readonly')) narrower = `\`${scope}.readonly\` where the app only reads`;
    if (!narrower) return;
    ctx.report({
      start: hit.start,
      end: hit.end,
      severity: scope === 'cloud-platform' ? 'info' : undefined,
      message: `OAuth scope ${scope === 'https://mail.google.com/' ? scope : scope} grants full access. Use ${narrower}.`,
    });
  },
};
