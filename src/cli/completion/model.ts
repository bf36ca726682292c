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
   * (commander's Argument.choices), or anything (no completion).
   */
  kind: 'slug' | 'library-slug' | 'file' | 'command' | 'choice' | 'text';
  choices: readonly string[];
}

export interface CommandSpec {
  name: string;
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
  const kind =
    choices.length > 0 ? 'choice' : hinted === 'files' ? 'file' : hinted === 'library-slugs' ? 'library-slug' : byName;
  return { name, required: argument.required, variadic: argument.variadic, kind, choices };
}

export function describeCommand(command: Command, globalOptions: readonly Option[], helper: Help): CommandSpec {
  const own = helper.visibleOptions(command);
  const shared = globalOptions.filter((option) => !own.some((mine) => mine.flags === option.flags));
  const args = command.registeredArguments.map(describeArgument);
  const slugIndex = args.findIndex((argument) => argument.kind === 'slug' && !argument.variadic);
  return {
    name: command.name(),
    description: helper.subcommandDescription(command),
    options: [...own, ...shared].map(describeOption),
    arguments: args,
    slugIndex: slugIndex === -1 ? undefined : slugIndex,
  };
}

/** Reads what --help shows: visible commands and options only, so hidden commands stay hidden. */
export function describeProgram(program: Command): CompletionModel {
  const helper = program.createHelp();
  const globalOptions = helper.visibleOptions(program);
  return {
    name: program.name(),
    globalOptions: globalOptions.map(describeOption),
    commands: helper.visibleCommands(program).map((command) => describeCommand(command, globalOptions, helper)),
  };
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

export function caseArm(patterns: readonly string[], body: string, indent = '    '): string {
  return `${indent}${patterns.join(' | ')}) ${body} ;;`;
}
