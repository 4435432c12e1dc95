// Kubernetes: a container env entry `value: literal` becomes `valueFrom.secretKeyRef` on a Secret
// created from the gitignored dotenv file. A Secret manifest itself is not rewritten: the value
// must leave the manifest, so the user is told how to create the Secret instead. The value is
// never written into any manifest.
import type { TextEdit } from '../types';
import type { MapNode } from '../parse/model';
import { getPair, getPath, isMap, isScalar, isSeq, keyOf, str } from '../parse/model';
import type { Located, SiteResult } from './move-site';
import { toEnvName } from './env-names';
import { columnOf, eolOf, indentUnit, isFlow, reparse } from './scalar-edit';

export function kubernetesSite(loc: Located, dotenvPath: string): SiteResult {
  const root = loc.doc.parsed.documents[loc.docIndex]?.root ?? null;
  const objectName = str(getPath(root, ['metadata', 'name']));
  if (str(getPath(root, ['kind'])) === 'Secret') {
    const key = typeof loc.path[loc.path.length - 1] === 'string' ? (loc.path[loc.path.length - 1] as string) : 'value';
    const secret = objectName ?? 'my-secret';
    const command = `kubectl create secret generic ${secret} --from-env-file=${dotenvPath}`;
    return {
      advice:
        `This is a Secret manifest: the fix is not to rewrite it but to keep the value out of the repository. Remove the manifest (or this key) from git, ` +
        `put ${key}=<value> in the git-ignored ${dotenvPath} and create the Secret from it: ${command}. Base64 in data: is an encoding, not encryption. ` +
        'The value has been in this file, so rotate it.',
      hints: [{ label: 'kubectl create secret', command }],
    };
  }
  const entry = loc.node.parent;
  const isEnvEntry =
    isMap(entry) && keyOf(loc.node) === 'value' && isScalar(getPair(entry, 'name')?.value) && isSeq(entry.parent) && keyOf(entry.parent) === 'env';
  if (!isEnvEntry) {
    return { refusal: 'Kubernetes reads secrets into containers through env valueFrom or volumes; only a container env entry (name/value) can be moved automatically.' };
  }
  const secretName = `${dnsName(objectName ?? 'app')}-secrets`;
  const envName = str(getPair(entry, 'name')?.value) ?? 'SECRET';
  return {
    // The whole value moves: secretKeyRef replaces the entry's value, not part of it.
    name: toEnvName(envName) || 'SECRET',
    value: loc.node.value,
    reference: (n) => `secretKeyRef ${secretName}/${n}`,
    edits(n) {
      const edit = valueFromEdit(loc, entry, secretName, n);
      const after = reparse(loc.doc, [edit]);
      const moved = after && getPath(after.parsed.documents[loc.docIndex]?.root, loc.path.slice(0, -1));
      const ref = getPath(moved, ['valueFrom', 'secretKeyRef']);
      if (!isMap(moved) || getPair(moved, 'value') || str(getPair(ref, 'name')?.value) !== secretName || str(getPair(ref, 'key')?.value) !== n) {
        return { refusal: 'The env entry cannot be rewritten safely; move the secret by hand.' };
      }
      return [edit];
    },
    note: ({ dotenvPath }) => {
      const command = `kubectl create secret generic ${secretName} --from-env-file=${dotenvPath}`;
      return { text: `Create the Secret before the next deploy: ${command} (it takes every entry of that file).`, hints: [{ label: 'kubectl create secret', command }] };
    },
  };
}

/** Replaces the `value:` pair by `valueFrom: secretKeyRef: {name, key}` in the entry's own style. */
function valueFromEdit(loc: Located, entry: MapNode, secretName: string, key: string): TextEdit {
  const text = loc.doc.text;
  const pair = entry.pairs.find((p) => p.value === loc.node)!;
  const span = { start: pair.key.start, end: loc.node.end };
  if (loc.doc.syntax === 'json') {
    return { ...span, newText: `"valueFrom": {"secretKeyRef": {"name": ${JSON.stringify(secretName)}, "key": ${JSON.stringify(key)}}}` };
  }
  if (isFlow(text, entry)) return { ...span, newText: `valueFrom: {secretKeyRef: {name: ${secretName}, key: ${key}}}` };
  const eol = eolOf(text);
  const unit = ' '.repeat(indentUnit(text, loc.doc.parsed.documents[loc.docIndex]?.root ?? null));
  const indent = ' '.repeat(columnOf(text, pair.key.start));
  return {
    ...span,
    newText: `valueFrom:${eol}${indent}${unit}secretKeyRef:${eol}${indent}${unit}${unit}name: ${secretName}${eol}${indent}${unit}${unit}key: ${key}`,
  };
}

/** A DNS-1123 label from an object name. */
function dnsName(name: string): string {
  const dashed = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-');
  // Trimmed by hand: `^-+|-+$` backtracks quadratically on long runs of dashes.
  let from = 0;
  let to = dashed.length;
  while (from < to && dashed[from] === '-') from++;
  while (to > from && dashed[to - 1] === '-') to--;
  return dashed.slice(from, Math.min(to, from + 200)) || 'app';
}
