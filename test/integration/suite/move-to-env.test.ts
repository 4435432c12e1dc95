// "Move to environment variable" inside a real VS Code: the code action is offered on a secret,
// the command applies ONE WorkspaceEdit (compose file, a created .env, the .gitignore), a single
// `undo` in the editor restores every file byte for byte (the created .env is deleted again), a
// name already used with another value gets a new one, and a stale document version is refused.
//
// One VS Code behaviour limits "one undo": when a model for the .env path existed earlier in the
// session with other content and was disposed (the file was edited, then deleted), creating the
// model again makes VS Code's model service restore that old undo snapshot for the path
// (ModelService._createModelData → restoreSnapshot), which drops the "create file" undo element
// the same WorkspaceEdit had just pushed. Undo then restores every text, but the created .env stays
// behind, empty (the value only ever lived in the unsaved buffer); deleting that empty file by hand
// restores the workspace. The last test pins this down.
//
// The workspace is a temporary copy of test/integration/workspace; its values are fake.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor, workspaceFolder as folder } from './wait';

const EXTENSION_ID = 'plainsight.plainsight';
const COMPOSE = ['deploy', 'docker-compose.yml'];
// The fixture's fake password, assembled so secret scanners of this repository do not flag it.
const FAKE_PASSWORD = ['Fx9', 'fake', 'Pa55word', '2Qz'].join('-');

interface MoveResult {
  status: 'moved' | 'advice' | 'refused' | 'cancelled';
  message: string;
  names?: string[];
}

const uri = (...parts: string[]) => vscode.Uri.joinPath(folder().uri, ...parts);

async function exists(target: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(target).then(
    () => true,
    () => false,
  );
}

/** What the editor holds for a file (its buffer when open, else the disk), or undefined when it does not exist. */
async function contentOf(target: vscode.Uri): Promise<string | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === target.toString() && !d.isClosed);
  if (open && (await exists(target))) return open.getText();
  if (!(await exists(target))) return undefined;
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
}

async function snapshot(): Promise<Map<string, string | undefined>> {
  const out = new Map<string, string | undefined>();
  for (const parts of [COMPOSE, ['.env'], ['.gitignore'], ['.env.example']]) out.set(parts.join('/'), await contentOf(uri(...parts)));
  return out;
}

async function openCompose(): Promise<{ doc: vscode.TextDocument; editor: vscode.TextEditor }> {
  const doc = await vscode.workspace.openTextDocument(uri(...COMPOSE));
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  return { doc, editor };
}

async function passwordDiagnostic(doc: vscode.TextDocument): Promise<vscode.Diagnostic> {
  return waitFor(
    () =>
      vscode.languages
        .getDiagnostics(doc.uri)
        .find((d) => d.source === 'Plainsight' && doc.getText(d.range) === FAKE_PASSWORD && doc.lineAt(d.range.start.line).text.includes('POSTGRES_PASSWORD')),
    'the Plainsight diagnostic on POSTGRES_PASSWORD',
  );
}

/** Which files differ from the fixture, for failure messages (no contents: they hold fake secrets). */
async function describeState(): Promise<string> {
  const parts: string[] = [];
  for (const [path, text] of await snapshot()) {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri(...path.split('/')).toString());
    parts.push(`${path}: ${text === undefined ? 'absent' : `${text.length} chars`}${doc?.isDirty ? ' (dirty)' : ''}`);
  }
  return parts.join('; ');
}

/** Runs `undo` on the compose editor the way a user would (focus, then Ctrl+Z). */
async function undoInEditor(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc, { preview: false, preserveFocus: false });
  await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  await vscode.commands.executeCommand('undo');
}

