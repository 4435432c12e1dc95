// transport/tls-verify-disabled: settings and environment variables that switch off certificate
// verification, wherever the file keeps them (maps, env lists, dotenv, Dockerfile ENV, shell
// assignments, .yarnrc/.curlrc lines).
import type { Rule, RuleContext } from '../../rule';
import type { Fix, TextRange } from '../../types';
import type { MapNode, Node, Pair, ScalarNode } from '../../parse/model';
import { isScalar, isSeq, keyOf } from '../../parse/model';
import { isScriptPath } from '../../scripts';
import { isLoopback } from '../../urls';
import { envSwitch, ENV_KEYWORDS, isLookalikeOfEnvSwitch } from './environment';
import type { EnvSwitch } from './environment';
import { SETTING_KEYWORDS, normalizeKey, switchesOff, verifySwitch } from './settings';
import type { VerifySwitch } from './settings';
import { flipTo } from './values';
import { replaceSpelled } from './edits';
import { keyMemo } from '../../memo';
import { simpleCommands } from './commands';
import type { SimpleCommand, Word } from './commands';

const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]{0,127})=/;
/** Programs whose `NAME=value` arguments set variables for later commands. */
const EXPORTERS = new Set(['export', 'declare', 'typeset', 'readonly', 'local', 'echo', 'printf']);
/**
 * Run-control files whose settings are bare words or `key value` lines, which the ini reader
 * skips: the line that switches verification off, and the value that turns it back on.
 */
const RC_FILES = new Map<string, { line: RegExp; secure?: string }>([
  ['.yarnrc', { line: /^[ \t]*"?strict-ssl"?[ \t]+"?(false)"?[ \t]*\r?$/gm, secure: 'true' }],
  ['.curlrc', { line: /^[ \t]*(-k|--insecure|insecure)[ \t]*\r?$/gm }],
  ['_curlrc', { line: /^[ \t]*(-k|--insecure|insecure)[ \t]*\r?$/gm }],
]);
const UNSAFE_TITLE = "Turn verification back on (unsafe: connections fail until the server's CA is trusted)";

export const tlsVerifyDisabled: Rule = {
  meta: {
    id: 'transport/tls-verify-disabled',
    category: 'transport',
    title: 'TLS certificate verification switched off',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'A setting turns off TLS certificate verification (`verify: false`, `insecure_skip_verify: true`, `rejectUnauthorized: false`, `validate_certs: no`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `GIT_SSL_NO_VERIFY`, ...). The connection is still encrypted, but to whoever answers: a machine in the middle can present any certificate and read or change everything, credentials and downloads included. Trust the right CA instead (a CA bundle setting, `NODE_EXTRA_CA_CERTS`, `REQUESTS_CA_BUNDLE`, `GIT_SSL_CAINFO`) and turn verification back on.',
    fixable: true,
  },
  keywords: [...SETTING_KEYWORDS, ...ENV_KEYWORDS, 'insecure-registries', 'trusted-host', 'strict-ssl'],

  visitPair(ctx, pair, path) {
    const value = pair.value;
    const key = pair.key.value;
    if (isScalar(value)) {
      // `- name: NODE_TLS_REJECT_UNAUTHORIZED` / `value: "0"` (Kubernetes, ECS): the name is the key.
      if (/^value$/i.test(key)) {
        const name = siblingName(pair);
        if (name) checkSetting(ctx, name, value, { start: pair.key.start, end: value.end }, path);
        return;
      }
      checkSetting(ctx, key, value, { start: pair.key.start, end: value.end }, path);
      return;
    }
    if (isSeq(value) && normalizeKey(key) === 'insecureregistries') {
      const remote = value.items.filter((item): item is ScalarNode => isScalar(item) && !isLoopback(hostOf(item.value)));
      if (remote.length === 0) return;
      ctx.report({
        start: pair.key.start,
        end: pair.key.end,
        path,
        severity: 'warning',
        message: `Docker talks to ${remote.map((r) => r.value).join(', ')} over plain http or without checking certificates ("insecure-registries"). Give the registry a trusted certificate and remove it from the list.`,
      });
    }
  },

  visitScalar(ctx, node, path) {
    // Compose and similar `environment:` lists: `- NODE_TLS_REJECT_UNAUTHORIZED=0`.
    if (node.type !== 'string' || !isSeq(node.parent) || isScriptPath(path)) return;
    const m = ASSIGNMENT.exec(node.value);
    if (!m) return;
    const sw = envSwitch(m[1]);
    const v = node.value.slice(m[0].length);
    if (!sw || !sw.disables(v)) return;
    const range = ctx.rangeIn(node, 0, node.value.length);
    const valueRange = ctx.rangeIn(node, m[0].length, node.value.length);
    reportEnv(ctx, sw, m[1], v, range, valueRange, path);
  },

  visitCommand(ctx, hit) {
    for (const cmd of simpleCommands(hit)) {
      for (const word of settingWords(cmd)) {
        const m = ASSIGNMENT.exec(word.value);
        if (!m) continue;
        const sw = envSwitch(m[1]);
        const v = word.value.slice(m[0].length);
        if (!sw || !sw.disables(v)) continue;
        reportEnv(ctx, sw, m[1], v, word.range(0, word.value.length), word.range(m[0].length, word.value.length), hit.path);
      }
      checkPowerShellEnv(ctx, cmd, hit.path);
    }
  },

  visitText(ctx) {
    const name = ctx.file.path.replace(/\\/g, '/').split('/').pop()!.toLowerCase();
    const rc = RC_FILES.get(name);
    if (!rc) return;
    const text = ctx.file.text;
    rc.line.lastIndex = 0;
    for (let m = rc.line.exec(text); m; m = rc.line.exec(text)) {
      const start = m.index + m[0].length - m[0].trimStart().length;
      const end = m.index + m[0].trimEnd().length;
      const at = m.index + m[0].lastIndexOf(m[1]);
      const fixes: Fix[] = rc.secure ? [{ title: UNSAFE_TITLE, disposition: 'unsafe', edits: [{ start: at, end: at + m[1].length, newText: rc.secure }] }] : [];
      ctx.report({ start, end, message: `"${text.slice(start, end)}" in ${name} switches off TLS certificate verification for every run. Trust the right CA instead.`, fixes });
    }
  },
};

