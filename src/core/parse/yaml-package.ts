// The `yaml` package, loaded the first time a file needs it. The fast reader (yaml-fast.ts) reads
// the block YAML of nearly every real config file, so in the editor most sessions never need the
// package: its ~95 KB stay out of what the extension loads and compiles (the editor build ships it
// as dist/yaml.js, see esbuild.mjs; other builds bundle it and evaluate it on first use).
import type * as Yaml from 'yaml';

let loaded: typeof Yaml | undefined;

export function yamlPackage(): typeof Yaml {
  return (loaded ??= require('yaml') as typeof Yaml);
}
