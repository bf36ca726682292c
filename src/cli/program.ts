// Commander wiring only: the commands, their arguments and options, and the help text.

import { Argument, Command, InvalidArgumentError, Option } from 'commander';
import { isCalendarDate } from '../article/dates.js';
import { sanitizeLine } from '../article/sanitize.js';
import type { ArticleFilter, SortOrder } from '../search/filters.js';
import type { Io } from '../terminal/io.js';
import { COMPLETE_SLUGS_COMMAND, SHELLS, type Shell } from './completion/shells.js';
import { formatHelpEpilogue } from './helptext.js';
import { type ColorChoice, MAX_WIDTH, MIN_WIDTH } from './settings.js';

export interface GlobalOptions {
  color?: ColorChoice | false;
  pager?: string | false;
  width?: number;
  dir: string[];
  /** false for --no-cache: read the folders directly, neither using nor writing the search index. */
  cache: boolean;
}

/** What the command line asked for; main runs it. Commander only parses. */
export type Invocation =
  | { command: 'list'; json: boolean; filter: ArticleFilter; sort: SortOrder; limit?: number }
  | { command: 'read'; slug: string; outline: boolean; section?: string }
  | { command: 'search'; query: string; json: boolean; limit?: number; filter: ArticleFilter }
  | { command: 'quotes'; slug?: string; json: boolean; speaker?: string }
  | { command: 'completion'; shell: Shell }
  | { command: 'complete-slugs' };

function parseWidth(value: string): number {
  const width = Number(value);
  if (!/^\d+$/.test(value) || width < MIN_WIDTH || width > MAX_WIDTH) {
    throw new InvalidArgumentError(`Give a whole number of columns from ${MIN_WIDTH} to ${MAX_WIDTH}.`);
  }
  return width;
}

function parseLimit(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1) throw new InvalidArgumentError('Give a whole number of hits, 1 or more.');
  return limit;
}

function parseDate(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError('Give a calendar date as YYYY-MM-DD, like 2016-05-06.');
  return value;
}

interface FilterOptions {
  since?: string;
  until?: string;
  tag?: string;
  source?: string;
}

/** The filter the options ask for, with only the fields that were given. */
function toFilter(options: FilterOptions): ArticleFilter {
  const filter: ArticleFilter = {};
  if (options.since !== undefined) filter.since = options.since;
  if (options.until !== undefined) filter.until = options.until;
  if (options.tag !== undefined) filter.tag = options.tag;
  if (options.source !== undefined) filter.source = options.source;
  return filter;
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
 * Builds the program. Commander never exits or prints on its own: help, version and usage
 * errors go through `io` and surface as CommanderError for main to map to an exit code.
 * `onInvoke` receives the parsed command and the global options.
 */
export function createProgram(
  io: Io,
  version: string,
  onInvoke: (invocation: Invocation, globals: GlobalOptions) => Promise<void>,
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

  program
    .command('list')
    .description('list every article, newest first (piped: slug<TAB>date<TAB>title)')
    .option('--json', 'print a JSON array of article summaries')
    .option('--since <date>', 'only articles dated on or after YYYY-MM-DD', parseDate)
    .option('--until <date>', 'only articles dated on or before YYYY-MM-DD', parseDate)
    .option('--tag <tag>', 'only articles with this tag (case ignored)')
    .option('--source <name>', 'only articles from this source (case ignored)')
    .addOption(new Option('--sort <order>', 'newest first, or by title').choices(['date', 'title']).default('date'))
    .option('-n, --limit <count>', 'show at most this many articles', parseLimit)
    .action(async (options: FilterOptions & { json?: boolean; sort: SortOrder; limit?: number }) => {
      const invocation: Invocation = {
        command: 'list',
        json: options.json === true,
        filter: toFilter(options),
        sort: options.sort,
      };
      if (options.limit !== undefined) invocation.limit = options.limit;
      await onInvoke(invocation, globals());
    });

  program
    .command('read')
    .description('show an article, wrapped to the terminal (piped: plain text)')
    .argument('<slug>', "the article's name, as shown by 'news list'")
    .option('--outline', 'show only the headline and the subheadings')
    .option('--section <name>', 'show only the section under this subheading (case and dashes ignored)')
    .action(async (slug: string, options: { outline?: boolean; section?: string }) => {
      const invocation: Invocation = { command: 'read', slug, outline: options.outline === true };
      if (options.section !== undefined) invocation.section = options.section;
      await onInvoke(invocation, globals());
    });

  program
    .command('search')
    .description(
      'find articles containing every word: "exact phrase", prefix*, -excluded, a OR b, title:/tag:/source:/section:word',
    )
    .argument('<query...>', 'words to find (case ignored; everything else is literal text, never a pattern)')
    .option('--json', 'print a JSON array of hits')
    .option('-n, --limit <count>', 'show at most this many hits', parseLimit)
    .option('--since <date>', 'only articles dated on or after YYYY-MM-DD', parseDate)
    .option('--until <date>', 'only articles dated on or before YYYY-MM-DD', parseDate)
    .action(async (words: string[], options: FilterOptions & { json?: boolean; limit?: number }) => {
      const invocation: Invocation = {
        command: 'search',
        query: words.join(' '),
        json: options.json === true,
        filter: toFilter(options),
      };
      if (options.limit !== undefined) invocation.limit = options.limit;
      await onInvoke(invocation, globals());
    });

  program
    .command('quotes')
    .description(
      'list the direct quotations in an article, or in all, with who said them (piped: slug<TAB>speaker<TAB>quote)',
    )
    .argument('[slug]', 'the article; all articles when left out')
    .option('--json', 'print a JSON array of {slug, speaker, quote, paragraph}')
    .option('--speaker <name>', 'only quotations whose speaker contains this (case ignored)')
    .action(async (slug: string | undefined, options: { json?: boolean; speaker?: string }) => {
      const invocation: Invocation = { command: 'quotes', json: options.json === true };
      if (slug !== undefined) invocation.slug = slug;
      if (options.speaker !== undefined) invocation.speaker = options.speaker;
      await onInvoke(invocation, globals());
    });

  program
    .command('completion')
    .description('print a shell completion script (see the README for where to put it)')
    .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS))
    .action(async (shell: Shell) => {
      await onInvoke({ command: 'completion', shell }, globals());
    });

  // For the completion scripts: slug<TAB>title for every article, quickly; not for people.
  program.command(COMPLETE_SLUGS_COMMAND, { hidden: true }).action(async () => {
    await onInvoke({ command: 'complete-slugs' }, globals());
  });

  for (const command of program.commands) configureErrors(command, io, `news ${command.name()} --help`);
  return program;
}
