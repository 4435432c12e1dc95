// The ReDoS check the CLI gives custom patterns: the structural screen, then recheck
// (core/custom-patterns-recheck.ts). Loading recheck takes about 0.3 s, so it is required on the
// first pattern to check: scans without custom patterns never pay for it. In the built CLI this
// require loads dist/cli-recheck.js, a bundle of its own (esbuild.mjs), so it is not even parsed.
import type { SafetyCheck } from '../core/custom-patterns';

let checked: SafetyCheck | undefined;

export const cliSafetyCheck: SafetyCheck = (source, flags) => {
  checked ??= (require('../core/custom-patterns-recheck') as typeof import('../core/custom-patterns-recheck')).checkedSafety;
  return checked(source, flags);
};
