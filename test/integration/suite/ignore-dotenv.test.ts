// "Add <file> to .gitignore" inside a real VS Code, on the example workspace's committed-looking
// services/api/.env: the quick fix is offered on its secret (instead of "move to environment
// variable", which makes no sense for a dotenv file), appends the anchored entry to the root
// .gitignore as an unsaved change, the secret diagnostic goes away at once, and `undo` in the
// .gitignore editor restores it byte for byte and brings the diagnostic back. "Move all secrets in
// this file" on the .env does the same. The workspace is shared with the other suites: every file
// touched here is reverted (nothing is ever saved) and checked against its bytes on disk.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, workspaceFolder as folder } from './wait';

const EXTENSION_ID = 'plainsight.plainsight';
const DOTENV = ['services', 'api', '.env'];
const ENTRY = '/services/api/.env';

interface CommandResult {
  status: string;
  message: string;
}

const uri = (...parts: string[]) => vscode.Uri.joinPath(folder().uri, ...parts);
const openDocument = (target: vscode.Uri) => vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString());

/** The editor's text of a file when it is open, else the disk's. */
async function contentOf(target: vscode.Uri): Promise<string> {
  return openDocument(target)?.getText() ?? new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
}

const secretDiagnostics = (doc: vscode.TextDocument) =>
  vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === 'Plainsight' && String(typeof d.code === 'object' ? d.code.value : d.code).startsWith('secret/'));

async function openDotenv(): Promise<{ doc: vscode.TextDocument; diagnostic: vscode.Diagnostic }> {
  const doc = await vscode.workspace.openTextDocument(uri(...DOTENV));
  await vscode.window.showTextDocument(doc, { preview: false });
  const diagnostic = await waitFor(() => secretDiagnostics(doc)[0], 'the secret diagnostic on services/api/.env');
  return { doc, diagnostic };
}

describe('add a dotenv file to .gitignore', function () {
  this.timeout(60_000);

  let original: Uint8Array;
  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    original = await vscode.workspace.fs.readFile(uri('.gitignore'));
  });

  afterEach(async () => {
    // Nothing of ours stays: no unsaved .gitignore, no editor opened here, the file as it was.
    const doc = openDocument(uri('.gitignore'));
    if (doc?.isDirty) {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.ok(Buffer.from(await vscode.workspace.fs.readFile(uri('.gitignore'))).equals(Buffer.from(original)), '.gitignore on disk is untouched');
  });

  it('offers the fix on the secret, the diagnostic goes away, undo restores .gitignore byte for byte', async () => {
    const { doc, diagnostic } = await openDotenv();
    const before = await contentOf(uri('.gitignore'));
    assert.ok(before.endsWith('\n') && !before.includes(ENTRY), 'the fixture ends with a newline and does not ignore the file');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
    const action = actions.find((a) => a.title === 'Add services/api/.env to .gitignore');
    assert.ok(action?.command, `offered actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(action.command.command, 'plainsight.ignoreDotenv');
    assert.notEqual(action.isPreferred, true);
    assert.ok(!actions.some((a) => a.title.startsWith('Move')), 'no move is offered for a dotenv file');

    const result = await vscode.commands.executeCommand<CommandResult>(action.command.command, ...(action.command.arguments ?? []));
    assert.equal(result.status, 'ignored', result.message);
    assert.match(result.message, /Added \/services\/api\/\.env to \.gitignore/);
    const gitignore = openDocument(uri('.gitignore'));
    assert.ok(gitignore?.isDirty, 'an unsaved change, like every fix');
    assert.equal(gitignore.getText(), `${before}${ENTRY}\n`, 'appended; no existing line rewritten');
    await waitFor(() => secretDiagnostics(doc).length === 0, 'the secret diagnostic to go away');
    assert.equal(doc.getText().length > 0 && !doc.isDirty, true, 'the .env itself is not changed');

    await vscode.window.showTextDocument(gitignore, { preview: false, preserveFocus: false });
    await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
    await vscode.commands.executeCommand('undo');
    await waitFor(() => gitignore.getText() === before, 'the .gitignore to be restored');
    assert.equal(gitignore.isDirty, false, 'back to the saved text');
    assert.ok(Buffer.from(new TextEncoder().encode(gitignore.getText())).equals(Buffer.from(original)), 'byte for byte');
    await waitFor(() => secretDiagnostics(doc).length > 0, 'the secret diagnostic to come back');
  });

  it('"move all secrets in this file" on the .env adds it to .gitignore too', async () => {
    const { doc } = await openDotenv();
    const before = await contentOf(uri('.gitignore'));
    const result = await vscode.commands.executeCommand<CommandResult>('plainsight.moveAllToEnv', { uri: doc.uri.toString(), version: doc.version });
    assert.equal(result.status, 'ignored', result.message);
    assert.equal(await contentOf(uri('.gitignore')), `${before}${ENTRY}\n`);
    await waitFor(() => secretDiagnostics(doc).length === 0, 'the secret diagnostic to go away');
  });
});
