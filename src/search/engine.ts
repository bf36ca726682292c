// Pure over index segments: evaluates a parsed query with BM25F ranking, and picks snippet passages.

import type { ArticleInfo } from '../article/article.js';
import { hasSymbol } from '../article/wordchars.js';
import { CorruptIndexError } from '../library/index/bytes.js';
import { type DocMeta, dayNumber, FIELD_COUNT, NO_DAY, type Segment } from '../library/index/segment.js';
import { tokenize, wordKeys } from '../library/index/tokens.js';
import { type ArticleFilter, matchesFilter } from './filters.js';
import { type Clause, isWholeWord, matchRanges, occursIn, parseSearchQuery, type Term, termPattern } from './query.js';

/** One segment of the library as a query sees it: which of its documents count, and their paths. */
export interface SegmentView {
  segment: Segment;
  /** 1 where the document is a live article (not deleted, not hidden by another folder, not broken). */
  live: Uint8Array;
  /** The folder's path, for messages. */
  folder: string;
  /** The folder's path with a separator after it: a document's path is this and its file name. */
  prefix: string;
  /** How many documents are live, and their tokens per field: BM25's N and average lengths. */
  documents: number;
  totals: number[];
}

export interface IndexHit {
  view: SegmentView;
  doc: number;
  score: number;
}

/** Field weights for BM25F: a title hit outweighs a tag, a subheading, then the body. */
const WEIGHTS = [12, 6, 4, 1] as const;
const K1 = 1.2;
/** Length normalisation per field: only the body's length says much about a hit's weight. */
const B = [0, 0, 0, 0.75] as const;
/** A clause that only filters a field (title:, tag:, source:, section:) adds this much. */
const FIELD_CLAUSE_SCORE = 1;

/**
 * A document's metadata as list and search show it, with its slug and path. The metadata object
 * read from the segment (fresh for each read) becomes the result: ten thousand rows in a `list`
 * make ten thousand objects, not twenty thousand. Undefined fields stay undefined: JSON output
 * turns them into null, text output into ''.
 */
export function articleInfo(view: SegmentView, doc: number, meta: DocMeta): ArticleInfo {
  const name = view.segment.name(doc);
  const info = meta as ArticleInfo;
  info.slug = name.slice(0, -3);
  info.path = view.prefix + name;
  return info;
}

/** Per-document field counts of one term in one segment. */
interface TermMatches {
  /** FIELD_COUNT counts per document of the segment. */
  tf: Float32Array;
  docs: number[];
}

function emptyMatches(segment: Segment): TermMatches {
  return { tf: new Float32Array(segment.count * FIELD_COUNT), docs: [] };
}

/** The keys a single query word stands for in this segment. */
function keysFor(segment: Segment, token: string, prefix: boolean, forms: boolean): string[] {
  if (prefix) return segment.keysWithPrefix(token);
  return forms ? wordKeys(token) : [token];
}

/** Positions per document for any of `keys`, merged and sorted. */
function positionsOf(segment: Segment, keys: readonly string[]): Map<number, Int32Array> {
  const out = new Map<number, number[]>();
  for (const key of keys) {
    const postings = segment.postings(key);
    if (!postings) continue;
    const positions = postings.positions();
    postings.docs.forEach((doc, index) => {
      const list = out.get(doc) ?? [];
      for (const at of positions[index] ?? []) list.push(at);
      out.set(doc, list);
    });
  }
  const sorted = new Map<number, Int32Array>();
  for (const [doc, list] of out) sorted.set(doc, Int32Array.from(list).sort());
  return sorted;
}

function contains(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle] as number;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/**
 * Where a document holds a term as written, per field (title, tags, —, body: 1 or 0), or
 * undefined for a skipped file. For terms the index's words cannot answer: punctuated ones
 * ("5.5%", "a+b*c") are checked again in the text, symbol-only ones ("…") looked for in all of it.
 */
