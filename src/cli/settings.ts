// The one place that decides colour, layout and width, from flags, environment and the terminal.

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

/** Everything a command needs to know about where its output goes; decided once, passed down. */
export interface OutputSettings {
  /** Emit SGR colour codes. */
  color: boolean;
  /** Human layout (tables, boxes, highlighted snippets) rather than the plain, script-friendly one. */
  styled: boolean;
  /** The widest a line may be, in terminal cells. */
  width: number;
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

function decideWidth(flag: number | undefined, env: Env, stdout: TerminalInfo): number {
  if (flag !== undefined) return flag;
  if (stdout.isTTY) {
    const columns = stdout.columns && stdout.columns > 0 ? stdout.columns : (parseColumns(env.COLUMNS) ?? PIPE_WIDTH);
    return Math.max(MIN_WIDTH, Math.min(columns, READING_MEASURE));
  }
  return Math.max(MIN_WIDTH, parseColumns(env.COLUMNS) ?? PIPE_WIDTH);
}

/**
 * Colour: --color always/never wins; then a non-empty NO_COLOR; then FORCE_COLOR (0 or false
 * means off); then TERM=dumb; then whether stdout is a terminal. The styled layout is used on a
 * terminal or whenever colour is on. Width: --width; on a terminal its columns, capped at
 * READING_MEASURE; in a pipe COLUMNS or 80.
 */
export function resolveOutputSettings(flags: OutputFlags, env: Env, stdout: TerminalInfo): OutputSettings {
  const color = decideColor(flags.color ?? 'auto', env, stdout);
  return { color, styled: color || stdout.isTTY, width: decideWidth(flags.width, env, stdout) };
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
