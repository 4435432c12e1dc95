// Generates what is derived from the rule registry, so rule ids autocomplete and the docs list
// every rule without anyone copying ids by hand:
//   - package.json: `plainsight.rules` gets one property per rule id and category (an enum of
//     severities and the rule's title), `plainsight.customPatterns` the schema of a custom pattern
//     (and a place in `restrictedConfigurations`), and `contributes.jsonValidation` points
//     `.plainsight.json` at the schema below;
//   - media/plainsight.schema.json: the JSON schema of `.plainsight.json`;
//   - README.md: the rule table between `<!-- rules:start -->` and `<!-- rules:end -->`.
//
//   npm run generate            write the files
//   npm run generate -- --check exit 1 when a file is stale (test/unit/manifest.test.ts does the same)
//
// Only the generated parts change: every other key of package.json and every other line of the
// README is kept as it is.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL_META, RULES, REDIRECTS } from '../core/registry';
import { CATEGORIES, type RuleMeta } from '../core/types';
import { CONFIG_FILE_KEYS, SEVERITY_VALUES } from '../core/config-file';
import { CUSTOM_PATTERN_FIELDS } from '../core/custom-pattern-specs';
import { TOKEN_FORMATS } from '../core/rules/secret/catalog/providers';

export const SCHEMA_PATH = 'media/plainsight.schema.json';
export const RULES_START = '<!-- rules:start -->';
export const RULES_END = '<!-- rules:end -->';

const CATEGORY_TITLES: Record<string, string> = {
  secret: 'every hardcoded-secret rule',
  scope: 'every overbroad-scope rule',
  transport: 'every unencrypted-endpoint rule',
};

/** One schema property per category and rule id: what autocompletes in settings and in `.plainsight.json`. */
export function ruleProperties(): Record<string, { type: 'string'; enum: string[]; markdownDescription: string; deprecationMessage?: string }> {
  const properties: Record<string, { type: 'string'; enum: string[]; markdownDescription: string; deprecationMessage?: string }> = {};
  for (const category of CATEGORIES) {
    properties[category] = { type: 'string', enum: [...SEVERITY_VALUES], markdownDescription: `Severity of ${CATEGORY_TITLES[category]} (a rule id set on its own wins).` };
  }
  for (const meta of ALL_META) {
    properties[meta.id] = { type: 'string', enum: [...SEVERITY_VALUES], markdownDescription: `${meta.title}. Default: \`${meta.defaultSeverity}\`.` };
  }
  for (const [old, current] of Object.entries(REDIRECTS)) {
    properties[old] = { type: 'string', enum: [...SEVERITY_VALUES], markdownDescription: `Renamed to \`${current}\`.`, deprecationMessage: `Renamed to ${current}.` };
  }
  return properties;
}

/** A list of custom secret patterns: the `customPatterns` key of `.plainsight.json` and the `plainsight.customPatterns` setting. */
export function customPatternsSchema(): object {
  const f = CUSTOM_PATTERN_FIELDS;
  return {
    type: 'array',
    items: {
      type: 'object',
      required: ['id', 'pattern'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: `Id: ${f.id}.` },
        pattern: { type: 'string', minLength: 1, description: `Pattern: ${f.pattern}. Refused when it can take more than linear time (ReDoS).` },
        flags: { type: 'string', pattern: '^[imsu]*$', description: `Flags: ${f.flags}.` },
        description: { type: 'string', description: `Description: ${f.description}.` },
        message: { type: 'string', description: `Message: ${f.message}.` },
        severity: { type: 'string', enum: ['error', 'warning', 'info'], description: `Severity: ${f.severity}.` },
        keywords: { type: 'array', items: { type: 'string', minLength: 1 }, description: `Keywords: ${f.keywords}.` },
      },
    },
  };
}

const CUSTOM_PATTERNS_DESCRIPTION =
  'Your own secret formats: each `{ "id": "acme-token", "pattern": "acme_[a-z0-9]{32}" }` reports matches as `secret/custom/<id>`, masked like every secret. Patterns that can take more than linear time (ReDoS) are refused with a warning.';

