// transport/openapi-http-scheme: an OpenAPI 2.0 (Swagger) document that offers its API over http.
import type { Rule, RuleContext } from '../../rule';
import type { Node } from '../../parse/model';
import { get, isMap, isScalar, isSeq } from '../../parse/model';

/** Operation keys of an OpenAPI 2.0 path item. */
const OPERATIONS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];
const CLEARTEXT = new Map([
  ['http', 'https'],
  ['ws', 'wss'],
]);

export const openapiHttpScheme: Rule = {
  meta: {
    id: 'transport/openapi-http-scheme',
    category: 'transport',
    title: 'OpenAPI 2.0 document allows the http scheme',
    defaultSeverity: 'warning',
    confidence: 'high',
    explanation:
      'An OpenAPI 2.0 (Swagger) document lists `http` (or `ws`) in `schemes`, at the top or on an operation. Clients and gateways generated from it will call the API without TLS, so tokens and data cross the network in cleartext. List only `https` (`wss`). OpenAPI 3 documents state the scheme in `servers[].url`, which transport/cleartext-url checks.',
    fixable: true,
  },
  kinds: ['openapi', 'yaml', 'json'],
  keywords: ['schemes'],
  visitDocument(ctx, doc) {
    const root = doc.root;
    if (!isMap(root) || !isScalar(get(root, 'swagger'))) return;
    checkSchemes(ctx, get(root, 'schemes'), ['schemes']);
    const paths = get(root, 'paths');
    if (!isMap(paths)) return;
    for (const item of paths.pairs) {
      if (!isMap(item.value)) continue;
      for (const op of item.value.pairs) {
        if (OPERATIONS.includes(op.key.value)) checkSchemes(ctx, get(op.value, 'schemes'), ['paths', item.key.value, op.key.value, 'schemes']);
      }
    }
  },
};

function checkSchemes(ctx: RuleContext, schemes: Node | null | undefined, path: (string | number)[]): void {
  if (!isSeq(schemes)) return;
  const listed = new Set(schemes.items.filter(isScalar).map((i) => i.value.toLowerCase()));
  schemes.items.forEach((item, i) => {
    if (!isScalar(item)) return;
    const secure = CLEARTEXT.get(item.value.toLowerCase());
    if (!secure) return;
    const inner = ctx.rangeIn(item, 0, item.value.length);
    ctx.report({
      start: item.start,
      end: item.end,
      path: [...path, i],
      message: `"schemes" allows ${item.value}: clients may call this API without TLS. List only ${secure}.`,
      // With https already listed, the entry should be deleted rather than duplicated: left to the user.
      fixes: listed.has(secure)
        ? []
        : [{ title: `Use ${secure} (unsafe: the API must be served over TLS)`, disposition: 'unsafe', edits: [{ ...inner, newText: secure }] }],
    });
  });
}
