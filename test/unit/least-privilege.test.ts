// Least-privilege synthesis: the rewritten workflow must parse, every job must end up with at most
// the permissions it had (a subset), known steps must get what they need, unknown ones are named.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits } from '../../src/core/index';
import { parseYaml } from '../../src/core/parse/yaml';
import { planLeastPrivilege } from '../../src/core/fix/least-privilege';
import type { Level } from '../../src/core/platforms/github';
import { PERMISSION_SCOPES, effectivePermissions, jobsOf, levelIn, rank } from '../../src/core/platforms/github';

/** Every job's effective level per permission (no block counts as the permissive default: write). */
function effective(text: string): Map<string, Record<string, Level>> {
  const { documents } = parseYaml(text);
  assert.equal(documents.length, 1);
  assert.deepEqual(documents[0].errors, [], `result must parse:\n${text}`);
  const root = documents[0].root;
  const out = new Map<string, Record<string, Level>>();
  for (const job of jobsOf(root)) {
    const spec = effectivePermissions(root, job);
    out.set(job.id, Object.fromEntries([...PERMISSION_SCOPES, 'nonexistent'].map((s) => [s, levelIn(spec, s)])));
  }
  return out;
}

/** Applies the plan, checks parse + subset, and returns the new text and per-job levels. */
function rewrite(text: string, job?: string) {
  const root = parseYaml(text).documents[0].root;
  const plan = planLeastPrivilege(text, root, { job });
  assert.ok(plan, 'a plan is produced');
  assert.ok(plan.edits.length > 0, 'the plan changes something');
  const out = applyEdits(text, plan.edits);
  const before = effective(text);
  const after = effective(out);
  assert.deepEqual([...after.keys()], [...before.keys()], 'jobs are kept');
  for (const [id, levels] of after) {
    for (const [scope, level] of Object.entries(levels)) {
      const was = before.get(id)![scope];
      assert.ok(rank(level) <= rank(was), `job ${id}: ${scope} went from ${was} to ${level}:\n${out}`);
    }
  }
  return { out, after, unknown: plan.unknown };
}

