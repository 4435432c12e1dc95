// The shape of a subcommand. main.ts dispatches through a table of these, so adding a command
// (e.g. `fix`) is one module and one table entry.
import type { FlagSpecs, ParsedArgs } from './args';
import type { CliIO } from './io';

export interface Command {
  name: string;
  /** One line for the command list in `plainsight --help`. */
  summary: string;
  /** Full text for `plainsight help <name>`. */
  help: string;
  flags: FlagSpecs;
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}