function literalCounts(segment: Segment, doc: number, pattern: RegExp): number[] | undefined {
  const meta = segment.meta(doc);
  if (typeof meta === 'string') return undefined;
  const found = (text: string) => (occursIn(pattern, text) ? 1 : 0);
  return [found(meta.title), found(fieldText(meta, 'tag')), 0, found(segment.text(doc))];
}

/** A term without letters or digits ("…", "☺️"): every live article is read and searched as written. */
function scanLiterally(view: SegmentView, term: Term): TermMatches {
  const { segment, live } = view;
  const matches = emptyMatches(segment);
  const pattern = termPattern(term);
  for (let doc = 0; doc < segment.count; doc++) {
    if (!live[doc]) continue;
    const counts = literalCounts(segment, doc, pattern);
    if (counts === undefined || counts.every((count) => count === 0)) continue;
    matches.docs.push(doc);
    matches.tf.set(counts, doc * FIELD_COUNT);
  }
  return matches;
}

/** Drops the documents that do not hold a punctuated term literally. */
function keepLiteral(segment: Segment, matches: TermMatches, term: Term): TermMatches {
  if (!hasSymbol(term.text)) return matches;
  const pattern = termPattern(term);
  const kept = emptyMatches(segment);
  for (const doc of matches.docs) {
    if (!literalCounts(segment, doc, pattern)?.some((count) => count > 0)) continue;
    kept.docs.push(doc);
    kept.tf.set(matches.tf.subarray(doc * FIELD_COUNT, (doc + 1) * FIELD_COUNT), doc * FIELD_COUNT);
  }
  return kept;
}

/** Which documents of the segment hold the term, with counts per field. */
function matchTerm(view: SegmentView, term: Term): TermMatches {
  return keepLiteral(view.segment, matchWords(view, term), term);
}

/** Which documents hold the term's words (in order, for several), with counts per field. */
function matchWords(view: SegmentView, term: Term): TermMatches {
  const { segment, live } = view;
  const matches = emptyMatches(segment);
  const tokens = tokenize(term.text);
  if (tokens.length === 0) return scanLiterally(view, term);
  const forms = isWholeWord(term);
  const last = tokens.length - 1;
  if (tokens.length === 1) {
    for (const key of keysFor(segment, tokens[0] as string, term.prefix, forms)) {
      const postings = segment.postings(key);
      if (!postings) continue;
      postings.docs.forEach((doc, index) => {
        if (!live[doc]) return;
        if (isFirstHit(matches, doc)) matches.docs.push(doc);
        for (let field = 0; field < FIELD_COUNT; field++) {
          const at = doc * FIELD_COUNT + field;
          matches.tf[at] = (matches.tf[at] as number) + (postings.tf[index * FIELD_COUNT + field] as number);
        }
      });
    }
    return matches;
  }
  // A phrase: the first word's positions, each followed by the next words in order.
  const lists = tokens.map((token, index) =>
    positionsOf(segment, index === last ? keysFor(segment, token, term.prefix, forms) : [token]),
  );
  const [first, ...rest] = lists as [Map<number, Int32Array>, ...Map<number, Int32Array>[]];
  for (const [doc, starts] of first) {
    if (!live[doc] || rest.some((list) => !list.has(doc))) continue;
    for (const start of starts) {
      if (!rest.every((list, offset) => contains(list.get(doc) as Int32Array, start + offset + 1))) continue;
      const field = start < segment.titleEnd(doc) ? 0 : start < segment.tagsEnd(doc) ? 1 : 3;
      if (isFirstHit(matches, doc)) matches.docs.push(doc);
      const at = doc * FIELD_COUNT + field;
      matches.tf[at] = (matches.tf[at] as number) + 1;
    }
  }
  return matches;
}

function isFirstHit(matches: TermMatches, doc: number): boolean {
  for (let field = 0; field < FIELD_COUNT; field++)
    if ((matches.tf[doc * FIELD_COUNT + field] as number) > 0) return false;
  return true;
}

