// Project files inside the real extension host: a baseline named by `plainsight.baseline` hides
// the findings it lists (still after lines are added above them) and not new ones, and a
// `.plainsight.json` near the file changes what is reported as soon as it is written. Works in its
// own folder of the workspace copy and removes it (and the setting) afterwards, so the other suites
// see the workspace as it was. Fake values only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './wait';
import { analyze } from '../../../src/core/index';
import { createBaseline, formatBaseline, relativePath } from '../../../src/core/baseline';

const PASSWORD = ['Lk3', 'fake', 'Pa55word', '7Hy'].join('-');
const OTHER = ['Pw2', 'fake', 'Secr3t', '5Tg'].join('-');
const COMPOSE = `services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: "${PASSWORD}"\n      API_URL: http://api.example.com/v1\n`;

const codes = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'Plainsight')
    .map((d) => `${d.range.start.line + 1}:${typeof d.code === 'object' && d.code ? d.code.value : d.code}`)
    .sort();

describe('project files (.plainsight.json, baseline)', () => {
  const folder = () => vscode.workspace.workspaceFolders![0];
  const dir = () => vscode.Uri.joinPath(folder().uri, 'project-files-probe');
  const file = () => vscode.Uri.joinPath(dir(), 'compose.yml');
  const write = (uri: vscode.Uri, text: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

  before(async () => {
    await vscode.extensions.getExtension('plainsight.plainsight')!.activate();
    await write(file(), COMPOSE);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('plainsight').update('baseline', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(dir(), { recursive: true, useTrash: false });
  });

  it('a baseline hides the findings it lists, also after lines move, but not new ones', async () => {
    const document = await vscode.workspace.openTextDocument(file());
    await vscode.window.showTextDocument(document);
    await waitFor(() => codes(file()).includes('5:secret/generic-password') && codes(file()), 'the password diagnostic');

    // What `plainsight baseline --output project-files-probe/baseline.json` writes, from the core.
    const baselineUri = vscode.Uri.joinPath(dir(), 'baseline.json');
    const findings = analyze(COMPOSE, { path: file().path }).findings;
    await write(baselineUri, formatBaseline(createBaseline([{ path: relativePath(dir().path, file().path), findings }])));
    await vscode.workspace.getConfiguration('plainsight').update('baseline', 'project-files-probe/baseline.json', vscode.ConfigurationTarget.Workspace);
    await waitFor(() => codes(file()).length === 0 || undefined, 'the baselined findings to disappear');

    // Lines above, and a new secret below: only the new one is shown.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(file(), new vscode.Position(0, 0), '# moved down\n# by two lines\n');
    edit.insert(file(), new vscode.Position(6, 0), `      REDIS_PASSWORD: "${OTHER}"\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const shown = await waitFor(() => codes(file()).length > 0 && codes(file()), 'the new finding');
    // Edit positions are in the original text: REDIS_PASSWORD lands before API_URL, on line 9 now.
    assert.deepEqual(shown, ['9:secret/generic-password']);
    assert.match(document.lineAt(8).text, /REDIS_PASSWORD/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.workspace.getConfiguration('plainsight').update('baseline', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => codes(file()).includes('5:secret/generic-password') || undefined, 'the findings to come back without the baseline');
  });

  it('a .plainsight.json near the file applies as soon as it is written, and its mistakes are diagnostics', async () => {
    await vscode.workspace.getConfiguration('plainsight').update('baseline', undefined, vscode.ConfigurationTarget.Workspace);
    await waitFor(() => codes(file()).some((c) => c.endsWith('transport/cleartext-url')) || undefined, 'the cleartext URL diagnostic');
    const config = vscode.Uri.joinPath(dir(), '.plainsight.json');
    await write(config, '{ "rules": { "transport": "off" } }\n');
    await waitFor(() => (codes(file()).length > 0 && !codes(file()).some((c) => c.endsWith('transport/cleartext-url'))) || undefined, 'transport findings to be turned off');
    assert.ok(codes(file()).includes('5:secret/generic-password'), 'other rules still apply');

    await write(config, '{ "rules": { "transport/clear-url": "off" } }\n');
    const problems = await waitFor(() => {
      const list = vscode.languages.getDiagnostics(config);
      return list.length > 0 && list;
    }, 'a diagnostic on the config file');
    assert.match(problems[0].message, /did you mean 'transport\/cleartext-url'/);
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
    await vscode.workspace.fs.delete(config);
    await waitFor(() => codes(file()).some((c) => c.endsWith('transport/cleartext-url')) || undefined, 'the URL finding to come back once the file is gone');
  });

  it("a file opened in a folder with a .plainsight.json shows the project's severities from its first diagnostics on", async () => {
    const fresh = vscode.Uri.joinPath(dir(), 'first-open', 'compose.yml');
    await write(vscode.Uri.joinPath(dir(), 'first-open', '.plainsight.json'), '{ "rules": { "secret/generic-password": "warning" } }\n');
    await write(fresh, COMPOSE);
    // Every publication for the file, from before it is opened: the first must already be right.
    const published: vscode.DiagnosticSeverity[][] = [];
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === fresh.toString())) return;
      const ours = vscode.languages.getDiagnostics(fresh).filter((d) => d.source === 'Plainsight' && (typeof d.code === 'object' ? d.code.value : d.code) === 'secret/generic-password');
      if (ours.length > 0) published.push(ours.map((d) => d.severity));
    });
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fresh));
      await waitFor(() => published.length > 0, 'the password diagnostic on the freshly opened file');
      assert.deepEqual(published[0], [vscode.DiagnosticSeverity.Warning], `publications: ${JSON.stringify(published)}`);
    } finally {
      listener.dispose();
    }
  });
});
