// GitHub Actions: a secret becomes `${{ secrets.NAME }}` where the secrets context is allowed (env
// maps, step `with:`, container credentials, reusable-workflow `secrets:`). Inside a `run:` script
// an expression would paste the value into the script text, so the script reads `"$NAME"` and the
// step's `env:` maps NAME to the secret (the block is created when missing).
import type { TextEdit } from '../types';
import type { MapNode, Node } from '../parse/model';
import { get, getPair, getPath, isMap, isScalar, str } from '../parse/model';
import type { Located, SiteResult } from './move-site';
import { isRefusal } from './move-site';
import { deriveEnvName } from './env-names';
import { columnOf, eolOf, indentUnit, inFlow, insertionAfter, isFlow, reparse, rewriteScalar } from './scalar-edit';
import { shellReference, type ShellDialect } from './shell-ref';

const expression = (name: string) => `\${{ secrets.${name} }}`;

export function githubSite(loc: Located): SiteResult {
  if (loc.doc.kind === 'github-action') {
    return { refusal: 'An action (action.yml) cannot read repository secrets: declare an input and pass ${{ secrets.NAME }} to it from the calling workflow.' };
  }
  const p = loc.path;
  const name = githubName(deriveEnvName({ kind: loc.doc.kind, ruleId: loc.finding.ruleId, node: loc.node, path: p, from: loc.from, to: loc.to }));
  const note = ({ dotenvPath }: { dotenvPath: string }) => ({
    text: `Upload it as a repository secret before the workflow runs again: gh secret set -f ${dotenvPath} (uploads every entry of that file).`,
    hints: [{ label: 'gh secret set', command: `gh secret set -f ${dotenvPath}` }],
  });
  const isRun = p.length === 5 && p[0] === 'jobs' && p[2] === 'steps' && typeof p[3] === 'number' && p[4] === 'run';
  if (isRun) return runSite(loc, name, note);
  if (!secretsAllowed(p)) {
    return { refusal: `GitHub does not allow the secrets context at ${p.join('.')}. Move the value into an env: or with: entry first.` };
  }
  return {
    name,
    value: loc.literal,
    reference: expression,
    edits: (n) => rewriteScalar(loc.doc, loc.node, [{ from: loc.from, to: loc.to, text: expression(n) }]) ?? { refusal: 'The reference cannot be written here without changing the file’s structure.' },
    note,
  };
}

/** GitHub rejects secret names starting with GITHUB_: GITHUB_TOKEN becomes GH_TOKEN. */
function githubName(name: string): string {
  return name.startsWith('GITHUB_') ? `GH_${name.slice('GITHUB_'.length)}` || 'GH_SECRET' : name;
}

function root(loc: Located): Node | null {
  return loc.doc.parsed.documents[loc.docIndex]?.root ?? null;
}

/** Where the secrets context may be used (see GitHub's context availability table). */
function secretsAllowed(p: readonly (string | number)[]): boolean {
  const parent = p[p.length - 2];
  if (parent === 'env' || parent === 'credentials') return true;
  if (p[0] === 'jobs' && p[2] === 'steps' && p[4] === 'with' && p.length === 6) return true;
  return p[0] === 'jobs' && p[2] === 'secrets' && p.length === 4;
}

