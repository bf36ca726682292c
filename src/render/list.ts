// The printer of `news list`: an aligned table for people, tab-separated lines for pipes, or JSON.

import type { ArticleInfo } from '../article/article.js';
import { toSafeJson } from '../article/sanitize.js';
import { padCells, truncateCells } from './table.js';
import { loadChalk, type OutputSettings } from './theme.js';
import { loadMetrics, type TextMetrics } from './width.js';

/** Words a minute for the reading-time estimate; the usual figure for adult readers of news. */
const WORDS_PER_MINUTE = 230;

export function readingMinutes(article: ArticleInfo): number {
  return Math.max(1, Math.round(article.words / WORDS_PER_MINUTE));
}

/** The fields every JSON shape of an article opens with (`list --json`, `read --json`), absent ones null. */
export function articleFields(article: ArticleInfo) {
  return {
    slug: article.slug,
    title: article.title,
    date: article.date ?? null,
    source: article.source ?? null,
    section: article.section ?? null,
    author: article.author ?? null,
    agency: article.agency ?? null,
    tags: article.tags,
  };
}

/** One article of `list --json`; the README documents the shape. */
export function articleSummary(article: ArticleInfo) {
  return {
    ...articleFields(article),
    words: article.words,
    minutes: readingMinutes(article),
    url: article.url ?? null,
    summary: article.summary ?? null,
    path: article.path,
  };
}

/** Below this many cells a title is hardly readable: the reading time goes first, then the date. */
const MIN_TITLE_CELLS = 20;

/**
 * Aligned columns: date, slug, reading time, title. The slug is never cut, since it is what a
 * reader types next; the title is, to fit the table's width, and a narrow table drops the reading
 * time, then the date, before the title gets too short.
 */
async function renderTable(articles: readonly ArticleInfo[], output: OutputSettings, metrics: TextMetrics) {
  const chalk = await loadChalk(output);
  const width = output.tableWidth;
  const slugWidth = Math.max(...articles.map((article) => metrics.cells(article.slug)));
  const times = articles.map((article) => `${readingMinutes(article)} min`);
  const timeWidth = Math.max(...times.map((time) => time.length));
  const dated = articles.some((article) => article.date);
  const room = (date: boolean, time: boolean) => width - slugWidth - 2 - (date ? 12 : 0) - (time ? timeWidth + 2 : 0);
  const showTime = room(dated, true) >= MIN_TITLE_CELLS;
  const showDate = dated && room(true, false) >= MIN_TITLE_CELLS;
  const titleWidth = Math.max(1, room(showDate, showTime));
  const lines = articles.map((article, index) => {
    const date = showDate ? `${chalk.dim(padCells(article.date ?? '', 10, metrics))}  ` : '';
    const slug = `${chalk.bold.cyan(padCells(article.slug, slugWidth, metrics))}  `;
    const time = showTime ? `${chalk.dim((times[index] ?? '').padStart(timeWidth))}  ` : '';
    return date + slug + time + truncateCells(article.title, titleWidth, metrics);
  });
  return `${lines.join('\n')}\n`;
}

function renderTabSeparated(articles: readonly ArticleInfo[]): string {
  return articles.map((article) => `${article.slug}\t${article.date ?? ''}\t${article.title}\n`).join('');
}

/** The articles as `news list` prints them; nothing at all for no articles, but `[]` in JSON. */
export async function renderList(
  articles: readonly ArticleInfo[],
  output: OutputSettings,
  json: boolean,
): Promise<string> {
  if (json) return `${toSafeJson(articles.map(articleSummary))}\n`;
  if (articles.length === 0) return '';
  if (!output.styled) return renderTabSeparated(articles);
  return renderTable(articles, output, await loadMetrics(articles.flatMap((article) => [article.title, article.slug])));
}