describe('move to environment variable', function () {
  this.timeout(60_000);

  before(async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
  });

  /** The environment files as the fixture has them (they are shared with the other suites). */
  let original: Map<string, Uint8Array | undefined>;
  const ENV_FILES = ['.env', '.gitignore', '.env.example'];
  before(async () => {
    original = new Map();
    for (const name of ENV_FILES) original.set(name, (await exists(uri(name))) ? await vscode.workspace.fs.readFile(uri(name)) : undefined);
  });

  afterEach(async () => {
    // Leave the workspace as the fixture was: no unsaved buffers of ours, the env files as they were.
    for (const parts of [COMPOSE, ...ENV_FILES.map((n) => [n])]) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri(...parts).toString() && d.isDirty);
      if (!doc) continue;
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    for (const name of ENV_FILES) {
      const bytes = original.get(name);
      if (bytes) await vscode.workspace.fs.writeFile(uri(name), bytes);
      else if (await exists(uri(name))) await vscode.workspace.fs.delete(uri(name));
    }
  });

  it('offers the action (not preferred), moves with one edit and restores every file with one undo', async () => {
    const { doc } = await openCompose();
    const diagnostic = await passwordDiagnostic(doc);
    const before = await snapshot();
    assert.equal(before.get('.env'), undefined, 'the fixture has no .env at its root');
    const gitignoreBefore = before.get('.gitignore');
    assert.ok(!/^\.env$/m.test(gitignoreBefore ?? ''), 'the fixture does not ignore .env yet');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diagnostic.range);
    const action = actions.find((a) => a.title === 'Move to environment variable');
    assert.ok(action?.command, `offered actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.notEqual(action.isPreferred, true, 'an unsafe fix is never preferred');
    assert.equal(action.command.command, 'plainsight.moveToEnv');
    const all = actions.find((a) => a.title === 'Move all secrets in this file to environment variables');
    assert.equal(all?.command?.command, 'plainsight.moveAllToEnv', 'the file has several secrets: "move all" is offered too');

    const args = { ...(action.command.arguments?.[0] as object), name: 'POSTGRES_PASSWORD' };
    const result = await vscode.commands.executeCommand<MoveResult>('plainsight.moveToEnv', args);
    assert.equal(result.status, 'moved', result.message);
    assert.deepEqual(result.names, ['POSTGRES_PASSWORD']);
    assert.ok(!result.message.includes(FAKE_PASSWORD), 'the message does not show the value');

    const after = await snapshot();
    assert.ok(after.get('deploy/docker-compose.yml')!.includes('POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}'));
    assert.equal(after.get('.env'), `POSTGRES_PASSWORD=${FAKE_PASSWORD}\n`);
    const lead = gitignoreBefore === undefined || gitignoreBefore === '' || gitignoreBefore.endsWith('\n') ? '' : '\n';
    assert.equal(after.get('.gitignore'), `${gitignoreBefore ?? ''}${lead}.env\n`, '.env appended to .gitignore');
    assert.equal(after.get('.env.example'), before.get('.env.example'));

    await undoInEditor(doc);
    await waitFor(async () => (await contentOf(uri(...COMPOSE))) === before.get('deploy/docker-compose.yml'), 'the compose file to be restored');
    // The created files go away with the same undo (the file operations are in its undo group).
    await waitFor(async () => !(await exists(uri('.env'))), 'the created .env to be deleted', { detail: describeState });
    await waitFor(async () => (await contentOf(uri('.gitignore'))) === gitignoreBefore, 'the .gitignore to be restored', { detail: describeState });
    assert.deepEqual(await snapshot(), before, 'every file is byte-identical to before');
  });

  it('an existing name with another value gets a new name; undo restores the edited .env', async () => {
    const existing = 'POSTGRES_PASSWORD=some-other-fake-value\n';
    await vscode.workspace.fs.writeFile(uri('.env'), new TextEncoder().encode(existing));
    await vscode.workspace.fs.writeFile(uri('.gitignore'), new TextEncoder().encode('.env\n'));
    const { doc } = await openCompose();
    const diagnostic = await passwordDiagnostic(doc);
    const before = await snapshot();

    const args = { uri: doc.uri.toString(), version: doc.version, start: doc.offsetAt(diagnostic.range.start), end: doc.offsetAt(diagnostic.range.end), name: 'POSTGRES_PASSWORD' };
    const result = await vscode.commands.executeCommand<MoveResult>('plainsight.moveToEnv', args);
    assert.equal(result.status, 'moved', result.message);
    assert.deepEqual(result.names, ['POSTGRES_PASSWORD_2']);
    const after = await snapshot();
    assert.equal(after.get('.env'), `${existing}POSTGRES_PASSWORD_2=${FAKE_PASSWORD}\n`, 'appended, never overwritten');
    assert.equal(after.get('.gitignore'), '.env\n', 'already ignored: untouched');
    assert.ok(after.get('deploy/docker-compose.yml')!.includes('${POSTGRES_PASSWORD_2}'));

    await undoInEditor(doc);
    await waitFor(async () => (await contentOf(uri('.env'))) === existing && (await contentOf(uri(...COMPOSE))) === before.get('deploy/docker-compose.yml'), 'both files to be restored');
    assert.deepEqual(await snapshot(), before);
  });

  it('moves all secrets of the file at once (.env beside the file), and refuses a stale document version', async () => {
    const settings = vscode.workspace.getConfiguration('plainsight');
    await settings.update('envFileLocation', 'beside', vscode.ConfigurationTarget.Global);
    try {
      const { doc } = await openCompose();
      await passwordDiagnostic(doc);
      const before = await snapshot();
      const beside = uri('deploy', '.env');
      assert.equal(await exists(beside), false);

      const stale = await vscode.commands.executeCommand<MoveResult>('plainsight.moveAllToEnv', { uri: doc.uri.toString(), version: doc.version - 1 });
      assert.equal(stale.status, 'refused');
      assert.match(stale.message, /changed/);
      assert.deepEqual(await snapshot(), before, 'a refused move changes nothing');

      const result = await vscode.commands.executeCommand<MoveResult>('plainsight.moveAllToEnv', { uri: doc.uri.toString(), version: doc.version });
      assert.equal(result.status, 'moved', result.message);
      assert.ok((result.names ?? []).length >= 2, `moved ${result.names?.join(', ')}`);
      assert.ok(!result.message.includes(FAKE_PASSWORD));
      assert.ok(!doc.getText().includes(FAKE_PASSWORD), 'no value left in the compose file');
      assert.ok((await contentOf(beside))?.includes(`POSTGRES_PASSWORD=${FAKE_PASSWORD}\n`), 'the values went to deploy/.env');
      assert.match((await contentOf(uri('.gitignore'))) ?? '', /^deploy\/\.env$/m, 'that file is ignored');
      // Analysed again, the file has no secret left.
      await waitFor(
        () => !vscode.languages.getDiagnostics(doc.uri).some((d) => d.source === 'Plainsight' && String(typeof d.code === 'object' ? d.code.value : d.code).startsWith('secret/')),
        'the secret diagnostics to go away',
      );

      await undoInEditor(doc);
      await waitFor(async () => (await contentOf(uri(...COMPOSE))) === before.get('deploy/docker-compose.yml') && !(await exists(beside)), 'everything to be restored', { detail: describeState });
      assert.deepEqual(await snapshot(), before);
    } finally {
      await settings.update('envFileLocation', undefined, vscode.ConfigurationTarget.Global);
      if (await exists(uri('deploy', '.env'))) await vscode.workspace.fs.delete(uri('deploy', '.env'));
    }
  });

  it('a .env whose earlier model VS Code still remembers: undo restores every text, the created file stays empty', async () => {
    // Give VS Code a disposed model of .env with other content: edit it through a move, undo, delete it.
    await vscode.workspace.fs.writeFile(uri('.env'), new TextEncoder().encode('OTHER=some-fake-value\n'));
    const first = await openCompose();
    const diagnostic = await passwordDiagnostic(first.doc);
    const range = { start: first.doc.offsetAt(diagnostic.range.start), end: first.doc.offsetAt(diagnostic.range.end) };
    const warmUp = await vscode.commands.executeCommand<MoveResult>('plainsight.moveToEnv', { uri: first.doc.uri.toString(), version: first.doc.version, ...range, name: 'WARM_UP' });
    assert.equal(warmUp.status, 'moved', warmUp.message);
    await undoInEditor(first.doc);
    await waitFor(async () => (await contentOf(uri('.env'))) === 'OTHER=some-fake-value\n', 'the warm-up to be undone', { detail: describeState });
    await vscode.workspace.fs.delete(uri('.env'));
    await waitFor(async () => !(await exists(uri('.env'))), 'the .env to be deleted');

    const { doc } = await openCompose();
    await passwordDiagnostic(doc);
    const before = await snapshot();
    const result = await vscode.commands.executeCommand<MoveResult>('plainsight.moveToEnv', { uri: doc.uri.toString(), version: doc.version, ...range, name: 'POSTGRES_PASSWORD' });
    assert.equal(result.status, 'moved', result.message);
    assert.equal(await contentOf(uri('.env')), `POSTGRES_PASSWORD=${FAKE_PASSWORD}\n`);
    assert.equal((await vscode.workspace.fs.readFile(uri('.env'))).length, 0, 'on disk the created file is empty until saved');

    await undoInEditor(doc);
    await waitFor(async () => (await contentOf(uri(...COMPOSE))) === before.get('deploy/docker-compose.yml'), 'the compose file to be restored', { detail: describeState });
    await waitFor(async () => (await contentOf(uri('.gitignore'))) === before.get('.gitignore'), 'the .gitignore to be restored', { detail: describeState });
    // Either VS Code deleted the created file (no remembered model) or, as documented above, it is
    // left empty: in no case does the value reach the disk.
    const left = (await exists(uri('.env'))) ? await vscode.workspace.fs.readFile(uri('.env')) : undefined;
    assert.ok(left === undefined || left.length === 0, 'no value on disk after undo');
    console.log(`      (.env after undo: ${left ? 'left behind, empty' : 'deleted'})`);
    if (left) await vscode.workspace.fs.delete(uri('.env'));
    assert.deepEqual(await snapshot(), before, 'with the empty leftover deleted, every file is as before');
  });
});
