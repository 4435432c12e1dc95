// `plainsight fix --move-secrets` on a dotenv file that git does not ignore: its secrets stay
// where they belong and the file gets ignored instead ("Add <file> to .gitignore", planned by the
// core). The `.gitignore` texts are the ones earlier files left in the store, so an entry a move
// has just added (the root's `.env`) counts, and nothing is added twice.
import { join } from 'node:path';
import { planIgnoreDotenv, gitignorePaths, applyEdits, type CommandHint } from '../core/index';
import type { FileStore } from './fix-files';
import { isTracked } from './git';

export interface DotenvOutcome {
  /** Whether git ignores the file once the store is written (its secrets are then not reported). */
  ignored: boolean;
  notes: string[];
  left: string[];
  hints: CommandHint[];
}

/** `rel`: the dotenv file relative to `root` (the repository's root when `inRepository`, else the working directory). */
export async function ignoreDotenvFile(rel: string, root: string, inRepository: boolean, store: FileStore): Promise<DotenvOutcome> {
  const abs = (p: string) => join(root, ...p.split('/'));
  const gitignores = await Promise.all(gitignorePaths(rel).map(async (path) => ({ path, text: await store.text(abs(path)) })));
  // Outside a repository git cannot tell: the plan says so instead of guessing.
  const plan = planIgnoreDotenv({ path: rel, gitignores, tracked: inRepository ? await isTracked(root, rel) : undefined });
  switch (plan.status) {
    case 'ignore': {
      const target = abs(plan.change.path);
      await store.set(target, applyEdits((await store.text(target)) ?? '', plan.change.edits));
      return { ignored: true, notes: [plan.message], left: [], hints: [] };
    }
    case 'ignored':
      // The file's report line says it is ignored now; the plan's message would only repeat it.
      return { ignored: true, notes: [], left: [], hints: [] };
    case 'tracked':
      return { ignored: false, notes: [], left: [plan.message], hints: plan.hints };
    case 'refused':
      return { ignored: false, notes: [], left: [plan.reason], hints: [] };
  }
}
