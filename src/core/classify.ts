// Decides what a file is from its path first and its content second. Cheap: regular expressions
// over the head of the text, no parsing, so it can run on every keystroke.
import type { FileKind, Syntax } from './types';

export interface Classification {
  kind: FileKind;
  syntax: Syntax;
}

const SYNTAX_OF: Record<FileKind, Syntax> = {
  'github-workflow': 'yaml',
  'github-action': 'yaml',
  'gitlab-ci': 'yaml',
  compose: 'yaml',
  kubernetes: 'yaml',
  'iam-policy': 'json',
  cloudformation: 'yaml',
  serverless: 'yaml',
  openapi: 'yaml',
  ansible: 'yaml',
  n8n: 'json',
  'node-red': 'json',
  'vscode-settings': 'json',
  appsettings: 'json',
  'docker-config': 'json',
  dotenv: 'dotenv',
  npmrc: 'ini',
  ini: 'ini',
  netrc: 'ini',
  'git-credentials': 'text',
  dockerfile: 'dockerfile',
  terraform: 'hcl',
  yaml: 'yaml',
  json: 'json',
  text: 'text',
};

/** How much of the text content sniffing looks at. */
const HEAD = 64 * 1024;

export function classify(path: string, text: string): Classification {
  const p = path.replace(/\\/g, '/');
  const name = p.slice(p.lastIndexOf('/') + 1);
  const lower = name.toLowerCase();
  const ext = lower.includes('.') ? lower.slice(lower.lastIndexOf('.') + 1) : '';
  const head = text.length > HEAD ? text.slice(0, HEAD) : text;

  const byName = kindFromName(p.toLowerCase(), lower, ext);
  if (byName) return withSyntax(byName, ext);

  if (ext === 'yml' || ext === 'yaml') return withSyntax(sniffYaml(head) ?? 'yaml', ext);
  if (ext === 'json' || ext === 'jsonc' || ext === 'json5' || ext === 'code-workspace') return withSyntax(sniffJson(head, lower) ?? 'json', ext);

  // No telling extension: look at the content.
  const trimmed = head.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return withSyntax(sniffJson(head, lower) ?? 'json', 'json');
  if (/^FROM\s+\S+/im.test(head) && /^(RUN|ENV|CMD|ENTRYPOINT|COPY|ARG)\s/m.test(head)) return withSyntax('dockerfile', ext);
  const yamlKind = sniffYaml(head);
  if (yamlKind && yamlKind !== 'yaml') return withSyntax(yamlKind, ext);
  return { kind: 'text', syntax: 'text' };
}

/** The classification for a kind the caller already knows (e.g. from the editor's language id). */
export function classifyAs(kind: FileKind, path: string): Classification {
  const lower = path.toLowerCase();
  return withSyntax(kind, lower.includes('.') ? lower.slice(lower.lastIndexOf('.') + 1) : '');
}

function withSyntax(kind: FileKind, ext: string): Classification {
  let syntax = SYNTAX_OF[kind];
  // Kinds that exist in both syntaxes keep the syntax of their file.
  if ((ext === 'json' || ext === 'jsonc') && syntax === 'yaml') syntax = 'json';
  if ((ext === 'yml' || ext === 'yaml') && syntax === 'json') syntax = 'yaml';
  return { kind, syntax };
}

function kindFromName(p: string, name: string, ext: string): FileKind | undefined {
  if (/(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/.test(p)) return 'github-workflow';
  if (name === 'action.yml' || name === 'action.yaml') return 'github-action';
  if (name === '.gitlab-ci.yml' || name.endsWith('.gitlab-ci.yml')) return 'gitlab-ci';
  if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/.test(name)) return 'compose';
  if (name === 'serverless.yml' || name === 'serverless.yaml') return 'serverless';
  if (name === '.env' || name.startsWith('.env.') || (ext === 'env' && name !== '.env')) return 'dotenv';
  if (name === '.npmrc' || name === '.yarnrc') return 'npmrc';
  if (name === '.netrc' || name === '_netrc') return 'netrc';
  if (name === '.git-credentials') return 'git-credentials';
  if (name === '.pypirc' || ext === 'ini' || ext === 'cfg' || ext === 'properties' || name === '.gitconfig') return 'ini';
  if (name === 'dockerfile' || name.startsWith('dockerfile.') || ext === 'dockerfile' || name === 'containerfile') return 'dockerfile';
  if (ext === 'tf' || ext === 'tfvars' || ext === 'hcl') return 'terraform';
  if (/(^|\/)\.vscode\/settings\.json$/.test(p) || ext === 'code-workspace' || /(^|\/)user\/settings\.json$/.test(p)) return 'vscode-settings';
  if (/^appsettings(\.[\w-]+)?\.json$/.test(name)) return 'appsettings';
  if (/(^|\/)\.docker\/config\.json$/.test(p)) return 'docker-config';
  if (name === 'flows.json' || name === 'flows_cred.json') return 'node-red';
  return undefined;
}

