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

/** One article of `list --json`; the README documents the shape. */
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
async function renderTable(articles: readonly ArticleInfo[], output: OutputSettings, metrics: TextMetrics) {
  const chalk = await loadChalk(output);
  const width = output.width;
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

/** The articles as `news list` prints them; nothing at all for no articles, but `[]` in JSON. */
export async function renderList(
  articles: readonly ArticleInfo[],
  output: OutputSettings,
  json: boolean,
): Promise<string> {
  if (json) return `${toSafeJson(articles.map(articleSummary))}\n`;
  if (articles.length === 0) return '';
  if (!output.styled) return renderTabSeparated(articles);
  return renderTable(articles, output, await loadMetrics(articles.map((article) => article.title)));
}
