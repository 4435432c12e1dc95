// The reference syntax of each platform that reads a moved secret from the environment, and what
// the user must do on the platform's side. GitHub Actions and Kubernetes need more than a
// reference and live in their own modules.
import type { FileKind } from '../types';
import type { Located, NoteContext, Site, SiteResult } from './move-site';
import { isRefusal } from './move-site';
import { deriveEnvName } from './env-names';
import { dirnameOf } from './env-files';
import { rewriteScalar, type ValueChange } from './scalar-edit';
import { shellReference } from './shell-ref';
import { githubSite } from './env-github';
import { kubernetesSite } from './env-kubernetes';

const CANNOT_WRITE = 'The reference cannot be written here without changing the file’s structure; move the secret by hand.';

export function siteFor(loc: Located, dotenvPath: string): SiteResult {
  const kind = loc.doc.kind;
  switch (kind) {
    case 'dotenv':
      return { refusal: 'This is an environment file already: the secret is where it belongs. Make sure git ignores this file.' };
    case 'github-workflow':
    case 'github-action':
      return githubSite(loc);
    case 'kubernetes':
      return kubernetesSite(loc, dotenvPath);
    case 'gitlab-ci':
      return gitlabSite(loc);
    case 'compose':
      return composeSite(loc);
    case 'vscode-settings':
      return inline(loc, (n) => `\${env:${n}}`, () =>
        'VS Code substitutes ${env:NAME} only in settings that support variables (terminal, tasks, launch configurations and extensions that resolve them); check that this one does, and set the variable in the environment VS Code starts from.',
      );
    case 'npmrc':
      return inline(loc, (n) => `\${${n}}`, ({ name }) => `npm expands \${${name}} from the environment: export ${name} (or load the .env file) before npm runs, and set it as a secret in CI.`);
    case 'serverless':
      return inline(loc, (n) => `\${env:${n}}`, ({ name }) => `The Serverless Framework resolves \${env:${name}} from the environment when it deploys; set ${name} there (load the .env file, or use a CI secret).`);
    case 'n8n':
      return n8nSite(loc);
    case 'node-red':
      return wholeValue(loc, (n) => `\${${n}}`, ({ name }) => `Node-RED replaces a property set to \${${name}} by the environment variable when the flow starts; set ${name} in Node-RED's environment (e.g. docker run --env-file).`);
    case 'appsettings':
      return appsettingsSite(loc);
    case 'yaml':
    case 'json':
      return inline(loc, (n) => `\${${n}}`, ({ name }) => `Whatever reads this file must expand \${${name}} from the environment; check that it does, and set ${name} there.`);
    default:
      return { refusal: `Plainsight does not know how ${describe(kind)} files reference environment variables; move the secret by hand.` };
  }
}

function describe(kind: FileKind): string {
  return kind.replace(/-/g, ' ');
}

function nameOf(loc: Located): string {
  return deriveEnvName({ kind: loc.doc.kind, ruleId: loc.finding.ruleId, node: loc.node, path: loc.path, from: loc.from, to: loc.to });
}

type Note = (context: NoteContext) => string;

/** The literal is replaced in place by `reference(name)`, inside whatever text surrounds it. */
function inline(loc: Located, reference: (name: string) => string, note: Note): Site {
  return {
    name: nameOf(loc),
    value: loc.literal,
    reference,
    edits: (n) => rewriteScalar(loc.doc, loc.node, [{ from: loc.from, to: loc.to, text: reference(n) }]) ?? { refusal: CANNOT_WRITE },
    note: (c) => ({ text: note(c), hints: [] }),
  };
}

/** Platforms that substitute whole values only: the whole value moves and the reference replaces it. */
function wholeValue(loc: Located, reference: (name: string) => string, note: Note): Site {
  return {
    name: nameOf(loc),
    value: loc.node.value,
    reference,
    edits: (n) => rewriteScalar(loc.doc, loc.node, [{ from: 0, to: loc.node.value.length, text: reference(n) }]) ?? { refusal: CANNOT_WRITE },
    note: (c) => ({ text: note(c), hints: [] }),
  };
}

const SCRIPT_KEYS = new Set(['script', 'before_script', 'after_script']);