/** The JSON schema of `.plainsight.json` (YAML files follow the same shape). */
export function configSchema(): object {
  const stringArray = (description: string) => ({ type: 'array', items: { type: 'string', minLength: 1 }, description });
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Plainsight project configuration (.plainsight.json)',
    description:
      'Read by the plainsight CLI and the VS Code extension from the scanned file\'s folder or the nearest folder above it. It wins over editor settings and the CLI\'s --config for what it names.',
    type: 'object',
    additionalProperties: false,
    properties: {
      $schema: { type: 'string', description: CONFIG_FILE_KEYS.$schema },
      rules: {
        type: 'object',
        description: 'Severity per rule id or category (secret, scope, transport): error, warning, info or off.',
        properties: ruleProperties(),
        patternProperties: { '^secret/custom/[a-z0-9]+(-[a-z0-9]+)*$': { type: 'string', enum: [...SEVERITY_VALUES], description: 'Severity of one custom pattern.' } },
        additionalProperties: false,
      },
      ignore: stringArray('Files never analysed: glob patterns in .gitignore syntax, relative to the folder holding this file.'),
      allowedValues: stringArray('Values never reported as secrets (exact match), e.g. well-known test fixtures. Added to the editor setting.'),
      allowedHosts: stringArray('Hosts never reported as cleartext endpoints: exact names or *.suffix. Added to the editor setting.'),
      privateHostSeverity: { type: 'string', enum: [...SEVERITY_VALUES], description: 'Severity of cleartext endpoints on private addresses and single-label service names.' },
      maxFileSize: { type: 'number', exclusiveMinimum: 0, description: 'Files larger than this many characters are skipped.' },
      customPatterns: { ...customPatternsSchema(), description: `${CUSTOM_PATTERNS_DESCRIPTION} Added to the editor setting; an id set here replaces the setting's one.`.replace(/`/g, '') },
    },
  };
}

interface PackageJson {
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
  contributes: {
    configuration: { properties: Record<string, Record<string, unknown>> };
    jsonValidation?: { fileMatch: string | string[]; url: string }[];
  };
  [key: string]: unknown;
}

/** package.json text with the generated parts replaced. */
export function generatePackageJson(text: string): string {
  const pkg = JSON.parse(text) as PackageJson;
  const rules = pkg.contributes.configuration.properties['plainsight.rules'];
  if (!rules) throw new Error('package.json has no contributes.configuration.properties["plainsight.rules"]');
  rules.properties = ruleProperties();
  pkg.contributes.configuration.properties['plainsight.customPatterns'] = {
    ...customPatternsSchema(),
    default: [],
    scope: 'resource',
    markdownDescription: CUSTOM_PATTERNS_DESCRIPTION,
  };
  // A workspace must not bring its own patterns into an untrusted window: the editor checks them
  // only structurally (recheck is CLI-only), so a slow pattern could stall analysis.
  const restricted = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
  if (!restricted.includes('plainsight.customPatterns')) restricted.push('plainsight.customPatterns');
  const validation = (pkg.contributes.jsonValidation ?? []).filter((v) => v.url !== `./${SCHEMA_PATH}`);
  pkg.contributes.jsonValidation = [...validation, { fileMatch: ['.plainsight.json'], url: `./${SCHEMA_PATH}` }];
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export function generateSchema(): string {
  return `${JSON.stringify(configSchema(), null, 2)}\n`;
}

/** README text with the rule table between the markers replaced. */
export function generateReadme(text: string): string {
  const start = text.indexOf(RULES_START);
  const end = text.indexOf(RULES_END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${RULES_START} and ${RULES_END}`);
  return `${text.slice(0, start + RULES_START.length)}\n${ruleTable()}\n${text.slice(end)}`;
}

function ruleTable(): string {
  const catalogRule = RULES.find((r) => r.catalog?.length);
  const catalogIds = new Set((catalogRule?.catalog ?? []).map((m) => m.id));
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    '<!-- Generated by `npm run generate` from the rule registry; edit the rules, not this table. -->',
    '',
    '| rule id | category | default | fixable | title |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const rule of RULES) {
    const m = rule.meta;
    lines.push(`| \`${m.id}\` | ${m.category} | ${m.defaultSeverity} | ${m.fixable ? 'yes' : ''} | ${cell(m.title)}${rule.catalog?.length ? ` (${rule.catalog.length} formats, below)` : ''} |`);
  }
  if (catalogRule) {
    const byProvider = new Map<string, RuleMeta[]>();
    const providerOf = new Map(TOKEN_FORMATS.map((f) => [`secret/${f.id}`, f.provider]));
    for (const meta of ALL_META) {
      if (!catalogIds.has(meta.id)) continue;
      const provider = providerOf.get(meta.id) ?? 'Other';
      byProvider.set(provider, [...(byProvider.get(provider) ?? []), meta]);
    }
    const providers = [...byProvider.keys()].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' }));
    lines.push(
      '',
      `<details><summary>The ${catalogIds.size} token formats of <code>${catalogRule.meta.id}</code>, by provider: each reports under its own id, is fixable, and defaults to <code>error</code> unless marked</summary>`,
      '',
    );
    for (const provider of providers) {
      const entries = byProvider.get(provider)!.map((m) => `\`${m.id}\`${m.defaultSeverity === 'error' ? '' : ` (${m.defaultSeverity})`}`);
      lines.push(`- **${cell(provider)}**: ${entries.join(', ')}`);
    }
    lines.push('', '</details>');
  }
  return lines.join('\n');
}

/** Every generated file: path relative to the repository root → [current text, generated text]. */
export function generatedFiles(root: string): Map<string, [string | undefined, string]> {
  const read = (path: string) => {
    try {
      return readFileSync(join(root, path), 'utf8');
    } catch {
      return undefined;
    }
  };
  const pkg = read('package.json');
  const readme = read('README.md');
  if (pkg === undefined || readme === undefined) throw new Error(`package.json and README.md must exist in ${root}`);
  return new Map<string, [string | undefined, string]>([
    ['package.json', [pkg, generatePackageJson(pkg)]],
    [SCHEMA_PATH, [read(SCHEMA_PATH), generateSchema()]],
    ['README.md', [readme, generateReadme(readme)]],
  ]);
}

function cli(): void {
  const root = resolve(__dirname, '..', '..');
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [path, [current, generated]] of generatedFiles(root)) {
    if (current === generated) continue;
    stale++;
    if (check) process.stderr.write(`stale: ${path} (run \`npm run generate\`)\n`);
    else {
      writeFileSync(join(root, path), generated);
      process.stdout.write(`wrote ${path}\n`);
    }
  }
  if (check && stale) process.exitCode = 1;
  if (!stale) process.stdout.write('generated files are up to date\n');
}

if (require.main === module) cli();
