// Commander wiring only: the global options, each command's definition, and the help text.

import { Command, InvalidArgumentError, Option } from 'commander';
import { sanitizeLine } from '../article/sanitize.js';
import { suggestSlugs } from '../library/slugs.js';
import type { Io } from '../terminal/io.js';
import type { AnyCommand } from './command.js';
import { formatHelpEpilogue } from './helptext.js';
import { collect } from './options.js';
import { type GlobalOptions, MAX_WIDTH, MIN_WIDTH } from './settings.js';

function parseWidth(value: string): number {
  const width = Number(value);
  if (!/^\d+$/.test(value) || width < MIN_WIDTH || width > MAX_WIDTH) {
    throw new InvalidArgumentError(`Give a whole number of columns from ${MIN_WIDTH} to ${MAX_WIDTH}.`);
  }
  return width;
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
    outputError: (text, write) => write(`news: ${formatUsageError(text)} (run '${helpCommand}' for usage)\n`),
  });
}

/**
 * Commander's error text in the house style, on one line: "--limit 0: give a whole number …"
 * rather than "option '-n, --limit <count>' argument '0' is invalid. Give …", and "did you mean"
 * after a semicolon. Commander quotes the user's arguments back; they may hold control characters.
 */
export function formatUsageError(text: string): string {
  let message = text
    .replace(/^error: /, '')
    .replace(/\s*\n\s*/g, ' ')
    .trim();
  const invalid = /^option '(?:-\w, )?(--?[\w-]+)(?: <[^>]*>)?' argument '(.*)' is invalid\. (.*)$/s.exec(message);
  if (invalid) {
    const [, flag, value, advice] = invalid as unknown as [string, string, string, string];
    message = `${flag} ${value}: ${advice.charAt(0).toLowerCase()}${advice.slice(1).replace(/\.$/, '')}`;
  }
  message = message.replace(/ ?\(Did you mean (.*)\?\)$/, '; did you mean $1?');
  return sanitizeLine(message);
}

/**
 * Builds the program from the command definitions. Commander never exits or prints on its own:
 * help, version and usage errors go through `io` and surface as CommanderError for main to map to
 * an exit code. `onInvoke` receives the command that was chosen, what it was asked, and the
 * global options.
 *
 * Given the `argv` it will parse, only the command that argv names is configured (its arguments
 * and options); the others are registered by name alone. Each option commander makes costs a few
 * kilobytes and listeners, and every run paid for every command's: configuring one keeps start-up
 * from growing with each command added. Help for the program, an unknown command, no command at
 * all, and commands that describe the whole program (completion) get every command configured.
 */
export function createProgram(
  io: Io,
  version: string,
  commands: readonly AnyCommand[],
  onInvoke: (command: AnyCommand, invocation: unknown, globals: GlobalOptions) => Promise<void>,
  argv?: readonly string[],
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

  const at = argv === undefined ? undefined : commandPosition(program, argv);
  const named = at === undefined ? undefined : commands.find((definition) => definition.name === argv?.[at]);
  const only = named?.needsAllCommands ? undefined : named;
  for (const definition of commands) {
    const command = program.command(definition.name, definition.hidden ? { hidden: true } : {});
    if (only !== undefined && definition !== only) continue;
    definition.configure(command);
    configureErrors(command, io, `news ${definition.name} --help`);
    if (definition.subcommands === undefined) {
      command.action(async () => {
        const args = command.processedArgs.map(unescapeOperand);
        await onInvoke(definition, definition.invocation(args, command.opts()), globals());
      });
      continue;
    }
    // Without an action, `news feed` alone is commander's help for it on stderr, a usage error;
    // `news feed add --help` is a subcommand's help (no `news feed help add`, as news has no nesting).
    command.helpCommand(false);
    for (const sub of definition.subcommands) {
      const subcommand = command.command(sub.name);
      sub.configure(subcommand);
      subcommand.action(async () => {
        const args = [sub.name, ...subcommand.processedArgs.map(unescapeOperand)];
        const options = { ...command.opts(), ...subcommand.opts() };
        await onInvoke(definition, definition.invocation(args, options), globals());
      });
      configureErrors(subcommand, io, `news ${definition.name} ${sub.name} --help`);
    }
  }
  addHelpCommand(program, io);
  return program;
}

