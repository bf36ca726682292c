// Runs one invocation: parses argv, resolves settings once, runs the command, maps every error to an exit code.

import { isAbsolute, join, resolve } from 'node:path';
import { type Command, CommanderError } from 'commander';
import { createProgram, type GlobalOptions, type Invocation } from './cli/program.js';
import {
  type Env,
  type OutputFlags,
  type PagerChoice,
  type PagerFlags,
  resolveOutputSettings,
  resolvePager,
} from './cli/settings.js';
import type { CommandContext } from './commands/context.js';
import { EXIT_ERROR, EXIT_OK, NewsError, UsageError } from './errors.js';
import { MAX_ARTICLE_BYTES } from './library/files.js';
import { type BundledArticles, resolveFolders } from './library/folders.js';
import type { ProcessInfo } from './library/index/store.js';
import { BufferSink, type Io } from './terminal/io.js';
import { formatMessage } from './terminal/messages.js';

export { createStreamIo } from './terminal/io.js';

/** Set by the build from package.json; the fallback only shows when running from source. */
declare const __NEWS_VERSION__: string | undefined;
const VERSION = typeof __NEWS_VERSION__ === 'string' ? __NEWS_VERSION__ : '0.0.0-dev';

export interface MainOptions {
  /** The bundled articles: bin/news.cjs passes the package's own `articles/`, never the working directory. */
  bundled: BundledArticles;
  /** dist/index-worker.cjs: builds of big indexes use a second core through it. */
  indexWorker?: string;
  /** This process's pid and a way to ask whether another runs: for the index's lock file. */
  owner?: ProcessInfo;
}

/**
 * Each command's code is loaded when it runs: the build splits it out of the start-up bundle, so
 * `--version` and `--help` load only the command line, and `list` none of `read`'s rendering.
 */
async function runInvocation(invocation: Invocation, context: CommandContext, program: Command): Promise<number> {
  switch (invocation.command) {
    case 'list':
      return (await import('./commands/list.js')).runList(context, invocation);
    case 'read':
      return (await import('./commands/read.js')).runRead(context, invocation.slug, invocation);
    case 'search':
      return (await import('./commands/search.js')).runSearch(context, invocation.query, invocation);
    case 'quotes':
      return (await import('./commands/quotes.js')).runQuotes(context, invocation.slug, invocation);
    case 'completion':
      return (await import('./commands/completion.js')).runCompletion(context, invocation.shell, program);
    case 'complete-slugs':
      return (await import('./commands/completion.js')).runCompleteSlugs(context);
  }
}

/** NEWS_MAX_ARTICLE_BYTES raises or lowers the size cap; anything but a whole number is a usage error. */
function resolveMaxArticleBytes(value: string | undefined): number {
  if (value === undefined || value === '') return MAX_ARTICLE_BYTES;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(
      `NEWS_MAX_ARTICLE_BYTES='${value}' is not a whole number of bytes; unset it or give one like 2097152`,
    );
  }
  return Number(value);
}

/**
 * Where search indexes live: NEWS_CACHE_DIR, else $XDG_CACHE_HOME/news (an absolute path, as the
 * XDG spec requires), else ~/.cache/news; without any of them, indexes are built in memory.
 */
export function resolveCacheDir(env: Env): string | undefined {
  if (env.NEWS_CACHE_DIR) return resolve(env.NEWS_CACHE_DIR);
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'news');
  if (env.HOME && isAbsolute(env.HOME)) return join(env.HOME, '.cache', 'news');
  return undefined;
}

/** NEWS_INDEX_CHECK: how each run looks for changed articles; see IndexSettings.check. */
function resolveIndexCheck(value: string | undefined): 'files' | 'folders' {
  if (value === undefined || value === '' || value === 'files') return 'files';
  if (value === 'folders') return 'folders';
  throw new UsageError(`NEWS_INDEX_CHECK='${value}' is not 'files' or 'folders'; unset it or pick one`);
}

/** Human output of list, read, search and quotes may be paged; see resolvePager for the rules. */
function choosePager(invocation: Invocation, globals: GlobalOptions, env: Env, io: Io): PagerChoice | undefined {
  if (invocation.command === 'completion' || invocation.command === 'complete-slugs') return undefined;
  const flags: PagerFlags = { json: 'json' in invocation && invocation.json };
  if (globals.pager !== undefined) flags.pager = globals.pager;
  return resolvePager(flags, env, io.stdout);
}

/** Output that fits on the screen is printed; taller output goes through the pager, or is printed if it will not start. */
async function showPaged(io: Io, text: string, pager: PagerChoice, env: Env): Promise<void> {
  const lines = text.split('\n').length - 1;
  // A terminal that reports no height (0 under some pseudo-terminals) is taken to have 24 lines.
  const rows = io.stdout.rows && io.stdout.rows > 0 ? io.stdout.rows : 24;
  if (lines < rows || !(await io.page(text, { argv: pager.argv, env: { ...env, ...pager.env } }))) {
    io.stdout.write(text);
  }
}

function outputFlags(globals: GlobalOptions): OutputFlags {
  const flags: OutputFlags = {};
  if (globals.color === false) flags.color = 'never';
  else if (globals.color !== undefined) flags.color = globals.color;
  if (globals.width !== undefined) flags.width = globals.width;
  return flags;
}

function exitCodeOfCommanderError(error: CommanderError): number {
  if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT_OK;
  // Help shown because no command was given is still a usage error.
  return error.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
}

/** The one line shown for an error news did not expect: a bug, never a stack trace. */
export function describeBug(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return formatMessage('error', `internal error: ${detail}; please report this as a bug`);
}

/** The one line shown when the output cannot be written (bin/news.cjs uses it too). */
export function describeOutputError(error: NodeJS.ErrnoException): string {
  return formatMessage(
    'error',
    `cannot write the output (${error.code ?? error.message}); check the disk or the receiving program`,
  );
}

/**
 * The whole program as a function: argv without node and script, an Io, and the environment.
 * Returns the exit code; prints only through `io`; never throws.
 */
export async function main(argv: readonly string[], io: Io, env: Env, options: MainOptions): Promise<number> {
  let exitCode = EXIT_OK;
  try {
    const program = createProgram(io, VERSION, async (invocation, globals) => {
      const pager = choosePager(invocation, globals, env, io);
      const commandIo = pager ? { ...io, stdout: new BufferSink(io.stdout) } : io;
      const context: CommandContext = {
        io: commandIo,
        settings: resolveOutputSettings(outputFlags(globals), env, io.stdout),
        folders: resolveFolders(globals.dir, env.NEWS_PATH, options.bundled),
        maxArticleBytes: resolveMaxArticleBytes(env.NEWS_MAX_ARTICLE_BYTES),
        cacheDir: globals.cache ? resolveCacheDir(env) : undefined,
        indexCheck: resolveIndexCheck(env.NEWS_INDEX_CHECK),
        showProgress: io.stderr.isTTY,
        indexWorker: options.indexWorker,
        owner: options.owner,
      };
      exitCode = await runInvocation(invocation, context, program);
      if (pager && commandIo.stdout instanceof BufferSink) await showPaged(io, commandIo.stdout.text, pager, env);
    });
    if (argv.length === 0) {
      io.stderr.write(program.helpInformation());
      exitCode = EXIT_ERROR;
    } else {
      await program.parseAsync([...argv], { from: 'user' });
    }
  } catch (error) {
    if (error instanceof CommanderError) {
      exitCode = exitCodeOfCommanderError(error);
    } else if (error instanceof NewsError) {
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
