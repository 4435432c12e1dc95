// transport/encryption-in-transit-disabled: well-known service and cloud settings that let a
// service accept or send cleartext traffic: `EnforceHTTPS: false`, `ViewerProtocolPolicy:
// allow-all`, `TransitEncryptionEnabled: false`, `httpsOnly: false`, `sslEnforcement: Disabled`,
// HTTP load-balancer listeners, `--kubelet-https=false`, ingress `ssl-redirect: "false"`.
import type { Rule, RuleContext } from '../../rule';
import type { Fix, Severity, TextRange } from '../../types';
import type { Node, PathSegment, ScalarNode } from '../../parse/model';
import { isMap, isScalar, isSeq } from '../../parse/model';
import { normalizeKey } from './settings';
import { flipTo, isFalse, isTrue } from './values';

interface ServiceSetting {
  allowsCleartext(value: string): boolean;
  secure(value: string): string;
  /** What the setting leaves open, for the message. */
  effect: string;
}

const whenFalse = (effect: string): ServiceSetting => ({ allowsCleartext: isFalse, secure: (v) => flipTo(v, true), effect });
const whenTrue = (effect: string): ServiceSetting => ({ allowsCleartext: isTrue, secure: (v) => flipTo(v, false), effect });
const whenValue = (re: RegExp, secure: string, effect: string): ServiceSetting => ({ allowsCleartext: (v) => re.test(v.trim()), secure: (v) => (v === v.toUpperCase() ? secure.toUpperCase() : secure), effect });

/** Normalized key → setting, across CloudFormation, ARM/Bicep, Terraform, Pulumi, Ansible and Crossplane spellings. */
const SETTINGS = new Map<string, ServiceSetting>([
  ['enforcehttps', whenFalse('the search domain endpoint accepts plain http')],
  ['httpsonly', whenFalse('the app accepts plain http')],
  ['enablehttpstrafficonly', whenFalse('the storage account accepts plain http')],
  ['supportshttpstrafficonly', whenFalse('the storage account accepts plain http')],
  ['sslenforcement', whenValue(/^disabled$/i, 'Enabled', 'the database server accepts connections without TLS')],
  ['sslenforcementenabled', whenFalse('the database server accepts connections without TLS')],
  ['enforcessl', whenFalse('the database server accepts connections without TLS')],
  ['requiressl', whenFalse('the database instance accepts connections without TLS')],
  ['enablenonsslport', whenTrue('the cache accepts connections on its non-TLS port')],
  ['nonsslportenabled', whenTrue('the cache accepts connections on its non-TLS port')],
  ['transitencryptionenabled', whenFalse('traffic to the cache is not encrypted')],
  ['transitencryption', whenValue(/^disabled$/i, 'ENABLED', 'traffic to the file system is not encrypted')],
  ['viewerprotocolpolicy', whenValue(/^allow-all$/i, 'redirect-to-https', 'viewers can use plain http')],
  ['originprotocolpolicy', whenValue(/^http-only$/i, 'https-only', 'the CDN talks to the origin over plain http')],
]);

