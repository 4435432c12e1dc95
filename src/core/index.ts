// Public surface of the pure core. The CLI, the VS Code adapter, tests and benchmarks import
// from here only.
export * from './types';
export { analyze, DEFAULT_MAX_FILE_SIZE } from './engine';
export type { AnalyzeOptions, AnalysisResult, Config } from './engine';
export { classify } from './classify';
export { RULES, ALL_META, metaOf, docsPageOf, RETIRED_IDS, REDIRECTS } from './registry';
export { docsUrl } from './docs';
export { mask, redact } from './mask';
export { suppressionEdit, SUPPRESS_WORD } from './suppress';
export { LineIndex } from './positions';
export { applyEdits } from './fix/apply';
export { VERSION } from './version';
export { planMoveToEnv, emptyEnvContext, MOVE_TITLE } from './fix/move-to-env';
export type { EnvContext, MovePlan, MovePlanned, FileChange, MoveOptions, MoveDocument, CommandHint } from './fix/move-to-env';
export { planMoveAll } from './fix/move-all';
export type { MoveAllResult } from './fix/move-all';
export { invalidEnvName } from './fix/env-names';
export { planIgnoreDotenv, gitignorePaths } from './fix/ignore-dotenv';
export type { IgnoreContext, IgnorePlan } from './fix/ignore-dotenv';
export { editsBetween, unifiedDiff } from './fix/text-diff';
