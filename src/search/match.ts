// Pure over index segments: which documents hold a query term, with its count in each field.

import { hasSymbol } from '../article/wordchars.js';
import { type DocMeta, FIELD_COUNT } from '../library/index/format.js';
import type { Segment } from '../library/index/reader.js';
import { indexTokens } from '../library/index/tokens.js';
import type { SegmentView } from '../library/view.js';
import { isWholeWord, occursIn, type Term, termPattern, wordForms } from './query.js';

/**
 * The tokens a whole query word matches, as the query language promises: its light plural forms
 * ("treaty" finds "treaties", "sanctions" finds "sanction"), each also with a trailing s or es.
 */
export function wordKeys(word: string): string[] {
  const keys = new Set<string>();
  for (const form of wordForms(word)) {
    keys.add(form);
    keys.add(`${form}s`);
    keys.add(`${form}es`);
  }
  return [...keys];
}

/** Per-document field counts of one term in one segment. */
export interface TermMatches {
  /** FIELD_COUNT counts per document of the segment. */
  tf: Float32Array;
  docs: number[];
}

export function emptyMatches(segment: Segment): TermMatches {
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
export function matchTerm(view: SegmentView, term: Term): TermMatches {
  return keepLiteral(view.segment, matchWords(view, term), term);
}

/** Which documents hold the term's words (in order, for several), with counts per field. */
function matchWords(view: SegmentView, term: Term): TermMatches {
  const { segment, live } = view;
  const matches = emptyMatches(segment);
  const tokens = indexTokens(term.text);
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

export function isFirstHit(matches: TermMatches, doc: number): boolean {
  for (let field = 0; field < FIELD_COUNT; field++)
    if ((matches.tf[doc * FIELD_COUNT + field] as number) > 0) return false;
  return true;
}

export function fieldText(meta: DocMeta, field: Term['field']): string {
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
