// V8 settings for the CLI's own process. Never for the extension host: VS Code shares that process
// with other extensions, and its flags are not ours to change.
//
// A scan runs much of the core on a thousand small files and exits. Under Node 20 (V8 11), V8
// optimises a function with TurboFan once it has spent a fixed "interrupt budget" of bytecode, so
// during such a scan it compiles hundreds of functions, most of which then run for a few
// milliseconds more: compiling costs more than the faster code saves. Four to eight times the
// default budget leaves that compiling to the functions that stay hot. Measured with
// `npm run bench:instructions` (callgrind, V8 single-threaded, so compiler work is counted):
// the shared corpus 6.89 G → 5.01 G instructions, the node_modules copies 6.12 G → 5.98 G; 16
// times the default made node_modules dearer (7.2 G), whose large files need optimised code.
//
// Later V8s (Node 24's, for one) tier up by invocation counts through Maglev and have no such flag;
// raising their TurboFan invocation count made no difference there. An unknown flag makes V8 print
// an error, so the flag is set only for the V8 it was measured on.

/** Six times V8 11's default interrupt budget (67,584). */
const SCAN_INTERRUPT_BUDGET = 6 * 67_584;

/** The V8 flags to set for a CLI run under V8 `v8Version` (`process.versions.v8`). */
export function v8FlagsFor(v8Version: string): string[] {
  return v8Version.split('.')[0] === '11' ? [`--interrupt-budget=${SCAN_INTERRUPT_BUDGET}`] : [];
}

/** Sets them; called once, first thing, when `plainsight` starts. */
export function tuneV8ForScans(): void {
  const { setFlagsFromString } = require('node:v8') as typeof import('node:v8');
  for (const flag of v8FlagsFor(process.versions.v8)) setFlagsFromString(flag);
}
