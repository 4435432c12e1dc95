// scope/gha-app-token-unscoped: actions/create-github-app-token without `permission-*` inputs
// (the token gets every permission of the app installation) or with `owner` but no
// `repositories` (the token reaches every repository of the installation).
import type { Rule } from '../../rule';
import { get, getPair, isMap } from '../../parse/model';
import { actionName } from '../../platforms/github-actions';
import { jobsOf, stepsOf } from '../../platforms/github';

/** Permissions that concern the organization, not repositories: no `repositories` needed. */
const ORG_LEVEL = /^permission-(?:members|organization-[\w-]+)$/;

export const ghaAppTokenUnscoped: Rule = {
  meta: {
    id: 'scope/gha-app-token-unscoped',
    category: 'scope',
    title: 'GitHub App token not narrowed to permissions or repositories',
    defaultSeverity: 'warning',
    confidence: 'high',
    explanation:
      '`actions/create-github-app-token` mints a token with every permission the app installation has unless `permission-<name>` inputs narrow it, and with `owner:` but no `repositories:` the token reaches every repository of that installation. Apps are often installed with broad rights, so a step that leaks the token leaks all of them. Add the `permission-*` inputs the job needs (e.g. `permission-contents: write`) and list `repositories:`.',
    fixable: false,
  },
  kinds: ['github-workflow', 'github-action'],
  keywords: ['create-github-app-token'],
  visitDocument(ctx, doc) {
    const root = doc.root;
    const steps = jobsOf(root).flatMap(stepsOf);
    // Composite actions keep their steps under runs.steps.
    const composite = get(get(root, 'runs'), 'steps');
    const nodes = [...steps.map((s) => s.node), ...(composite && composite.kind === 'seq' ? composite.items.filter(isMap) : [])];
    for (const step of nodes) {
      const usesPair = getPair(step, 'uses');
      const uses = usesPair?.value;
      if (!usesPair || !uses || uses.kind !== 'scalar' || actionName(uses.value) !== 'actions/create-github-app-token') continue;
      const inputs = get(step, 'with');
      const keys = isMap(inputs) ? inputs.pairs.map((p) => p.key.value) : [];
      const permissions = keys.filter((k) => k.startsWith('permission-'));
      if (permissions.length === 0) {
        ctx.report({
          start: uses.start,
          end: uses.end,
          message: 'This app token inherits every permission of the app installation. Add `permission-<name>` inputs for what the job needs.',
        });
      }
      const owner = getPair(inputs, 'owner');
      const reachesRepos = permissions.length === 0 || permissions.some((k) => !ORG_LEVEL.test(k));
      if (owner && !keys.includes('repositories') && !keys.includes('repository') && reachesRepos) {
        ctx.report({
          start: owner.key.start,
          end: owner.value ? owner.value.end : owner.key.end,
          message: '`owner` without `repositories` grants the app token access to every repository of the installation. List the repositories it needs.',
        });
      }
    }
  },
};
