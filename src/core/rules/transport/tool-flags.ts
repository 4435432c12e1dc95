// Per-tool checks of transport/insecure-command: how curl, wget, git, npm, pip, yum, apt and
// others are told to skip certificate checks, flag by flag.
import type { Check, Hit } from './command-hits';
import { UNSAFE, flip, positionals, removal } from './command-hits';
import type { SimpleCommand, Word } from './commands';
import { removeWord } from './edits';
import { normalizeKey } from './settings';
import { isFalse, isTrue } from './values';

// curl ------------------------------------------------------------------------------------------

/** Short options of curl that take an argument: in `-fsSLo file` the `o` ends the group. */
const CURL_SHORT_WITH_ARG = new Set('AbcCdDeEFHKmoPQrtTuUwxXyYz'.split(''));
const CURL_LONG_WITH_ARG = new Set(['--header', '--data', '--data-raw', '--data-binary', '--data-urlencode', '--output', '--user', '--request', '--url', '--proxy', '--user-agent', '--referer', '--form', '--cookie', '--cookie-jar', '--cacert', '--cert', '--key', '--config', '--write-out', '--connect-timeout', '--max-time', '--retry', '--retry-delay', '--retry-max-time', '--upload-file', '--range', '--continue-at', '--dump-header', '--resolve', '--interface', '--limit-rate', '--capath', '--output-dir']);

const curl: Check = (cmd, text) => {
  const hits: Hit[] = [];
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i];
    const v = a.value;
    if (v === '--') break;
    if (v === '--insecure' || v === '--proxy-insecure') {
      hits.push(removal(a, text, `curl ${v}`, v === '--insecure' ? 'curl accepts any server certificate' : 'curl accepts any proxy certificate'));
    } else if (v.startsWith('--')) {
      if (CURL_LONG_WITH_ARG.has(v)) i++;
    } else if (/^-[A-Za-z0-9#:]{1,40}$/.test(v)) {
      for (let j = 1; j < v.length; j++) {
        if (v[j] === 'k') {
          hits.push(
            v.length === 2
              ? removal(a, text, 'curl -k', 'curl accepts any server certificate')
              : { range: a.range(j, j + 1), shown: `curl ${v}`, effect: `the "k" in ${v} (--insecure) makes curl accept any server certificate`, fix: { title: `Remove k from ${v} (${UNSAFE})`, edit: { ...a.range(j, j + 1), newText: '' } } },
          );
          break;
        }
        if (CURL_SHORT_WITH_ARG.has(v[j])) {
          if (j === v.length - 1) i++;
          break;
        }
      }
    }
  }
  return hits;
};

// wget ------------------------------------------------------------------------------------------

const wget: Check = (cmd, text) =>
  cmd.args.flatMap((a, i): Hit[] => {
    if (a.value === '--no-check-certificate') return [removal(a, text, 'wget --no-check-certificate', 'wget accepts any server certificate')];
    const setting = /^--check-certificate=(off|no|quiet|0|false)$/i.test(a.value) || ((cmd.args[i - 1]?.value === '-e' || cmd.args[i - 1]?.value === '--execute') && /^check_certificate\s{0,4}=\s{0,4}(off|no|0|false)$/i.test(a.value));
    return setting ? [removal(a, text, `wget ${a.value}`, 'wget accepts any server certificate')] : [];
  });

// git -------------------------------------------------------------------------------------------

/** `http.sslVerify` or `http.<url>.sslVerify`, any case. */
function isGitSslVerify(key: string): boolean {
  const k = key.toLowerCase();
  return k === 'http.sslverify' || (k.startsWith('http.') && k.endsWith('.sslverify'));
}
const GIT_OPTIONS_WITH_ARG = new Set(['-C', '-c', '--git-dir', '--work-tree', '--namespace', '--config-env', '--exec-path']);
const GIT_CONFIG_OPTIONS_WITH_ARG = new Set(['-f', '--file', '--blob', '--type', '--default', '--comment']);