// Indentation is matched as whitespace that is not a line break ([^\S\r\n\u2028\u2029]), not as
// \s: with the m flag, ^\s+ restarts at every line of a run of blank lines and rescans the rest
// of the run from each one, which is quadratic (seconds on 64 KB of newlines).
function sniffYaml(head: string): FileKind | undefined {
  if (/^["']?on["']?\s*:/m.test(head) && /^jobs\s*:/m.test(head)) return 'github-workflow';
  if (/^runs\s*:/m.test(head) && /^[^\S\r\n\u2028\u2029]+using\s*:/m.test(head)) return 'github-action';
  if (/^AWSTemplateFormatVersion\s*:/m.test(head) || /^[^\S\r\n\u2028\u2029]+Type\s*:\s*["']?AWS::/m.test(head)) return 'cloudformation';
  if (/^apiVersion\s*:/m.test(head) && /^kind\s*:/m.test(head)) return 'kubernetes';
  if (/^services\s*:/m.test(head) && /^[^\S\r\n\u2028\u2029]+(image|build|environment|ports|volumes)\s*:/m.test(head)) return 'compose';
  if (/^provider\s*:/m.test(head) && /^functions\s*:/m.test(head)) return 'serverless';
  if (/^(openapi|swagger)\s*:/m.test(head)) return 'openapi';
  if (/^stages\s*:/m.test(head) || (/^[^\S\r\n\u2028\u2029]+script\s*:/m.test(head) && !/^jobs\s*:/m.test(head) && /^[\w.-]+\s*:\s*$/m.test(head))) return 'gitlab-ci';
  if (/^[^\S\r\n\u2028\u2029]*-\s+(hosts|name)\s*:/m.test(head) && /^[^\S\r\n\u2028\u2029]+(tasks|ansible\.builtin\.|[a-z_]+\.[a-z_]+\.[a-z_]+)\s*:/m.test(head)) return 'ansible';
  if (/^[^\S\r\n\u2028\u2029]*"?Statement"?\s*:/m.test(head) && /^[^\S\r\n\u2028\u2029]*"?Version"?\s*:/m.test(head)) return 'iam-policy';
  return undefined;
}

function sniffJson(head: string, name: string): FileKind | undefined {
  if (name === 'package.json' || name === 'package-lock.json') return undefined;
  if (/"nodes"\s*:/.test(head) && /"connections"\s*:/.test(head) && /"n8n-nodes-/.test(head)) return 'n8n';
  if (/^\s*\[/.test(head) && /"wires"\s*:/.test(head) && /"z"\s*:/.test(head)) return 'node-red';
  if (/"AWSTemplateFormatVersion"\s*:/.test(head) || /"Type"\s*:\s*"AWS::/.test(head)) return 'cloudformation';
  if (/"Statement"\s*:/.test(head) && /"(Effect|Action)"\s*:/.test(head)) return 'iam-policy';
  if (/"apiVersion"\s*:/.test(head) && /"kind"\s*:/.test(head)) return 'kubernetes';
  if (/"auths"\s*:/.test(head) && /"auth"\s*:/.test(head)) return 'docker-config';
  if (/"(openapi|swagger)"\s*:/.test(head)) return 'openapi';
  if (/"ConnectionStrings"\s*:/.test(head)) return 'appsettings';
  return undefined;
}
