// What a command gives the command line: its name, its arguments and options, and how to run it.

import type { Command } from 'commander';
import type { Io } from '../terminal/io.js';
import type { Settings } from './settings.js';

/** What a command's run receives: where to write, and the run's settings. */
export interface CommandContext {
  io: Io;
  settings: Settings;
  /** The whole command line, for commands that describe it (completion scripts). */
  program: Command;
}

/** The User-Agent of every request news makes (`import`, `feed add`, `fetch`): `news/<version> (command-line news reader)`. */
export function userAgentOf(context: CommandContext): string {
  return `news/${context.program.version() ?? '0'} (command-line news reader)`;
}

/**
 * One command. Its module is loaded at every start (commander needs every command to parse and
 * for help), so its top level is only this definition: whatever `run` needs beyond it, it imports
 * when it runs. `src/commands/registry.ts` lists them; adding a command is one file and one line.
 */
export interface CommandDefinition<T> {
  name: string;
  /** Kept out of help, the man page and completion (the completion scripts' own helper). */
  hidden?: boolean;
  /**
   * Whether its run reads every command's arguments and options off the program (the completion
   * scripts do): otherwise only the command invoked is configured (see createProgram).
   */
  needsAllCommands?: boolean;
  /**
   * Whether arguments that start with one '-' and are none of its options are operands, not
   * unknown options: `news search treat* -sanctions`, where `-sanctions` leaves a word out.
   */
  dashOperands?: boolean;
  /** Adds the description, arguments and options to commander's command. */
  configure(command: Command): void;
  /**
   * Subcommands (`news feed add`, `news feed list`…), each configured on a commander command of its
   * own. `invocation` then receives the subcommand's name as its first argument, its arguments after
   * it, and its options merged over the command's.
   */
  subcommands?: readonly SubcommandDefinition[];
  /** The arguments and options commander parsed, as what `run` takes. */
  invocation(args: readonly unknown[], options: Readonly<Record<string, unknown>>): T;
  /** Whether this invocation's output is for people, and so may go through the pager. */
  pageable(invocation: T): boolean;
  /** Loads, computes, prints through the printer the settings chose, writes; returns the exit code. */
  run(context: CommandContext, invocation: T): Promise<number>;
  /** Command lines the build runs, output discarded, to fill this command's V8 code cache. */
  warmUp: readonly (readonly string[])[];
}

/** One subcommand: its name, and its description, arguments and options. */
export interface SubcommandDefinition {
  name: string;
  configure(command: Command): void;
}

/** Any command, whatever it takes. */
// biome-ignore lint/suspicious/noExplicitAny: the registry holds commands of different invocation types.
export type AnyCommand = CommandDefinition<any>;

/** A definition, checked against its own invocation type. */
export function defineCommand<T>(definition: CommandDefinition<T>): CommandDefinition<T> {
  return definition;
}