/** Words of a command that set variables: leading `NAME=value`, `export`/`echo` arguments, `go env -w`. */
function settingWords(cmd: SimpleCommand): readonly Word[] {
  if (EXPORTERS.has(cmd.program)) return [...cmd.assignments, ...cmd.args];
  // `go env -w GOINSECURE=...` writes the variable into go's own environment file.
  if (cmd.program === 'go' && cmd.args[0]?.value === 'env') return [...cmd.assignments, ...cmd.args.slice(1)];
  // Most commands: only their leading assignments, read as they are (no copy per command).
  return cmd.assignments;
}

/** PowerShell: `$env:NODE_TLS_REJECT_UNAUTHORIZED = "0"` or `$env:NAME="0"`. */
function checkPowerShellEnv(ctx: RuleContext, cmd: SimpleCommand, path?: (string | number)[]): void {
  const first = cmd.programWord;
  const ps = first && /^\$env:([A-Za-z_][A-Za-z0-9_]{0,127})/i.exec(first.value);
  if (!first || !ps) return;
  const name = ps[1];
  const inline = first.value[ps[0].length] === '=';
  const valueWord = inline ? undefined : cmd.args[0]?.value === '=' ? cmd.args[1] : undefined;
  const v = inline ? first.value.slice(ps[0].length + 1) : valueWord?.value ?? '';
  const sw = envSwitch(name);
  if (!sw || !sw.disables(v)) return;
  const valueRange = valueWord ? valueWord.range(0, valueWord.value.length) : first.range(first.value.length - v.length, first.value.length);
  reportEnv(ctx, sw, name, v, { start: first.range().start, end: (valueWord ?? first).range().end }, valueRange, path);
}

/** The `name`/`Name` beside a `value` key, as in Kubernetes and ECS env lists. */
function siblingName(pair: Pair): string | undefined {
  const map = pair.parent;
  if (!map) return undefined;
  const name = namePair(map);
  return name && isScalar(name.value) && ENV_NAME.test(name.value.value) ? name.value.value : undefined;
}

/**
 * A map's first `name` pair, looked for once per map: a .env file is one map, and searching all
 * of it for each of its thousand `VALUE=` lines took a tenth of a second.
 */
