// Structure of GitHub Actions workflows: jobs, steps, permissions. Read-only helpers for rules.
import type { MapNode, Node, Pair, ScalarNode } from '../parse/model';
import { get, getPair, isMap, isScalar, isSeq, str } from '../parse/model';
import { table } from '../table';

export interface Job {
  id: string;
  pair: Pair;
  node: MapNode;
}

export interface Step {
  job: Job;
  index: number;
  node: MapNode;
  /** `uses:` value, e.g. `actions/checkout@v4`. */
  uses?: string;
  run?: ScalarNode;
}

export function jobsOf(root: Node | null): Job[] {
  const jobs = get(root, 'jobs');
  if (!isMap(jobs)) return [];
  return jobs.pairs.filter((p) => isMap(p.value)).map((p) => ({ id: p.key.value, pair: p, node: p.value as MapNode }));
}

export function stepsOf(job: Job): Step[] {
  const steps = get(job.node, 'steps');
  if (!isSeq(steps)) return [];
  return steps.items.flatMap((node, index) => {
    if (!isMap(node)) return [];
    const run = get(node, 'run');
    return [{ job, index, node, uses: str(get(node, 'uses')), run: isScalar(run) ? run : undefined }];
  });
}

/** The `on:` trigger pair; YAML 1.1 readers turn a bare `on` into `true`, so both spellings count. */
export function triggersOf(root: Node | null): Pair | undefined {
  return getPair(root, 'on') ?? getPair(root, 'true');
}

/** Event names a workflow runs on, whatever spelling `on:` uses (string, list or map). */
export function eventNames(root: Node | null): string[] {
  const on = triggersOf(root)?.value;
  if (!on) return [];
  if (isScalar(on)) return [on.value];
  if (isSeq(on)) return on.items.filter(isScalar).map((n) => n.value);
  if (isMap(on)) return on.pairs.map((p) => p.key.value);
  return [];
}

/** True for a reusable workflow call (`uses:` at job level). */
export function isReusableCall(job: Job): boolean {
  return !!str(get(job.node, 'uses'));
}

// ---------------------------------------------------------------------------------------------
// Permissions of the GITHUB_TOKEN

export type Level = 'none' | 'read' | 'write';

/** Every permission a workflow can grant, in GitHub's documentation order. */
export const PERMISSION_SCOPES = [
  'actions',
  'attestations',
  'checks',
  'contents',
  'deployments',
  'discussions',
  'id-token',
  'issues',
  'models',
  'packages',
  'pages',
  'pull-requests',
  'repository-projects',
  'security-events',
  'statuses',
] as const;

/** Granted level per permission; a missing permission is `none`. */
export type Grants = Record<string, Level>;

export interface GrantEntry {
  scope: string;
  level: Level;
  pair: Pair;
}

/** What a `permissions:` key says, or that there is none. */
export type PermissionSpec =
  | { kind: 'default' }
  | { kind: 'read-all' | 'write-all'; pair: Pair; node: ScalarNode }
  | { kind: 'map'; pair: Pair; node: MapNode; grants: Grants; entries: GrantEntry[] }
  /** An expression, a null or anything else GitHub would evaluate or reject: left alone. */
  | { kind: 'other'; pair: Pair };

const LEVELS = table<Level>({ none: 'none', read: 'read', write: 'write' });

/** The `permissions:` of a workflow root or a job map. */
export function permissionsOf(node: Node | null | undefined): PermissionSpec {
  const pair = getPair(node, 'permissions');
  if (!pair) return { kind: 'default' };
  const value = pair.value;
  if (isScalar(value) && (value.value === 'read-all' || value.value === 'write-all')) return { kind: value.value, pair, node: value };
  if (isMap(value)) {
    const grants: Grants = {};
    const entries: GrantEntry[] = [];
    for (const p of value.pairs) {
      const level = LEVELS[str(p.value) ?? ''];
      if (!level) return { kind: 'other', pair };
      grants[p.key.value] = level;
      entries.push({ scope: p.key.value, level, pair: p });
    }
    return { kind: 'map', pair, node: value, grants, entries };
  }
  return { kind: 'other', pair };
}

/**
 * The level a spec gives one permission. No block means the repository default, which may be
 * the permissive one (write on everything), so it counts as write: the worst case.
 */
export function levelIn(spec: PermissionSpec, scope: string): Level {
  switch (spec.kind) {
    case 'default':
    case 'write-all':
    case 'other':
      return 'write';
    case 'read-all':
      // id-token has no read level; read-all does not include it.
      return scope === 'id-token' ? 'none' : 'read';
    case 'map':
      return spec.grants[scope] ?? 'none';
  }
}

/** The permissions a job's token actually gets: its own block, else the workflow's. */
export function effectivePermissions(root: Node | null, job: Job): PermissionSpec {
  const own = permissionsOf(job.node);
  return own.kind === 'default' ? permissionsOf(root) : own;
}

const RANK: Record<Level, number> = { none: 0, read: 1, write: 2 };

export function rank(level: Level): number {
  return RANK[level];
}

/** The lower of two levels. */
export function minLevel(a: Level, b: Level): Level {
  return RANK[a] <= RANK[b] ? a : b;
}

/** The higher of two levels. */
export function maxLevel(a: Level, b: Level): Level {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Adds `more` into `into`, keeping the higher level of each permission. */
export function mergeGrants(into: Grants, more: Grants): Grants {
  for (const [scope, level] of Object.entries(more)) into[scope] = maxLevel(into[scope] ?? 'none', level);
  return into;
}

/** True for a workflow that only runs when another workflow calls it (the caller's token applies). */
export function isReusableOnly(root: Node | null): boolean {
  const events = eventNames(root);
  return events.length === 1 && events[0] === 'workflow_call';
}
