// transport/insecure-command: command-line flags and config commands that switch off TLS
// certificate checks (`curl -k`, `wget --no-check-certificate`, `git -c http.sslVerify=false`,
// `npm config set strict-ssl false`, `pip --trusted-host`, `--insecure-skip-tls-verify`, ...).
import type { Rule, RuleContext } from '../../rule';
import type { Fix } from '../../types';
import type { Hit } from './command-hits';
import { simpleCommands } from './commands';
import { genericFlags } from './generic-flags';
import { checkFor } from './tool-flags';

/** Programs that print, search or test their arguments rather than act on them. */
const NOT_ACTING = new Set(['echo', 'printf', 'grep', 'egrep', 'fgrep', 'rg', 'ag', 'sed', 'awk', 'cat', 'tee', 'test', '[', '[[', 'true', 'false', ':', 'read', 'jq', 'yq']);

export const insecureCommand: Rule = {
  meta: {
    id: 'transport/insecure-command',
    category: 'transport',
    title: 'Command switches off TLS certificate checks',
    defaultSeverity: 'error',
    confidence: 'high',
    explanation:
      'A script runs a tool with certificate checks switched off: `curl -k`/`--insecure`, `wget --no-check-certificate`, `git -c http.sslVerify=false`, `git config http.sslVerify false`, `npm config set strict-ssl false`, `pip install --trusted-host`, `yum-config-manager --setopt=sslverify=0`, `helm`/`kubectl --insecure-skip-tls-verify`, `podman --tls-verify=false`, `aws --no-verify-ssl` and similar. Whatever the tool downloads or sends can then be read and replaced by anyone on the network path, which in a build means running a stranger\'s code. Give the tool the right CA (`--cacert`, `GIT_SSL_CAINFO`, `npm config set cafile`, `pip --cert`) and drop the flag.',
    fixable: true,
  },
  // `curl` because `k` hides inside short-option groups such as `-fsSLk`.
  keywords: ['curl', 'insecure', 'no-check-certificate', 'check_certificate', 'sslverify', 'strict-ssl', 'strictssl', 'trusted-host', 'tls-verify', 'tlsverify', 'skip-tls', 'tls-skip', 'verify', 'ignore-certs', '-c', 'allowinvalid', 'secure-http', 'disable-tls', 'disable_ssl', 'maven.wagon', '.cert', 'ssl_verify', 'skipcertificatecheck'],
  visitCommand(ctx, hit) {
    const text = ctx.file.text;
    for (const cmd of simpleCommands(hit)) {
      if (NOT_ACTING.has(cmd.program)) continue;
      const specific = checkFor(cmd.program);
      if (specific) for (const h of specific(cmd, text)) report(ctx, h, hit.path);
      if (cmd.program !== 'curl' && cmd.program !== 'wget') for (const h of genericFlags(cmd, text)) report(ctx, h, hit.path);
    }
  },
};

function report(ctx: RuleContext, h: Hit, path?: (string | number)[]): void {
  const fixes: Fix[] = h.fix?.edit ? [{ title: h.fix.title, disposition: 'unsafe', edits: [h.fix.edit] }] : [];
  // Fields copied one by one: a spread in this literal cost more than the rest of the report (a
  // long `run:` block has thousands of hits).
  const { start, end } = h.range;
  ctx.report({ start, end, path, severity: h.severity, message: `${h.shown}: ${h.effect}, so anyone on the network path can read and change the traffic. Trust the right CA instead.`, fixes });
}