function namePair(map: MapNode): Pair | undefined {
  if (!namePairs.has(map)) namePairs.set(map, map.pairs.find((p) => /^name$/i.test(p.key.value)));
  return namePairs.get(map);
}

const namePairs = new WeakMap<MapNode, Pair | undefined>();

/** What a setting's key says, whatever its value. */
interface KeyMeaning {
  /** The environment variable it names. */
  sw?: EnvSwitch;
  /** A pip `trusted-host` setting. */
  trustedHost: boolean;
  /** A verification switch, and which value turns verification off. */
  kind?: VerifySwitch;
}

/** What a key means, remembered per key: every pair of every file asks, and files repeat their keys. */
const meaningOf = keyMemo((key: string): KeyMeaning => {
  const sw = ENV_NAME.test(key) ? envSwitch(key) : undefined;
  const trustedHost = !sw && normalizeKey(key).endsWith('trustedhost');
  return { sw, trustedHost, kind: sw || isLookalikeOfEnvSwitch(key) ? undefined : verifySwitch(key) };
});

function checkSetting(ctx: RuleContext, key: string, value: ScalarNode, range: TextRange, path: (string | number)[]): void {
  if (value.tag || value.alias) return;
  const v = value.value;
  const { sw, trustedHost, kind } = meaningOf(key);
  if (sw) {
    if (sw.disables(v)) reportEnv(ctx, sw, key, v, range, ctx.rangeIn(value, 0, v.length), path);
    return;
  }
  if (trustedHost && v.trim() !== '' && !isTemplated(v)) {
    ctx.report({ start: range.start, end: range.end, path, severity: 'warning', message: `"${key}" makes pip accept ${v.trim()} without a valid certificate, or over plain http. Trust the right CA instead (pip's "cert" setting).` });
    return;
  }
  if (!kind || !switchesOff(kind, v) || signatureNotTls(key, value)) return;
  const edit = replaceSpelled(ctx.file.text, ctx.rangeIn(value, 0, v.length), v, flipTo(v, kind === 'off-when-false'));
  ctx.report({
    ...range,
    path,
    message: `"${key}${assignmentSign(ctx)}${v}" switches off TLS certificate verification. Trust the right CA and verify certificates.`,
    fixes: edit ? [{ title: UNSAFE_TITLE, disposition: 'unsafe', edits: [edit] }] : [],
  });
}

/** How the file writes a setting, for messages: `KEY=value` or `key: value`. */
function assignmentSign(ctx: RuleContext): string {
  const syntax = ctx.file.parsed.syntax;
  return syntax === 'dotenv' || syntax === 'ini' || syntax === 'dockerfile' || syntax === 'text' ? '=' : syntax === 'hcl' ? ' = ' : ': ';
}

function reportEnv(ctx: RuleContext, sw: EnvSwitch, name: string, value: string, range: TextRange, valueRange: TextRange, path?: (string | number)[]): void {
  const secure = sw.secureValue?.(value);
  const edit = secure ? replaceSpelled(ctx.file.text, valueRange, value, secure) : undefined;
  ctx.report({
    ...range,
    path,
    severity: sw.severity,
    message: `${name}=${value}: ${sw.effect}. Trust the right CA instead${secure ? '' : ` and remove ${name}`}.`,
    fixes: edit ? [{ title: UNSAFE_TITLE, disposition: 'unsafe', edits: [edit] }] : [],
  });
}

/**
 * `verify` alone also names signature checks: helm chart provenance (`releases[].verify` in
 * helmfile, `verify` of a Terraform `helm_release`), and GitHub Actions inputs (`with: verify:`)
 * mean whatever each action decides. Those are not reported.
 */
function signatureNotTls(key: string, value: ScalarNode): boolean {
  if (normalizeKey(key) !== 'verify') return false;
  if (keyOf(value.parent ?? value) === 'with') return true;
  let node: Node | undefined = value.parent;
  while (node) {
    const k = keyOf(node);
    if (k === 'releases' || (k && /helm_release/.test(k))) return true;
    node = node.parent;
  }
  return false;
}

function isTemplated(v: string): boolean {
  return /[${}]/.test(v);
}

function hostOf(registry: string): string {
  const host = registry.replace(/^[a-z]+:\/\//i, '').split('/')[0];
  return host.startsWith('[') ? host.slice(1, host.indexOf(']')) : host.replace(/:\d+$/, '').toLowerCase();
}