const git: Check = (cmd) => {
  const hits: Hit[] = [];
  // `-c key=value` before the subcommand, and `clone -c`/`--config key=value` after it.
  cmd.args.forEach((a, i) => {
    let word: Word | undefined;
    let from = 0;
    if ((a.value === '-c' || a.value === '--config') && cmd.args[i + 1]) word = cmd.args[i + 1];
    else if (a.value.startsWith('--config=')) [word, from] = [a, '--config='.length];
    else if (/^-c[^\s]/.test(a.value) && a.value.includes('=')) [word, from] = [a, 2];
    if (!word) return;
    const setting = word.value.slice(from);
    const eq = setting.indexOf('=');
    if (eq < 0 || !isGitSslVerify(setting.slice(0, eq)) || !isFalse(setting.slice(eq + 1))) return;
    hits.push(flip(word, from + eq + 1, `git -c ${setting}`, 'git accepts any server certificate', true));
  });
  // `git config [--global] http.sslVerify false`, `git config set http.sslVerify false`.
  let i = 0;
  while (i < cmd.args.length && cmd.args[i].value.startsWith('-')) i += GIT_OPTIONS_WITH_ARG.has(cmd.args[i].value) ? 2 : 1;
  if (cmd.args[i]?.value !== 'config') return hits;
  const positional = positionals(cmd.args.slice(i + 1), GIT_CONFIG_OPTIONS_WITH_ARG);
  if (positional[0]?.value === 'set') positional.shift();
  const [key, value] = positional;
  if (key && value && isGitSslVerify(key.value) && isFalse(value.value)) {
    hits.push(flip(value, 0, `git config ${key.value} ${value.value}`, 'git accepts any server certificate', true));
  }
  return hits;
};

// npm, yarn, pnpm -------------------------------------------------------------------------------

const NPM_OPTIONS_WITH_ARG = new Set(['--location', '-L', '--userconfig', '--prefix']);

const npm: Check = (cmd, text) => {
  const hits: Hit[] = [];
  const name = cmd.program;
  for (const a of cmd.args) {
    if (a.value === '--no-strict-ssl') hits.push(removal(a, text, `${name} --no-strict-ssl`, `${name} accepts any registry certificate`));
    const m = /^--strict-ssl=(.*)$/.exec(a.value);
    if (m && isFalse(m[1])) hits.push(flip(a, '--strict-ssl='.length, `${name} ${a.value}`, `${name} accepts any registry certificate`, true));
  }
  // `npm config set strict-ssl false`, `npm set strict-ssl=false`, `yarn config set enableStrictSsl false`.
  const first = cmd.args[0]?.value;
  const rest = first === 'set' ? cmd.args.slice(1) : (first === 'config' || first === 'c') && cmd.args[1]?.value === 'set' ? cmd.args.slice(2) : undefined;
  if (!rest) return hits;
  const [keyWord, valueWord] = positionals(rest, NPM_OPTIONS_WITH_ARG);
  if (!keyWord) return hits;
  const eq = keyWord.value.indexOf('=');
  const key = eq >= 0 ? keyWord.value.slice(0, eq) : keyWord.value;
  if (!['strictssl', 'enablestrictssl'].includes(normalizeKey(key))) return hits;
  if (eq >= 0 && isFalse(keyWord.value.slice(eq + 1))) hits.push(flip(keyWord, eq + 1, `${name} config set ${keyWord.value}`, `${name} accepts any registry certificate`, true));
  else if (eq < 0 && valueWord && isFalse(valueWord.value)) hits.push(flip(valueWord, 0, `${name} config set ${key} ${valueWord.value}`, `${name} accepts any registry certificate`, true));
  return hits;
};

// pip, uv, poetry, conda ------------------------------------------------------------------------

