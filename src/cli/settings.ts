// Settings, built once per run from the flags, the environment and the terminal: colour, width,
// paging, how the library is read, where imported articles go, where subscriptions and fetch state
// live. The one place that reads NO_COLOR, COLUMNS, NEWS_* and friends; everything below receives
// plain values.

import { isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { MAX_ARTICLE_BYTES } from '../library/files.js';
import { type BundledArticles, resolveFolders } from '../library/folders.js';
import type { ProcessInfo } from '../library/index/lock.js';
import type { LibrarySettings } from '../library/library.js';
import type { OutputSettings } from '../render/theme.js';
import type { PagerLaunch } from '../terminal/io.js';

export type Env = Readonly<Record<string, string | undefined>>;
export type ColorChoice = 'auto' | 'always' | 'never';

export interface TerminalInfo {
  isTTY: boolean;
  /** The terminal's width in cells, when stdout is a terminal that reports one. */
  columns?: number | undefined;
  /** The terminal's height in lines, when stdout is a terminal that reports one. */
  rows?: number | undefined;
}

/** A pager to run: its argv and the environment variables to add for it. */
export interface PagerChoice {
  argv: string[];
  env: Record<string, string>;
}

export interface PagerFlags {
  /** --pager <command>, or false for --no-pager. */
  pager?: string | false;
  /** Machine-readable output is never paged. */
  json?: boolean;
}

export interface OutputFlags {
  color?: ColorChoice;
  width?: number;
}

/** A terminal wider than this still gets lines this long: long lines are hard to read. */
export const READING_MEASURE = 100;
export const MIN_WIDTH = 20;
export const MAX_WIDTH = 1000;
export const PIPE_WIDTH = 80;

function decideColor(choice: ColorChoice, env: Env, stdout: TerminalInfo): boolean {
  if (choice === 'always') return true;
  if (choice === 'never') return false;
  // https://no-color.org: a non-empty NO_COLOR turns colour off unless the user forces it on the command line.
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  if (env.TERM === 'dumb') return false;
  return stdout.isTTY;
}

function parseColumns(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  const columns = Number(value);
  return columns > 0 ? Math.min(columns, MAX_WIDTH) : undefined;
}

/** The screen's width: the terminal's columns, else COLUMNS, else 80; at least MIN_WIDTH. */
function screenWidth(env: Env, stdout: TerminalInfo): number {
  const reported = stdout.isTTY && stdout.columns && stdout.columns > 0 ? stdout.columns : undefined;
  return Math.max(MIN_WIDTH, reported ?? parseColumns(env.COLUMNS) ?? PIPE_WIDTH);
}

function decideWidth(flag: number | undefined, env: Env, stdout: TerminalInfo): number {
  if (flag !== undefined) return flag;
  const screen = screenWidth(env, stdout);
  return stdout.isTTY ? Math.min(screen, READING_MEASURE) : screen;
}

/**
 * Colour: --color always/never wins; then a non-empty NO_COLOR; then FORCE_COLOR (0 or false
 * means off); then TERM=dumb; then whether stdout is a terminal. The styled layout is used on a
 * terminal or whenever colour is on. Width: --width; on a terminal its columns, capped at
 * READING_MEASURE for text but not for tables (tableWidth); in a pipe COLUMNS or 80.
 */
export function resolveOutputSettings(flags: OutputFlags, env: Env, stdout: TerminalInfo): OutputSettings {
  const color = decideColor(flags.color ?? 'auto', env, stdout);
  const width = decideWidth(flags.width, env, stdout);
  // Tables are scanned, not read line by line: they may use a wide terminal's whole width.
  const tableWidth = flags.width ?? screenWidth(env, stdout);
  return { color, styled: color || stdout.isTTY, width, tableWidth };
}

/**
 * Like git and bat: page only when stdout is a terminal and the output is not JSON; --no-pager
 * wins, then --pager, NEWS_PAGER, PAGER, else `less -R`. An empty choice or `cat` means none.
 * less gets LESS=FRX (quit if one screen, keep colours, leave the text on screen) and
 * LESSCHARSET=utf-8 unless the user set them. Whether the output is taller than the screen is decided when it is written.
 */
export function resolvePager(flags: PagerFlags, env: Env, stdout: TerminalInfo): PagerChoice | undefined {
  if (!stdout.isTTY || flags.json || flags.pager === false) return undefined;
  const command = (flags.pager ?? env.NEWS_PAGER ?? env.PAGER ?? 'less -R').trim();
  const argv = command.split(/\s+/).filter((word) => word !== '');
  if (argv.length === 0 || argv[0] === 'cat') return undefined;
  // news always writes UTF-8; without this, less under LANG=C shows box drawing and quotes as <E2>….
  const extra: Record<string, string> = env.LESSCHARSET === undefined ? { LESSCHARSET: 'utf-8' } : {};
  if (env.LESS === undefined) extra.LESS = 'FRX';
  return { argv, env: extra };
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

/** By default a source over 10 MiB is refused: no article page is that large, a mistake or an attack can be. */
export const DEFAULT_MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** NEWS_MAX_IMPORT_BYTES raises or lowers the cap on what `news import` reads from one source. */
function resolveMaxImportBytes(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_MAX_IMPORT_BYTES;
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new UsageError(
      `NEWS_MAX_IMPORT_BYTES='${value}' is not a whole number of bytes; unset it or give one like 20971520`,
    );
  }
  return Number(value);
}

/**
 * One of news's folders: $`own` when set; else `inside` the XDG base folder $`xdg` when that is
 * an absolute path, as the XDG spec requires; else `inside` `~/<home>`; undefined without any of them.
 */
function resolveOwnDir(env: Env, own: string, xdg: string, home: string, inside: string): string | undefined {
  const chosen = env[own];
  if (chosen) return resolve(chosen);
  const base = env[xdg];
  if (base && isAbsolute(base)) return join(base, inside);
  if (env.HOME && isAbsolute(env.HOME)) return join(env.HOME, home, inside);
  return undefined;
}

/**
 * The library folder `news import` writes to and every command reads: NEWS_LIBRARY, else
 * $XDG_DATA_HOME/news/articles (an absolute path, as the XDG spec requires), else
 * ~/.local/share/news/articles; undefined without any of them.
 */
export function resolveLibraryDir(env: Env): string | undefined {
  return resolveOwnDir(env, 'NEWS_LIBRARY', 'XDG_DATA_HOME', '.local/share', 'news/articles');
}

/**
 * Where search indexes live: NEWS_CACHE_DIR, else $XDG_CACHE_HOME/news (an absolute path, as the
 * XDG spec requires), else ~/.cache/news; without any of them, indexes are built in memory.
 */
export function resolveCacheDir(env: Env): string | undefined {
  return resolveOwnDir(env, 'NEWS_CACHE_DIR', 'XDG_CACHE_HOME', '.cache', 'news');
}

/**
 * Where subscriptions live (feeds.yaml): NEWS_CONFIG_DIR, else $XDG_CONFIG_HOME/news (an absolute
 * path, as the XDG spec requires), else ~/.config/news; undefined without any of them.
 */
export function resolveConfigDir(env: Env): string | undefined {
  return resolveOwnDir(env, 'NEWS_CONFIG_DIR', 'XDG_CONFIG_HOME', '.config', 'news');
}

/**
 * Where fetch state lives (validators, items seen, when each feed was fetched): NEWS_STATE_DIR,
 * else $XDG_STATE_HOME/news (if absolute), else ~/.local/state/news; undefined without any of them.
 */
export function resolveStateDir(env: Env): string | undefined {
  return resolveOwnDir(env, 'NEWS_STATE_DIR', 'XDG_STATE_HOME', '.local/state', 'news');
}

/** NEWS_INDEX_CHECK: how each run looks for changed articles; see IndexSettings.check. */
function resolveIndexCheck(value: string | undefined): 'files' | 'folders' {
  if (value === undefined || value === '' || value === 'files') return 'files';
  if (value === 'folders') return 'folders';
  throw new UsageError(`NEWS_INDEX_CHECK='${value}' is not 'files' or 'folders'; unset it or pick one`);
}

/** The options every command takes, as commander parsed them. */
export interface GlobalOptions {
  color?: ColorChoice | false;
  pager?: string | false;
  width?: number;
  dir: string[];
  /** false for --no-cache: read the folders directly, neither using nor writing the search index. */
  cache: boolean;
}

/** What bin/news.cjs tells about the process: the package's articles, the index worker, who holds locks. */
export interface ProcessOptions {
  /** The bundled articles: bin/news.cjs passes the package's own `articles/`, never the working directory. */
  bundled: BundledArticles;
  /** dist/index-worker.cjs: builds of big indexes use a second core through it. */
  indexWorker?: string;
  /** This process's pid and a way to ask whether another runs: for the index's lock file. */
  owner?: ProcessInfo;
}

/** What `news import` and `news remove` need beyond the library: where articles go, and how much a source may hold. */
export interface ImportSettings {
  /** The library folder (see resolveLibraryDir); `import --to` names another. Undefined when none can be found. */
  libraryDir: string | undefined;
  /** A source larger than this many bytes is refused (NEWS_MAX_IMPORT_BYTES). */
  maxBytes: number;
}

/** What `news feed` and `news fetch` need beyond the library and imports: where their files are. */
export interface FeedSettings {
  /** The folder of feeds.yaml (see resolveConfigDir); undefined when none can be found. */
  configDir: string | undefined;
  /** The folder of the fetch state (see resolveStateDir); undefined when none can be found. */
  stateDir: string | undefined;
}

/** Everything about one run that is not the command's own arguments: decided once, passed down. */
export interface Settings {
  output: OutputSettings;
  /** The pager to show human output through, with its whole environment; undefined: print directly. */
  pager: PagerLaunch | undefined;
  library: LibrarySettings;
  import: ImportSettings;
  feeds: FeedSettings;
}

/**
 * The run's settings from the global options, the environment and the terminal. `pageable` says
 * whether the command's output is for people (JSON and completion scripts never are).
 */
export function resolveSettings(
  globals: GlobalOptions,
  pageable: boolean,
  env: Env,
  stdout: TerminalInfo,
  host: ProcessOptions,
): Settings {
  const flags: OutputFlags = {};
  if (globals.color === false) flags.color = 'never';
  else if (globals.color !== undefined) flags.color = globals.color;
  if (globals.width !== undefined) flags.width = globals.width;
  const pagerFlags: PagerFlags = { json: !pageable };
  if (globals.pager !== undefined) pagerFlags.pager = globals.pager;
  const pager = resolvePager(pagerFlags, env, stdout);
  const libraryDir = resolveLibraryDir(env);
  return {
    output: resolveOutputSettings(flags, env, stdout),
    pager: pager && { argv: pager.argv, env: { ...env, ...pager.env } },
    library: {
      folders: resolveFolders(globals.dir, env.NEWS_PATH, host.bundled, libraryDir),
      maxArticleBytes: resolveMaxArticleBytes(env.NEWS_MAX_ARTICLE_BYTES),
      cacheDir: globals.cache ? resolveCacheDir(env) : undefined,
      indexCheck: resolveIndexCheck(env.NEWS_INDEX_CHECK),
      indexWorker: host.indexWorker,
      owner: host.owner,
    },
    import: { libraryDir, maxBytes: resolveMaxImportBytes(env.NEWS_MAX_IMPORT_BYTES) },
    feeds: { configDir: resolveConfigDir(env), stateDir: resolveStateDir(env) },
  };
}
