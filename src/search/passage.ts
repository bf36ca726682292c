// Pure: the passage of a hit's text that best shows why it matched, and the query terms to highlight in it.

import { indexTokens } from '../library/index/tokens.js';
import { matchRanges, parseSearchQuery, type Term, termPattern } from './query.js';

/** A query term to highlight: its pattern, and text every match contains (lower-cased), if any. */
export interface Highlight {
  pattern: RegExp;
  /** A cheap first test: a paragraph without this substring cannot match the pattern. */
  needle: string | undefined;
}

/** What every match of a term contains: its first word, less the ending its plural forms change. */
function needleOf(term: Term): string | undefined {
  const [first, ...more] = indexTokens(term.text);
  if (first === undefined) return undefined;
  if (term.prefix || more.length > 0) return first;
  // "treaty" must also find "treaties", "treaties" also "treaty": both contain "treat".
  return first.replace(/(?:ies|y|s)$/, '') || first;
}

/** The terms to highlight for a query: every word, prefix and phrase it looks for in the text. */
export function highlightPatterns(query: string): Highlight[] {
  return parseSearchQuery(query)
    .filter((clause) => !clause.negated)
    .flatMap((clause) =>
      clause.alternatives
        .filter((term) => !term.field)
        .map((term) => ({ pattern: termPattern(term), needle: needleOf(term) })),
    );
}

interface PassageScore {
  distinct: number;
  total: number;
}

/** Whether `a` ranks above `b`: more different terms, then more matches. */
function outranks(a: PassageScore, b: PassageScore): boolean {
  return a.distinct > b.distinct || (a.distinct === b.distinct && a.total > b.total);
}

/** How often `needle` occurs in `text`: never fewer than the matches of its term. */
function occurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) count += 1;
  return count;
}

/** A paragraph's matches, exactly: each term's regular expression run over it. */
function passageIn(
  paragraph: string,
  highlights: readonly Highlight[],
  reach: number,
): (PassageScore & { offset: number }) | undefined {
  const found = highlights.flatMap(({ pattern }, which) =>
    matchRanges(pattern, paragraph).map(([index]) => ({ index, pattern: which })),
  );
  if (found.length === 0) return undefined;
  found.sort((a, b) => a.index - b.index);
  let offset = found[0]?.index ?? 0;
  let distinct = 0;
  for (const start of found) {
    const seen = new Set(
      found.filter((hit) => hit.index >= start.index && hit.index < start.index + reach).map((hit) => hit.pattern),
    );
    if (seen.size > distinct) {
      distinct = seen.size;
      offset = start.index;
    }
  }
  return { offset, distinct, total: found.length };
}

/**
 * The passage that best shows why an article matched: the paragraph holding the most different
 * query terms (then the most matches, then the earliest), and in it the match from which the
 * next `reach` characters hold the most different terms. Returns the paragraph and that offset.
 *
 * Term patterns must look behind every position, which is slow, so paragraphs are first ranked by
 * a cheap upper bound (which terms' needles occur, how often) and run through the patterns in that
 * order only while the bound could still beat the best found: the answer is the same as running
 * every pattern over every paragraph.
 */
export function bestPassage(
  paragraphs: readonly string[],
  highlights: readonly Highlight[],
  reach: number,
): { paragraph: string; offset: number } | undefined {
  const bounds = paragraphs.map((paragraph, index) => {
    const lower = paragraph.toLowerCase();
    let distinct = 0;
    let total = 0;
    for (const { needle } of highlights) {
      const count = needle === undefined ? Number.POSITIVE_INFINITY : occurrences(lower, needle);
      if (count > 0) distinct += 1;
      total += count;
    }
    return { index, distinct, total };
  });
  const order = bounds
    .filter((bound) => bound.distinct > 0)
    .sort((a, b) => b.distinct - a.distinct || b.total - a.total || a.index - b.index);
  let best: (PassageScore & { offset: number; index: number }) | undefined;
  for (const bound of order) {
    if (best !== undefined && outranks(best, bound)) break;
    const paragraph = paragraphs[bound.index] as string;
    const exact = passageIn(paragraph, highlights, reach);
    if (exact === undefined) continue;
    const earlierTie =
      best !== undefined && !outranks(best, exact) && !outranks(exact, best) && bound.index < best.index;
    if (best === undefined || outranks(exact, best) || earlierTie) best = { ...exact, index: bound.index };
  }
  return best && { paragraph: paragraphs[best.index] as string, offset: best.offset };
}