/** `--trusted-host h`, `--trusted-host=h` (pip) and `--allow-insecure-host` (uv). */
function trustedHosts(cmd: SimpleCommand, text: string, flag: string): Hit[] {
  const hits: Hit[] = [];
  cmd.args.forEach((a, i) => {
    const inline = a.value.startsWith(`${flag}=`);
    if (a.value !== flag && !inline) return;
    const host = inline ? a.value.slice(flag.length + 1) : cmd.args[i + 1]?.value ?? '';
    const last = inline ? a : cmd.args[i + 1] ?? a;
    const range = { start: a.range().start, end: last.range().end };
    hits.push({
      range: a.range(),
      shown: `${cmd.program} ${flag} ${host}`.trim(),
      effect: `${cmd.program} accepts ${host || 'that host'} without a valid certificate, or over plain http`,
      severity: 'warning',
      fix: { title: `Remove ${flag} (${UNSAFE})`, edit: removeWord(text, range, inline || !host ? { first: a.value } : { first: flag, last: host }) },
    });
  });
  return hits;
}

const pip: Check = (cmd, text) => {
  const hits = trustedHosts(cmd, text, '--trusted-host');
  // `pip config set global.trusted-host pypi.example.org`
  const c = cmd.args.findIndex((a) => a.value === 'config');
  if (c >= 0) {
    const [sub, key] = positionals(cmd.args.slice(c + 1), new Set(['--editor']));
    if (sub?.value === 'set' && key && /(^|\.)trusted-host$/.test(key.value)) {
      hits.push({ range: key.range(), shown: `pip config set ${key.value}`, effect: 'pip accepts those hosts without a valid certificate, or over plain http', severity: 'warning' });
    }
  }
  return hits;
};

const python: Check = (cmd, text) => (cmd.args[0]?.value === '-m' && /^pip\d*$/.test(cmd.args[1]?.value ?? '') ? pip({ ...cmd, program: 'pip', args: cmd.args.slice(2) }, text) : []);

const uv: Check = (cmd, text) => trustedHosts(cmd, text, '--allow-insecure-host');

const poetry: Check = (cmd) => {
  if (cmd.args[0]?.value !== 'config') return [];
  const [key, value] = positionals(cmd.args.slice(1), new Set());
  const isCertSetting = key && key.value.startsWith('certificates.') && key.value.endsWith('.cert') && key.value.length > 'certificates..cert'.length;
  if (!key || !value || !isCertSetting || !isFalse(value.value)) return [];
  return [flip(value, 0, `poetry config ${key.value} ${value.value}`, 'poetry accepts any certificate from that repository', true)];
};

const conda: Check = (cmd) => {
  const i = cmd.args.findIndex((a) => a.value === '--set');
  if (cmd.args[0]?.value !== 'config' || i < 0) return [];
  const [key, value] = [cmd.args[i + 1], cmd.args[i + 2]];
  if (!key || !value || normalizeKey(key.value) !== 'sslverify' || !isFalse(value.value)) return [];
  return [flip(value, 0, `conda config --set ${key.value} ${value.value}`, 'conda accepts any server certificate', true)];
};

// yum, dnf, apt ---------------------------------------------------------------------------------

/** The value of a `[repo.]sslverify=value` option, or undefined. */
function sslverifyValue(option: string): string | undefined {
  const eq = option.indexOf('=');
  const key = option.slice(0, eq).toLowerCase();
  return eq > 0 && (key === 'sslverify' || key.endsWith('.sslverify')) ? option.slice(eq + 1) : undefined;
}

const yum: Check = (cmd) =>
  cmd.args.flatMap((a, i): Hit[] => {
    let from = -1;
    if (a.value.startsWith('--setopt=')) from = '--setopt='.length;
    else if (cmd.args[i - 1]?.value === '--setopt') from = 0;
    if (from < 0) return [];
    const value = sslverifyValue(a.value.slice(from));
    if (value === undefined || !isFalse(value)) return [];
    return [flip(a, a.value.length - value.length, `${cmd.program} ${a.value}`, `${cmd.program} accepts any repository certificate`, true)];
  });