interface CorpusStats {
  documents: number;
  averages: number[];
}

function corpusStats(views: readonly SegmentView[]): CorpusStats {
  const totals = [0, 0, 0, 0];
  let documents = 0;
  for (const view of views) {
    documents += view.documents;
    view.totals.forEach((total, field) => {
      totals[field] = (totals[field] as number) + total;
    });
  }
  return { documents, averages: totals.map((total) => (documents > 0 ? total / documents : 0)) };
}

function bm25(idf: number, matches: TermMatches, segment: Segment, doc: number, stats: CorpusStats): number {
  let weighted = 0;
  for (let field = 0; field < FIELD_COUNT; field++) {
    const tf = matches.tf[doc * FIELD_COUNT + field] as number;
    if (tf === 0) continue;
    const average = stats.averages[field] || 1;
    const b = B[field] as number;
    const norm = 1 - b + (b * segment.fieldLength(doc, field)) / average;
    weighted += ((WEIGHTS[field] as number) * tf) / norm;
  }
  return (idf * weighted * (K1 + 1)) / (K1 + weighted);
}

function idfOf(documentFrequency: number, stats: CorpusStats): number {
  return Math.log(1 + (stats.documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/** A scored term: its matches in every segment and its idf over the whole library. */
interface ScoredTerm {
  term: Term;
  perView: TermMatches[];
  idf: number;
}

function scoreTerms(views: readonly SegmentView[], term: Term, stats: CorpusStats): ScoredTerm {
  const perView = views.map((view) => matchTerm(view, term));
  const df = perView.reduce((sum, matches) => sum + matches.docs.length, 0);
  return { term, perView, idf: idfOf(df, stats) };
}

function fieldText(meta: DocMeta, field: Term['field']): string {
  switch (field) {
    case 'title':
      return meta.title;
    case 'tag':
      return meta.tags.join('\n');
    case 'source':
      return meta.source ?? '';
    case 'section':
      return meta.section ?? '';
    default:
      return '';
  }
}

interface PreparedClause {
  negated: boolean;
  words: ScoredTerm[];
  fields: { term: Term; pattern: RegExp }[];
}

/**
 * Every clause must match (one of its alternatives, in its field if it names one) and no excluded
 * clause may; a query with only exclusions finds nothing. Each word, prefix or phrase scores BM25F
 * over title, tags, subheadings and body; plain words found side by side as a phrase add the
 * phrase's score. Ties go to the newer article, then by slug.
 */
export function searchIndex(views: readonly SegmentView[], query: string, filter: ArticleFilter): IndexHit[] {
  const clauses = parseSearchQuery(query);
  const required = clauses.filter((clause) => !clause.negated);
  if (required.length === 0) return [];
  const stats = corpusStats(views);
  const prepare = (clause: Clause): PreparedClause => ({
    negated: clause.negated,
    words: clause.alternatives.filter((term) => !term.field).map((term) => scoreTerms(views, term, stats)),
    fields: clause.alternatives.filter((term) => term.field).map((term) => ({ term, pattern: termPattern(term) })),
  });
  const prepared = clauses.map(prepare);
  const plain = required
    .filter((clause) => clause.alternatives.length === 1)
    .map((clause) => clause.alternatives[0] as Term)
    .filter((term) => !term.field && !term.prefix && tokenize(term.text).length === 1);
  const proximity =
    plain.length > 1
      ? scoreTerms(views, { text: plain.map((term) => term.text).join(' '), prefix: false }, stats)
      : undefined;
  const since = filter.since === undefined ? undefined : dayNumber(filter.since);
  const until = filter.until === undefined ? undefined : dayNumber(filter.until);
  const hits: IndexHit[] = [];
  views.forEach((view, viewIndex) => {
    const { segment, live } = view;
    const wordScore = (clause: PreparedClause, doc: number) => {
      let best = 0;
      for (const word of clause.words) {
        const matches = word.perView[viewIndex] as TermMatches;
        if (isFirstHit(matches, doc)) continue;
        best = Math.max(best, bm25(word.idf, matches, segment, doc, stats));
      }
      return best;
    };
    // Candidates: documents that some word of the first word-bearing clause matches; else all.
    const seed = prepared.find((clause) => !clause.negated && clause.fields.length === 0 && clause.words.length > 0);
    const candidates = seed
      ? [...new Set(seed.words.flatMap((word) => (word.perView[viewIndex] as TermMatches).docs))]
      : Array.from({ length: segment.count }, (_, doc) => doc);
    for (const doc of candidates) {
      if (!live[doc]) continue;
      const day = segment.days[doc] as number;
      if (since !== undefined && (day === NO_DAY || day < since)) continue;
      if (until !== undefined && (day === NO_DAY || day > until)) continue;
      let score = 0;
      let meta: DocMeta | undefined;
      const metaOf = () => {
        if (meta === undefined) {
          const row = segment.meta(doc);
          if (typeof row === 'string') return undefined;
          meta = row;
        }
        return meta;
      };
      const clauseScore = (clause: PreparedClause): number => {
        const words = wordScore(clause, doc);
        if (words > 0 || clause.fields.length === 0) return words;
        const found = metaOf();
        if (!found) return 0;
        return clause.fields.some(({ term, pattern }) => occursIn(pattern, fieldText(found, term.field)))
          ? FIELD_CLAUSE_SCORE
          : 0;
      };
      let matched = true;
      for (const clause of prepared) {
        const value = clauseScore(clause);
        if (clause.negated ? value > 0 : value === 0) {
          matched = false;
          break;
        }
        score += clause.negated ? 0 : value;
      }
      if (!matched) continue;
      // Metadata is read here only when a filter needs it; hits shown read theirs afterwards.
      if (filter.tag !== undefined || filter.source !== undefined) {
        const found = metaOf();
        if (!found || !matchesFilter(articleInfo(view, doc, found), filter)) continue;
      }
      if (proximity) {
        const matches = proximity.perView[viewIndex] as TermMatches;
        if (!isFirstHit(matches, doc)) score += bm25(proximity.idf, matches, segment, doc, stats);
      }
      hits.push({ view, doc, score: Math.round(score * 1e6) / 1e6 });
    }
  });
  return hits.sort(compareHits);
}

function compareHits(a: IndexHit, b: IndexHit): number {
  if (b.score !== a.score) return b.score - a.score;
  const dayA = a.view.segment.days[a.doc] as number;
  const dayB = b.view.segment.days[b.doc] as number;
  if (dayA !== dayB) return dayB - dayA;
  // File names order as their slugs do, but for the '.md' ending: "a.md" vs "a-b.md".
  const slugA = a.view.segment.name(a.doc).slice(0, -3);
  const slugB = b.view.segment.name(b.doc).slice(0, -3);
  return slugA < slugB ? -1 : slugA > slugB ? 1 : 0;
}

/** A hit's metadata as list and search show it (a skipped file is never a hit: that is damage). */
export function hitArticle(hit: IndexHit): ArticleInfo {
  const meta = hit.view.segment.meta(hit.doc);
  if (typeof meta === 'string') throw new CorruptIndexError('a skipped file among the hits');
  return articleInfo(hit.view, hit.doc, meta);
}

/** A query term to highlight: its pattern, and text every match contains (lower-cased), if any. */
export interface Highlight {
  pattern: RegExp;
  /** A cheap first test: a paragraph without this substring cannot match the pattern. */
  needle: string | undefined;
}

/** What every match of a term contains: its first word, less the ending its plural forms change. */
function needleOf(term: Term): string | undefined {
  const [first, ...more] = tokenize(term.text);
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