function runSite(loc: Located, name: string, note: (c: { dotenvPath: string }) => { text: string; hints: { label: string; command: string }[] }): SiteResult {
  const doc = loc.doc;
  const step = loc.node.parent;
  if (!isMap(step) || isFlow(doc.text, step) || inFlow(doc.text, step)) return { refusal: 'The step is written in flow style ({...}); move the secret by hand.' };
  const dialect = shellOf(root(loc), loc.path[1] as string, step);
  if (typeof dialect !== 'string') return dialect;
  const envPair = getPair(step, 'env');
  const env = envPair?.value;
  if (env && !isMap(env) && !(isScalar(env) && env.type === 'null')) return { refusal: 'The step’s env: is an expression, so a variable cannot be added to it; move the secret by hand.' };
  const envMap = isMap(env) ? env : undefined;
  return {
    name,
    value: loc.literal,
    taken: (n) => !!envMap && envMap.pairs.some((pair) => pair.key.value === n),
    reference: (n) => (dialect === 'pwsh' ? `$env:${n}` : dialect === 'cmd' ? `%${n}%` : `$${n}`),
    edits(n) {
      const replacement = shellReference(loc.node.value, loc.from, loc.to, n, dialect);
      if (isRefusal(replacement)) return replacement;
      const script = rewriteScalar(doc, loc.node, [{ from: replacement.from, to: replacement.to, text: replacement.text }]);
      if (!script) return { refusal: 'The script cannot be rewritten without changing the file’s structure; move the secret by hand.' };
      const edits: TextEdit[] = [...script, envEntry(doc.text, root(loc), step, n)];
      // The result must hold the new env entry where GitHub reads it.
      const after = reparse(doc, edits);
      const entry = after && getPath(after.parsed.documents[loc.docIndex]?.root, [...loc.path.slice(0, 4), 'env', n]);
      if (!isScalar(entry) || entry.value !== expression(n)) return { refusal: 'The step’s env: block cannot be extended safely; move the secret by hand.' };
      return edits;
    },
    note,
  };
}

/** The insertion adding `NAME: ${{ secrets.NAME }}` to the step's env (creating `env:` when missing). */
function envEntry(text: string, rootNode: Node | null, step: MapNode, name: string): TextEdit {
  const eol = eolOf(text);
  const unit = indentUnit(text, rootNode);
  const stepIndent = columnOf(text, step.pairs[0].key.start);
  const envPair = getPair(step, 'env');
  const env = envPair?.value;
  if (envPair && isMap(env) && env.pairs.length) {
    if (isFlow(text, env)) {
      const close = text.lastIndexOf('}', env.end);
      return { start: close, end: close, newText: `, ${name}: "${expression(name)}"` };
    }
    const indent = ' '.repeat(columnOf(text, env.pairs[0].key.start));
    const last = env.pairs[env.pairs.length - 1];
    const { at, lead } = insertionAfter(text, last.value ?? last.key);
    return { start: at, end: at, newText: `${lead}${indent}${name}: ${expression(name)}${eol}` };
  }
  if (envPair) {
    // `env:` with nothing (or `{}`) after it: the entry goes on the next line, indented below it.
    const value = envPair.value;
    if (value && isMap(value)) return { start: value.start, end: value.end, newText: `{ ${name}: "${expression(name)}" }` };
    const { at, lead } = insertionAfter(text, envPair.key);
    return { start: at, end: at, newText: `${lead}${' '.repeat(stepIndent + unit)}${name}: ${expression(name)}${eol}` };
  }
  const last = step.pairs[step.pairs.length - 1];
  const { at, lead } = insertionAfter(text, last.value ?? last.key);
  const indent = ' '.repeat(stepIndent);
  return { start: at, end: at, newText: `${lead}${indent}env:${eol}${indent}${' '.repeat(unit)}${name}: ${expression(name)}${eol}` };
}

/** The shell a step's `run:` uses: the step's, the job's or the workflow's default, else the runner's. */
function shellOf(rootNode: Node | null, jobId: string, step: MapNode): ShellDialect | { refusal: string } {
  const job = getPath(rootNode, ['jobs', jobId]);
  const shell =
    str(get(step, 'shell')) ?? str(getPath(job, ['defaults', 'run', 'shell'])) ?? str(getPath(rootNode, ['defaults', 'run', 'shell']));
  if (shell === undefined) return /windows/i.test(str(get(job, 'runs-on')) ?? '') ? 'pwsh' : 'sh';
  if (/^(bash|sh)\b/.test(shell)) return 'sh';
  if (/^(pwsh|powershell)\b/.test(shell)) return 'pwsh';
  if (/^cmd\b/.test(shell)) return 'cmd';
  return { refusal: `The step runs with shell: ${shell.split(/\s/)[0]}; read the variable from the environment there and move the secret by hand.` };
}
