// Search results: runs a query over the indexed library and cuts a one-line snippet for each hit.

import type { ArticleInfo } from '../article/article.js';
import { sanitizeText } from '../article/sanitize.js';
import type { IndexedLibrary } from '../library/library.js';
import { truncateCells } from '../render/table.js';
import type { TextMetrics } from '../render/width.js';
import type { ArticleFilter } from './filters.js';
import { bestPassage, type Highlight, highlightPatterns } from './passage.js';
import { matchRanges } from './query.js';
import { hitArticle, searchIndex } from './rank.js';

export interface SearchHit {
  article: ArticleInfo;
  score: number;
  snippet: string;
  /** Where each query term occurs in `snippet`, as [start, end) string offsets, for highlighting. */
  highlights: [number, number][];
}

/** Where a snippet starting at `start` ends: as many whole words as fit in `budget` cells. */
function fillWords(text: string, start: number, budget: number, metrics: TextMetrics): number {
  let end = start;
  let used = 0;
  for (const word of text.slice(start).split(/(?<= )/)) {
    if (used + metrics.cells(word.trimEnd()) > budget) break;
    end += word.length;
    used += metrics.cells(word);
  }
  return end;
}

/**
 * Cuts `text` to at most `cells` terminal cells showing the match at `offset`: some context before
 * it when that fits, starting at a word (or at the match itself), with ellipses where text was cut.
 */
export function cutSnippet(text: string, offset: number, cells: number, metrics: TextMetrics): string {
  const space = text.lastIndexOf(' ', Math.max(0, offset - 1));
  let start = 0;
  if (metrics.cells(text.slice(0, offset)) > cells / 3) {
    // Start at a word boundary about a third of the width before the match, never inside a character.
    const from = text.indexOf(' ', Math.max(0, offset - Math.floor(cells / 3)));
    start = from !== -1 && from < offset ? from + 1 : space !== -1 ? space + 1 : offset;
  }
  for (;;) {
    const prefix = start > 0 ? '…' : '';
    // One cell stays free for a closing ellipsis.
    const budget = Math.max(1, cells - prefix.length - 1);
    const end = fillWords(text, start, budget, metrics);
    if (end <= offset && start < offset) {
      start = offset;
      continue;
    }
    let body = text.slice(start, end).trimEnd();
    if (body === '') body = truncateCells(text.slice(start), budget + 1, metrics).replace(/…$/, '');
    const suffix = start + body.length < text.trimEnd().length ? '…' : '';
    return prefix + body + suffix;
  }
}

function findHighlights(snippet: string, patterns: RegExp[]): [number, number][] {
  return patterns.flatMap((pattern) => matchRanges(pattern, snippet)).sort((a, b) => a[0] - b[0]);
}

/**
 * The snippet of a hit: the best passage of its body (the paragraph with the most different query
 * terms, from the match where most of them come together), cut at word boundaries to `cells`.
 */
export function makeSnippet(
  text: string,
  highlights: Highlight[],
  cells: number,
  metrics: TextMetrics,
): Pick<SearchHit, 'snippet' | 'highlights'> {
  const paragraphs = text.split('\n');
  const passage = bestPassage(paragraphs, highlights, Math.floor((cells * 2) / 3));
  const snippet = cutSnippet(passage?.paragraph ?? paragraphs[0] ?? '', passage?.offset ?? 0, cells, metrics);
  return {
    snippet,
    highlights: findHighlights(
      snippet,
      highlights.map(({ pattern }) => pattern),
    ),
  };
}

/**
 * Ranked hits for `query` over the library, at most `limit`, each with a snippet of at most
 * `snippetCells` cells. See searchIndex for the ranking.
 */
export function searchLibrary(
  library: IndexedLibrary,
  query: string,
  filter: ArticleFilter,
  limit: number,
  snippetCells: number,
  metrics: TextMetrics,
): SearchHit[] {
  const highlights = highlightPatterns(query);
  return searchIndex(library.views, query, filter)
    .slice(0, limit)
    .map((hit) => ({
      article: hitArticle(hit),
      score: Math.round(hit.score * 100) / 100,
      // The index holds text already made safe; sanitising again keeps a tampered cache inert too.
      ...makeSnippet(sanitizeText(hit.view.segment.text(hit.doc)), highlights, snippetCells, metrics),
    }));
}
