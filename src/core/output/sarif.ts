// SARIF 2.1.0 for code-scanning services (GitHub, Azure DevOps, IDE viewers). One run; the rules
// table holds only the rules that have results (the full catalog has hundreds of entries, each
// with a paragraph of help: `plainsight rules` lists them all). Locations are relative to the
// scan root (`%SRCROOT%`) so the file is portable between machines; columns are UTF-16 code
// units, which is what the engine's offsets are. Nothing here sees raw secrets: messages and
// excerpts come masked from the engine, and fingerprints are built from masked text.
import type { Finding, RuleMeta, Severity } from '../types';
import { metaOf, docsPageOf } from '../registry';
import { docsUrl } from '../docs';
import { VERSION, REPOSITORY } from '../version';
import type { ScanReport } from './model';
import { FINGERPRINT_KEY, fingerprintsOf } from './fingerprint';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';

export interface SarifOptions {
  /** `file:` URI of the scan root, ending in `/`; recorded so viewers can resolve relative paths. */
  rootUri?: string;
}

export interface SarifArtifactLocation {
  uri: string;
  uriBaseId?: string;
  index?: number;
}

export interface SarifArtifact {
  location: SarifArtifactLocation;
  /** Set for files that were listed but not analysed; the reason is an invocation notification. */
  properties?: { kind: string; skipped?: string };
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: SarifLevel };
  properties: { category: string; tags: string[]; precision: string; 'security-severity': string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: SarifArtifactLocation;
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
  properties: { category: string; confidence: string };
}

export type SarifLevel = 'error' | 'warning' | 'note';

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [
    {
      tool: { driver: { name: 'Plainsight'; version: string; semanticVersion: string; informationUri: string; rules: SarifRule[] } };
      originalUriBaseIds: Record<string, { uri?: string; description: { text: string } }>;
      artifacts: SarifArtifact[];
      invocations: {
        executionSuccessful: boolean;
        toolExecutionNotifications: { level: SarifLevel; message: { text: string }; locations: { physicalLocation: { artifactLocation: SarifArtifactLocation } }[] }[];
      }[];
      columnKind: 'utf16CodeUnits';
      results: SarifResult[];
    },
  ];
}

const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };
/** GitHub code scanning ranks security alerts by this number (≥7 high, ≥4 medium, else low). */
const SECURITY_SEVERITY: Record<Severity, string> = { error: '7.5', warning: '5.0', info: '2.0' };

export function toSarif(report: ScanReport, options: SarifOptions = {}): SarifLog {
  const artifacts = sarifArtifacts(report);
  const rules: SarifRule[] = [];
  const ruleIndexOf = new Map<string, number>();
  const indexOfRule = (finding: Finding): number => {
    let index = ruleIndexOf.get(finding.ruleId);
    if (index === undefined) {
      index = rules.push(toSarifRule(metaOf(finding.ruleId) ?? fallbackMeta(finding))) - 1;
      ruleIndexOf.set(finding.ruleId, index);
    }
    return index;
  };

  const results: SarifResult[] = [];
  report.files.forEach((file, fileIndex) => {
    const fingerprints = fingerprintsOf(file.path, file.findings);
    file.findings.forEach((finding, i) => {
      results.push({
        ruleId: finding.ruleId,
        ruleIndex: indexOfRule(finding),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...artifacts[fileIndex].location, index: fileIndex },
              // SARIF lines and columns are 1-based; the end column is the one after the region.
              region: {
                startLine: finding.startLine + 1,
                startColumn: finding.startColumn + 1,
                endLine: finding.endLine + 1,
                endColumn: finding.endColumn + 1,
              },
            },
          },
        ],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprints[i] },
        properties: { category: finding.category, confidence: finding.confidence },
      });
    });
  });

  const notifications = report.files.flatMap((file, fileIndex) =>
    file.skipped
      ? [{ level: 'note' as const, message: { text: `${file.path}: ${file.skipped}` }, locations: [{ physicalLocation: { artifactLocation: { ...artifacts[fileIndex].location, index: fileIndex } } }] }]
      : [],
  );

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Plainsight', version: VERSION, semanticVersion: VERSION, informationUri: REPOSITORY, rules } },
        originalUriBaseIds: {
          [SRCROOT]: { ...(options.rootUri ? { uri: options.rootUri } : {}), description: { text: 'The directory the scan ran in; result paths are relative to it.' } },
        },
        artifacts,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

/** One artifact per file of the report, in report order (results refer to them by index). */
export function sarifArtifacts(report: ScanReport): SarifArtifact[] {
  return report.files.map((file) => ({
    location: artifactLocationOf(file.path),
    properties: file.skipped ? { kind: file.kind, skipped: file.skipped } : { kind: file.kind },
  }));
}

export function artifactLocationOf(path: string): SarifArtifactLocation {
  const p = path.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(p);
  // Files outside the scan root keep an absolute file URI and no base.
  if (p.startsWith('/') || drive) return { uri: `file://${drive ? '/' : ''}${encodePath(p)}` };
  return { uri: encodePath(p.replace(/^\.\//, '')), uriBaseId: SRCROOT };
}

function encodePath(p: string): string {
  // Encode each segment so spaces, `#`, `?` and `:` cannot change the meaning of the URI; keep a drive letter's colon.
  return p
    .split('/')
    .map((segment, i) => (i <= 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment)))
    .join('/');
}

function toSarifRule(meta: RuleMeta): SarifRule {
  const helpUri = docsUrl(meta.id, docsPageOf(meta.id));
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.title },
    fullDescription: { text: meta.explanation },
    help: { text: meta.explanation, markdown: `${meta.explanation}\n\n[Rule documentation](${helpUri})` },
    helpUri,
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties: {
      category: meta.category,
      tags: ['security', meta.category],
      precision: meta.confidence,
      'security-severity': SECURITY_SEVERITY[meta.defaultSeverity],
    },
  };
}

/** `secret/github-pat-classic` → `SecretGithubPatClassic` (SARIF wants an identifier-like name). */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}

/** Metadata for an id the registry does not know (cannot happen for engine findings; keeps the output valid). */
function fallbackMeta(finding: Finding): RuleMeta {
  return {
    id: finding.ruleId,
    category: finding.category,
    title: finding.ruleId,
    defaultSeverity: finding.severity,
    confidence: finding.confidence,
    explanation: finding.ruleId,
    fixable: false,
  };
}

