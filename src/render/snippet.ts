// Snippets: a hit's best passage cut to a width at word boundaries, with where each query term occurs in it.

import { matchRanges } from '../search/query.js';
import type { SearchHit } from '../search/search.js';
import { truncateCells } from './table.js';
import type { TextMetrics } from './width.js';

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

/** Where each query term occurs in `snippet`, as [start, end) string offsets, for highlighting. */
export function snippetOf(
  hit: SearchHit,
  cells: number,
  metrics: TextMetrics,
): { snippet: string; highlights: [number, number][] } {
  const snippet = cutSnippet(hit.passage, hit.offset, cells, metrics);
  return {
    snippet,
    highlights: findHighlights(
      snippet,
      hit.terms.map(({ pattern }) => pattern),
    ),
  };
}
