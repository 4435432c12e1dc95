// Judges every `<permission>: write` grant of a workflow once, so the rules that report on grants
// (unneeded write, unused id-token, workflow-level write) agree and never report one grant twice.
import type { MapNode, Node } from '../parse/model';
import type { GrantEntry, Job } from './github';
import { jobsOf, permissionsOf } from './github';
import type { JobNeeds } from './github-needs';
import { jobNeeds } from './github-needs';

export type GrantVerdict =
  /** No job that receives the grant needs it, and every step of those jobs is known. */
  | { kind: 'unneeded'; entry: GrantEntry; level: 'workflow' | 'job'; jobs: string[]; needed: 'read' | 'none' }
  /** The same for `id-token: write`: no step asks for an OIDC token. */
  | { kind: 'id-token-unused'; entry: GrantEntry; level: 'workflow' | 'job'; jobs: string[] }
  /** A workflow-level write that several jobs inherit, not all of which (are known to) need it. */
  | { kind: 'workflow-level'; entry: GrantEntry; jobs: string[]; needing: string[]; unknownJobs: string[] };

const cache = new WeakMap<MapNode, GrantVerdict[]>();

export function grantVerdicts(root: Node | null): GrantVerdict[] {
  if (!root || root.kind !== 'map') return [];
  const hit = cache.get(root);
  if (hit) return hit;
  const out: GrantVerdict[] = [];
  const jobs = jobsOf(root);
  const top = permissionsOf(root);
  if (top.kind === 'map') {
    const inheriting = jobs.filter((j) => permissionsOf(j.node).kind === 'default');
    for (const entry of top.entries) {
      if (entry.level !== 'write' || inheriting.length === 0) continue;
      const verdict = judge(root, entry, inheriting, 'workflow');
      if (verdict) out.push(verdict);
    }
  }
  for (const job of jobs) {
    const own = permissionsOf(job.node);
    if (own.kind !== 'map') continue;
    for (const entry of own.entries) {
      if (entry.level !== 'write') continue;
      const verdict = judge(root, entry, [job], 'job');
      if (verdict) out.push(verdict);
    }
  }
  cache.set(root, out);
  return out;
}

function judge(root: Node, entry: GrantEntry, jobs: Job[], level: 'workflow' | 'job'): GrantVerdict | undefined {
  const needs = jobs.map((job) => ({ job, needs: jobNeeds(root, job) }));
  // Scripts that run unseen code may use the OIDC variables or push with checkout's credentials.
  const blind = (n: JobNeeds) =>
    n.unknown.length > 0 || (n.opaque.length > 0 && (entry.scope === 'id-token' || (entry.scope === 'contents' && n.persistsCredentials)));
  const unknownJobs = needs.filter((n) => blind(n.needs)).map((n) => n.job.id);
  const needing = needs.filter((n) => n.needs.grants[entry.scope] === 'write').map((n) => n.job.id);
  const ids = jobs.map((j) => j.id);
  if (unknownJobs.length === 0 && needing.length === 0) {
    if (entry.scope === 'id-token') return { kind: 'id-token-unused', entry, level, jobs: ids };
    const reads = needs.some((n) => n.needs.grants[entry.scope] === 'read');
    return { kind: 'unneeded', entry, level, jobs: ids, needed: reads ? 'read' : 'none' };
  }
  // A workflow-level grant that reaches several jobs is broader than the jobs that need it,
  // unless every one of them is known to need it.
  if (level === 'workflow' && jobs.length >= 2 && !(unknownJobs.length === 0 && needing.length === jobs.length)) {
    return { kind: 'workflow-level', entry, jobs: ids, needing, unknownJobs };
  }
  return undefined;
}