describe('least-privilege synthesis', () => {
  test('missing permissions: contents: read at the top, writes on the jobs that need them', () => {
    const text = `name: ci
on: [push, pull_request]

# Jobs
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
      - run: npm ci && npm test
  bump:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: peter-evans/create-pull-request@v7
  codeql:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: github/codeql-action/init@v3
      - uses: github/codeql-action/analyze@v3
  release:
    runs-on: ubuntu-latest
    steps:
      - run: gh release create v1 --generate-notes
        env:
          GH_TOKEN: \${{ github.token }}
  vendor:
    runs-on: ubuntu-latest
    steps:
      - uses: some-org/mystery-action@v1
`;
    const { out, after, unknown } = rewrite(text);
    assert.match(out, /^permissions:\n {2}contents: read\n\n# Jobs\njobs:/m, 'top-level block goes before the comment above jobs:');
    assert.equal(after.get('test')!.contents, 'read');
    assert.equal(after.get('test')!.issues, 'none');
    assert.equal(after.get('bump')!.contents, 'write');
    assert.equal(after.get('bump')!['pull-requests'], 'write');
    assert.equal(after.get('codeql')!['security-events'], 'write');
    assert.equal(after.get('codeql')!.contents, 'read');
    assert.equal(after.get('release')!.contents, 'write');
    assert.equal(after.get('vendor')!.contents, 'read', 'unknown steps get the baseline only');
    assert.deepEqual(unknown, ['some-org/mystery-action']);
  });

  test('write-all: the top becomes the baseline, job-level write-all becomes the job needs, explicit job maps stay', () => {
    const text = `on: push
permissions: write-all
jobs:
  pages:
    runs-on: ubuntu-latest
    permissions: write-all
    steps:
      - uses: actions/configure-pages@v5
      - uses: actions/upload-pages-artifact@v3
      - uses: actions/deploy-pages@v4
  mine:
    runs-on: ubuntu-latest
    permissions:
      issues: write # kept as written
    steps:
      - run: echo hi
  plain:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`;
    const { out, after } = rewrite(text);
    assert.deepEqual(after.get('pages'), { ...after.get('pages'), pages: 'write', 'id-token': 'write', contents: 'none' });
    assert.equal(after.get('mine')!.issues, 'write');
    assert.match(out, /issues: write # kept as written/);
    assert.equal(after.get('plain')!.contents, 'none', 'a job that needs nothing inherits `{}`');
    assert.match(out, /^permissions: \{\}$/m);
  });

  test('read-all: needs are capped by what the job had, so a write need becomes read', () => {
    const text = `on: push
permissions: read-all
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: softprops/action-gh-release@v2
`;
    const { after } = rewrite(text);
    assert.equal(after.get('release')!.contents, 'read');
  });

  test('workflow-level writes move to the jobs that need them', () => {
    const text = `on: push
permissions:
  contents: write
  id-token: write
  nonexistent: write
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          persist-credentials: false
      - run: make
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: pypa/gh-action-pypi-publish@release/v1
      - run: git push origin HEAD:refs/heads/published
`;
    const { after } = rewrite(text);
    assert.equal(after.get('build')!.contents, 'read');
    assert.equal(after.get('build')!['id-token'], 'none');
    assert.equal(after.get('build')!.nonexistent, 'none');
    assert.equal(after.get('publish')!['id-token'], 'write');
    assert.equal(after.get('publish')!.contents, 'write');
  });

  test('a job target rewrites only that job, in flow style when it was a scalar', () => {
    const text = `on: push
permissions:
  contents: read
jobs:
  label:
    runs-on: ubuntu-latest
    permissions: "write-all"   # trailing comment
    steps:
      - uses: actions/labeler@v5
  other:
    runs-on: ubuntu-latest
    permissions: write-all
    steps:
      - run: echo hi
`;
    const { out, after } = rewrite(text, 'label');
    assert.match(out, /permissions: \{ contents: read, pull-requests: write \} {3}# trailing comment/);
    assert.equal(after.get('other')!.issues, 'write', 'the other job is untouched');
  });

  test('a PAT passed to an action means the GITHUB_TOKEN needs nothing for it', () => {
    const text = `on: push
jobs:
  bump:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          token: \${{ secrets.BOT_PAT }}
      - uses: peter-evans/create-pull-request@v7
        with:
          token: \${{ secrets.BOT_PAT }}
`;
    const { after, out } = rewrite(text);
    assert.match(out, /^permissions: \{\}$/m);
    assert.equal(after.get('bump')!.contents, 'none');
    assert.equal(after.get('bump')!['pull-requests'], 'none');
  });

  test('indentation of the file is followed', () => {
    const text = `on: push
jobs:
    bump:
        runs-on: ubuntu-latest
        steps:
            - uses: actions/checkout@v4
            - uses: stefanzweifel/git-auto-commit-action@v5
`;
    const { out, after } = rewrite(text);
    assert.match(out, /^ {4}bump:\n {8}permissions:\n {12}contents: write\n {8}runs-on/m);
    assert.match(out, /^permissions:\n {4}contents: read\n/m);
    assert.equal(after.get('bump')!.contents, 'write');
  });

  test('declines what it cannot edit safely', () => {
    const flowJob = `on: push
jobs:
  a: { runs-on: ubuntu-latest, steps: [{ uses: actions/checkout@v4 }, { uses: softprops/action-gh-release@v2 }] }
`;
    assert.equal(planLeastPrivilege(flowJob, parseYaml(flowJob).documents[0].root), undefined);
    const expression = `on: push
permissions: \${{ fromJSON(vars.PERMS) }}
jobs:
  a:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`;
    assert.equal(planLeastPrivilege(expression, parseYaml(expression).documents[0].root), undefined);
  });
});
