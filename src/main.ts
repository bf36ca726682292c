// Runs one invocation: parses argv, resolves settings once, runs the command, maps every error to an exit code.

import { type Command, CommanderError } from 'commander';
import type { AnyCommand } from './cli/command.js';
import { createProgram, markDashOperands } from './cli/program.js';
import { type Env, type GlobalOptions, type ProcessOptions, resolveSettings } from './cli/settings.js';
import { COMMANDS } from './commands/registry.js';
import { EXIT_ERROR, EXIT_OK, isNewsError } from './errors.js';
import { BufferSink, type Io } from './terminal/io.js';
import { describeBug, describeOutputError, formatMessage } from './terminal/messages.js';

export { COMMANDS } from './commands/registry.js';
export { createStreamIo } from './terminal/io.js';
export { describeBug, describeOutputError } from './terminal/messages.js';

/** Set by the build from package.json; the fallback only shows when running from source. */
declare const __NEWS_VERSION__: string | undefined;
const VERSION = typeof __NEWS_VERSION__ === 'string' ? __NEWS_VERSION__ : '0.0.0-dev';

export type MainOptions = ProcessOptions;

function exitCodeOfCommanderError(error: CommanderError): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
  // Help shown because no command was given is still a usage error.
  return error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
}

/**
 * Runs the command commander chose: settings are resolved once, here; output meant for people is
 * collected and shown through the pager when it is taller than the terminal.
 */
async function runCommand(
  command: AnyCommand,
  invocation: unknown,
  globals: GlobalOptions,
  run: { io: Io; env: Env; options: MainOptions; program: Command },
): Promise<number> {
  const { io, env, options, program } = run;
  const settings = resolveSettings(globals, command.pageable(invocation), env, io.stdout, options);
  if (settings.pager === undefined) return command.run({ io, settings, program }, invocation);
  const buffer = new BufferSink(io.stdout);
  const code = await command.run({ io: { ...io, stdout: buffer }, settings, program }, invocation);
  const { showPaged } = await import('./terminal/pager.js');
  await showPaged(io, buffer.text, settings.pager);
  return code;
}

/**
 * The whole program as a function: argv without node and script, an Io, and the environment.
 * Returns the exit code; prints only through `io`; never throws.
 */
export async function main(argv: readonly string[], io: Io, env: Env, options: MainOptions): Promise<number> {
  let exitCode = EXIT_OK;
  try {
    const program = createProgram(
      io,
      VERSION,
      COMMANDS,
      async (command, invocation, globals) => {
        exitCode = await runCommand(command, invocation, globals, { io, env, options, program });
      },
      argv,
    );
    if (argv.length === 0) {
      io.stderr.write(program.helpInformation());
      exitCode = EXIT_ERROR;
    } else {
      await program.parseAsync(markDashOperands(program, COMMANDS, argv), { from: 'user' });
    }
  } catch (error) {
    if (error instanceof CommanderError) {
      exitCode = exitCodeOfCommanderError(error);
    } else if (isNewsError(error)) {
      io.stderr.write(formatMessage('error', error.message));
      exitCode = error.exitCode;
    } else {
      io.stderr.write(describeBug(error));
      exitCode = EXIT_ERROR;
    }
  }
  const writeError = await io.flush();
  if (writeError === undefined || writeError.code === 'EPIPE') return writeError ? EXIT_OK : exitCode;
  io.stderr.write(describeOutputError(writeError));
  await io.flush();
  return EXIT_ERROR;
}
