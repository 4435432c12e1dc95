// How commands talk to the world. Injected so tests call `main` directly with captured streams
// and a temporary working directory instead of spawning a process per case.

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative paths are resolved against and reported relative to. */
  cwd: string;
  /** Whether stdout is a terminal; colours are used only then. */
  stdoutIsTTY?: boolean;
  env?: Readonly<Record<string, string | undefined>>;
}

export const EXIT = {
  ok: 0,
  /** Findings at or above the --fail-on threshold. */
  findings: 1,
  /** Usage or I/O error: bad flag or value, missing path, unwritable output. */
  usage: 2,
} as const;

/** A mistake in how the CLI was called or what it was pointed at; reported in one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  /** The command whose help the hint should point to. */
  constructor(message: string, readonly command?: string) {
    super(message);
  }
}

export function nodeIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
  };
}

export function wantsColor(io: CliIO): boolean {
  const force = io.env?.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.stdoutIsTTY === true && io.env?.NO_COLOR === undefined;
}
