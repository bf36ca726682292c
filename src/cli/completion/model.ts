// What the completion scripts complete, read off the commander program: commands, options, their values.

import type { Argument, Command, Help, Option } from 'commander';
import { completionArgumentValues, completionValueKind, type ValueKind } from './values.js';

/** The option naming an article folder: completed as a directory, and passed on to __complete-slugs. */
export const FOLDER_OPTION = '--dir';

export interface OptionSpec {
  short: string | undefined;
  long: string | undefined;
  description: string;
  /**
   * What the option's value completes to: nothing to offer ('text'), its choices, a directory, or
   * the library's values of `values` (see completeWith); 'none' when it takes no value.
   */
  value: 'none' | 'text' | 'choice' | 'directory' | 'values';
  valueName: string;
  choices: readonly string[];
  /** For 'values': which of the library's values, from `news __complete-values <kind>`. */
  values: ValueKind | undefined;
}

export interface ArgumentSpec {
  name: string;
  required: boolean;
  variadic: boolean;
  /**
   * Article slugs, the library folder's slugs only, file names, command names, fixed choices
   * (commander's Argument.choices), a command's subcommands, subscribed feeds, or anything (no completion).
   */
  kind: 'slug' | 'library-slug' | 'file' | 'command' | 'choice' | 'subcommand' | 'feed' | 'text';
  choices: readonly string[];
  /** For subcommands: what each choice does, in the same order. */
  descriptions?: readonly string[];
}

export interface CommandSpec {
  /** The name as typed: `list`, or a subcommand after its command, `feed add`. */
  name: string;
  /** For a subcommand, the command it belongs to (`feed`). */
  parent: string | undefined;
  description: string;
  /** Everything accepted after the command: its own options, then the program's. */
  options: OptionSpec[];
  arguments: ArgumentSpec[];
  /** Where its article's slug is among its arguments (0 is the first), when it takes one. */
  slugIndex: number | undefined;
}

export interface CompletionModel {
  name: string;
  globalOptions: OptionSpec[];
  commands: CommandSpec[];
}

export function valueKind(option: Option): OptionSpec['value'] {
  if (!option.required && !option.optional) return 'none';
  if (option.long === FOLDER_OPTION) return 'directory';
  if (completionValueKind(option) !== undefined) return 'values';
  return option.argChoices ? 'choice' : 'text';
}

export function describeOption(option: Option): OptionSpec {
  const valueName = option.flags.match(/[<[]([^>\]]+)[>\]]/)?.[1]?.replace(/\.\.\.$/, '') ?? '';
  return {
    short: option.short,
    long: option.long,
    description: option.description,
    value: valueKind(option),
    valueName,
    choices: option.argChoices ?? [],
    values: completionValueKind(option),
  };
}

/**
 * An argument with choices completes to them; one its command marked with completeArgumentWith to
 * files or library slugs; otherwise by its name: `slug` from the article folders, `command` from
 * the commands.
 */
export function describeArgument(argument: Argument): ArgumentSpec {
  const name = argument.name();
  const choices = argument.argChoices ?? [];
  const hinted = completionArgumentValues(argument);
  const byName = name === 'slug' ? 'slug' : name === 'command' ? 'command' : 'text';
  const byHint = { files: 'file', 'library-slugs': 'library-slug', feeds: 'feed' } as const;
  const kind = choices.length > 0 ? 'choice' : hinted === undefined ? byName : byHint[hinted];
  return { name, required: argument.required, variadic: argument.variadic, kind, choices };
}

export function describeCommand(
  command: Command,
  globalOptions: readonly Option[],
  helper: Help,
  parent?: string,
): CommandSpec {
  const own = helper.visibleOptions(command);
  const shared = globalOptions.filter((option) => !own.some((mine) => mine.flags === option.flags));
  const subcommands = helper.visibleCommands(command);
  // A command with subcommands takes one of them first; each subcommand is described on its own.
  const args: ArgumentSpec[] =
    subcommands.length > 0
      ? [
          {
            name: 'command',
            required: true,
            variadic: false,
            kind: 'subcommand',
            choices: subcommands.map((sub) => sub.name()),
            descriptions: subcommands.map((sub) => helper.subcommandDescription(sub)),
          },
        ]
      : command.registeredArguments.map(describeArgument);
  const slugIndex = args.findIndex((argument) => argument.kind === 'slug' && !argument.variadic);
  return {
    name: parent === undefined ? command.name() : `${parent} ${command.name()}`,
    parent,
    description: helper.subcommandDescription(command),
    options: [...own, ...shared].map(describeOption),
    arguments: args,
    slugIndex: slugIndex === -1 ? undefined : slugIndex,
  };
}

/**
 * Reads what --help shows: visible commands and options only, so hidden commands stay hidden. A
 * command's subcommands follow it, named as typed (`feed add`).
 */
export function describeProgram(program: Command): CompletionModel {
  const helper = program.createHelp();
  const globalOptions = helper.visibleOptions(program);
  return {
    name: program.name(),
    globalOptions: globalOptions.map(describeOption),
    commands: helper
      .visibleCommands(program)
      .flatMap((command) => [
        describeCommand(command, globalOptions, helper),
        ...helper.visibleCommands(command).map((sub) => describeCommand(sub, globalOptions, helper, command.name())),
      ]),
  };
}

/** The commands typed right after the program's name: every command but the subcommands. */
export function topCommands(model: CompletionModel): CommandSpec[] {
  return model.commands.filter((command) => command.parent === undefined);
}

/** The commands that have subcommands. */
export function parentCommands(model: CompletionModel): CommandSpec[] {
  return model.commands.filter((command) => command.arguments[0]?.kind === 'subcommand');
}

export function namesOf(option: OptionSpec): string[] {
  return [option.short, option.long].filter((name): name is string => name !== undefined);
}

/** One option's names as a key, to tell the program's options from a command's own. */
export function keyOf(option: OptionSpec): string {
  return namesOf(option).join(' ');
}

/** Every option of the program and its commands, each once. */
export function allOptions(model: CompletionModel): OptionSpec[] {
  const options = [...model.globalOptions, ...model.commands.flatMap((command) => command.options)];
  return options.filter((option, index) => options.findIndex((other) => keyOf(other) === keyOf(option)) === index);
}

export function folderOption(model: CompletionModel): OptionSpec | undefined {
  return model.globalOptions.find((option) => option.long === FOLDER_OPTION);
}

/** Names of the options whose value may be the next word, for skipping it when looking for the command. */
export function valueOptionNames(model: CompletionModel, options: { withFolder: boolean }): string[] {
  return allOptions(model)
    .filter((option) => option.value !== 'none' && (options.withFolder || option.value !== 'directory'))
    .flatMap(namesOf);
}

/** Quotes for bash and zsh: single quotes, with `'` written as `'\''`. */
export function quotePosix(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Quotes for fish, where a backslash escapes `'` and `\` inside single quotes. */
export function quoteFish(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}

/** A case arm of bash (and sh): a pattern with a space in it (`feed add`) is quoted. */
export function caseArm(patterns: readonly string[], body: string, indent = '    '): string {
  const quoted = patterns.map((pattern) => (/\s/.test(pattern) ? quotePosix(pattern) : pattern));
  return `${indent}${quoted.join(' | ')}) ${body} ;;`;
}
