// Flags that switch certificate checks off in whichever tool has them
// (`--insecure-skip-tls-verify`, `--tls-verify=false`, `--no-verify-ssl`, ...).
import type { Check, Hit } from './command-hits';
import { flip, removal } from './command-hits';
import { isFalse, isTrue } from './values';

const INSECURE_MEANS_NO_VERIFY = new Set(['argocd', 'crane', 'oras', 'regctl', 'mc', 'helm', 'grpcurl']);

/** Flags that switch verification off in every tool that has them. */
const OFF_FLAGS = new Set([
  '--insecure-skip-tls-verify',
  '--kube-insecure-skip-tls-verify',
  '--insecure-skip-verify',
  '--skip-tls-verify',
  '--skip-tls-verify-pull',
  '--tls-skip-verify',
  '-tls-skip-verify',
  '--no-verify-ssl',
  '--no-check-certificate',
  '--ignore-certificate-errors',
  '--tlsallowinvalidcertificates',
  '--tlsallowinvalidhostnames',
  '--sslallowinvalidcertificates',
  '--sslallowinvalidhostnames',
  '--tlsinsecure',
  '-skipcertificatecheck',
  '--allow-insecure-registry',
]);
/** Flags with a registry or host argument that is then used without certificate checks. */
const OFF_FLAGS_WITH_HOST = new Set(['--skip-tls-verify-registry', '--insecure-registry']);
/** `--flag=false` switches verification off. */
const OFF_WHEN_FALSE_FLAGS = new Set(['--tls-verify', '--src-tls-verify', '--dest-tls-verify', '--tlsverify', '--verify-ssl', '--ssl-verify']);
/** Java system properties of Maven's HTTP transport. */
const MAVEN_INSECURE = /^-Dmaven\.wagon\.http\.ssl\.(?:insecure|allowall)=(.*)$/;

export const genericFlags: Check = (cmd, text) => {
  const hits: Hit[] = [];
  const insecureWord = INSECURE_MEANS_NO_VERIFY.has(cmd.program);
  for (const a of cmd.args) {
    const v = a.value;
    const eq = v.indexOf('=');
    const flag = (eq >= 0 ? v.slice(0, eq) : v).toLowerCase();
    const value = eq >= 0 ? v.slice(eq + 1) : undefined;
    if ((OFF_FLAGS.has(flag) || (insecureWord && (flag === '--insecure' || flag === '-insecure'))) && (value === undefined || isTrue(value))) {
      hits.push(removal(a, text, `${cmd.program} ${v}`, `${cmd.program || 'the command'} accepts any server certificate`));
    } else if (OFF_FLAGS_WITH_HOST.has(flag)) {
      hits.push({ ...removal(a, text, `${cmd.program} ${v}`, `${cmd.program || 'the command'} talks to that registry over plain http or without certificate checks`), severity: 'warning' });
    } else if (OFF_WHEN_FALSE_FLAGS.has(flag) && value !== undefined && isFalse(value)) {
      hits.push(flip(a, eq + 1, `${cmd.program} ${v}`, `${cmd.program || 'the command'} accepts any server certificate`, true));
    } else {
      const m = MAVEN_INSECURE.exec(v);
      if (m && isTrue(m[1])) hits.push(flip(a, v.length - m[1].length, `${cmd.program} ${v}`, 'Maven accepts any repository certificate', false));
    }
  }
  return hits;
};
