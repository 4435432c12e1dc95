// The workspace scan narrows candidates with CONFIG_FILE_GLOB before isConfigLike decides: the
// glob must match every name the predicate accepts (else the editor misses files the CLI scans).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchesGlob } from 'node:path';
import { CONFIG_FILE_GLOB, SKIPPED_DIRECTORIES_GLOB, isConfigLike } from '../../src/core/file-types';

const ACCEPTED = [
  'ci.yml', 'a.yaml', 'x.json', 'settings.jsonc', '.env', '.env.local', 'prod.env', '.npmrc', '.yarnrc', '.pypirc', '.netrc', '_netrc',
  '.git-credentials', '.gitconfig', 'setup.cfg', 'app.ini', 'app.properties', 'Dockerfile', 'Dockerfile.dev', 'dockerfile', 'api.dockerfile',
  'Containerfile', 'Containerfile.prod', 'main.tf', 'prod.tfvars', 'x.hcl', 'team.code-workspace', 'UPPER.YML', 'Mixed.Json', '.ENV',
];
const REJECTED_BY_GLOB = ['README.md', 'index.js', 'main.go', 'envoy', 'yarn.lock', 'env', 'Makefile'];

test('CONFIG_FILE_GLOB matches every config-like name, at any depth', () => {
  for (const name of ACCEPTED) {
    assert.ok(isConfigLike(name), `predicate: ${name}`);
    for (const path of [name, `deep/er/${name}`]) assert.ok(matchesGlob(path, CONFIG_FILE_GLOB), `glob: ${path}`);
  }
});

test('CONFIG_FILE_GLOB leaves out files no rule is written for', () => {
  for (const name of REJECTED_BY_GLOB) {
    assert.ok(!isConfigLike(name), `predicate: ${name}`);
    assert.ok(!matchesGlob(`src/${name}`, CONFIG_FILE_GLOB), `glob: ${name}`);
  }
  // Lockfiles pass the glob (they end in .json/.yaml) and are dropped by the predicate.
  assert.ok(matchesGlob('package-lock.json', CONFIG_FILE_GLOB) && !isConfigLike('package-lock.json'));
});

test('SKIPPED_DIRECTORIES_GLOB excludes .git and node_modules at any depth', () => {
  assert.ok(matchesGlob('node_modules/pkg/config.json', SKIPPED_DIRECTORIES_GLOB));
  assert.ok(matchesGlob('app/node_modules/pkg/config.json', SKIPPED_DIRECTORIES_GLOB));
  assert.ok(matchesGlob('.git/config.json', SKIPPED_DIRECTORIES_GLOB));
  assert.ok(!matchesGlob('src/config.json', SKIPPED_DIRECTORIES_GLOB));
});
