import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'plainsight.plainsight';

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
  return true;
}

describe('activation', () => {
  it('the extension under development is present', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} should be loaded from extensionDevelopmentPath`);
    assert.equal(ext.packageJSON.publisher, 'plainsight');
  });

  it('is active after a workflow file is opened', async () => {
    const folder = vscode.workspace.workspaceFolders![0];
    assert.ok(folder, 'the runner opens a copy of test/integration/workspace');
    const uri = vscode.Uri.joinPath(folder.uri, '.github', 'workflows', 'ci.yml');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.match(doc.getText(), /^name: CI$/m);

    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    // When the manifest declares activation for YAML, opening the file alone must activate it.
    const events: string[] = ext.packageJSON.activationEvents ?? [];
    if (doc.languageId === 'yaml' && events.includes('onLanguage:yaml')) {
      assert.ok(await waitFor(() => ext.isActive, 10_000), 'onLanguage:yaml should activate the extension when ci.yml opens');
    }
    await ext.activate();
    assert.equal(ext.isActive, true);
  });
});
