// The workspace scan, the report's totals and the exports, inside a real VS Code. Expected values
// are computed here, independently: the CLI's walker picks the files (config-like, .gitignore),
// the workspace's exclude settings are applied by hand, and the core analyses each file. The
// extension must agree file by file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parse as parseJsonc } from 'jsonc-parser';
import { analyze, type Finding, type Severity, type Category } from '../../../src/core/index';
import { collectTargets } from '../../../src/cli/walk';
import { WorkspaceFiles } from '../../../src/vscode/workspaceFiles';

const EXTENSION_ID = 'plainsight.plainsight';
/** Created at run time: a file git ignores could not be committed to this repository's fixture. */
const IGNORED_FILE = 'services/api/secrets.local.env';
const IGNORED_SECRET = ['Jx5', 'mock', 'Vb8n', 'Rt2k'].join('-'); // fake

interface Summary {
  status: { state: string; done: number; total: number };
  files: { scanned: number; skipped: number; withFindings: number };
  total: number;
  bySeverity: Record<Severity, number>;
  byCategory: Record<Category, Record<Severity, number>>;
}

interface JsonExport {
  files: { path: string }[];
  findings: { path: string; ruleId: string; severity: Severity; range: { startLine: number; startColumn: number } }[];
}

let root: string;
let exportCount = 0;
const exported: string[] = [];

/** The files the scan should cover and the core's findings for each (open editors' text first). */
async function expected(): Promise<Map<string, { text: string; findings: Finding[] }>> {
  const targets = await collectTargets([root], root, () => undefined);
  const excluded = excludedFolders();
  const out = new Map<string, { text: string; findings: Finding[] }>();
  for (const t of targets) {
    const rel = path.relative(root, t.absolute).split(path.sep).join('/');
    if (excluded.some((folder) => rel.startsWith(folder))) continue;
    const uri = vscode.Uri.file(t.absolute);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    const text = open ? open.getText() : fs.readFileSync(t.absolute, 'utf8');
    out.set(rel, { text, findings: analyze(text, { path: uri.path, gitIgnored: t.gitIgnored }).findings });
  }
  return out;
}

/** `files.exclude` and `search.exclude` of the fixture, which uses folder globs (`name/**`) only. */
function excludedFolders(): string[] {
  const settings = parseJsonc(fs.readFileSync(path.join(root, '.vscode', 'settings.json'), 'utf8')) as Record<string, Record<string, boolean>>;
  const globs = [...Object.keys(settings['files.exclude'] ?? {}), ...Object.keys(settings['search.exclude'] ?? {})];
  for (const g of globs) assert.match(g, /^[\w-]+\/\*\*$/, `the test understands folder globs only, not ${g}`);
  assert.ok(globs.length >= 2, 'the fixture should exclude something through each setting');
  return globs.map((g) => g.slice(0, -2));
}

function totals(files: Map<string, { findings: Finding[] }>) {
  const bySeverity: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const byCategory: Record<Category, Record<Severity, number>> = {
    secret: { error: 0, warning: 0, info: 0 },
    scope: { error: 0, warning: 0, info: 0 },
    transport: { error: 0, warning: 0, info: 0 },
  };
  let total = 0;
  for (const { findings } of files.values()) {
    for (const f of findings) {
      total++;
      bySeverity[f.severity]++;
      byCategory[f.category][f.severity]++;
    }
  }
  return { total, bySeverity, byCategory, withFindings: [...files.values()].filter((f) => f.findings.length > 0).length };
}

/** Raw secret values the core found: no export may contain one whole. */
function secretsOf(files: Map<string, { text: string; findings: Finding[] }>): string[] {
  return [...files.values()].flatMap(({ text, findings }) => findings.filter((f) => f.category === 'secret').map((f) => text.slice(f.start, f.end)));
}

