// Report formats shared by the CLI and the VS Code report export. Pure: strings and plain objects in,
// strings and plain objects out.
export type { ScanReport, ScannedFile } from './model';
export { allFindings, countBySeverity, SEVERITY_ORDER } from './model';
export { formatText, summaryLine } from './text';
export type { TextOptions } from './text';
export { toJson, JSON_SCHEMA_VERSION } from './json';
export type { JsonReport, JsonFinding } from './json';
export { toSarif, sarifArtifacts, artifactLocationOf, SARIF_SCHEMA, SRCROOT } from './sarif';
export type { SarifLog, SarifOptions, SarifRule, SarifResult, SarifArtifact } from './sarif';
export { toFingerprint, fingerprintsOf, FINGERPRINT_KEY } from './fingerprint';
export { sha256Hex } from './sha256';
