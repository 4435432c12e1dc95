// What every platform's part of "move to environment variable" provides: where the secret sits in
// the analysed document, and, for a platform, how the reference replaces it.
import type { FileKind, Finding, TextEdit } from '../types';
import type { PathSegment, ScalarNode } from '../parse/model';
import type { EditableDocument } from './scalar-edit';

export interface MoveDocument extends EditableDocument {
  /** Path relative to the workspace root, `/`-separated (messages, `.env` beside it). */
  path: string;
  kind: FileKind;
}

/** The secret located in the tree: node.value[from, to) is the literal. */
export interface Located {
  doc: MoveDocument;
  finding: Finding;
  node: ScalarNode;
  docIndex: number;
  path: PathSegment[];
  from: number;
  to: number;
  /** The secret as its consumer sees it (quotes and escapes decoded). */
  literal: string;
}

/** A command the user may want to run next, offered with a "Copy command" button. */
export interface CommandHint {
  label: string;
  command: string;
}

export interface NoteContext {
  /** The dotenv file, relative to the workspace root. */
  dotenvPath: string;
  name: string;
}

/** How one platform moves the secret at one place. */
export interface Site {
  /** The default name. */
  name: string;
  /** The platform reads exactly this name (e.g. .NET's `Section__Key`): it cannot be chosen or changed. */
  fixedName?: boolean;
  /** What goes into the dotenv file: the literal, or the whole value where only whole values can be referenced. */
  value: string;
  /** Names unavailable besides the dotenv file's own (e.g. keys a step's `env:` already has). */
  taken?: (name: string) => boolean;
  /** The reference as the user will read it in the file. */
  reference(name: string): string;
  /** Edits to the analysed document for the final name, or why there are none. */
  edits(name: string): TextEdit[] | { refusal: string };
  /** What the user must do on the platform's side, with commands to copy. */
  note(context: NoteContext): { text: string; hints: CommandHint[] };
}

export type SiteResult = Site | { refusal: string } | { advice: string; hints: CommandHint[] };

export function isRefusal(x: object): x is { refusal: string } {
  return 'refusal' in x;
}
