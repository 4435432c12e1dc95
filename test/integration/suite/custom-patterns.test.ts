// Custom secret patterns inside the real extension host: setting `plainsight.customPatterns` turns
// matches into diagnostics under `secret/custom/<id>` in open documents; an unsafe pattern next to
// it is refused without stopping the good one; removing the setting removes the diagnostics. Works
// in its own folder of the workspace copy and removes it (and the setting) afterwards. Fake values only.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './wait';

const TOKEN = ['acme_live_', 'FAKE', '0a1b2c3d4e5f6g7h8i9j'].join('');
const FILE_TEXT = `deploy:\n  image: app:1\n  key: ${TOKEN}\n`;
const PATTERNS = [
  { id: 'slow', pattern: '(a+)+$' },
  { id: 'acme-live-key', pattern: '\\bacme_live_[A-Za-z0-9]{24}\\b', description: 'An Acme live key', severity: 'warning' },
];

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Plainsight');
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' && d.code ? d.code.value : d.code);

describe('custom patterns (plainsight.customPatterns)', () => {
  const dir = () => vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'custom-patterns-probe');
  const file = () => vscode.Uri.joinPath(dir(), 'deploy.yml');
  const setting = (value: unknown) => vscode.workspace.getConfiguration('plainsight').update('customPatterns', value, vscode.ConfigurationTarget.Workspace);

  before(async () => {
    await vscode.extensions.getExtension('plainsight.plainsight')!.activate();
    await vscode.workspace.fs.writeFile(file(), new TextEncoder().encode(FILE_TEXT));
  });

  after(async () => {
    await setting(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(dir(), { recursive: true, useTrash: false });
  });

  it('reports a match of a configured pattern at its exact range, masked, and skips the unsafe one', async () => {
    const document = await vscode.workspace.openTextDocument(file());
    await vscode.window.showTextDocument(document);
    await setting(PATTERNS);
    const [diagnostic] = await waitFor(() => {
      const found = ours(file()).filter((d) => codeOf(d) === 'secret/custom/acme-live-key');
      return found.length > 0 && found;
    }, 'the custom pattern diagnostic');
    const start = FILE_TEXT.indexOf(TOKEN);
    assert.deepEqual([document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end)], [start, start + TOKEN.length]);
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.ok(!diagnostic.message.includes(TOKEN), 'the message does not quote the value');
    assert.ok(!ours(file()).some((d) => codeOf(d) === 'secret/custom/slow'), 'the refused pattern does not run');

    await setting(undefined);
    await waitFor(() => !ours(file()).some((d) => codeOf(d).startsWith('secret/custom/')) || undefined, 'the custom diagnostics to go with the setting');
  });
});
