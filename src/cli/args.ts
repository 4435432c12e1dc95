// A small flag parser: `--name value`, `--name=value`, `-x value`, boolean flags, `--` to end
// flags. Written out rather than using util.parseArgs so every mistake gets a one-line message
// that names the flag and the command.
import { UsageError } from './io';

export interface FlagSpec {
  /** Whether the flag takes a value (`--format json`) or is a switch (`--help`). */
  value: boolean;
  short?: string;
  /** Allowed values, checked here so each command need not. */
  choices?: readonly string[];
}

export type FlagSpecs = Readonly<Record<string, FlagSpec>>;

export interface ParsedArgs {
  flags: Map<string, string | true>;
  positionals: string[];
}

export function parseArgs(args: readonly string[], specs: FlagSpecs, command?: string): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positionals: string[] = [];
  const byShort = new Map(Object.entries(specs).flatMap(([name, spec]) => (spec.short ? [[spec.short, name] as const] : [])));

  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--') {
      positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const written = eq > 0 ? arg.slice(0, eq) : arg;
    const name = written.startsWith('--') ? written.slice(2) : byShort.get(written.slice(1));
    const spec = name === undefined ? undefined : specs[name];
    if (name === undefined || !spec) throw new UsageError(`unknown option ${written}`, command);
    if (!spec.value) {
      if (eq > 0) throw new UsageError(`option ${written} takes no value`, command);
      flags.set(name, true);
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
    if (value === undefined || (eq < 0 && value.startsWith('-') && value !== '-')) throw new UsageError(`option ${written} needs a value`, command);
    if (spec.choices && !spec.choices.includes(value)) throw new UsageError(`invalid value '${value}' for ${written}: expected ${spec.choices.join(', ')}`, command);
    flags.set(name, value);
  }
  return { flags, positionals };
}

export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const value = parsed.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}
