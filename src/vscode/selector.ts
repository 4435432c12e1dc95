// Which documents Plainsight analyses: the languages and file names it serves, on schemes whose
// content it can read. Classification itself is the core's job.
import * as vscode from 'vscode';
import { classify } from '../core/index';
import { LANGUAGES } from './contributions';

const SCHEMES = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

export function isServed(document: vscode.TextDocument): boolean {
  if (!SCHEMES.has(document.uri.scheme)) return false;
  if (!LANGUAGES.includes(document.languageId)) return false;
  // Plain text and shell files are served only when their name says they are config files.
  if (document.languageId === 'plaintext' || document.languageId === 'shellscript') {
    return classify(document.uri.path, '').kind !== 'text';
  }
  return true;
}
