// Rule fixtures: test/fixtures/rules/<category>/<name>/{ok,ng}/** with real file names (so
// classification by path works). In ng files every expected finding is marked on its line by a
// comment `expect: <rule-id>[, <rule-id>...]` (`#` or `//`); strict JSON files list them in a
// sidecar `<file>.expected` (one `LINE RULE-ID` per line, 1-based). Ok files expect nothing.
// A rule that only runs when configured (secret/custom-pattern) keeps a `.plainsight.json` beside
// its ok/ and ng/ folders; its fixtures are analysed with that configuration.
import { readdirSync, readFileSync, existsSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseConfigFile } from '../../../src/core/config-file';
import type { Config } from '../../../src/core/index';

export const FIXTURE_ROOT = join(__dirname, '..', '..', 'fixtures', 'rules');

export interface Fixture {
  ruleId: string;
  kind: 'ok' | 'ng';
  /** Path relative to the ok/ or ng/ folder, used for classification. */
  path: string;
  file: string;
  text: string;
  /** 1-based line → rule ids expected there (ng only). */
  expected: Map<number, string[]>;
  /** The rule's `.plainsight.json`, when it has one. */
  config?: Config;
}

function walk(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : name.endsWith('.expected') ? [] : [full];
  });
}

const MARKER = /(?:#|\/\/)\s*expect:\s*([\w/\-, ]+)/;

export function fixturesOf(ruleId: string): Fixture[] {
  const base = join(FIXTURE_ROOT, ruleId);
  const config = configOf(join(base, '.plainsight.json'));
  const out: Fixture[] = [];
  for (const kind of ['ok', 'ng'] as const) {
    for (const file of walk(join(base, kind))) {
      const text = readFileSync(file, 'utf8');
      const expected = new Map<number, string[]>();
      if (kind === 'ng') {
        text.split('\n').forEach((line, i) => {
          const m = MARKER.exec(line);
          if (m) expected.set(i + 1, m[1].split(/[\s,]+/).filter(Boolean));
        });
        if (existsSync(`${file}.expected`)) {
          for (const line of readFileSync(`${file}.expected`, 'utf8').split('\n')) {
            const m = /^(\d+)\s+(\S+)/.exec(line.trim());
            if (m) expected.set(+m[1], [...(expected.get(+m[1]) ?? []), m[2]]);
          }
        }
      }
      out.push({ ruleId, kind, path: relative(join(base, kind), file), file, text, expected, ...(config ? { config } : {}) });
    }
  }
  return out;
}

function configOf(file: string): Config | undefined {
  if (!existsSync(file)) return undefined;
  const { config, errors } = parseConfigFile(readFileSync(file, 'utf8'), file);
  if (errors.length) throw new Error(`${file}: ${errors.map((e) => e.message).join('; ')}`);
  return config;
}
