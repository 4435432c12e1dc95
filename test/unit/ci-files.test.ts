// The CI integrations: action.yml (a composite GitHub Action) and .pre-commit-hooks.yaml parse and
// have the shape their runners expect; the action's scan script runs for real (bash, the built
// CLI, a temporary GITHUB_OUTPUT) over the example workspace; the hook's file regex selects the
// same files as a directory scan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parse } from 'yaml';
import { isConfigLike } from '../../src/core/file-types';
import { buildInto, REPO_ROOT } from './helpers/build';

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string>;
}
const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as {
  name: string;
  description: string;
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: Step[] };
};
const hooks = parse(readFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; language: string; files: string; exclude: string; args?: string[] }[];

let work: string;
let built: string | undefined;
before(() => {
  work = mkdtempSync(join(tmpdir(), 'plainsight-ci-'));
});
after(() => {
  rmSync(work, { recursive: true, force: true });
  if (built) rmSync(built, { recursive: true, force: true });
});

test('action.yml is a composite action whose inputs reach scripts only through env', () => {
  assert.equal(action.runs.using, 'composite');
  assert.ok(action.name && action.description.length <= 125, 'the marketplace limits descriptions to 125 characters');
  for (const step of action.runs.steps) {
    if (step.run) {
      assert.ok(step.shell, `step '${step.name}' needs a shell (composite actions require it)`);
      assert.doesNotMatch(step.run, /\$\{\{/, `step '${step.name}' interpolates an expression into its script (injection risk)`);
    }
  }
  // Every `inputs.x` used is declared.
  const used = [...JSON.stringify(action.runs).matchAll(/inputs\.([a-z-]+)/g)].map((m) => m[1]);
  for (const name of used) assert.ok(action.inputs[name], `inputs.${name} is used but not declared`);
  const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
  assert.ok(upload, 'the SARIF is uploaded with github/codeql-action/upload-sarif');
  assert.match(upload.with!.sarif_file, /steps\.scan\.outputs\.sarif-file/);
  assert.ok(action.runs.steps.some((s) => s.uses?.startsWith('actions/setup-node@')));
});

/** Runs the action's scan step as the runner would: bash -e, its env, GITHUB_OUTPUT and GITHUB_ACTION_PATH. */
function runScanStep(inputs: Record<string, string>): { status: number | null; outputs: Record<string, string>; stderr: string } {
  const step = action.runs.steps.find((s) => s.id === 'scan')!;
  built ??= existsSync(join(REPO_ROOT, 'dist', 'cli.js')) ? undefined : buildInto('plainsight-ci-build-');
  const outputFile = join(work, `output-${Math.random().toString(36).slice(2)}`);
  const defaults = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? '']));
  const values = { ...defaults, ...inputs };
  // The step's env maps each input expression to a variable: resolve `${{ inputs.x }}` here.
  const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, v.replace(/\$\{\{\s*inputs\.([a-z-]+)\s*\}\}/g, (_, name: string) => values[name] ?? '')]));
  const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], {
    cwd: join(REPO_ROOT, 'test', 'integration', 'workspace'),
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env, GITHUB_OUTPUT: outputFile, GITHUB_ACTION_PATH: built ?? REPO_ROOT },
  });
  const outputs = existsSync(outputFile) ? Object.fromEntries(readFileSync(outputFile, 'utf8').trim().split('\n').map((l) => l.split('=', 2) as [string, string])) : {};
  return { status: run.status, outputs, stderr: run.stderr };
}

test("the action's scan script writes SARIF and reports the exit code for the next steps", () => {
  const sarif = join(work, 'out.sarif');
  const found = runScanStep({ 'sarif-file': sarif, 'fail-on': 'warning' });
  assert.equal(found.status, 0, `the step itself succeeds so the upload runs: ${found.stderr}`);
  assert.equal(found.outputs['exit-code'], '1', 'the example workspace has findings');
  assert.equal(found.outputs['sarif-file'], sarif);
  const log = JSON.parse(readFileSync(sarif, 'utf8'));
  assert.equal(log.version, '2.1.0');
  assert.ok(log.runs[0].results.length > 0);

  const paths = runScanStep({ 'sarif-file': join(work, 'k8s.sarif'), paths: 'k8s config', 'fail-on': 'none' });
  assert.equal(paths.outputs['exit-code'], '0');
  const uris = JSON.parse(readFileSync(join(work, 'k8s.sarif'), 'utf8')).runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri);
  assert.ok(uris.length > 0 && uris.every((u: string) => u.startsWith('k8s/') || u.startsWith('config/')), uris.join(', '));

  const broken = runScanStep({ 'sarif-file': join(work, 'x.sarif'), baseline: 'does-not-exist.json' });
  assert.equal(broken.status, 2, 'a usage error fails the step');
  assert.equal(broken.outputs['sarif-file'], undefined, 'and nothing is uploaded');
});

test('.pre-commit-hooks.yaml declares a node hook running plainsight scan', () => {
  assert.equal(hooks.length, 1);
  const [hook] = hooks;
  assert.equal(hook.id, 'plainsight');
  assert.equal(hook.language, 'node');
  assert.match(hook.entry, /^plainsight scan\b/);
  const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  assert.ok(pkg.bin.plainsight, 'the entry is the package bin');
  // pre-commit installs the hook with `npm pack`: the bundle must be built by then.
  assert.match(pkg.scripts.prepack, /esbuild\.mjs/);
});

test("the hook's files/exclude regexes select what a directory scan selects", () => {
  const [hook] = hooks;
  // pre-commit uses Python's re.search; the inline (?i) flag becomes JavaScript's i flag.
  const regex = (source: string) => new RegExp(source.replace(/^\(\?i\)/, ''), 'i');
  const files = regex(hook.files);
  const exclude = regex(hook.exclude);
  const selected = (path: string) => files.test(path) && !exclude.test(path);
  const names = [
    '.github/workflows/ci.yml', 'k8s/deploy.yaml', 'config/app.json', 'tsconfig.jsonc', '.env', '.env.production', 'prod.env', '.npmrc', '.pypirc', '.netrc',
    '_netrc', '.git-credentials', '.gitconfig', 'Dockerfile', 'Dockerfile.dev', 'api.dockerfile', 'Containerfile', 'main.tf', 'vars.tfvars', 'x.hcl', 'db.ini',
    'setup.cfg', 'app.properties', 'a.code-workspace', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'composer.lock', 'deno.lock', '.terraform.lock.hcl',
    'flake.lock.json', 'src/index.ts', 'README.md', 'dockerfile.ts', 'Dockerfile.md', 'image.png', 'env.sh', 'notes.txt', 'Makefile', 'deep/dir/.env.local',
  ];
  const disagreements = names.filter((path) => selected(path) !== isConfigLike(path.slice(path.lastIndexOf('/') + 1)));
  assert.deepEqual(disagreements, []);
  // Plainsight's own configuration is never a target.
  assert.equal(selected('.plainsight.json'), false);
});