async function exportTo(extension: string): Promise<string> {
  const target = vscode.Uri.file(path.join(os.tmpdir(), `plainsight-report-${process.pid}-${++exportCount}.${extension}`));
  exported.push(target.fsPath);
  const written = await vscode.commands.executeCommand<vscode.Uri>('plainsight.exportReport', target);
  assert.equal(written?.toString(), target.toString(), 'the command resolves to the file it wrote');
  return fs.readFileSync(target.fsPath, 'utf8');
}

async function exportJson(): Promise<JsonExport> {
  return JSON.parse(await exportTo('json')) as JsonExport;
}

/** Poll until `check` returns a value (the watcher and open-document updates are asynchronous). */
async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function findingsByFile(report: JsonExport): Map<string, string[]> {
  const out = new Map<string, string[]>(report.files.map((f) => [f.path, []]));
  for (const f of report.findings) out.get(f.path)!.push(`${f.range.startLine}:${f.range.startColumn} ${f.severity} ${f.ruleId}`);
  return out;
}

function coreByFile(files: Map<string, { findings: Finding[] }>): Map<string, string[]> {
  return new Map([...files].map(([p, { findings }]) => [p, findings.map((f) => `${f.startLine + 1}:${f.startColumn + 1} ${f.severity} ${f.ruleId}`)]));
}

