// `news list`: every article, newest first, as a table, tab-separated lines or JSON.

import type { ArticleInfo } from '../article/article.js';
import { toSafeJson } from '../article/sanitize.js';
import { EXIT_ERROR, EXIT_OK } from '../errors.js';
import { libraryArticles } from '../library/library.js';
import { padCells, truncateCells } from '../render/table.js';
import { loadMetrics, type TextMetrics } from '../render/width.js';
import { type ArticleFilter, filterArticles, type SortOrder, sortArticles } from '../search/filters.js';
import type { CommandContext } from './context.js';
import { withLibrary } from './open-library.js';

export interface ListOptions {
  json: boolean;
  filter: ArticleFilter;
  sort: SortOrder;
  limit?: number;
}

/** Words a minute for the reading-time estimate; the usual figure for adult readers of news. */
const WORDS_PER_MINUTE = 230;

export function readingMinutes(article: ArticleInfo): number {
  return Math.max(1, Math.round(article.words / WORDS_PER_MINUTE));
}

export function articleSummary(article: ArticleInfo) {
  return {
    slug: article.slug,
    title: article.title,
    date: article.date ?? null,
    source: article.source ?? null,
    section: article.section ?? null,
    author: article.author ?? null,
    agency: article.agency ?? null,
    tags: article.tags,
    words: article.words,
    minutes: readingMinutes(article),
    url: article.url ?? null,
    summary: article.summary ?? null,
    path: article.path,
  };
}

/** Aligned columns: date, slug, reading time, title; narrow terminals drop time, then date. */
async function renderTable(
  articles: readonly ArticleInfo[],
  context: CommandContext,
  metrics: TextMetrics,
): Promise<string> {
  const { createChalk } = await import('../render/colors.js');
  const chalk = createChalk(context.settings.color);
  const width = context.settings.width;
  const showDate = width >= 40 && articles.some((article) => article.date);
  const showTime = width >= 60;
  const slugWidth = Math.min(Math.max(...articles.map((article) => article.slug.length)), Math.floor(width / 3));
  const times = articles.map((article) => `${readingMinutes(article)} min`);
  const timeWidth = Math.max(...times.map((time) => time.length));
  const fixed = (showDate ? 12 : 0) + slugWidth + 2 + (showTime ? timeWidth + 2 : 0);
  const titleWidth = Math.max(1, width - fixed);
  const lines = articles.map((article, index) => {
    const date = showDate ? `${chalk.dim(padCells(article.date ?? '', 10, metrics))}  ` : '';
    const slug = `${chalk.bold.cyan(padCells(truncateCells(article.slug, slugWidth, metrics), slugWidth, metrics))}  `;
    const time = showTime ? `${chalk.dim((times[index] ?? '').padStart(timeWidth))}  ` : '';
    return date + slug + time + truncateCells(article.title, titleWidth, metrics);
  });
  return `${lines.join('\n')}\n`;
}

function renderTabSeparated(articles: readonly ArticleInfo[]): string {
  return articles.map((article) => `${article.slug}\t${article.date ?? ''}\t${article.title}\n`).join('');
}

export async function runList(context: CommandContext, options: ListOptions): Promise<number> {
  const { result: articles, hadProblems } = await withLibrary(context, libraryArticles);
  const sorted = sortArticles(filterArticles(articles, options.filter), options.sort).slice(
    0,
    options.limit ?? Number.POSITIVE_INFINITY,
  );
  if (options.json) {
    context.io.stdout.write(`${toSafeJson(sorted.map(articleSummary))}\n`);
  } else if (sorted.length > 0) {
    const table = context.settings.styled
      ? await renderTable(sorted, context, await loadMetrics(sorted.map((article) => article.title)))
      : renderTabSeparated(sorted);
    context.io.stdout.write(table);
  }
  return hadProblems ? EXIT_ERROR : EXIT_OK;
}