/** The value of `Acquire::https::[host::]Verify-Peer=value` (or `Verify-Host`), or undefined. */
function aptVerifyValue(option: string): string | undefined {
  const sep = option.search(/[= ]/);
  const key = option.slice(0, sep).toLowerCase();
  if (sep < 0 || !key.startsWith('acquire::https::') || !(key.endsWith('::verify-peer') || key.endsWith('::verify-host'))) return undefined;
  return option.slice(sep + 1).replace(/^[ "]{0,4}|[";]{0,4}$/g, '');
}

const apt: Check = (cmd) =>
  cmd.args.flatMap((a, i): Hit[] => {
    const prev = cmd.args[i - 1]?.value;
    const from = a.value.startsWith('-o') && a.value.length > 2 ? 2 : prev === '-o' || prev === '--option' ? 0 : -1;
    if (from < 0) return [];
    const value = aptVerifyValue(a.value.slice(from));
    if (value === undefined || !isFalse(value)) return [];
    const at = a.value.lastIndexOf(value);
    // A word's range is a method: the shortened word keeps calling it on the word.
    return [flip({ value: a.value.slice(0, at + value.length), range: (f, t) => a.range(f, t) }, at, `${cmd.program} -o ${a.value.slice(from)}`, 'apt accepts any repository certificate', true)];
  });

// others ----------------------------------------------------------------------------------------

const composer: Check = (cmd) => {
  if (cmd.args[0]?.value !== 'config') return [];
  const [key, value] = positionals(cmd.args.slice(1), new Set());
  if (!key || !value) return [];
  if (key.value === 'secure-http' && isFalse(value.value)) return [{ ...flip(value, 0, `composer config secure-http ${value.value}`, 'composer downloads packages over plain http', true), severity: 'warning' }];
  if (key.value === 'disable-tls' && isTrue(value.value)) return [flip(value, 0, `composer config disable-tls ${value.value}`, 'composer downloads packages without TLS', false)];
  return [];
};

const gcloud: Check = (cmd) => {
  const i = cmd.args.findIndex((a) => a.value === 'auth/disable_ssl_validation');
  const value = i >= 0 ? cmd.args[i + 1] : undefined;
  return cmd.args[0]?.value === 'config' && value && isTrue(value.value) ? [flip(value, 0, `gcloud config set auth/disable_ssl_validation ${value.value}`, 'gcloud accepts any server certificate', false)] : [];
};

const ansibleGalaxy: Check = (cmd, text) => cmd.args.filter((a) => a.value === '--ignore-certs' || a.value === '-c').map((a) => removal(a, text, `ansible-galaxy ${a.value}`, 'ansible-galaxy accepts any server certificate'));

const httpie: Check = (cmd) =>
  cmd.args.flatMap((a): Hit[] => {
    const m = /^--verify=(.*)$/.exec(a.value);
    return m && isFalse(m[1]) ? [flip(a, '--verify='.length, `${cmd.program} ${a.value}`, 'httpie accepts any server certificate', true)] : [];
  });

/** Programs whose `--insecure` means "skip certificate checks" (elsewhere it can mean other things). */

const BY_PROGRAM = new Map<string, Check>([
  ['curl', curl],
  ['wget', wget],
  ['git', git],
  ['npm', npm],
  ['yarn', npm],
  ['pnpm', npm],
  ['uv', uv],
  ['poetry', poetry],
  ['conda', conda],
  ['mamba', conda],
  ['micromamba', conda],
  ['apt', apt],
  ['apt-get', apt],
  ['aptitude', apt],
  ['composer', composer],
  ['gcloud', gcloud],
  ['ansible-galaxy', ansibleGalaxy],
  ['http', httpie],
  ['https', httpie],
]);

/** The check for a program, by its lowercased name. */
export function checkFor(program: string): Check | undefined {
  const known = BY_PROGRAM.get(program);
  if (known) return known;
  if (/^pip\d*(\.\d+)?$/.test(program)) return pip;
  if (/^python\d*(\.\d+)?$/.test(program)) return python;
  if (/^(yum|dnf|dnf5|microdnf|yum-config-manager|dnf-config-manager)$/.test(program)) return yum;
  return undefined;
}
