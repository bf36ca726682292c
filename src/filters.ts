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

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `date`: newest first, undated last; `title`: A to Z, case ignored. Ties go by slug, so the
 * order never depends on the disk or the locale.
 */
export function sortArticles<T extends ArticleInfo>(articles: readonly T[], order: SortOrder): T[] {
  return [...articles].sort((a, b) => {
    if (order === 'title') {
      return compareText(a.title.toLowerCase(), b.title.toLowerCase()) || compareText(a.slug, b.slug);
    }
    const dateA = a.date ?? '';
    const dateB = b.date ?? '';
    return compareText(dateB, dateA) || compareText(a.slug, b.slug);
  });
}
