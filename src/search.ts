// Pure search: (articles, query) → ranked hits with a one-line snippet around the first match.

import type { Article } from './article.js';
import { type Clause, parseSearchQuery, type Term, termPattern } from './query.js';
import { type Block, blocksToParagraphs } from './render/model.js';
import { truncateCells } from './render/table.js';
import type { TextMetrics } from './render/width.js';

/** An article with its body already in the document model. */
export interface SearchDocument {
  article: Article;
  blocks: readonly Block[];
}

export interface SearchHit {
  article: Article;
  score: number;
  snippet: string;
  /** Where each query term occurs in `snippet`, as [start, end) string offsets, for highlighting. */
  highlights: [number, number][];
}

/** Weights per field: a title hit outranks a tag hit, a subheading hit, then body hits. */
const WEIGHTS = { title: 10, heading: 5, tags: 4, body: 1, meta: 2 } as const;

interface CompiledTerm {
  term: Term;
  pattern: RegExp;
}

interface CompiledClause {
  alternatives: CompiledTerm[];
  negated: boolean;
}

function compileClause(clause: Clause): CompiledClause {
  return {
    negated: clause.negated,
    alternatives: clause.alternatives.map((term) => ({ term, pattern: termPattern(term) })),
  };
}

function countMatches(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (pattern.exec(text) !== null) count += 1;
  return count;
}

interface Indexed {
  article: Article;
  title: string;
  tags: string;
  source: string;
  section: string;
  headings: string;
  paragraphs: string[];
}

function indexArticle({ article, blocks }: SearchDocument): Indexed {
  const paragraphs = blocksToParagraphs(blocks).map((paragraph) => ({
    heading: paragraph.heading,
    text: paragraph.text.replace(/\s+/g, ' ').trim(),
  }));
  return {
    article,
    title: article.title,
    // One tag per line, so a phrase never runs from one tag into the next.
    tags: article.tags.join('\n'),
    source: article.source ?? '',
    section: article.section ?? '',
    headings: paragraphs
      .filter((paragraph) => paragraph.heading)
      .map((paragraph) => paragraph.text)
      .join('\n'),
    paragraphs: paragraphs.filter((paragraph) => !paragraph.heading).map((paragraph) => paragraph.text),
  };
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
  const ranges: [number, number][] = [];
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(snippet); match !== null; match = pattern.exec(snippet)) {
      ranges.push([match.index, match.index + match[0].length]);
      if (match[0].length === 0) pattern.lastIndex += 1;
    }
  }
  return ranges.sort((a, b) => a[0] - b[0]);
}

function compareHits(a: SearchHit, b: SearchHit): number {
  if (b.score !== a.score) return b.score - a.score;
  const dateA = a.article.date ?? '';
  const dateB = b.article.date ?? '';
  if (dateA !== dateB) return dateA < dateB ? 1 : -1;
  return a.article.slug < b.article.slug ? -1 : 1;
}

/**
 * Every term must match (title, tags, subheadings or body). Scores add field weights per term,
 * more body matches count logarithmically, and the whole query as a phrase earns a bonus.
 * Ties go to the newer article. `snippetCells` bounds the snippet's width in terminal cells.
 */
/** How much one term adds to an article's score; 0 when the term is not in it (or not in its field). */
function scoreTerm({ term, pattern }: CompiledTerm, indexed: Indexed, body: string): number {
  switch (term.field) {
    case 'title':
      return countMatches(pattern, indexed.title) > 0 ? WEIGHTS.title : 0;
    case 'tag':
      return countMatches(pattern, indexed.tags) > 0 ? WEIGHTS.tags : 0;
    case 'source':
      return countMatches(pattern, indexed.source) > 0 ? WEIGHTS.meta : 0;
    case 'section':
      return countMatches(pattern, indexed.section) > 0 ? WEIGHTS.meta : 0;
    default: {
      const inBody = countMatches(pattern, body);
      return (
        (countMatches(pattern, indexed.title) > 0 ? WEIGHTS.title : 0) +
        (countMatches(pattern, indexed.tags) > 0 ? WEIGHTS.tags : 0) +
        (countMatches(pattern, indexed.headings) > 0 ? WEIGHTS.heading : 0) +
        (inBody > 0 ? WEIGHTS.body * (1 + Math.log2(inBody)) : 0)
      );
    }
  }
}

function scoreClause(clause: CompiledClause, indexed: Indexed, body: string): number {
  return Math.max(...clause.alternatives.map((term) => scoreTerm(term, indexed, body)));
}

/**
 * Every clause must match (one of its alternatives, in its field if it names one) and no
 * excluded clause may; a query with only exclusions finds nothing. Scores add field weights per
 * clause, more body matches count logarithmically, and the plain words of the query found side by
 * side as a phrase earn a bonus. Ties go to the newer article. Snippets fit `snippetCells` cells.
 */
export function searchArticles(
  documents: readonly SearchDocument[],
  query: string,
  snippetCells: number,
  metrics: TextMetrics,
): SearchHit[] {
  const clauses = parseSearchQuery(query).map(compileClause);
  const required = clauses.filter((clause) => !clause.negated);
  const excluded = clauses.filter((clause) => clause.negated);
  if (required.length === 0) return [];
  const plainWords = required
    .filter((clause) => clause.alternatives.length === 1)
    .map((clause) => clause.alternatives[0]?.term)
    .filter((term): term is Term => term !== undefined && term.field === undefined && !term.prefix);
  const phrase =
    plainWords.length > 1
      ? termPattern({ text: plainWords.map((term) => term.text).join(' '), prefix: false })
      : undefined;
  const snippetPatterns = required.flatMap((clause) =>
    clause.alternatives.filter(({ term }) => term.field === undefined).map(({ pattern }) => pattern),
  );
  const hits: SearchHit[] = [];
  for (const document of documents) {
    const indexed = indexArticle(document);
    const body = indexed.paragraphs.join('\n');
    const scores = required.map((clause) => scoreClause(clause, indexed, body));
    if (scores.some((score) => score === 0)) continue;
    if (excluded.some((clause) => scoreClause(clause, indexed, body) > 0)) continue;
    let score = scores.reduce((sum, value) => sum + value, 0);
    if (phrase && countMatches(phrase, `${indexed.title}\n${indexed.headings}\n${body}`) > 0) score += 3;
    hits.push({
      article: document.article,
      score: Math.round(score * 100) / 100,
      ...makeSnippet(indexed, snippetPatterns, snippetCells, metrics),
    });
  }
  return hits.sort(compareHits);
}

function makeSnippet(
  indexed: Indexed,
  patterns: RegExp[],
  cells: number,
  metrics: TextMetrics,
): Pick<SearchHit, 'snippet' | 'highlights'> {
  let best: { paragraph: string; offset: number } | undefined;
  for (const paragraph of indexed.paragraphs) {
    for (const pattern of patterns) {
      pattern.lastIndex = 0;
      const match = pattern.exec(paragraph);
      if (match && (best === undefined || (best.paragraph === paragraph && match.index < best.offset))) {
        best = { paragraph, offset: match.index };
      }
    }
    if (best) break;
  }
  const source = best ?? { paragraph: indexed.paragraphs[0] ?? indexed.title, offset: 0 };
  const snippet = cutSnippet(source.paragraph, source.offset, cells, metrics);
  return { snippet, highlights: findHighlights(snippet, patterns) };
}
