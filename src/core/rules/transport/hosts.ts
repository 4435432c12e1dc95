// How much a cleartext connection to a host matters: not at all for loopback and allowed hosts,
// less for private networks (the `privateHostSeverity` setting) than for the internet.
import type { RuleContext } from '../../rule';
import type { Severity } from '../../types';
import { isLoopback, isPrivateOrInternal } from '../../urls';

export type HostWeight = { skip: true } | { skip: false; severity?: Severity; private: boolean };

/** True for a host in the `allowedHosts` setting (exact names or `*.suffix`). */
export function isAllowedHost(ctx: RuleContext, host: string): boolean {
  return ctx.file.options.allowedHosts.some((h) => (h.startsWith('*.') ? host.endsWith(h.slice(1)) : host === h));
}

export function weighHost(ctx: RuleContext, host: string): HostWeight {
  if (isLoopback(host) || isAllowedHost(ctx, host)) return { skip: true };
  if (!isPrivateOrInternal(host)) return { skip: false, private: false };
  const setting = ctx.file.options.privateHostSeverity;
  return setting === 'off' ? { skip: true } : { skip: false, severity: setting, private: true };
}
