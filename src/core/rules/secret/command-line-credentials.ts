// secret/command-line-credentials: credentials passed on a command line in a script (`run:`,
// `script:`, Dockerfile RUN, compose `command:`): `curl -u user:pass`, `-H "Authorization: Bearer
// ..."`, `--password X`/`--password=X` and other secret-named options, `mysql -pX`,
// `docker login -p X`, `sshpass -p X`, `openssl -passin pass:X`, `-e DB_PASSWORD=X`. Values that
// expand a variable (`$PASS`, `${{ secrets.X }}`) are what scripts should do and are skipped.
import type { CommandHit, FileInfo, Rule, RuleContext } from '../../rule';
import { programName, type ShellWord } from '../../shell/tokenize';
import { secretKeyKind } from './keys';
import { authorizationCredential, judgeNamedValue, splitAssignment } from './named-values';
import { judgePassword, judgeToken, judgeUserinfoPassword } from './values';
import type { Verdict } from './values';
import { dotenvExposureAllows } from './exposure';
import { table } from '../../table';

/** Programs run through another one: the real program is the next word. */
const WRAPPERS = new Set(['sudo', 'env', 'exec', 'time', 'nohup', 'command', 'xargs', 'doas']);
/** Programs whose `-p<password>` (attached) is a password; a detached `-p` prompts instead. */
const MYSQL_FAMILY = /^(mysql|mysqldump|mysqladmin|mysqlimport|mysqlshow|mysqlcheck|mysqlpump|mysqlsh|mariadb|mariadb-dump|mariadb-admin)$/;
/** Short options that take a password, per program (both `-p X` and `-pX`). */
const SHORT_PASSWORD_OPTION = table<string>({
  sshpass: '-p',
  'redis-cli': '-a',
  mongo: '-p',
  mongosh: '-p',
  mongodump: '-p',
  mongorestore: '-p',
  mongoexport: '-p',
  mongoimport: '-p',
  sqlcmd: '-P',
  bcp: '-P',
  ldapsearch: '-w',
  ldapadd: '-w',
  ldapmodify: '-w',
  ldapdelete: '-w',
});
/** `<program> login -p X` (`-u user -p pass`): registry and cloud logins. */
const LOGIN_PROGRAMS = new Set(['docker', 'podman', 'buildah', 'nerdctl', 'skopeo', 'helm', 'oras', 'az', 'crane', 'regctl']);
/** curl-like programs with `-u user:password` and `-H 'Name: value'`. */
const HTTP_CLIENTS = new Set(['curl', 'http', 'https', 'xh', 'wget']);
/** Builtins whose `NAME=value` arguments are variable assignments: generic rules judge those by name. */
const SHELL_ASSIGNMENTS = new Set(['export', 'declare', 'local', 'readonly', 'typeset', 'set']);
/** Options whose values are specs, not secrets (`docker build --secret id=x,src=y`). */
const SPEC_VALUE = /^(?:id|src|source|env|type|target|required)=/;

interface Finding {
  word: ShellWord;
  from: number;
  to: number;
  what: string;
  verdict: Exclude<Verdict, 'skip'>;
}

