// Least-privilege synthesis for GitHub Actions workflows: a pure function that infers what each
// job needs from the GITHUB_TOKEN (platforms/github-needs.ts) and returns text edits writing
// `permissions:` blocks: a small top-level baseline (`contents: read` or `{}`) and job-level
// grants for jobs that need more. Every job ends up with at most what it had before (needs are
// capped by the original permissions), so the result is always a subset. Steps whose needs are
// unknown get nothing extra and are listed, so the caller can name them.
import type { Fix, TextEdit } from '../types';
import type { MapNode, Node, Pair } from '../parse/model';
import { getPair, isMap } from '../parse/model';
import type { Grants, Job, PermissionSpec } from '../platforms/github';
import { PERMISSION_SCOPES, jobsOf, levelIn, minLevel, permissionsOf, rank } from '../platforms/github';
import { jobNeeds } from '../platforms/github-needs';

export interface LeastPrivilegePlan {
  edits: TextEdit[];
  /** Steps whose needs are unknown, in the jobs whose permissions the plan sets. */
  unknown: string[];
}

/** Which permissions to rewrite: the whole workflow, or one job's block. */
export interface LeastPrivilegeTarget {
  job?: string;
}

export const LEAST_PRIVILEGE_TITLE = 'Set least-privilege permissions';

/** The plan as a fix (always unsafe: a step that needs more than the table knows will fail). */
export function leastPrivilegeFix(text: string, root: Node | null, target: LeastPrivilegeTarget = {}): { fix: Fix; unknown: string[] } | undefined {
  const plan = planLeastPrivilege(text, root, target);
  if (!plan || plan.edits.length === 0) return undefined;
  return { fix: { title: LEAST_PRIVILEGE_TITLE, disposition: 'unsafe', edits: plan.edits }, unknown: plan.unknown };
}

/** A sentence naming what the fix could not judge, for finding messages; '' when nothing. */
export function unknownNote(unknown: readonly string[]): string {
  if (unknown.length === 0) return '';
  const shown = unknown.slice(0, 5).join(', ');
  const more = unknown.length > 5 ? ` and ${unknown.length - 5} more` : '';
  return ` The least-privilege fix grants nothing for steps it does not know (${shown}${more}); check what they need.`;
}

export function planLeastPrivilege(text: string, root: Node | null, target: LeastPrivilegeTarget = {}): LeastPrivilegePlan | undefined {
  if (!isMap(root) || text[root.start] === '{') return undefined;
  const top = permissionsOf(root);
  if (top.kind === 'other') return undefined;
  const jobs = jobsOf(root);
  if (jobs.length === 0) return undefined;
  const unit = indentUnit(text, root);
  const edits: TextEdit[] = [];
  const unknown: string[] = [];
  const capped = (job: Job, original: PermissionSpec): Grants => {
    const needs = jobNeeds(root, job);
    unknown.push(...needs.unknown);
    return cap(needs.grants, original);
  };

  if (target.job !== undefined) {
    const job = jobs.find((j) => j.id === target.job);
    if (!job || text[job.node.start] === '{') return undefined;
    const own = permissionsOf(job.node);
    if (own.kind === 'other') return undefined;
    const grants = capped(job, own.kind === 'default' ? top : own);
    const edit = own.kind === 'default' ? insertJobBlock(text, job, grants, unit) : replaceValue(text, own, grants);
    if (!edit) return undefined;
    return { edits: [edit], unknown: dedupe(unknown) };
  }

  const inheriting = jobs.filter((j) => permissionsOf(j.node).kind === 'default');
  const inheritedNeeds = new Map(inheriting.map((j) => [j, capped(j, top)]));
  // The baseline every inheriting job gets: read access to the code when one of them reads it.
  const base: Grants = [...inheritedNeeds.values()].some((g) => rank(g.contents ?? 'none') >= 1) ? { contents: 'read' } : {};
  if (top.kind === 'default') {
    if (inheriting.length > 0) {
      const edit = insertTopBlock(text, root, base, unit);
      if (!edit) return undefined;
      edits.push(edit);
    }
  } else if (inheriting.length > 0 || top.kind !== 'map') {
    const edit = replaceValue(text, top, inheriting.length > 0 ? base : {});
    if (!edit) return undefined;
    edits.push(edit);
  }
  for (const [job, grants] of inheritedNeeds) {
    if (isSubset(grants, base)) continue;
    if (text[job.node.start] === '{') return undefined;
    const edit = insertJobBlock(text, job, grants, unit);
    if (!edit) return undefined;
    edits.push(edit);
  }
  // Job-level read-all / write-all are rewritten too; explicit job maps are the author's choice.
  for (const job of jobs) {
    const own = permissionsOf(job.node);
    if (own.kind !== 'read-all' && own.kind !== 'write-all') continue;
    const edit = replaceValue(text, own, capped(job, own));
    if (edit) edits.push(edit);
  }
  return { edits, unknown: dedupe(unknown) };
}

