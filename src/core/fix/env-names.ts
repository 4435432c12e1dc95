// Environment variable names for moved secrets: derived from where the value sits (its key path,
// the env entry or assignment that names it, the action it is passed to), upper snake case, and
// checked when a person edits them.
import type { FileKind } from '../types';
import type { PathSegment, ScalarNode } from '../parse/model';
import { getPair, isMap, isSeq, str } from '../parse/model';

export const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
const MAX_LENGTH = 64;

/** Why `name` cannot be used for a secret moved out of a `kind` file; undefined when it can. */
export function invalidEnvName(name: string, kind: FileKind): string | undefined {
  if (!ENV_NAME.test(name)) return 'Use upper case letters, digits and underscores, not starting with a digit (e.g. DB_PASSWORD).';
  if ((kind === 'github-workflow' || kind === 'github-action') && name.startsWith('GITHUB_')) return 'GitHub reserves secret names starting with GITHUB_.';
  return undefined;
}

/** Upper snake case of any key-like text: `apiKey` → API_KEY, `sqltools.connections` → SQLTOOLS_CONNECTIONS. */
export function toEnvName(text: string): string {
  const upper = text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1_$2')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_');
  const trimmed = trimUnderscores(upper);
  return /^[0-9]/.test(trimmed) ? `_${trimmed}` : trimmed;
}

/** Without leading and trailing underscores (a loop: the regex `^_+|_+$` backtracks quadratically). */
function trimUnderscores(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && s[from] === '_') from++;
  while (to > from && s[to - 1] === '_') to--;
  return s.slice(from, to);
}

/** Words that say what kind of value a key holds but not whose: `password` needs a qualifier. */
const GENERIC_WORDS = new Set([
  'password', 'passwd', 'pwd', 'pw', 'pass', 'passphrase', 'token', 'secret', 'key', 'apikey', 'api', 'auth', 'credential', 'credentials',
  'value', 'val', 'access', 'private', 'client', 'bearer', 'authorization', 'url', 'uri', 'webhook', 'default', 'data', 'string', 'connection',
]);

/** Keys that group values without saying what they belong to: skipped when looking for a qualifier. */
const STRUCTURAL = new Set([
  'env', 'environment', 'variables', 'vars', 'with', 'secrets', 'stringdata', 'data', 'parameters', 'params', 'settings', 'config',
  'configuration', 'spec', 'properties', 'values', 'options', 'credentials', 'auth', 'authentication', 'headers', 'header',
  'headerparameters', 'bodyparameters', 'queryparameters', 'inputs', 'args', 'value', 'valuefrom', 'default', 'defaults', 'container',
  'containers', 'template', 'jobs', 'steps', 'services', 'nodes', 'metadata', 'connectionstrings', 'global', 'common', 'root',
  'run', 'script', 'beforescript', 'afterscript', 'command', 'cmd', 'entrypoint',
]);

function isGeneric(name: string): boolean {
  const words = name.toLowerCase().split('_').filter(Boolean);
  return words.length === 0 || words.every((w) => GENERIC_WORDS.has(w));
}

export interface NameSite {
  kind: FileKind;
  ruleId: string;
  node: ScalarNode;
  path: PathSegment[];
  /** The secret is node.value[from, to). */
  from: number;
  to: number;
}

/** The name a secret at `site` gets by default. */
export function deriveEnvName(site: NameSite): string {
  return clamp(derive(site));
}

