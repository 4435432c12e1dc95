// What bench/lib/floor-child.cjs loads: the core, the CLI's file reader and its V8 setting, bundled
// from the working tree (see floor.mjs).
export { analyze } from '../../src/core/index';
export { readForAnalysisSync } from '../../src/cli/read';
export { tuneV8ForScans } from '../../src/cli/v8-tuning';
export { DEFAULT_MAX_FILE_SIZE } from '../../src/core/engine';
