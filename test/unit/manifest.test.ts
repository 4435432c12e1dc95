// What `npm run generate` derives from the rule registry must be current: the settings schema in
// package.json (rule ids autocomplete), media/plainsight.schema.json and the README rule table.
// A rule added or renamed without regenerating fails here with the file to regenerate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedFiles, SCHEMA_PATH } from '../../src/build/manifest';
import { ALL_META } from '../../src/core/index';
import { CONFIG_FILE_KEYS } from '../../src/core/config-file';

const ROOT = join(__dirname, '..', '..');

test('package.json, the config schema and the README rule table are up to date (npm run generate)', () => {
  const stale = [...generatedFiles(ROOT)].filter(([, [current, generated]]) => current !== generated).map(([path]) => path);
  assert.deepEqual(stale, [], 'run `npm run generate` and commit the result');
});

test('every rule id and category autocompletes in settings and in .plainsight.json', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const settings = pkg.contributes.configuration.properties['plainsight.rules'].properties;
  const schema = JSON.parse(readFileSync(join(ROOT, SCHEMA_PATH), 'utf8'));
  for (const ids of [Object.keys(settings), Object.keys(schema.properties.rules.properties)]) {
    for (const id of [...ALL_META.map((m) => m.id), 'secret', 'scope', 'transport']) assert.ok(ids.includes(id), `${id} is missing`);
  }
  assert.deepEqual(settings['secret/generic-password'].enum, ['error', 'warning', 'info', 'off']);
  // The schema and the loader accept the same keys.
  assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(CONFIG_FILE_KEYS).sort());
  assert.deepEqual(pkg.contributes.jsonValidation.find((v: { url: string }) => v.url === `./${SCHEMA_PATH}`)?.fileMatch, ['.plainsight.json']);
});

test('the README lists every rule and catalog id', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('<!-- rules:start -->'), readme.indexOf('<!-- rules:end -->'));
  const missing = ALL_META.map((m) => m.id).filter((id) => !table.includes(`\`${id}\``));
  assert.deepEqual(missing, []);
});
