// Pure over index segments: evaluates a parsed query, scoring each hit with BM25F.

import type { ArticleInfo } from '../article/article.js';
import { CorruptIndexError } from '../library/index/bytes.js';
import { type DocMeta, dayNumber, FIELD_COUNT, NO_DAY } from '../library/index/format.js';
import type { Segment } from '../library/index/reader.js';
import { indexTokens } from '../library/index/tokens.js';
import { articleInfo, type SegmentView } from '../library/view.js';
import { type ArticleFilter, filtersOnMetadata, matchesFilter } from './filters.js';
import { fieldText, isFirstHit, matchTerm, type TermMatches } from './match.js';
import { type Clause, occursIn, parseSearchQuery, type Term, termPattern } from './query.js';

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

interface PreparedClause {
  negated: boolean;
  words: ScoredTerm[];
  /** Terms that look in one field; `section:` terms also carry their matches, for subheadings. */
  fields: { term: Term; pattern: RegExp; headings?: TermMatches[] }[];
}

/** Where subheadings are counted among a document's fields. */
const HEADINGS = 2;

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
    fields: clause.alternatives
      .filter((term) => term.field)
      .map((term) => ({
        term,
        pattern: termPattern(term),
        // `section:` means the front matter's section or a subheading, as `read --section` does.
        ...(term.field === 'section' ? { headings: views.map((view) => matchTerm(view, term)) } : {}),
      })),
  });
  const prepared = clauses.map(prepare);
  const plain = required
    .filter((clause) => clause.alternatives.length === 1)
    .map((clause) => clause.alternatives[0] as Term)
    .filter((term) => !term.field && !term.prefix && indexTokens(term.text).length === 1);
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
        const inHeading = clause.fields.some(
          ({ headings }) =>
            ((headings?.[viewIndex] as TermMatches | undefined)?.tf[doc * FIELD_COUNT + HEADINGS] ?? 0) > 0,
        );
        if (inHeading) return FIELD_CLAUSE_SCORE;
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
      if (filtersOnMetadata(filter)) {
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
