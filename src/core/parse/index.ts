// Parses a file once, in the syntax its classification names, into the common model.
import type { Syntax } from '../types';
import type { ParsedFile } from './model';
import { parseYaml } from './yaml';
import { parseJson } from './json';
import { parseDotenv, parseIni, parseLooseText, parseNetrc } from './lines';
import { parseDockerfile } from './dockerfile';
import { parseHcl } from './hcl';

export function parseFile(text: string, syntax: Syntax, options: { netrc?: boolean } = {}): ParsedFile {
  // The line readers see a leading byte-order mark as a space (same length, so offsets hold);
  // otherwise `\ufeffDB_PASSWORD=...` on line 1 is not read as a setting. YAML and JSON handle it.
  const lineText = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
  switch (syntax) {
    case 'yaml':
      return { syntax, text, commands: [], ...parseYaml(text) };
    case 'json':
      return { syntax, text, commands: [], ...parseJson(text) };
    case 'dotenv':
      return { syntax, text, commands: [], ...parseDotenv(lineText) };
    case 'ini':
      return { syntax, text, commands: [], ...(options.netrc ? parseNetrc(lineText) : parseIni(lineText)) };
    case 'dockerfile':
      return { syntax, text, ...parseDockerfile(text) };
    case 'hcl':
      return { syntax, text, commands: [], ...parseHcl(text) };
    case 'text':
      return { syntax, text, commands: [], ...parseLooseText(lineText) };
  }
}
