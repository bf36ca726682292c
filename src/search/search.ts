// Search results: runs a query over the indexed library and picks each hit's best passage.

import type { ArticleInfo } from '../article/article.js';
import { sanitizeText } from '../article/sanitize.js';
import type { IndexedLibrary } from '../library/indexed.js';
import type { ArticleFilter } from './filters.js';
import { bestPassage, type Highlight, highlightPatterns } from './passage.js';
import { hitArticle, searchIndex } from './rank.js';

export interface SearchHit {
  article: ArticleInfo;
  score: number;
  /** The paragraph that best shows why the article matched (the first one if none shows it). */
  passage: string;
  /** Where in `passage` most of the query's terms come together. */
  offset: number;
  /** The query's terms, to find and highlight wherever text cut from the passage shows them. */
  terms: Highlight[];
}

/**
 * Ranked hits for `query` over the library, at most `limit`, each with its best passage: the
 * paragraph with the most different query terms, and the match from which the next `reach`
 * characters hold the most of them. See searchIndex for the ranking.
 */
export function searchLibrary(
  library: IndexedLibrary,
  query: string,
  filter: ArticleFilter,
  limit: number,
  reach: number,
): SearchHit[] {
  const terms = highlightPatterns(query);
  return searchIndex(library.views, query, filter)
    .slice(0, limit)
    .map((hit) => {
      const text = hit.view.segment.text(hit.doc);
      let paragraphs = text.split('\n');
      let best = bestPassage(paragraphs, terms, reach);
      // The index holds text already made safe, so sanitising the passage shown changes nothing;
      // if it does, the cache was tampered with, and the passage is chosen again from safe text.
      // Sanitising only the passage spares a pass over every hit's whole text.
      const chosen = best?.paragraph ?? paragraphs[0] ?? '';
      if (sanitizeText(chosen) !== chosen) {
        paragraphs = sanitizeText(text).split('\n');
        best = bestPassage(paragraphs, terms, reach);
      }
      return {
        article: hitArticle(hit),
        score: Math.round(hit.score * 100) / 100,
        passage: best?.paragraph ?? paragraphs[0] ?? '',
        offset: best?.offset ?? 0,
        terms,
      };
    });
}
