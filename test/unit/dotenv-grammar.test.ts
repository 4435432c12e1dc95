// The dotenv grammar (syntaxes/dotenv.tmLanguage.json) tokenized by the engine VS Code uses
// (vscode-textmate with the Oniguruma regex library), line by line, against the scopes each part
// of a line must get: comments, `export`, keys, `=`, unquoted, single- and double-quoted values,
// escapes, `${...}` and `$NAME` references, trailing comments.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..');
let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (sources) => new oniguruma.OnigScanner(sources), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) => {
      if (scopeName !== 'source.dotenv') return null;
      const path = join(ROOT, 'syntaxes', 'dotenv.tmLanguage.json');
      return parseRawGrammar(readFileSync(path, 'utf8'), path);
    },
  });
  const loaded = await registry.loadGrammar('source.dotenv');
  assert.ok(loaded, 'the grammar loads');
  grammar = loaded;
});

/** Each token of one line as [text, innermost scope], whitespace-only tokens left out. */
function tokens(line: string): [string, string][] {
  const { tokens: list } = grammar.tokenizeLine(line, INITIAL);
  return list.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]] as [string, string]).filter(([text]) => text.trim() !== '');
}

/** The innermost scope of the token that starts at `needle` (every token must carry the dotenv root scope). */
function scopeOf(line: string, needle: string): string {
  const at = line.indexOf(needle);
  assert.ok(at >= 0, `'${needle}' is not in the line`);
  const { tokens: list } = grammar.tokenizeLine(line, INITIAL);
  const token = list.find((t) => t.startIndex <= at && at < t.endIndex)!;
  assert.equal(token.scopes[0], 'source.dotenv');
  return token.scopes.slice(1).join(' ');
}

test('a comment line', () => {
  assert.deepEqual(tokens('# database settings'), [
    ['#', 'punctuation.definition.comment.dotenv'],
    [' database settings', 'comment.line.number-sign.dotenv'],
  ]);
  assert.equal(scopeOf('   # indented', 'indented'), 'comment.line.number-sign.dotenv');
});

test('key, operator and unquoted value', () => {
  assert.deepEqual(tokens('DB_HOST=db.internal'), [
    ['DB_HOST', 'variable.other.key.dotenv'],
    ['=', 'keyword.operator.assignment.dotenv'],
    ['db.internal', 'string.unquoted.dotenv'],
  ]);
  // Spaces around `=` are tolerated by most loaders and must not break the key.
  assert.equal(scopeOf('PORT = 5432', 'PORT'), 'variable.other.key.dotenv');
  assert.equal(scopeOf('PORT = 5432', '5432'), 'string.unquoted.dotenv');
});

test('export prefix', () => {
  const line = 'export API_URL=https://api.example.test';
  assert.equal(scopeOf(line, 'export'), 'storage.modifier.export.dotenv');
  assert.equal(scopeOf(line, 'API_URL'), 'variable.other.key.dotenv');
  assert.equal(scopeOf(line, 'https'), 'string.unquoted.dotenv');
  // A key that merely starts with "export" is a key.
  assert.equal(scopeOf('EXPORTER=1', 'EXPORTER'), 'variable.other.key.dotenv');
  assert.equal(scopeOf('exported=1', 'exported'), 'variable.other.key.dotenv');
});

test('double-quoted values with escapes and references', () => {
  const line = 'GREETING="hello \\"you\\" ${USER} and $HOME"';
  assert.equal(scopeOf(line, '"hello'), 'string.quoted.double.dotenv punctuation.definition.string.begin.dotenv');
  assert.equal(scopeOf(line, 'hello'), 'string.quoted.double.dotenv');
  assert.equal(scopeOf(line, '\\"you'), 'string.quoted.double.dotenv constant.character.escape.dotenv');
  assert.equal(scopeOf(line, '${USER}'), 'string.quoted.double.dotenv variable.other.reference.dotenv');
  assert.equal(scopeOf(line, '$HOME'), 'string.quoted.double.dotenv variable.other.reference.dotenv');
  assert.equal(scopeOf(line, '"', ), 'string.quoted.double.dotenv punctuation.definition.string.begin.dotenv');
  assert.equal(tokens(line).at(-1)![1], 'punctuation.definition.string.end.dotenv');
});

test('single-quoted values are literal: no references, no escapes', () => {
  const line = "LITERAL='${NOT_A_REF} \\n $ALSO_NOT'";
  assert.equal(scopeOf(line, '${NOT_A_REF}'), 'string.quoted.single.dotenv');
  assert.equal(scopeOf(line, '$ALSO_NOT'), 'string.quoted.single.dotenv');
  assert.equal(scopeOf(line, '\\n'), 'string.quoted.single.dotenv');
});

test('references in unquoted values, with default values', () => {
  const line = 'DATABASE_URL=postgres://${DB_USER}@${DB_HOST:-localhost}/app';
  assert.equal(scopeOf(line, '${DB_USER}'), 'variable.other.reference.dotenv');
  assert.equal(scopeOf(line, '${DB_HOST:-localhost}'), 'variable.other.reference.dotenv');
  assert.equal(scopeOf(line, 'postgres'), 'string.unquoted.dotenv');
  assert.equal(scopeOf(line, '/app'), 'string.unquoted.dotenv');
});

test('trailing comments after a space, but not a # inside a value', () => {
  const line = 'TIMEOUT=30 # seconds';
  assert.equal(scopeOf(line, '30'), 'string.unquoted.dotenv');
  assert.equal(scopeOf(line, '# seconds'), 'comment.line.number-sign.dotenv punctuation.definition.comment.dotenv');
  assert.equal(scopeOf(line, 'seconds'), 'comment.line.number-sign.dotenv');
  // `#` glued to the value is part of it (dotenv, docker compose and shells agree).
  assert.equal(scopeOf('COLOR=#ff0000', '#ff0000'), 'string.unquoted.dotenv');
  assert.equal(scopeOf('PASSWORD=abc#def', 'abc#def'), 'string.unquoted.dotenv');
  assert.equal(scopeOf('QUOTED="a # b" # note', 'note'), 'comment.line.number-sign.dotenv');
  assert.equal(scopeOf('QUOTED="a # b" # note', '# b'), 'string.quoted.double.dotenv');
});

test('an apostrophe inside an unquoted value does not open a string', () => {
  const first = grammar.tokenizeLine("GREETING=it's fine", INITIAL);
  assert.ok(first.tokens.every((t) => !t.scopes.includes('string.quoted.single.dotenv')));
  const next = grammar.tokenizeLine('NEXT=1', first.ruleStack);
  assert.equal(next.tokens[0].scopes.at(-1), 'variable.other.key.dotenv');
});

test('multi-line double-quoted values continue on the next line', () => {
  const first = grammar.tokenizeLine('PRIVATE_KEY="-----BEGIN FAKE KEY-----', INITIAL);
  const second = grammar.tokenizeLine('not-a-key=inside the value', first.ruleStack);
  const third = grammar.tokenizeLine('-----END FAKE KEY-----"', second.ruleStack);
  assert.ok(second.tokens.every((t) => t.scopes.includes('string.quoted.double.dotenv')), 'the middle line is inside the string');
  const after = grammar.tokenizeLine('NEXT=1', third.ruleStack);
  assert.equal(after.tokens[0].scopes.at(-1), 'variable.other.key.dotenv');
});