/**
 * `news help [command]`: commander's own help command shows the program's help for a name it does
 * not know and exits 0; this one says which command is unknown (with the closest names) and exits 2.
 */
function addHelpCommand(program: Command, io: Io): void {
  program.helpCommand(false);
  const help = program
    .command('help')
    .description('show help for a command')
    .argument('[command]', 'the command to explain')
    .action((name: string | undefined) => {
      if (name === undefined) program.help();
      const known = program
        .createHelp()
        .visibleCommands(program)
        .filter((command) => command !== help);
      const target = known.find((command) => command.name() === name);
      if (target) target.help();
      const close = suggestSlugs(
        name as string,
        known.map((command) => command.name()),
      );
      const hint = close.length > 0 ? ` (Did you mean ${close.join(', ')}?)` : '';
      program.error(`unknown command '${name}'${hint}`, { code: 'news.unknownCommand' });
    });
  configureErrors(help, io, 'news --help');
}

/** Marks an argument that starts with '-' as an operand: NUL can never be part of a real argument. */
const OPERAND_MARK = '\u0000';

function unescapeOperand(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith(OPERAND_MARK) ? value.slice(1) : value;
  return Array.isArray(value) ? value.map(unescapeOperand) : value;
}

/**
 * The option `arg` names on `command`, and whether the next argument is its value. A short option
 * with its value attached (`-n5`, `-d/tmp`) counts only when that value starts like a number or a
 * path, so `-nato` stays a word.
 */
function optionOf(command: Command, arg: string): { takesNext: boolean } | undefined {
  // Help is not among commander's options, and every command has it (see createProgram).
  if (arg === '-h' || arg === '--help') return { takesNext: false };
  const long = /^(--[^=]+)(=.*)?$/.exec(arg);
  for (const option of command.options) {
    const takesValue = option.required || option.optional;
    if (long) {
      if (option.long === long[1]) return { takesNext: takesValue && !long[2] };
      continue;
    }
    if (option.short === arg) return { takesNext: takesValue };
    if (takesValue && option.short !== undefined && arg.startsWith(option.short) && /^[\d/.~]/.test(arg.slice(2))) {
      return { takesNext: false };
    }
  }
  return undefined;
}

/**
 * Where in `argv` the command is, found as commander finds it: the first argument that is not one
 * of the program's options or an option's value, before any `--`. Undefined when there is none.
 */
function commandPosition(program: Command, argv: readonly string[]): number | undefined {
  let at = 0;
  while (at < argv.length && (argv[at] as string).startsWith('-') && argv[at] !== '--') {
    at += optionOf(program, argv[at] as string)?.takesNext ? 2 : 1;
  }
  return at < argv.length && argv[at] !== '--' ? at : undefined;
}

/**
 * Arguments commander would take for unknown options but that a command takes as operands: for
 * `search`, `-sanctions` is a word to leave out, not an option. Finds the command as commander
 * does (the first argument that is not a program option or its value), then marks each later
 * argument that starts with one '-' and is none of that command's or the program's options, up to
 * `--`. The command's action receives them unmarked.
 */
export function markDashOperands(program: Command, commands: readonly AnyCommand[], argv: readonly string[]): string[] {
  const out = [...argv];
  const at = commandPosition(program, out) ?? out.length;
  const definition = commands.find((candidate) => candidate.name === out[at]);
  const command = program.commands.find((candidate) => candidate.name() === out[at]);
  if (!definition?.dashOperands || !command) return out;
  for (let next = at + 1; next < out.length; next++) {
    const arg = out[next] as string;
    if (arg === '--') break;
    if (!/^-[^-]/.test(arg)) continue;
    const option = optionOf(command, arg) ?? optionOf(program, arg);
    if (option) next += option.takesNext ? 1 : 0;
    else out[next] = OPERAND_MARK + arg;
  }
  return out;
}
