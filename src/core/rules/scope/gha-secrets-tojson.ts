// scope/gha-secrets-tojson: `toJSON(secrets)` or `secrets[<expression>]` in a workflow, which
// makes the runner receive the whole secrets context instead of the secrets a step names.
import type { Rule } from '../../rule';

// Both patterns are anchored on a literal word and use bounded whitespace: linear time.
const TO_JSON = /\btojson\s{0,20}\(\s{0,20}secrets\s{0,20}\)/gi;
const DYNAMIC_INDEX = /\bsecrets\s{0,20}\[\s{0,20}(?!['"])/gi;

export const ghaSecretsToJson: Rule = {
  meta: {
    id: 'scope/gha-secrets-tojson',
    category: 'scope',
    title: 'Whole secrets context exposed to a workflow step',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      '`${{ toJSON(secrets) }}` (and a computed index such as `secrets[matrix.name]`) makes GitHub send every secret the workflow can see to the runner, where the step, its dependencies and anything that reads its environment or logs can take them. Reference the secrets the step needs by name: `${{ secrets.NPM_TOKEN }}`.',
    fixable: false,
  },
  kinds: ['github-workflow'],
  keywords: ['secrets'],
  visitScalar(ctx, node) {
    const value = node.value;
    if (node.type !== 'string' || !value.includes('${{')) return;
    for (const [re, message] of [
      [TO_JSON, '`toJSON(secrets)` sends every secret of the workflow to the runner. Pass the secrets this step needs by name.'],
      [DYNAMIC_INDEX, 'A computed `secrets[...]` index makes the runner receive every secret of the workflow. Reference the secrets by name.'],
    ] as const) {
      re.lastIndex = 0;
      for (let m = re.exec(value); m; m = re.exec(value)) {
        if (!inExpression(value, m.index)) continue;
        const range = ctx.rangeIn(node, m.index, m.index + m[0].length);
        ctx.report({ ...range, message, severity: re === TO_JSON ? 'error' : 'warning' });
      }
    }
  },
};

/** True when `at` is inside a `${{ ... }}` expression. */
function inExpression(value: string, at: number): boolean {
  const open = value.lastIndexOf('${{', at);
  if (open < 0) return false;
  const close = value.indexOf('}}', open);
  return close < 0 || close > at;
}