function literal(value: string): boolean {
  return !/[$`]/.test(value);
}

/**
 * Every form the scan reads is an option (`-…`) or an assignment (`…=…`); most words are neither,
 * and a command without one has nothing to find.
 */
function isOptionOrAssignment(word: ShellWord): boolean {
  return word.value.charCodeAt(0) === 45 /* - */ || word.value.includes('=');
}

/** Scans one command's arguments. */
export function commandCredentials(hit: CommandHit, file: FileInfo): Finding[] {
  const allowed = file.options.allowedValues;
  let argv = hit.command.argv;
  while (argv.length > 1 && WRAPPERS.has(programName(argv[0].value))) {
    argv = argv.slice(1);
    // `env A=1 B=2 prog`, `sudo -u x prog`: skip assignments and options up to the program.
    while (argv.length > 1 && (argv[0].value.startsWith('-') || splitAssignment(argv[0].value))) argv = argv.slice(1);
  }
  if (argv.length < 2 || !argv.some(isOptionOrAssignment)) return [];
  const program = programName(argv[0].value);
  const out: Finding[] = [];
  const push = (word: ShellWord, from: number, to: number, what: string, verdict: Verdict) => {
    if (verdict !== 'skip' && to > from) out.push({ word, from, to, what, verdict });
  };
  const password = (value: string) => (literal(value) ? judgePassword(value, allowed) : 'skip');
  const isLogin = LOGIN_PROGRAMS.has(program) && argv.some((w) => w.value === 'login');
  // Decided once per command rather than for every word.
  const httpClient = HTTP_CLIENTS.has(program);
  const mysql = MYSQL_FAMILY.test(program);
  const short = isLogin ? '-p' : SHORT_PASSWORD_OPTION[program];

  for (let i = 1; i < argv.length; i++) {
    const word = argv[i];
    const v = word.value;
    if (!isOptionOrAssignment(word)) continue;
    const next = argv[i + 1];
    const nextValue = next && !next.value.startsWith('-') ? next : undefined;

    // `-u user:password` / `--user=user:password` / `-uuser:password`.
    if (httpClient && /^(-u|--user)(=|$)|^-u./.test(v)) {
      const target = v === '-u' || v === '--user' ? nextValue : word;
      if (target) {
        const offset = target === word ? (v.startsWith('--user=') ? 7 : 2) : 0;
        const userpass = target.value.slice(offset);
        const colon = userpass.indexOf(':');
        const pass = userpass.slice(colon + 1);
        // A `user:password` pair: `user:pass` is the documentation's placeholder, as in URLs.
        if (colon >= 0 && literal(pass)) push(target, offset + colon + 1, target.value.length, 'password', judgeUserinfoPassword(pass, allowed));
        if (target === nextValue) i++;
      }
      continue;
    }
    // `-H 'Authorization: Bearer x'`, `--header 'X-Api-Key: x'`.
    if (httpClient && (v === '-H' || v === '--header' || v.startsWith('--header='))) {
      const target = v.startsWith('--header=') ? word : nextValue;
      if (target) {
        const offset = target === word ? '--header='.length : 0;
        header(target, offset, out, allowed);
        if (target === nextValue) i++;
      }
      continue;
    }
    // mysql -pSECRET
    if (mysql && /^-p./.test(v)) {
      push(word, 2, v.length, 'password', password(v.slice(2)));
      continue;
    }
    // sshpass -p SECRET, redis-cli -a SECRET, docker login -p SECRET, openssl -passin pass:SECRET
    if (short && (v === short || (v.startsWith(short) && v.length > short.length && !v.startsWith('--')))) {
      const target = v === short ? nextValue : word;
      if (target) {
        const offset = target === word ? short.length : 0;
        push(target, offset, target.value.length, 'password', password(target.value.slice(offset)));
        if (target === nextValue) i++;
      }
      continue;
    }
    if (program === 'openssl' && /^-pass(in|out)?$/.test(v) && nextValue?.value.startsWith('pass:')) {
      push(nextValue, 5, nextValue.value.length, 'password', password(nextValue.value.slice(5)));
      i++;
      continue;
    }
    // --password X, --password=X, --api-key X, --client-secret=X ...
    const long = /^--?([A-Za-z][\w-]{1,60})(=|$)/.exec(v);
    if (long && long[1].length > 1) {
      const kind = secretKeyKind(long[1]);
      const target = long[2] === '=' ? word : nextValue;
      const offset = long[2] === '=' ? long[0].length : 0;
      if (kind && target && literal(target.value.slice(offset)) && !SPEC_VALUE.test(target.value.slice(offset))) {
        const value = target.value.slice(offset);
        if (kind === 'authorization') {
          const cred = authorizationCredential(value, allowed);
          if (cred) push(target, offset + cred.from, offset + cred.to, 'credential', cred.verdict);
        } else if (kind !== 'webhook') {
          push(target, offset, target.value.length, kind === 'password' ? 'password' : 'secret', kind === 'password' ? password(value) : judgeToken(value, allowed));
        }
        if (target === nextValue) i++;
        continue;
      }
    }
    // -e DB_PASSWORD=x, --build-arg TOKEN=x, --from-literal=password=x, --set auth.password=x
    const optionValue = long && long[2] === '=' ? { word, offset: long[0].length } : { word, offset: 0 };
    const a = splitAssignment(optionValue.word.value.slice(optionValue.offset));
    if (a && literal(v) && !SHELL_ASSIGNMENTS.has(program)) {
      const base = optionValue.offset + a.valueFrom;
      const j = judgeNamedValue(a.name, v.slice(base), file, { shell: true });
      if (j) push(word, base + j.from, base + j.to, j.kind === 'password' ? 'password' : 'secret', j.verdict);
    }
  }
  return out;
}

/** `Name: value` of an HTTP header whose name says it carries a credential. */
function header(word: ShellWord, offset: number, out: Finding[], allowed: readonly string[]): void {
  const text = word.value.slice(offset);
  const m = /^([A-Za-z][\w-]{0,60})[ \t]*:[ \t]*/.exec(text);
  if (!m || !literal(text)) return;
  const kind = secretKeyKind(m[1]);
  const value = text.slice(m[0].length);
  const base = offset + m[0].length;
  if (kind === 'authorization') {
    const cred = authorizationCredential(value, allowed);
    if (cred) out.push({ word, from: base + cred.from, to: base + cred.to, what: 'credential', verdict: cred.verdict });
  } else if (kind === 'secret' || kind === 'password') {
    const verdict = judgeToken(value, allowed);
    if (verdict !== 'skip') out.push({ word, from: base, to: word.value.length, what: 'credential', verdict });
  }
}

export const commandLineCredentials: Rule = {
  meta: {
    id: 'secret/command-line-credentials',
    category: 'secret',
    title: 'Credential passed on a command line in a script',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'A script passes a literal password or token on a command line: `curl -u user:pass`, an `Authorization` header, `--password X`, `mysql -pX`, `docker login -p X`, `sshpass -p X`. The value is in the file, and at run time it also shows up in the process list and often in CI logs and shell history. Read it from a secret instead (`-u "user:$API_PASSWORD"`, `--password-stdin`, `${{ secrets.NAME }}`), or use a credentials file the tool reads by itself.',
    fixable: true,
  },
  keywords: ['-u', '-h', '-p', '--', '-a', '-w', 'pass', 'token', 'secret', 'key'],
  visitCommand(ctx: RuleContext, hit: CommandHit) {
    if (!dotenvExposureAllows(ctx.file)) return;
    for (const f of commandCredentials(hit, ctx.file)) {
      ctx.report({
        ...hit.rangeOf(f.word, f.from, f.to),
        path: hit.path,
        severity: f.verdict === 'weak' ? 'warning' : undefined,
        confidence: f.verdict === 'weak' ? 'medium' : undefined,
        message: `A literal ${f.what} is passed on a command line. Read it from a secret or environment variable instead.`,
      });
    }
  },
};
