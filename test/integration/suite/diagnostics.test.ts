// Diagnostics, quick fixes, "ignore this line", severity settings and hovers, inside a real
// VS Code. The workflow is written at run time into the temporary workspace copy (and removed
// afterwards) so other suites see the fixture workspace unchanged. Values are fake.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseDocument } from 'yaml';

const WORKFLOW = [
  'name: diagnostics-fixture',
  'on: push',
  'permissions: write-all',
  'jobs:',
  '  build:',
  '    runs-on: ubuntu-latest',
  '    steps:',
  '      - run: curl -k https://downloads.vendor-tools.net/install.sh',
  '        env:',
  '          DB_PASSWORD: Vq7mZp2rTx9wLkQ3',
  '',
].join('\n');

let uri: vscode.Uri;
let doc: vscode.TextDocument;

function ours(): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Plainsight');
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code ? String(d.code.value) : String(d.code);
}

function find(ruleId: string): vscode.Diagnostic | undefined {
  return ours().find((d) => codeOf(d) === ruleId);
}

/** Waits until the predicate holds for this file's diagnostics, woken by diagnostic events. */
async function until(predicate: () => boolean, what: string, timeoutMs = 10000): Promise<void> {
  if (predicate()) return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; diagnostics: ${ours().map((d) => `${codeOf(d)}@${d.range.start.line}`).join(', ')}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || !predicate()) return;
      clearTimeout(timer);
      sub.dispose();
      resolve();
    });
  });
}

async function runAction(diagnostic: vscode.Diagnostic, titlePart: string): Promise<void> {
  const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range)) ?? [];
  const action = actions.find((a) => a.title.includes(titlePart));
  assert.ok(action, `a code action containing "${titlePart}" among: ${actions.map((a) => a.title).join(' | ')}`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit));
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

describe('diagnostics in the editor', () => {
  before(async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    uri = vscode.Uri.joinPath(folder.uri, '.github', 'workflows', 'diagnostics-fixture.yml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(WORKFLOW));
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await until(() => ours().length >= 3, 'the first diagnostics');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('plainsight').update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });

  it('reports each category at the exact range, with source, code and docs link', () => {
    const writeAll = find('scope/gha-write-all');
    assert.ok(writeAll, 'scope/gha-write-all');
    assert.equal(doc.getText(writeAll.range), 'write-all');
    assert.equal(writeAll.range.start.line, 2);

    const insecure = ours().find((d) => codeOf(d).startsWith('transport/') && doc.getText(d.range) === '-k');
    assert.ok(insecure, 'curl -k reported on exactly "-k"');
    assert.equal(insecure.range.start.line, 7);

    const password = find('secret/generic-password');
    assert.ok(password, 'secret/generic-password');
    assert.equal(doc.getText(password.range), 'Vq7mZp2rTx9wLkQ3');
    assert.ok(!password.message.includes('Vq7mZp2rTx9wLkQ3'), 'the message never holds the secret');
    assert.equal(password.severity, vscode.DiagnosticSeverity.Error);

    const code = password.code as { value: string; target: vscode.Uri };
    assert.match(code.target.toString(), /secret\/generic-password\.md/);
  });

  it('shows the rule explanation on hover', async () => {
    const password = find('secret/generic-password')!;
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, password.range.start)) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /Plainsight · secret\/generic-password/);
    assert.ok(!text.includes('Vq7mZp2rTx9wLkQ3'));
  });

  it('applies a quick fix and the diagnostic goes away', async () => {
    await runAction(find('scope/gha-write-all')!, 'least-privilege');
    await until(() => !find('scope/gha-write-all'), 'write-all to disappear');
    assert.ok(!/permissions: write-all/.test(doc.getText()), 'write-all replaced');
    // The rewritten workflow still parses, and nothing in it grants write-all any more.
    const parsed = parseDocument(doc.getText());
    assert.deepEqual(parsed.errors, []);
    const permissions = JSON.stringify(parsed.toJS().permissions ?? null);
    assert.ok(!permissions.includes('write-all'), `top-level permissions now ${permissions}`);
  });

  it('refuses a fix computed for an older version of the document', async () => {
    const before = doc.getText();
    const applied = await vscode.commands.executeCommand<boolean>('plainsight.applyFix', uri, doc.version - 1, [{ start: 0, end: 4, newText: 'XXXX' }]);
    assert.equal(applied, false);
    assert.equal(doc.getText(), before);
  });

  it('"ignore this line" writes a suppression comment and silences the finding', async () => {
    const insecure = ours().find((d) => doc.getText(d.range) === '-k')!;
    const rule = codeOf(insecure);
    await runAction(insecure, `Ignore ${rule} on this line`);
    await until(() => !ours().some((d) => codeOf(d) === rule && doc.getText(d.range) === '-k'), `${rule} to be suppressed`);
    assert.match(doc.getText(), new RegExp(`# plainsight-ignore ${rule}`));
  });

  it('honours severity overrides from settings, including off', async () => {
    const config = vscode.workspace.getConfiguration('plainsight');
    await config.update('rules', { 'secret/generic-password': 'info' }, vscode.ConfigurationTarget.Workspace);
    await until(() => find('secret/generic-password')?.severity === vscode.DiagnosticSeverity.Information, 'severity info');
    await config.update('rules', { secret: 'off' }, vscode.ConfigurationTarget.Workspace);
    await until(() => !find('secret/generic-password'), 'the secret category to be off');
    await config.update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    await until(() => find('secret/generic-password')?.severity === vscode.DiagnosticSeverity.Error, 'the default severity again');
  });

});
