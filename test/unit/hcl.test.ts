// The HCL reader: trailing `# comment` / `// comment` after an attribute value.
// Run: node --import tsx --test test/unit/hcl.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHcl, trailingCommentStart } from '../../src/core/parse/hcl';
import { analyze } from '../../src/core/index';
import type { MapNode, ScalarNode } from '../../src/core/parse/model';

function attrs(text: string): Record<string, ScalarNode> {
  const out: Record<string, ScalarNode> = {};
  const walk = (map: MapNode, prefix: string) => {
    for (const p of map.pairs) {
      const key = prefix + (p.key as ScalarNode).value;
      if (p.value?.kind === 'map') walk(p.value, `${key}.`);
      else if (p.value?.kind === 'scalar') out[key] = p.value;
    }
  };
  walk(parseHcl(text).documents[0].root as MapNode, '');
  return out;
}

test('a trailing # or // comment is not part of the value', () => {
  const text = [
    'resource "x" "y" {',
    '  password = "s3cr3t-Value" # set by ops',
    '  token    = "abc#def" // the # inside quotes stays',
    '  count    = 3 # three',
    '  enabled  = false // off for now',
    '  url      = "https://example.org/a//b" # slashes in a string',
    '}',
  ].join('\n');
  const a = attrs(text);
  assert.equal(a['resource.x.y.password'].value, 's3cr3t-Value');
  assert.equal(a['resource.x.y.password'].style, 'double');
  assert.equal(a['resource.x.y.password'].tag, undefined);
  assert.equal(text.slice(a['resource.x.y.password'].start, a['resource.x.y.password'].end), '"s3cr3t-Value"');
  assert.equal(a['resource.x.y.token'].value, 'abc#def');
  assert.equal(a['resource.x.y.count'].type, 'number');
  assert.equal(a['resource.x.y.enabled'].type, 'boolean');
  assert.equal(a['resource.x.y.enabled'].value, 'false');
  assert.equal(a['resource.x.y.url'].value, 'https://example.org/a//b');
  const comments = parseHcl(text).comments.map((c) => c.text.trim());
  assert.deepEqual(comments, ['set by ops', 'the # inside quotes stays', 'three', 'off for now', 'slashes in a string']);
});

test('quotes inside ${ } templates do not end the string', () => {
  const text = 'name = "${lookup(var.m, "a#b")}-x" # note\n';
  const start = text.indexOf('"');
  assert.equal(trailingCommentStart(text, start, text.length - 1), text.indexOf('# note'));
  const a = attrs(text);
  assert.equal(a.name.tag, '!expr');
  assert.equal(a.name.value, '"${lookup(var.m, "a#b")}-x"');
  // No comment at all, an escaped quote, an unterminated string.
  assert.equal(trailingCommentStart('x = "a\\"#b"', 4, 11), -1);
  assert.equal(trailingCommentStart('x = "a # b', 4, 10), -1);
  assert.equal(trailingCommentStart('x = var.a', 4, 9), -1);
});

test('a secret followed by a comment is reported', () => {
  const text = 'resource "aws_db_instance" "db" {\n  password = "Zq7#vK2pL9xW4mN8" # rotate me\n}\n';
  const found = analyze(text, { path: 'main.tf' }).findings.filter((f) => f.category === 'secret');
  assert.ok(found.length > 0, 'password with a trailing comment is reported');
  assert.equal(text.slice(found[0].start, found[0].end).replace(/"/g, ''), 'Zq7#vK2pL9xW4mN8');
});
