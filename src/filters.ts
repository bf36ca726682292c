// Pure: which articles `list` and `search` consider (dates, tag, source), and the order `list` shows them in.

import type { ArticleInfo } from './article.js';

export interface ArticleFilter {
  /** Inclusive YYYY-MM-DD bounds; an undated article never passes a date bound. */
  since?: string;
  until?: string;
  /** A tag the article must carry, case ignored. */
  tag?: string;
  /** The article's source, case ignored. */
  source?: string;
}

export type SortOrder = 'date' | 'title';

function sameText(a: string | undefined, b: string): boolean {
  return a !== undefined && a.toLowerCase() === b.toLowerCase();
}

export function matchesFilter(article: ArticleInfo, filter: ArticleFilter): boolean {
  if (filter.since !== undefined && (article.date === undefined || article.date < filter.since)) return false;
  if (filter.until !== undefined && (article.date === undefined || article.date > filter.until)) return false;
  if (filter.tag !== undefined && !article.tags.some((tag) => sameText(tag, filter.tag as string))) return false;
  if (filter.source !== undefined && !sameText(article.source, filter.source)) return false;
  return true;
}

export function filterArticles<T extends ArticleInfo>(articles: readonly T[], filter: ArticleFilter): T[] {
  return articles.filter((article) => matchesFilter(article, filter));
}

/** '2016-05-06' → '79839493': the date subtracted from 99999999, so ascending order is newest first. */
function newestFirst(date: string | undefined): string {
  // Undated articles go last: '~' sorts after every digit. Dates are validated YYYY-MM-DD.
  if (date === undefined) return '~';
  const value = Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
  return String(99999999 - value).padStart(8, '0');
}

/**
 * `date`: newest first, undated last; `title`: A to Z, case ignored. Ties go by slug, so the
 * order never depends on the disk or the locale.
 */
export function sortArticles<T extends ArticleInfo>(articles: readonly T[], order: SortOrder): T[] {
  // Sort keys compared natively (code unit order, no comparator calls): ten thousand articles in
  // a few milliseconds even before the code is optimised. '\u0000' ends each part: it sorts first.
  const keys = articles.map((article, index) => {
    const first = order === 'title' ? article.title.toLowerCase() : newestFirst(article.date);
    return `${first}\u0000${article.slug}\u0000${index}`;
  });
  keys.sort();
  return keys.map((key) => articles[Number(key.slice(key.lastIndexOf('\u0000') + 1))] as T);
}
