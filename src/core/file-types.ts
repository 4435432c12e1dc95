// Which files a directory walk or a workspace scan analyses: the config-like files the rules are
// written for. Shared by the CLI walker and the editor's workspace scan so both look at the same
// files. Files named explicitly (CLI) or opened in the editor are analysed whatever their type.

const EXTENSIONS = ['yml', 'yaml', 'json', 'jsonc', 'env', 'ini', 'cfg', 'properties', 'tf', 'tfvars', 'hcl', 'code-workspace'];
const NAMES = ['.env', '.npmrc', '.yarnrc', '.pypirc', '.netrc', '_netrc', '.git-credentials', '.gitconfig', 'containerfile'];
const EXTENSION_SET: ReadonlySet<string> = new Set(EXTENSIONS);
const NAME_SET: ReadonlySet<string> = new Set(NAMES);
/** Generated dependency pins: large, machine-written, full of hashes that look like secrets. */
const LOCKFILES = new Set(['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'composer.lock', 'bun.lock', 'deno.lock', '.terraform.lock.hcl']);
const LOCKFILE_PATTERN = /(^|[.-])lock\.(json|jsonc|ya?ml|hcl)$/;
/** Program sources and docs whose names can start like a Dockerfile's. */
const SOURCE_EXTENSIONS: ReadonlySet<string> = new Set(['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'py', 'go', 'rs', 'java', 'kt', 'rb', 'php', 'cs', 'sh', 'md', 'map']);

export function isConfigLike(fileName: string): boolean {
  const name = fileName.toLowerCase();
  if (LOCKFILES.has(name) || LOCKFILE_PATTERN.test(name)) return false;
  if (NAME_SET.has(name) || name.startsWith('.env.')) return true;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1) : '';
  // `Dockerfile.dev` is a Dockerfile; `dockerfile.ts` is the source of something that reads them.
  if ((name.startsWith('dockerfile') || name.startsWith('containerfile.')) && !SOURCE_EXTENSIONS.has(ext)) return true;
  return name.endsWith('.dockerfile') || EXTENSION_SET.has(ext);
}

/** Directories never walked into, ignored or not: version-control internals and installed packages. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['.git', 'node_modules']);

/**
 * A glob (VS Code / ripgrep syntax) matching at least every name `isConfigLike` accepts, so a file
 * search can narrow the candidates before the predicate decides (it also matches lockfiles, which
 * the predicate then drops). Built from the same lists so the two cannot drift apart; letters are
 * written as `[aA]` classes because the predicate ignores case and file searches do not.
 */
export const CONFIG_FILE_GLOB = `**/{${[
  ...EXTENSIONS.map((ext) => `*.${caseless(ext)}`),
  ...NAMES.map(caseless),
  `${caseless('.env.')}*`,
  `${caseless('dockerfile')}*`,
  `*.${caseless('dockerfile')}`,
  `${caseless('containerfile.')}*`,
].join(',')}}`;

/** The glob excluding SKIPPED_DIRECTORIES at any depth. */
export const SKIPPED_DIRECTORIES_GLOB = `**/{${[...SKIPPED_DIRECTORIES].join(',')}}/**`;

function caseless(text: string): string {
  return text.replace(/[a-z]/g, (c) => `[${c}${c.toUpperCase()}]`);
}
