// Commander wiring only: the global options, each command's definition, and the help text.

import { Command, InvalidArgumentError, Option } from 'commander';
import { sanitizeLine } from '../article/sanitize.js';
import type { Io } from '../terminal/io.js';
import type { AnyCommand } from './command.js';
import { formatHelpEpilogue } from './helptext.js';
import { type GlobalOptions, MAX_WIDTH, MIN_WIDTH } from './settings.js';

function parseWidth(value: string): number {
  const width = Number(value);
  if (!/^\d+$/.test(value) || width < MIN_WIDTH || width > MAX_WIDTH) {
    throw new InvalidArgumentError(`Give a whole number of columns from ${MIN_WIDTH} to ${MAX_WIDTH}.`);
  }
  return width;
}

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** Commander's usage errors, on one line, with where to look next. */
function configureErrors(command: Command, io: Io, helpCommand: string): void {
  command.exitOverride().configureOutput({
    writeOut: (text) => io.stdout.write(text),
    writeErr: (text) => io.stderr.write(text),
    // Commander would otherwise ask process.stdout and the environment itself (building the stream
    // costs start-up time); the terminal's width comes from io, and help is never coloured.
    getOutHelpWidth: () => io.stdout.columns ?? 80,
    getErrHelpWidth: () => io.stderr.columns ?? 80,
    getOutHasColors: () => false,
    getErrHasColors: () => false,
    outputError: (text, write) => {
      // Commander quotes the user's arguments back; they may hold control characters.
      const message = sanitizeLine(
        text
          .replace(/^error: /, '')
          .replace(/\s*\n\s*/g, ' ')
          .trim(),
      );
      write(`news: ${message} (run '${helpCommand}' for usage)\n`);
    },
  });
}

/**
 * Builds the program from the command definitions. Commander never exits or prints on its own:
 * help, version and usage errors go through `io` and surface as CommanderError for main to map to
 * an exit code. `onInvoke` receives the command that was chosen, what it was asked, and the
 * global options.
 */
export function createProgram(
  io: Io,
  version: string,
  commands: readonly AnyCommand[],
  onInvoke: (command: AnyCommand, invocation: unknown, globals: GlobalOptions) => Promise<void>,
): Command {
  const program = new Command('news');
  program
    .description('Read news articles in the terminal: styled on a terminal, plain text or JSON in pipes.')
    .version(version, '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .addOption(new Option('--color <when>', 'colour: auto, always or never').choices(['auto', 'always', 'never']))
    .option('--no-color', 'same as --color never')
    .option('-w, --width <columns>', `wrap text at this many columns (${MIN_WIDTH}–${MAX_WIDTH})`, parseWidth)
    .option('-d, --dir <path>', 'also read articles from this folder (repeatable; first wins)', collect)
    .option('--pager <command>', 'page long output on a terminal with this command (default: less -R)')
    .option('--no-pager', 'never page')
    .option('--no-cache', 'read article folders directly, without the search index cache')
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true })
    // A function, so the epilogue is only formatted when help is shown, not on every run.
    .addHelpText('after', () => `\n${formatHelpEpilogue()}\n`);

  configureErrors(program, io, 'news --help');
  const globals = (): GlobalOptions => {
    const options = program.opts<Partial<GlobalOptions>>();
    return { ...options, dir: options.dir ?? [], cache: options.cache !== false };
  };

  for (const definition of commands) {
    const command = program.command(definition.name, definition.hidden ? { hidden: true } : {});
    definition.configure(command);
    command.action(async () => {
      const invocation = definition.invocation(command.processedArgs, command.opts());
      await onInvoke(definition, invocation, globals());
    });
    configureErrors(command, io, `news ${definition.name} --help`);
  }
  return program;
}
