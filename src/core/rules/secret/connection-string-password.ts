// secret/connection-string-password: a password inside a key=value connection string: ADO.NET and
// ODBC (`Server=db;User Id=app;Password=...;`), JDBC and URL query parameters
// (`?user=app&password=...`), Redis client strings (`host:6379,password=...`), and the account
// keys of Azure Storage and Service Bus connection strings. Only the secret's range is reported.
import type { Rule, RuleContext } from '../../rule';
import { dotenvExposureAllows } from './exposure';
import { judgePassword, judgeToken } from './values';
import type { Verdict } from './values';

// A component name right after a separator of its string; the value is read by hand.
const COMPONENT = /(^|[;?&,"'\s])(password|pwd|passwd|accountkey|sharedaccesskey)[ \t]*=[ \t]*/gim;

/** The Azurite storage emulator's key: published in Microsoft's documentation, not a secret. */
const PUBLIC_DEVELOPMENT_KEYS = new Set(['Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==']);

export interface ConnectionSecret {
  start: number;
  end: number;
  component: string;
  verdict: Exclude<Verdict, 'skip'>;
}

/** The end of a component value starting at `i`: `{...}` and quoted values may hold separators. */
function valueEnd(text: string, i: number, separator: string): number {
  const open = text[i];
  if (open === '{') {
    const close = text.indexOf('}', i);
    return close < 0 ? i : close + 1;
  }
  let j = i;
  while (j < text.length && j - i < 1024 && !/[;&"'\s<>]/.test(text[j]) && text[j] !== separator) j++;
  return j;
}

/** True when the component at [start, valueEnd) sits in a connection string, not a plain `password=x` line. */
function inConnectionString(text: string, lead: string, end: number): boolean {
  if (lead === ';' || lead === '?' || lead === '&') return true;
  // Otherwise the string must go on with another `name=value` component.
  return /^;[ \t]*[A-Za-z][\w .]{0,40}=/.test(text.slice(end, end + 50)) || (lead === ',' && /^,[ \t]*\w{1,40}=/.test(text.slice(end, end + 50)));
}

export function connectionSecrets(text: string, allowed: readonly string[]): ConnectionSecret[] {
  const out: ConnectionSecret[] = [];
  COMPONENT.lastIndex = 0;
  for (let m = COMPONENT.exec(text); m; m = COMPONENT.exec(text)) {
    const start = m.index + m[0].length;
    const lead = m[1];
    const end = valueEnd(text, start, lead === ',' ? ',' : ';');
    if (end <= start || !inConnectionString(text, lead, end)) continue;
    const raw = text.slice(start, end);
    const value = raw.startsWith('{') ? raw.slice(1, -1) : raw;
    const component = m[2].toLowerCase();
    if (PUBLIC_DEVELOPMENT_KEYS.has(value)) continue;
    const verdict = component.endsWith('key') ? judgeToken(value, allowed) : judgePassword(value, allowed);
    if (verdict === 'skip' || /[$%{}]/.test(value)) continue;
    out.push({ start, end, component: m[2], verdict });
  }
  return out;
}

export const connectionStringPassword: Rule = {
  meta: {
    id: 'secret/connection-string-password',
    category: 'secret',
    title: 'Password inside a connection string',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'A connection string carries its password (`Password=`/`Pwd=` in ADO.NET and ODBC strings, `password=` in JDBC and Redis client strings, `AccountKey=`/`SharedAccessKey=` in Azure strings). Connection strings travel: into logs, error pages and support tickets. Keep the secret part out of the file: use integrated or managed identity where the platform offers it, or inject the string from a secret store (user secrets, Key Vault references, environment variables) at run time.',
    fixable: true,
  },
  keywords: ['password', 'pwd', 'accountkey', 'sharedaccesskey'],
  visitText(ctx: RuleContext) {
    if (!dotenvExposureAllows(ctx.file)) return;
    for (const s of connectionSecrets(ctx.file.text, ctx.file.options.allowedValues)) {
      ctx.report({
        start: s.start,
        end: s.end,
        severity: s.verdict === 'weak' ? 'warning' : undefined,
        confidence: s.verdict === 'weak' ? 'medium' : undefined,
        message: `A ${s.verdict === 'weak' ? 'weak ' : ''}secret is written into this connection string ("${s.component}="). Inject the connection string from a secret store at run time.`,
      });
    }
  },
};