export const encryptionInTransitDisabled: Rule = {
  meta: {
    id: 'transport/encryption-in-transit-disabled',
    category: 'transport',
    title: 'Service setting allows cleartext traffic',
    defaultSeverity: 'warning',
    confidence: 'medium',
    explanation:
      'A cloud or cluster resource is configured to accept or send traffic without TLS: an OpenSearch domain with `EnforceHTTPS: false`, a CloudFront behaviour with `ViewerProtocolPolicy: allow-all` or an origin with `http-only`, ElastiCache or EFS with transit encryption off, an Azure app or storage account with `httpsOnly: false`, a database server with `sslEnforcement: Disabled` or `requireSsl: false`, a Redis cache with its non-TLS port on, a load-balancer listener on HTTP that does not redirect to HTTPS, `kube-apiserver --kubelet-https=false` or an `--insecure-port`. Whatever crosses these connections (sessions, passwords, data) can be read and changed on the way. Turn the setting to its TLS value; an ingress annotation `ssl-redirect: "false"` is reported at info because TLS may still be offered.',
    fixable: true,
  },
  keywords: ['https', 'ssl', 'transit', 'protocol', 'kubelet-https', 'insecure-port'],

  visitPair(ctx, pair, path) {
    const value = pair.value;
    if (!isScalar(value) || value.tag || value.alias) return;
    const rawKey = pair.key.value;
    const key = normalizeKey(rawKey);
    const v = value.value;
    const setting = SETTINGS.get(key);
    if (setting) {
      if (setting.allowsCleartext(v)) report(ctx, { start: pair.key.start, end: value.end }, `${rawKey}: ${v}`, setting.effect, path, setValue(ctx, value, setting.secure(v)));
      return;
    }
    if ((key === 'protocol' || key === 'lbprotocol') && /^http$/i.test(v.trim()) && isListener(path) && !redirectsToHttps(pair.parent)) {
      report(ctx, { start: pair.key.start, end: value.end }, `${rawKey}: ${v}`, 'the load balancer listens on plain http without redirecting to https', path);
      return;
    }
    // nginx.ingress.kubernetes.io/ssl-redirect: "false" (and the older ingress.kubernetes.io/ prefix).
    if (rawKey.endsWith('/ssl-redirect') && isFalse(v) && path.includes('annotations')) {
      report(ctx, { start: pair.key.start, end: value.end }, `${rawKey}: ${v}`, 'the ingress serves plain http instead of redirecting to https', path, setValue(ctx, value, flipTo(v, true)), 'info');
    }
  },

  visitCommand(ctx, hit) {
    for (const word of hit.command.argv) {
      const m = /^--(kubelet-https|insecure-port)=(.*)$/.exec(word.value);
      if (!m) continue;
      const value = m[2];
      const valueRange = hit.rangeOf(word, word.value.length - value.length, word.value.length);
      if (m[1] === 'kubelet-https' && isFalse(value)) {
        report(ctx, hit.rangeOf(word), word.value, 'the API server talks to kubelets over plain http', hit.path, [fixTo(valueRange, flipTo(value, true))]);
      } else if (m[1] === 'insecure-port' && /^\d{1,5}$/.test(value) && value !== '0') {
        report(ctx, hit.rangeOf(word), word.value, 'the API server serves an unauthenticated plain-http port', hit.path, [fixTo(valueRange, '0')]);
      }
    }
  },
};

function report(ctx: RuleContext, range: TextRange, shown: string, effect: string, path: PathSegment[] | undefined, fixes: Fix[] = [], severity?: Severity): void {
  ctx.report({ start: range.start, end: range.end, path, severity, message: `${shown}: ${effect}. Require TLS.`, fixes });
}

function setValue(ctx: RuleContext, value: ScalarNode, secure: string): Fix[] {
  return [fixTo(ctx.rangeIn(value, 0, value.value.length), secure)];
}

function fixTo(range: TextRange, secure: string): Fix {
  return { title: `Set ${secure} (unsafe: clients must use TLS, and the service may need a certificate)`, disposition: 'unsafe', edits: [{ ...range, newText: secure }] };
}

/** Load-balancer listeners: `Listeners:` lists, `listener` blocks, `AWS::...::Listener` resources, `aws_lb_listener`. */
function isListener(path: PathSegment[]): boolean {
  return path.some((seg) => typeof seg === 'string' && /listener/i.test(seg));
}

/** True when the listener's actions redirect to HTTPS (the usual port-80 listener). */
function redirectsToHttps(node: Node | null | undefined, inRedirect = false, depth = 0): boolean {
  if (!node || depth > 6) return false;
  if (isSeq(node)) return node.items.some((item) => redirectsToHttps(item, inRedirect, depth + 1));
  if (!isMap(node)) return false;
  return node.pairs.some((p) => {
    const redirect = inRedirect || /redirect/i.test(p.key.value);
    if (redirect && /^protocol$/i.test(p.key.value) && isScalar(p.value) && /^https$/i.test(p.value.value)) return true;
    return redirectsToHttps(p.value, redirect, depth + 1);
  });
}
