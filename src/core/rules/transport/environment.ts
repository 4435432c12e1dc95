// Environment variables that switch off TLS certificate verification for every program that reads
// them. Shared by the rule that reads settings (YAML env maps, dotenv, Dockerfile ENV) and the one
// that reads shell assignments.
import type { Severity } from '../../types';
import { isFalse, isTrue } from './values';

export interface EnvSwitch {
  name: string;
  /** npm and yarn read their settings from the environment in any case. */
  anyCase?: boolean;
  disables(value: string): boolean;
  /** The value that turns verification back on, for the fix; none when the variable must go. */
  secureValue?(value: string): string;
  /** What the variable does, for the message. */
  effect: string;
  /** Lower than the rule's default when the variable names hosts rather than switching off every check. */
  severity?: Severity;
}

const ENV_SWITCHES: readonly EnvSwitch[] = [
  { name: 'NODE_TLS_REJECT_UNAUTHORIZED', disables: (v) => v.trim() === '0', secureValue: () => '1', effect: 'Node.js accepts any certificate' },
  { name: 'PYTHONHTTPSVERIFY', disables: (v) => v.trim() === '0', secureValue: () => '1', effect: 'Python skips certificate checks for HTTPS' },
  // git tests only whether the variable is set: `GIT_SSL_NO_VERIFY=0` switches verification off too.
  { name: 'GIT_SSL_NO_VERIFY', disables: (v) => v.trim() !== '', effect: 'git skips certificate checks whenever this variable is set, whatever its value' },
  { name: 'NPM_CONFIG_STRICT_SSL', anyCase: true, disables: isFalse, secureValue: () => 'true', effect: 'npm accepts any registry certificate' },
  { name: 'YARN_STRICT_SSL', anyCase: true, disables: isFalse, secureValue: () => 'true', effect: 'yarn accepts any registry certificate' },
  { name: 'YARN_ENABLE_STRICT_SSL', disables: isFalse, secureValue: () => 'true', effect: 'yarn accepts any registry certificate' },
  { name: 'PIP_TRUSTED_HOST', disables: (v) => v.trim() !== '', effect: 'pip accepts these hosts without a valid certificate, or over plain http', severity: 'warning' },
  { name: 'UV_INSECURE_HOST', disables: (v) => v.trim() !== '', effect: 'uv accepts these hosts without a valid certificate, or over plain http', severity: 'warning' },
  { name: 'VAULT_SKIP_VERIFY', disables: isTrue, secureValue: () => 'false', effect: 'the Vault client accepts any server certificate' },
  { name: 'NOMAD_SKIP_VERIFY', disables: isTrue, secureValue: () => 'false', effect: 'the Nomad client accepts any server certificate' },
  { name: 'CONSUL_HTTP_SSL_VERIFY', disables: isFalse, secureValue: () => 'true', effect: 'the Consul client accepts any server certificate' },
  { name: 'HELM_KUBEINSECURE_SKIP_TLS_VERIFY', disables: isTrue, secureValue: () => 'false', effect: 'helm accepts any Kubernetes API certificate' },
  { name: 'K8S_AUTH_VERIFY_SSL', disables: isFalse, secureValue: () => 'true', effect: 'Ansible Kubernetes modules accept any API certificate' },
  { name: 'ANSIBLE_GALAXY_IGNORE', disables: isTrue, secureValue: () => 'false', effect: 'ansible-galaxy accepts any server certificate' },
  { name: 'AZURE_CLI_DISABLE_CONNECTION_VERIFICATION', disables: (v) => v.trim() !== '', effect: 'the Azure CLI accepts any certificate' },
  { name: 'GOINSECURE', disables: (v) => v.trim() !== '', effect: 'go fetches these modules over plain http or without certificate checks', severity: 'warning' },
];

const EXACT = new Map(ENV_SWITCHES.map((s) => [s.name, s]));
const ANY_CASE = new Map(ENV_SWITCHES.filter((s) => s.anyCase).map((s) => [s.name, s]));

/** The switches' names without underscores, computed once rather than on every key. */
const COMPACT_NAMES: readonly string[] = ENV_SWITCHES.map((s) => s.name.replace(/_/g, ''));
const SHORTEST_COMPACT_NAME = Math.min(...COMPACT_NAMES.map((n) => n.length));
const NOT_UPPER_ALNUM = /[^A-Z0-9]/;
const NOT_UPPER_ALNUM_G = /[^A-Z0-9]/g;

/** The switch a variable name stands for; names are case-sensitive except npm's and yarn's. */
export function envSwitch(name: string): EnvSwitch | undefined {
  return EXACT.get(name) ?? ANY_CASE.get(name.toUpperCase());
}

/**
 * True when a key ends in the name of a well-known variable without being it
 * (`ASDFNODE_TLS_REJECT_UNAUTHORIZED`): no tool reads such a copy, so it switches nothing off.
 */
export function isLookalikeOfEnvSwitch(key: string): boolean {
  const upper = key.toUpperCase();
  // The compacted key is never longer than `upper`: too short to be longer than every name.
  if (upper.length <= SHORTEST_COMPACT_NAME) return false;
  const k = NOT_UPPER_ALNUM.test(upper) ? upper.replace(NOT_UPPER_ALNUM_G, '') : upper;
  for (const name of COMPACT_NAMES) if (k.length > name.length && k.endsWith(name)) return true;
  return false;
}

/** Lowercase substrings for rule keyword prefilters. */
export const ENV_KEYWORDS: readonly string[] = ['_tls_', 'httpsverify', 'ssl_no_verify', 'strict_ssl', 'trusted_host', 'skip_verify', 'ssl_verify', 'galaxy_ignore', 'connection_verification', 'goinsecure', 'insecure_host'];
