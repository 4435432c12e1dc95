// Entry point of the `plainsight` command. `main` takes its arguments and I/O as parameters so
// tests call it directly; the last lines run it when this file is the program.
import { VERSION } from '../core/index';
import { parseArgs } from './args';
import type { Command } from './command';
import { EXIT, UsageError, nodeIO, type CliIO } from './io';
import { baselineCommand } from './baseline';
import { fixCommand } from './fix';
import { rulesCommand } from './rules';
import { scanCommand } from './scan';
import { tuneV8ForScans } from './v8-tuning';

/** Every subcommand. Adding one (e.g. `fix`) is a module exporting a Command and an entry here. */
export const COMMANDS: readonly Command[] = [scanCommand, fixCommand, baselineCommand, rulesCommand];

const HELP_FLAG = { help: { value: false, short: 'h' } } as const;

export function generalHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Usage: plainsight <command> [options]

Finds hardcoded secrets, overbroad scopes and unencrypted endpoints in workflow and config files.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}
  ${'help'.padEnd(width)}  Show help for a command: plainsight help <command>

Options:
  -h, --help     show this help
  -v, --version  print the version`;
}

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    const helpCommand = error.command ? `plainsight help ${error.command}` : 'plainsight --help';
    io.stderr(`plainsight: ${error.message}\nRun '${helpCommand}' for usage.\n`);
    return EXIT.usage;
  }
}

async function dispatch(argv: readonly string[], io: CliIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr(`${generalHelp()}\n`);
    return EXIT.usage;
  }
  if (first === '--version' || first === '-v') {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (first === '--help' || first === '-h') {
    io.stdout(`${generalHelp()}\n`);
    return EXIT.ok;
  }
  if (first === 'help') {
    if (rest.length === 0) {
      io.stdout(`${generalHelp()}\n`);
      return EXIT.ok;
    }
    io.stdout(`${commandNamed(rest[0]).help}\n`);
    return EXIT.ok;
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first}`);
  const command = commandNamed(first);
  const args = parseArgs(rest, { ...command.flags, ...HELP_FLAG }, command.name);
  if (args.flags.has('help')) {
    io.stdout(`${command.help}\n`);
    return EXIT.ok;
  }
  return command.run(args, io);
}

function commandNamed(name: string): Command {
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command '${name}'`);
  return command;
}

if (require.main === module) {
  tuneV8ForScans();
  main(process.argv.slice(2), nodeIO()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: Error) => {
      // Not a usage error: a bug. Name it without echoing data that could hold file contents.
      process.stderr.write(`plainsight: internal error (${error.name}); please report it with the command you ran\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