describe('security report', function () {
  this.timeout(90_000);

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)!.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder && folder.uri.scheme === 'file', 'the runner opens a copy of test/integration/workspace on disk');
    root = folder.uri.fsPath;
    fs.writeFileSync(path.join(root, IGNORED_FILE), `# git-ignored by the fixture's .gitignore; FAKE value\nDB_PASSWORD=${IGNORED_SECRET}\n`);
  });

  after(() => {
    for (const file of [path.join(root, IGNORED_FILE), ...exported]) fs.rmSync(file, { force: true });
  });

  it('scanWorkspace: the totals equal what the core finds in the same files', async () => {
    const summary = await vscode.commands.executeCommand<Summary>('plainsight.scanWorkspace');
    const files = await expected();
    const want = totals(files);
    // The fixture must exercise every category, or equal totals would prove little.
    for (const c of ['secret', 'scope', 'transport'] as const) assert.ok(Object.values(want.byCategory[c]).some((n) => n > 0), `fixture has no ${c} finding`);
    assert.equal(summary.status.state, 'complete');
    assert.equal(summary.files.scanned, files.size, 'files scanned');
    assert.equal(summary.files.withFindings, want.withFindings, 'files with findings');
    assert.equal(summary.total, want.total, 'total');
    assert.deepEqual(summary.bySeverity, want.bySeverity);
    assert.deepEqual(summary.byCategory, want.byCategory);
  });

  it('covers the same files as the core, file by file, and leaves out ignored and excluded ones', async () => {
    const report = await exportJson();
    const files = await expected();
    assert.deepEqual(findingsByFile(report), coreByFile(files));
    const paths = report.files.map((f) => f.path);
    assert.ok(paths.includes('services/api/.env'), 'a committed .env is scanned');
    assert.ok(!paths.includes(IGNORED_FILE), 'git-ignored files are left out');
    assert.ok(!paths.some((p) => p.startsWith('legacy/')), 'files.exclude is honoured');
    assert.ok(!paths.some((p) => p.startsWith('generated/')), 'search.exclude is honoured');
  });

  // findFiles2 (proposed API) is usable here because the extension runs in development mode; an
  // installed extension gets the stable findFiles plus its own filters. Both must select the same.
  for (const proposedApi of [true, false]) {
    it(`selects the expected files ${proposedApi ? 'with findFiles2 when available' : 'with the stable API and its own filters'}`, async () => {
      const uris = await new WorkspaceFiles({ proposedApi }).list();
      const selected = uris.map((u) => vscode.workspace.asRelativePath(u, false)).sort();
      assert.deepEqual(selected, [...(await expected()).keys()].sort());
      const one = new WorkspaceFiles({ proposedApi });
      assert.equal(await one.includes(vscode.Uri.file(path.join(root, 'services/api/.env'))), true, 'includes: a committed .env');
      assert.equal(await one.includes(vscode.Uri.file(path.join(root, IGNORED_FILE))), false, 'includes: a git-ignored file');
      assert.equal(await one.includes(vscode.Uri.file(path.join(root, 'legacy/compose.yml'))), false, 'includes: files.exclude');
      assert.equal(await one.includes(vscode.Uri.file(path.join(root, 'generated/values.yaml'))), false, 'includes: search.exclude');
      assert.equal(await one.includes(vscode.Uri.file(path.join(root, 'README.md'))), false, 'includes: not config-like');
    });
  }

  it('exportReport with a target URI writes SARIF 2.1.0 without any secret whole', async () => {
    const text = await exportTo('sarif');
    const sarif = JSON.parse(text) as { version: string; runs: { results: { ruleId: string }[] }[] };
    assert.equal(sarif.version, '2.1.0');
    const files = await expected();
    assert.equal(sarif.runs[0].results.length, totals(files).total);
    const secrets = secretsOf(files);
    assert.ok(secrets.length >= 2, 'the fixture holds fake secrets');
    for (const s of [...secrets, IGNORED_SECRET]) assert.ok(!text.includes(s), `SARIF contains a secret value whole (${s.slice(0, 3)}…)`);
    for (const format of ['md', 'json']) {
      const other = await exportTo(format);
      for (const s of secrets) assert.ok(!other.includes(s), `${format} export contains a secret value whole`);
    }
  });

  it('the Markdown export has the summary and one row per finding', async () => {
    const md = await exportTo('md');
    const want = totals(await expected());
    assert.match(md, /^# Plainsight security report$/m);
    assert.match(md, new RegExp(`^${want.total} findings \\(`, 'm'));
    assert.equal(md.split('\n').filter((l) => /^\| (error|warning|info) \|/.test(l)).length, want.total);
  });

  it('a file created, changed and deleted on disk updates the results without a rescan', async () => {
    const rel = 'k8s/extra-service.yaml';
    const file = path.join(root, rel);
    fs.writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  UPSTREAM: http://upstream.partner-payments.io/feed\n');
    try {
      const created = await until('the new file in the results', async () => findingsByFile(await exportJson()).get(rel));
      assert.deepEqual(created, coreByFile(await expected()).get(rel));
      assert.ok(created.length > 0, 'the new file has a finding');

      fs.writeFileSync(file, 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: extra\ndata:\n  UPSTREAM: https://upstream.partner-payments.io/feed\n');
      await until('the changed file to be clean', async () => ((findingsByFile(await exportJson()).get(rel)?.length ?? -1) === 0 ? true : undefined));
    } finally {
      fs.rmSync(file, { force: true });
    }
    await until('the deleted file to leave the results', async () => (findingsByFile(await exportJson()).has(rel) ? undefined : true));
  });

  it("an open editor's unsaved text wins over the disk, and the disk again when it closes", async () => {
    const rel = 'k8s/rbac.yaml';
    const uri = vscode.Uri.file(path.join(root, rel));
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document);
    const before = findingsByFile(await exportJson()).get(rel) ?? [];
    assert.ok(before.some((f) => f.endsWith('scope/k8s-rbac-wildcard')), 'rbac.yaml starts with a wildcard finding');
    const wildcard = document.getText().indexOf('"*"');
    await editor.edit((e) => e.replace(new vscode.Range(document.positionAt(wildcard), document.positionAt(wildcard + 3)), '"get"'));
    await until('the unsaved fix to show', async () => ((findingsByFile(await exportJson()).get(rel) ?? []).some((f) => f.endsWith('k8s-rbac-wildcard')) ? undefined : true));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await until('the file on disk to count again', async () => ((findingsByFile(await exportJson()).get(rel) ?? []).some((f) => f.endsWith('k8s-rbac-wildcard')) ? true : undefined));
  });

  it('showReport opens the report as a webview panel', async () => {
    await vscode.commands.executeCommand('plainsight.showReport');
    const tab = await until('the report tab', async () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('plainsight.report')),
    );
    assert.equal(tab.label, 'Plainsight Security Report');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
