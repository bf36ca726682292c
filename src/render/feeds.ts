// The printers of `news feed` and `news fetch`: tables and summaries for people, tab-separated lines for
// pipes, and JSON.

import { sanitizeLine, toSafeJson } from '../article/sanitize.js';
import { padCells, truncateCells } from './table.js';
import { loadChalk, type OutputSettings } from './theme.js';
import { loadMetrics } from './width.js';

/** One subscription as `feed list` shows it (src/import/feed-list.ts makes them). */
export interface FeedListRow {
  url: string;
  title: string | undefined;
  /** When it last answered (ISO 8601), if ever. */
  fetched: string | undefined;
  articles: number;
  /** When it answered 410 Gone, if it did. */
  gone: string | undefined;
  /** Why its last fetch failed, if it did. */
  error: string | undefined;
  full: boolean;
  site: string | undefined;
}

/** A timestamp as people read it, in their own time zone: `2024-03-05 14:02`. */
function formatLocalTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** What a row's state is, in a word: gone, failing, or nothing to say. */
function feedState(row: FeedListRow): string {
  if (row.gone !== undefined) return 'gone';
  return row.error === undefined ? '' : 'failing';
}

/** Below this many cells a title is hardly readable: the time of the last fetch goes first, then the count. */
const MIN_TITLE_CELLS = 20;

/**
 * `feed list` on a terminal: a word for a feed that is gone or failing, its title, the articles
 * written from it, when it was last fetched, and its address. The address is never cut (it is what
 * `feed remove` and `fetch` take); the title is, to fit the width, and a narrow table drops the
 * time, then the count, before the title gets too short.
 */
async function renderFeedTable(rows: readonly FeedListRow[], output: OutputSettings): Promise<string> {
  const chalk = await loadChalk(output);
  const titles = rows.map((row) => sanitizeLine(row.title ?? '(no title yet)'));
  const urls = rows.map((row) => sanitizeLine(row.url));
  const metrics = await loadMetrics(titles);
  const counts = rows.map((row) => count(row.articles, 'article'));
  const times = rows.map((row) => (row.fetched === undefined ? 'never fetched' : formatLocalTime(row.fetched)));
  const states = rows.map(feedState);
  const widest = (texts: readonly string[]) => Math.max(...texts.map((text) => metrics.cells(text)));
  const [countWidth, timeWidth, stateWidth, urlWidth] = [counts, times, states, urls].map(widest) as number[];
  const room = (count: boolean, time: boolean) =>
    output.tableWidth -
    (urlWidth as number) -
    2 -
    (stateWidth ? (stateWidth as number) + 2 : 0) -
    (count ? (countWidth as number) + 2 : 0) -
    (time ? (timeWidth as number) + 2 : 0);
  const showTime = room(true, true) >= MIN_TITLE_CELLS;
  const showCount = room(true, false) >= MIN_TITLE_CELLS;
  const titleWidth = Math.min(widest(titles), Math.max(MIN_TITLE_CELLS, room(showCount, showTime)));
  const lines = rows.map((_, index) => {
    const state = states[index] as string;
    const mark = stateWidth ? `${(state === 'gone' ? chalk.red : chalk.yellow)(state.padEnd(stateWidth))}  ` : '';
    const title = padCells(truncateCells(titles[index] as string, titleWidth, metrics), titleWidth, metrics);
    const count = showCount ? `${chalk.dim((counts[index] as string).padStart(countWidth as number))}  ` : '';
    const time = showTime ? `${chalk.dim((times[index] as string).padEnd(timeWidth as number))}  ` : '';
    return `${mark}${chalk.bold(title)}  ${count}${time}${chalk.cyan(urls[index])}`;
  });
  return `${lines.join('\n')}\n`;
}

/** `url<TAB>title<TAB>last fetched<TAB>articles` per feed; the time as ISO 8601, empty when never. */
function renderFeedTsv(rows: readonly FeedListRow[]): string {
  return rows
    .map((row) => [row.url, row.title ?? '', row.fetched ?? '', String(row.articles)].map(sanitizeLine).join('\t'))
    .map((line) => `${line}\n`)
    .join('');
}

/** `feed list`: a table for people, tab-separated lines in a pipe, or JSON; nothing at all for no feeds, but `[]` in JSON. */
export async function renderFeedList(
  rows: readonly FeedListRow[],
  output: OutputSettings,
  json: boolean,
): Promise<string> {
  if (json) {
    const data = rows.map((row) => ({
      url: row.url,
      title: row.title ?? null,
      fetched: row.fetched ?? null,
      articles: row.articles,
      gone: row.gone ?? null,
      error: row.error ?? null,
      full: row.full,
      site: row.site ?? null,
    }));
    return `${toSafeJson(data)}\n`;
  }
  if (rows.length === 0) return '';
  return output.styled ? renderFeedTable(rows, output) : renderFeedTsv(rows);
}