function derive(site: NameSite): string {
  const before = site.node.value.slice(0, site.from);
  const lineBefore = before.slice(before.lastIndexOf('\n') + 1);
  const key = lastKey(site.path);
  const named = namedBySibling(site.node);

  // `postgres://user:SECRET@host`: the password of a URL, named after what holds the URL.
  const url = urlBefore(lineBefore);
  if (url) {
    const holder = /(?:^|[\s;&|("'])(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=["']?$/.exec(lineBefore.slice(0, url.schemeStart));
    const base = holder ? toEnvName(holder[1]) : (named ?? (key ? qualifiedIfGeneric(site, toEnvName(key), true) : qualifier(site, 1) ?? 'URL'));
    return `${base}_PASSWORD`;
  }
  // `export NAME=SECRET`, `- NAME=SECRET`, `NAME="SECRET"`: the assignment names it.
  const assignment = /(?:^|[\s;&|("'])(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=["']?$/.exec(lineBefore);
  if (assignment) return orProvider(site, qualifiedIfGeneric(site, toEnvName(assignment[1]), true));
  if (site.kind === 'npmrc' && key) return npmName(key);
  if ((site.kind === 'github-workflow' || site.kind === 'github-action') && site.path[site.path.length - 2] === 'with') {
    const action = actionName(site);
    if (action && key) return `${action}_${inputName(key)}`;
  }
  // `- name: DB_PASSWORD` / `value: SECRET`, `{name: Authorization, value: Bearer SECRET}`.
  if (named) {
    if (/^authori[sz]ation$/i.test(named) || isGeneric(named)) return orProvider(site, `${qualifier(site, 2) ?? ''}_TOKEN`.replace(/^_/, ''));
    return named;
  }
  // `curl -u user:SECRET`: a password after a user name.
  if (/(?:^|\s)(?:-u|--user)[=\s]["']?[^\s:"']+:$/.test(lineBefore)) return qualified(site, 'PASSWORD');
  // `--token SECRET`, `-p=SECRET` in a command line.
  const flag = /(?:^|\s)--?([A-Za-z][\w-]*)[=\s]["']?$/.exec(lineBefore);
  if (flag && site.from > 0) return orProvider(site, qualifiedIfGeneric(site, toEnvName(flag[1]), false));
  if (key && !isScriptKey(key)) return orProvider(site, qualifiedIfGeneric(site, toEnvName(key), isEnvMap(site.path)));
  return providerName(site.ruleId) ?? 'SECRET';
}

/**
 * When `text` ends inside a URL's user info (`scheme://user:`), where the URL's scheme starts.
 * Scanned by hand: the equivalent unanchored regex backtracks quadratically on long words.
 */
function urlBefore(text: string): { schemeStart: number } | undefined {
  if (!text.endsWith(':')) return undefined;
  const sep = text.lastIndexOf('://');
  if (sep < 1 || !/^[^\s/@:]*:$/.test(text.slice(sep + 3))) return undefined;
  let start = sep;
  while (start > 0 && /[a-z0-9+.\-]/i.test(text[start - 1])) start--;
  while (start < sep && !/[a-z]/i.test(text[start])) start++;
  return start < sep ? { schemeStart: start } : undefined;
}

/** A generic name (`TOKEN`) loses to the provider's (`SLACK_BOT_TOKEN`) when a format rule found the value. */
function orProvider(site: NameSite, name: string): string {
  if (name && !isGeneric(name)) return name;
  return providerName(site.ruleId) ?? (name || 'SECRET');
}

function providerName(ruleId: string): string | undefined {
  const id = ruleId.slice(ruleId.indexOf('/') + 1);
  if (!id || ruleId.startsWith('secret/generic')) return undefined;
  return toEnvName(id);
}

/**
 * `name` qualified by the key above when it does not say whose secret it is. An environment
 * variable name (`API_TOKEN` under `env:` or in `API_TOKEN=...`) was chosen by someone and is kept
 * unless it is one bare word (`PASSWORD`).
 */
function qualifiedIfGeneric(site: NameSite, name: string, envName: boolean): string {
  const generic = envName ? isGeneric(name) && !name.includes('_') : isGeneric(name);
  return generic ? qualified(site, name) : name;
}

/** True when the value sits directly in an environment map (`env:`, `environment:`, `variables:`). */
function isEnvMap(path: readonly PathSegment[]): boolean {
  const parent = path[path.length - 2];
  return typeof parent === 'string' && /^(env|environment|variables|vars)$/i.test(parent);
}

/** `name` prefixed with the nearest meaningful key above the value: `db.password` → DB_PASSWORD. */
function qualified(site: NameSite, name: string): string {
  const q = qualifier(site, 1);
  if (!q || name.startsWith(`${q}_`) || name === q) return name;
  // `DB_PASSWORD: {value: ...}`: the value slot adds nothing to its holder's name.
  return name && name !== 'VALUE' && name !== 'VAL' ? `${q}_${name}` : q;
}

/**
 * The nearest meaningful name above the value: a key that is not a grouping key such as
 * `environment:`, or the `name:` (or `type:`) of a list item on the way up. `skip` containers
 * nearest the value are passed over (2 for a `{name: X, value: ...}` entry named X itself).
 */
function qualifier(site: NameSite, skip: number): string | undefined {
  const n = site.path.length;
  let j = 0;
  for (let container = site.node.parent; container; container = container.parent, j++) {
    if (j < skip - 1) continue;
    if (isMap(container) && isSeq(container.parent)) {
      const name = str(getPair(container, 'name')?.value) ?? str(getPair(container, 'type')?.value);
      if (name && !/^authori[sz]ation$/i.test(name) && toEnvName(name)) return toEnvName(name);
    }
    // The key under which `container` sits.
    const seg = site.path[n - 2 - j];
    if (typeof seg === 'string' && !STRUCTURAL.has(seg.toLowerCase().replace(/[^a-z]/g, '')) && toEnvName(seg) && !isGeneric(toEnvName(seg))) return toEnvName(seg);
  }
  return undefined;
}

/** The value's own key; undefined for a list item (its list's key names the list, not the value). */
function lastKey(path: readonly PathSegment[]): string | undefined {
  const last = path[path.length - 1];
  return typeof last === 'string' ? last : undefined;
}

function isScriptKey(key: string): boolean {
  return ['run', 'script', 'before_script', 'after_script', 'command', 'cmd', 'args', 'entrypoint'].includes(key);
}

/** The name of a `value:` given by its sibling `name:` (Kubernetes env entries, n8n parameters). */
function namedBySibling(node: ScalarNode): string | undefined {
  const map = node.parent;
  if (!isMap(map)) return undefined;
  const pair = map.pairs.find((p) => p.value === node);
  if (!pair || !/^(value|val|default)$/i.test(pair.key.value)) return undefined;
  const name = str(getPair(map, 'name')?.value) ?? str(getPair(map, 'key')?.value);
  return name ? toEnvName(name) || undefined : undefined;
}

/** `with: token` of `uses: foo/bar@v1` → BAR; `docker/login-action` → DOCKER_LOGIN. */
function actionName(site: NameSite): string | undefined {
  const withMap = site.node.parent;
  const step = withMap?.parent;
  if (!isMap(step)) return undefined;
  const uses = str(getPair(step, 'uses')?.value);
  if (!uses || uses.startsWith('./') || uses.startsWith('docker://')) return uses?.startsWith('docker://') ? 'DOCKER' : undefined;
  const at = uses.indexOf('@');
  const [owner = '', repo = ''] = (at < 0 ? uses : uses.slice(0, at)).split('/');
  const words = toEnvName(repo)
    .split('_')
    .filter((w) => w && !['ACTION', 'ACTIONS', 'GH', 'GITHUB'].includes(w));
  const verbs = new Set(['LOGIN', 'SETUP', 'DEPLOY', 'PUBLISH', 'UPLOAD', 'BUILD', 'PUSH', 'RELEASE', 'INSTALL', 'RUN']);
  const ownerName = toEnvName(owner).replace(/^GITHUB_?/, '');
  if (words.length === 0) return ownerName || undefined;
  if (words.every((w) => verbs.has(w)) && ownerName) return `${ownerName}_${words.join('_')}`;
  return words.join('_');
}

/** `github-token`, `repo_token` → TOKEN; other inputs keep their name (`api-key` → API_KEY). */
function inputName(key: string): string {
  const words = toEnvName(key)
    .split('_')
    .filter((w) => w && w !== 'GITHUB' && w !== 'REPO' && w !== 'GH');
  return words.join('_') || 'TOKEN';
}

/** `.npmrc` keys: `//registry.npmjs.org/:_authToken` → NPM_TOKEN, another registry → <HOST>_NPM_TOKEN. */
function npmName(key: string): string {
  // `//host/path/:_authToken`, or a bare `_authToken` for the default registry.
  const colon = key.lastIndexOf(':');
  const setting = trimUnderscores(key.slice(colon + 1));
  const what = /^\w+$/.test(setting) ? toEnvName(setting).replace(/^AUTH_TOKEN$/, 'TOKEN') : 'TOKEN';
  const host = key.startsWith('//') ? key.slice(2).split(/[/:]/)[0] : '';
  if (!host || /(^|\.)npmjs\.(org|com)$/.test(host)) return `NPM_${what}`;
  const labels = host.split('.').filter((l) => !['www', 'registry', 'npm', 'pkg', 'com', 'org', 'net', 'io', 'dev'].includes(l));
  return `${toEnvName(labels[0] ?? host) || 'REGISTRY'}_NPM_${what}`;
}

function clamp(name: string): string {
  const clean = toEnvName(name) || 'SECRET';
  return clean.length > MAX_LENGTH ? trimUnderscores(clean.slice(0, MAX_LENGTH)) : clean;
}