/** needs ∩ original, per permission; `none` entries dropped. */
function cap(needs: Grants, original: PermissionSpec): Grants {
  const out: Grants = {};
  for (const [scope, level] of Object.entries(needs)) {
    const l = minLevel(level, levelIn(original, scope));
    if (l !== 'none') out[scope] = l;
  }
  return out;
}

function isSubset(a: Grants, b: Grants): boolean {
  return Object.entries(a).every(([scope, level]) => rank(level) <= rank(b[scope] ?? 'none'));
}

function dedupe(list: string[]): string[] {
  return [...new Set(list)];
}

/** Grants in documentation order, then any others alphabetically. */
function ordered(grants: Grants): [string, string][] {
  const known: readonly string[] = PERMISSION_SCOPES;
  return Object.entries(grants).sort(([a], [b]) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
}

function flow(grants: Grants): string {
  const entries = ordered(grants);
  return entries.length === 0 ? '{}' : `{ ${entries.map(([s, l]) => `${s}: ${l}`).join(', ')} }`;
}

/** `permissions:` followed by the grants as a block, each line prefixed by `pad`. */
function block(grants: Grants, pad: string, unit: string): string {
  const entries = ordered(grants);
  if (entries.length === 0) return `${pad}permissions: {}\n`;
  return `${pad}permissions:\n${entries.map(([s, l]) => `${pad}${unit}${s}: ${l}\n`).join('')}`;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** The indentation step of the file: from `jobs:` to its first job, else two spaces. */
function indentUnit(text: string, root: MapNode): string {
  const jobs = getPair(root, 'jobs');
  const first = isMap(jobs?.value) ? jobs.value.pairs[0] : undefined;
  if (!jobs || !first) return '  ';
  const width = first.key.start - lineStart(text, first.key.start) - (jobs.key.start - lineStart(text, jobs.key.start));
  return width > 0 && width <= 8 ? ' '.repeat(width) : '  ';
}

/** Inserts a top-level block before `jobs:` (and before the comment lines right above it). */
function insertTopBlock(text: string, root: MapNode, grants: Grants, unit: string): TextEdit | undefined {
  const jobs = getPair(root, 'jobs');
  if (!jobs) return undefined;
  let at = lineStart(text, jobs.key.start);
  const pad = text.slice(at, jobs.key.start);
  if (/\S/.test(pad)) return undefined;
  for (;;) {
    const prev = lineStart(text, at - 1);
    if (at === 0 || !text.slice(prev, at).trimStart().startsWith('#')) break;
    at = prev;
  }
  return { start: at, end: at, newText: `${block(grants, pad, unit)}\n` };
}

/** Inserts a job-level block as the job's first key. */
function insertJobBlock(text: string, job: Job, grants: Grants, unit: string): TextEdit | undefined {
  const first = job.node.pairs[0];
  if (!first) return undefined;
  const at = lineStart(text, first.key.start);
  const pad = text.slice(at, first.key.start);
  if (/\S/.test(pad)) return undefined;
  return { start: at, end: at, newText: block(grants, pad, unit) };
}

/** Replaces the value of an existing `permissions:` (scalar, flow or block map). */
function replaceValue(text: string, spec: PermissionSpec, grants: Grants): TextEdit | undefined {
  if (spec.kind === 'default' || spec.kind === 'other') return undefined;
  const pair: Pair = spec.pair;
  const value = pair.value;
  if (!value) return undefined;
  const end = valueEnd(text, value);
  if (spec.kind === 'map' && text[value.start] !== '{') {
    const entries = ordered(grants);
    if (entries.length === 0) {
      // A block cannot be empty: turn it into `{}` right after the colon.
      const colon = text.indexOf(':', pair.key.end);
      if (colon < 0 || colon >= value.start) return undefined;
      return { start: colon, end, newText: ': {}' };
    }
    const pad = ' '.repeat(value.start - lineStart(text, value.start));
    return { start: value.start, end, newText: entries.map(([s, l]) => `${s}: ${l}`).join(`\n${pad}`) };
  }
  return { start: value.start, end, newText: flow(grants) };
}

/**
 * Where a value's own text ends, without trailing comments: a scalar's end, the closing brace of
 * a flow map (permission maps are flat), or the end of a block map's last entry.
 */
function valueEnd(text: string, value: Node): number {
  if (!isMap(value)) return value.end;
  const last = value.pairs[value.pairs.length - 1];
  const lastEnd = last ? (last.value ? valueEnd(text, last.value) : last.key.end) : value.start;
  if (text[value.start] !== '{') return lastEnd;
  const close = text.indexOf('}', lastEnd);
  return close < 0 ? value.end : close + 1;
}