/** What `feed add` or `feed import` did with one feed (src/import/subscribe.ts makes them). */
export interface SubscribeLine {
  status: string;
  url?: string | undefined;
  title?: string | undefined;
}

/** `url<TAB>status<TAB>title` for a feed added or already there; nothing for one that failed (stderr says why). */
export function formatSubscribeTsv(line: SubscribeLine): string {
  if (line.url === undefined || line.status === 'failed') return '';
  return `${[line.url, line.status, line.title ?? ''].map(sanitizeLine).join('\t')}\n`;
}

/** `added    Title  url` for people; the status coloured. */
export async function createSubscribeLinePrinter(output: OutputSettings): Promise<(line: SubscribeLine) => string> {
  const chalk = await loadChalk(output);
  return (line) => {
    if (line.url === undefined || line.status === 'failed') return '';
    const colour = line.status === 'added' ? chalk.green : chalk.yellow;
    const title = line.title === undefined ? '' : `${chalk.bold(sanitizeLine(line.title))}  `;
    return `${colour(line.status.padEnd(7))}  ${title}${chalk.cyan(sanitizeLine(line.url))}\n`;
  };
}

/** `3 added, 1 already subscribed, 1 failed`: the terminal's last line after adding or importing several feeds. */
export function formatSubscribeSummary(lines: readonly SubscribeLine[]): string {
  const added = lines.filter((line) => line.status === 'added').length;
  const already = lines.filter((line) => line.status === 'already').length;
  const failed = lines.filter((line) => line.status === 'failed').length;
  const parts = [`${added} added`];
  if (already > 0) parts.push(`${already} already subscribed`);
  if (failed > 0) parts.push(`${failed} failed`);
  return `${parts.join(', ')}\n`;
}

/** One article a fetch wrote or found (src/import/refresh.ts makes them). */
export interface FetchedLine {
  status: string;
  slug: string;
  title: string;
  /** The feed's title. */
  feed: string;
  date?: string | undefined;
  url?: string | undefined;
  path: string;
}

/** One feed a fetch was about. */
export interface FetchedFeed {
  url: string;
  title: string;
  status: string;
  movedTo?: string | undefined;
  message?: string | undefined;
  articles: readonly FetchedLine[];
}

/** `slug<TAB>feed<TAB>title` for each new article: what a script wants to read next. */
export function formatFetchTsv(feed: FetchedFeed): string {
  return feed.articles
    .filter((article) => article.status === 'new')
    .map((article) => `${[article.slug, article.feed, article.title || article.slug].map(sanitizeLine).join('\t')}\n`)
    .join('');
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `12 feeds, 34 new articles, 1 failed`: the terminal's one line after a fetch. */
export function formatFetchSummary(feeds: readonly FetchedFeed[]): string {
  const articles = feeds.flatMap((feed) => feed.articles);
  const fresh = articles.filter((article) => article.status === 'new').length;
  const updated = articles.filter((article) => article.status === 'updated').length;
  const failed = feeds.filter((feed) => feed.status === 'failed').length;
  const gone = feeds.filter((feed) => feed.status === 'gone').length;
  const parts = [count(feeds.length, 'feed'), count(fresh, 'new article')];
  if (updated > 0) parts.push(`${updated} updated`);
  if (gone > 0) parts.push(`${gone} gone`);
  if (failed > 0) parts.push(`${failed} failed`);
  return `${parts.join(', ')}\n`;
}

/**
 * `fetch --json`: `{feeds: [{url, title, status, new, updated, movedTo, message}], articles:
 * [{status, slug, title, feed, feedUrl, date, url, path}]}`, every article the fetch wrote or found
 * already in the library (`duplicate`); `title` is null for an item without one.
 */
export function renderFetchJson(feeds: readonly FetchedFeed[]): string {
  const data = {
    feeds: feeds.map((feed) => ({
      url: feed.url,
      title: feed.title,
      status: feed.status,
      new: feed.articles.filter((article) => article.status === 'new').length,
      updated: feed.articles.filter((article) => article.status === 'updated').length,
      movedTo: feed.movedTo ?? null,
      message: feed.message ?? null,
    })),
    articles: feeds.flatMap((feed) =>
      feed.articles.map((article) => ({
        status: article.status,
        slug: article.slug,
        title: article.title === '' ? null : article.title,
        feed: article.feed,
        feedUrl: feed.url,
        date: article.date ?? null,
        url: article.url ?? null,
        path: article.path,
      })),
    ),
  };
  return `${toSafeJson(data)}\n`;
}
