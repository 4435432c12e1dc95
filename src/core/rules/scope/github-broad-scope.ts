// scope/github-broad-scope: classic GitHub OAuth/PAT scopes with more power than most tools need
// (`repo`, `admin:org`, `delete_repo`, ...) in scope settings and `gh auth` commands, and
// `administration: write` in a GitHub App manifest's `default_permissions`.
import type { Rule, RuleContext } from '../../rule';
import type { MapNode, Node, PathSegment, ScalarNode } from '../../parse/model';
import { isMap, isScalar } from '../../parse/model';
import { table } from '../../table';

const SCOPES = table<{ severity: 'error' | 'warning'; instead: string }>({
  repo: { severity: 'warning', instead: '`public_repo` for public repositories, or a fine-grained token / GitHub App limited to the repositories and permissions used' },
  'admin:org': { severity: 'error', instead: '`read:org`, or `write:org` for membership changes' },
  delete_repo: { severity: 'error', instead: 'no deletion scope: delete repositories by hand' },
  'admin:repo_hook': { severity: 'warning', instead: '`write:repo_hook` or `read:repo_hook`' },
  'admin:org_hook': { severity: 'warning', instead: 'a GitHub App with the organization webhooks permission' },
  'admin:enterprise': { severity: 'error', instead: '`read:enterprise`' },
  'admin:public_key': { severity: 'warning', instead: '`read:public_key` or `write:public_key`' },
  'admin:gpg_key': { severity: 'warning', instead: '`read:gpg_key` or `write:gpg_key`' },
});

/** App permissions whose write level controls repository or organization settings. */
const APP_ADMIN = new Set(['administration', 'organization_administration']);

/** Keys that hold OAuth scopes. */
const SCOPE_KEY = /^(?:[\w-]*[_-])?scopes?$/i;

export const githubBroadScope: Rule = {
  meta: {
    id: 'scope/github-broad-scope',
    category: 'scope',
    title: 'GitHub OAuth scope or app permission broader than needed',
    defaultSeverity: 'warning',
    confidence: 'medium',
    explanation:
      'The classic OAuth scope `repo` gives full control of every private repository the user can reach (code, settings, webhooks, deploy keys), `admin:org` administers whole organizations and `delete_repo` deletes repositories. A GitHub App manifest with `administration: write` can change branch protection and repository settings. A leaked token with these is a takeover. Request `public_repo`, `read:org` and similar narrower scopes, or use fine-grained tokens and GitHub Apps limited to the repositories and permissions used.',
    fixable: false,
  },
  keywords: ['scope', 'default_permissions', 'gh auth'],
  visitScalar(ctx, node, path) {
    const n = path.length;
    const key = typeof path[n - 1] === 'string' ? (path[n - 1] as string) : (path[n - 2] as string | undefined);
    if (n >= 2 && path[n - 2] === 'default_permissions' && APP_ADMIN.has(String(path[n - 1])) && node.value === 'write') {
      ctx.report({
        start: node.start,
        end: node.end,
        message: `The app asks for \`${String(path[n - 1])}: write\`, which controls repository settings and branch protection. Ask for \`read\` or leave it out.`,
      });
      return;
    }
    // Scope keys are generic: only settings that are about GitHub are considered.
    if (typeof key !== 'string' || !SCOPE_KEY.test(key) || !aboutGithub(node, path)) return;
    reportTokens(ctx, node, node.value);
  },
  visitCommand(ctx, hit) {
    const argv = hit.command.argv;
    if (argv[0]?.value !== 'gh' || argv[1]?.value !== 'auth') return;
    for (let i = 2; i < argv.length; i++) {
      const w = argv[i].value;
      const inline = /^--scopes=/.exec(w);
      if (inline) scan(w.slice(inline[0].length), inline[0].length, (from, to, scope) => report(ctx, hit.rangeOf(argv[i], from, to), scope));
      else if ((w === '-s' || w === '--scopes') && argv[i + 1]) {
        const next = argv[i + 1];
        scan(next.value, 0, (from, to, scope) => report(ctx, hit.rangeOf(next, from, to), scope));
      }
    }
  },
};

/** True when a key on the path, or a key or value of the map holding the scope, names GitHub. */
function aboutGithub(node: ScalarNode, path: PathSegment[]): boolean {
  if (path.some((seg) => typeof seg === 'string' && /github/i.test(seg))) return true;
  let map: Node | undefined = node.parent;
  while (map && !isMap(map)) map = map.parent;
  return isMap(map) && namesGithub(map);
}

/**
 * Whether a key or value of the map names GitHub, looked at once per map: a .env file is one map,
 * and searching all of it for each of its thousand `scopes=` lines took a fifth of a second.
 */
function namesGithub(map: MapNode): boolean {
  let known = githubMaps.get(map);
  if (known === undefined) githubMaps.set(map, (known = map.pairs.some((p) => /github/i.test(p.key.value) || (isScalar(p.value) && /github/i.test(p.value.value)))));
  return known;
}

const githubMaps = new WeakMap<MapNode, boolean>();

function reportTokens(ctx: RuleContext, node: ScalarNode, value: string): void {
  scan(value, 0, (from, to, scope) => report(ctx, ctx.rangeIn(node, from, to), scope));
}

/** Calls back for every known broad scope in a space- or comma-separated list. */
function scan(value: string, offset: number, found: (from: number, to: number, scope: string) => void): void {
  const re = /[^\s,]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    if (SCOPES[m[0]]) found(offset + m.index, offset + m.index + m[0].length, m[0]);
  }
}

function report(ctx: RuleContext, range: { start: number; end: number }, scope: string): void {
  const entry = SCOPES[scope];
  ctx.report({ ...range, severity: entry.severity, message: `GitHub scope \`${scope}\` is broader than most uses need. Use ${entry.instead}.` });
}
