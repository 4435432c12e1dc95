// The CLI's SARIF, checked by Microsoft's SARIF validator (`sarif validate` from the npm package
// @microsoft/sarif-multitool: the JSON schema of SARIF 2.1.0 plus the SARIF rules GitHub code
// scanning's ingestion follows). Scans the example workspace, validates, and fails on any error or
// warning. The validator's rule SARIF2006 (URIs should be reachable) is switched off: it fetches
// every helpUri over the network, which tests must not do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';

const ROOT = join(__dirname, '..', '..');
const WORKSPACE = join(ROOT, 'test', 'integration', 'workspace');

let work: string;
let multitool: string | undefined;
let why = '';

before(() => {
  work = mkdtempSync(join(tmpdir(), 'plainsight-sarif-'));
  try {
    // The package resolves to the binary for this platform (an optional dependency per OS).
    multitool = createRequire(join(ROOT, 'package.json'))('@microsoft/sarif-multitool') as string;
  } catch (error) {
    why = `@microsoft/sarif-multitool has no binary for ${process.platform}/${process.arch}: ${(error as Error).message}`;
    return;
  }
  if (!existsSync(multitool)) {
    why = `${multitool} is missing`;
    multitool = undefined;
    return;
  }
  try {
    accessSync(multitool, constants.X_OK);
  } catch {
    // Its postinstall script only does this chmod; npm may have skipped install scripts.
    chmodSync(multitool, 0o755);
  }
});
after(() => rmSync(work, { recursive: true, force: true }));

async function scanToSarif(cwd: string, args: string[] = []): Promise<string> {
  const file = join(work, `scan-${Math.random().toString(36).slice(2)}.sarif`);
  let stderr = '';
  const code = await main(['scan', '.', '--format', 'sarif', '--output', file, '--fail-on', 'none', ...args], { cwd, stdout: () => {}, stderr: (t) => void (stderr += t), env: {} });
  assert.equal(code, 0, stderr);
  return file;
}

interface Validation {
  level: string;
  ruleId: string;
  message: string;
}

function validate(sarifFile: string): Validation[] {
  const config = join(work, 'validate.xml');
  writeFileSync(
    config,
    `<?xml version="1.0" encoding="utf-8"?>
<Properties>
  <Properties Key="SARIF2006.UrisShouldBeReachable.Options">
    <Property Key="RuleEnabled" Value="Disabled" />
  </Properties>
</Properties>
`,
  );
  const output = join(work, 'validation.sarif');
  const run = spawnSync(multitool!, ['validate', sarifFile, '--output', output, '--log', 'ForceOverwrite', '--level', 'Error;Warning;Note', '--config', config], {
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1' },
  });
  assert.equal(run.status, 0, `sarif validate failed to run (${run.status} ${run.signal ?? ''}):\n${run.stdout}\n${run.stderr}`);
  const log = JSON.parse(readFileSync(output, 'utf8'));
  return (log.runs[0].results ?? []).map((r: { level?: string; ruleId: string; message: { text?: string; arguments?: string[] } }) => ({
    level: r.level ?? 'warning',
    ruleId: r.ruleId,
    message: r.message.text ?? (r.message.arguments ?? []).join(' | '),
  }));
}

test('the CLI SARIF for the example workspace passes the SARIF validator without errors or warnings', async (t) => {
  if (!multitool) return t.skip(why);
  const sarif = await scanToSarif(WORKSPACE);
  const log = JSON.parse(readFileSync(sarif, 'utf8'));
  assert.ok(log.runs[0].results.length > 0, 'the example workspace has findings, so results are validated too');
  const results = validate(sarif);
  const problems = results.filter((r) => r.level === 'error' || r.level === 'warning');
  assert.deepEqual(problems, [], 'validator errors and warnings');
  // Notes (advice such as "provide snippets") prove the validator analysed the file: an input it
  // cannot read yields no results at all, which must not pass as valid.
  assert.ok(results.some((r) => r.level === 'note'), 'the validator reported nothing: it did not analyse the file');
});

test('the validator catches broken logs (so the test above can fail)', async (t) => {
  if (!multitool) return t.skip(why);
  // One schema violation and, separately (schema errors stop the SARIF rules), one semantic one.
  const cases: [string, (log: any) => void][] = [
    ['JSON1002', (log) => delete log.runs[0].results[0].message],
    ['SARIF1009', (log) => (log.runs[0].results[0].ruleIndex = 9999)],
  ];
  for (const [expected, breakIt] of cases) {
    const sarif = await scanToSarif(WORKSPACE);
    const log = JSON.parse(readFileSync(sarif, 'utf8'));
    breakIt(log);
    writeFileSync(sarif, JSON.stringify(log));
    const ids = validate(sarif).filter((r) => r.level === 'error').map((r) => r.ruleId);
    assert.ok(ids.includes(expected), `${expected} not reported: ${ids.join(', ')}`);
  }
});

test('every rule in the SARIF has help markdown and a help URI, and fingerprints survive line moves', async () => {
  const dir = mkdtempSync(join(work, 'moves-'));
  const password = ['Xq7', 'fake', 'Pa55word', '9Lm'].join('-');
  const compose = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "${password}"\n  web:\n    image: nginx\n    environment:\n      API_URL: http://api.example.com/v1\n`;
  writeFileSync(join(dir, 'compose.yml'), compose);
  const before = JSON.parse(readFileSync(await scanToSarif(dir), 'utf8'));
  writeFileSync(join(dir, 'compose.yml'), `# a comment\n# and another\n${compose.replace('  web:', '  cache:\n    image: redis\n  web:')}`);
  const moved = JSON.parse(readFileSync(await scanToSarif(dir), 'utf8'));

  for (const rule of before.runs[0].tool.driver.rules) {
    assert.ok(rule.help.markdown.length > 20, `${rule.id} has help markdown`);
    assert.match(rule.helpUri, /^https:\/\//);
  }
  const prints = (log: { runs: { results: { ruleId: string; partialFingerprints: Record<string, string>; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] }) =>
    log.runs[0].results.map((r) => ({ rule: r.ruleId, print: Object.values(r.partialFingerprints)[0], line: r.locations[0].physicalLocation.region.startLine }));
  const a = prints(before);
  const b = prints(moved);
  assert.ok(a.length >= 2, 'a secret and a cleartext URL');
  assert.deepEqual(b.map((x) => x.print), a.map((x) => x.print), 'same fingerprints after lines were added above');
  assert.ok(b.every((x, i) => x.line > a[i].line), 'the findings did move');
});