/** GitLab CI: `$NAME`, a CI/CD variable; inside scripts quoted as the shell needs. */
function gitlabSite(loc: Located): SiteResult {
  const keys = loc.path.filter((s): s is string => typeof s === 'string');
  const inScript = SCRIPT_KEYS.has(keys[keys.length - 1] ?? '');
  const note: Note = ({ name }) => `Add ${name} as a masked, protected CI/CD variable (Settings › CI/CD › Variables); GitLab does not read .env files.`;
  if (!inScript) {
    const next = /[A-Za-z0-9_]/.test(loc.node.value[loc.to] ?? '');
    return inline(loc, (n) => (next ? `\${${n}}` : `$${n}`), note);
  }
  return {
    name: nameOf(loc),
    value: loc.literal,
    reference: (n) => `$${n}`,
    edits(n) {
      const r = shellReference(loc.node.value, loc.from, loc.to, n, 'sh');
      if (isRefusal(r)) return r;
      return rewriteScalar(loc.doc, loc.node, [{ from: r.from, to: r.to, text: r.text }]) ?? { refusal: CANNOT_WRITE };
    },
    note: (c) => ({ text: note(c), hints: [] }),
  };
}

/** Docker Compose: `${NAME}`, interpolated from the shell or the `.env` next to the compose file. */
function composeSite(loc: Located): SiteResult {
  const composeDir = dirnameOf(loc.doc.path);
  // Paths in commands are relative to the workspace root, where the user is asked to run them.
  const command = (dotenvPath: string) => `docker compose -f ${loc.doc.path} --env-file ${dotenvPath} up`;
  const site = inline(loc, (n) => `\${${n}}`, ({ dotenvPath }) =>
    dirnameOf(dotenvPath) === composeDir
      ? 'docker compose reads the .env file next to the compose file by itself.'
      : `docker compose reads .env from the compose file's folder, not from ${dotenvPath}: pass it explicitly (${command(dotenvPath)}).`,
  );
  return {
    ...site,
    // `$$` is compose's escape for a literal `$`: the environment holds the unescaped value.
    value: loc.literal.replace(/\$\$/g, '$'),
    note: (c) => ({
      text: site.note(c).text,
      hints: dirnameOf(c.dotenvPath) === composeDir ? [] : [{ label: 'docker compose --env-file', command: command(c.dotenvPath) }],
    }),
  };
}

/** n8n: `{{ $env.NAME }}` inside an expression; a parameter is an expression when it starts with `=`. */
function n8nSite(loc: Located): Site {
  const isExpression = loc.node.value.startsWith('=');
  const ref = (n: string) => `{{ $env.${n} }}`;
  return {
    name: nameOf(loc),
    value: loc.literal,
    reference: ref,
    edits(n) {
      // The expression marker goes first; when the literal starts the value, one change writes both.
      const changes: ValueChange[] = isExpression
        ? [{ from: loc.from, to: loc.to, text: ref(n) }]
        : loc.from === 0
          ? [{ from: 0, to: loc.to, text: `=${ref(n)}` }]
          : [{ from: 0, to: 0, text: '=' }, { from: loc.from, to: loc.to, text: ref(n) }];
      return rewriteScalar(loc.doc, loc.node, changes) ?? { refusal: CANNOT_WRITE };
    },
    note: ({ name }) => ({
      text: `n8n resolves {{ $env.${name} }} from its own environment: start n8n with ${name} set (e.g. docker run --env-file) and N8N_BLOCK_ENV_ACCESS_IN_NODE=false.`,
      hints: [],
    }),
  };
}

/**
 * appsettings.json: .NET's environment configuration provider overrides `Section:Key` with the
 * variable `Section__Key`, so the value is emptied and that exact name goes into .env.
 */
function appsettingsSite(loc: Located): SiteResult {
  if (loc.node.type !== 'string') return { refusal: 'Only string values can be overridden from the environment; move the secret by hand.' };
  const name = loc.path.map(String).join('__');
  if (!/^[A-Za-z_][A-Za-z0-9_.\-]*$/.test(name)) return { refusal: `The key path ${loc.path.join(':')} cannot be written as an environment variable name; move the secret by hand.` };
  return {
    name,
    fixedName: true,
    value: loc.node.value,
    reference: (n) => `the environment variable ${n}`,
    edits: () => rewriteScalar(loc.doc, loc.node, [{ from: 0, to: loc.node.value.length, text: '' }]) ?? { refusal: CANNOT_WRITE },
    note: ({ name: n }) => ({
      text: `.NET reads the environment variable ${n} over appsettings.json (the ${loc.path.join(':')} setting); load the .env file into the app's environment (e.g. docker run --env-file, or a launch profile).`,
      hints: [],
    }),
  };
}
