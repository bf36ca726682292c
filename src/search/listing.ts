// Pure over index segments: `list`'s rows, filtered and in order, read from each segment's listing
// and its precomputed orders, so a page of rows costs that page, not the whole library.

import type { ArticleInfo } from '../article/article.js';
import { CorruptIndexError } from '../library/index/bytes.js';
import { dayNumber, NO_DAY } from '../library/index/format.js';
import type { IndexedLibrary } from '../library/indexed.js';
import { listedArticle, listingSlug, listingTitle, type SegmentView } from '../library/view.js';
import { type ArticleFilter, filtersOnMetadata, matchesFilter, type SortOrder } from './filters.js';

/** One segment's documents in list order, as a cursor; its tables are taken once, not per row. */
interface Cursor {
  view: SegmentView;
  order: Uint32Array;
  days: Int32Array;
  live: Uint8Array;
  at: number;
  /** The current document's sort key (lower-cased title, for `--sort title`). */
  key: string;
}

/**
 * Whether the document at `at` in `a`'s order (whose sort key is `key`) comes before `b`'s current
 * one: the order sortArticles gives (newest first, undated last; or by title, case ignored), then
 * by slug.
 */
function rowBefore(a: Cursor, at: number, key: string, b: Cursor, sort: SortOrder): boolean {
  const docA = a.order[at] as number;
  const docB = b.order[b.at] as number;
  if (sort === 'date') {
    const dayA = a.days[docA] as number;
    const dayB = b.days[docB] as number;
    if (dayA !== dayB) return dayA > dayB;
  } else if (key !== b.key) {
    return key < b.key;
  }
  return listingSlug(a.view, docA) < listingSlug(b.view, docB);
}

/** The sort key of the document at `at` in the cursor's order: its lower-cased title for `--sort title`. */
function keyAt(cursor: Cursor, at: number, sort: SortOrder): string {
  return sort === 'title' ? listingTitle(cursor.view, cursor.order[at] as number).toLowerCase() : '';
}

/**
 * How far `best`'s order runs before `next`'s current document: the end of the run of rows that
 * can be taken without comparing again. Found by galloping (1, 2, 4… rows ahead, then halving),
 * so a library of one big folder and a few bundled articles costs a few dozen comparisons, not
 * one per row.
 */
function runEnd(best: Cursor, next: Cursor, sort: SortOrder): number {
  const length = best.order.length;
  const ahead = (at: number) => rowBefore(best, at, keyAt(best, at, sort), next, sort);
  let low = best.at + 1;
  let step = 1;
  while (low + step - 1 < length && ahead(low + step - 1)) {
    low += step;
    step *= 2;
  }
  // Rows before `low` come first; the answer lies in [low, min(low + step - 1, length)].
  let high = Math.min(low + step - 1, length);
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ahead(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Visits the documents `list` shows: live, dated within `filter`'s range, in `sort` order, until
 * `take` has accepted `limit` of them (it may refuse one, for a filter on metadata). Each segment
 * holds its documents in both orders already; the segments' orders are merged here, and once one
 * segment is left its order is walked without comparing. Dates filter on the day numbers every
 * segment keeps in memory.
 */
function walkListing(
  library: IndexedLibrary,
  filter: ArticleFilter,
  sort: SortOrder,
  limit: number,
  take: (view: SegmentView, doc: number) => boolean,
  /** How a segment's rows are read when most of them are shown: as strings, or as bytes. */
  readWhole: (segment: SegmentView['segment']) => void,
): void {
  const since = filter.since === undefined ? undefined : dayNumber(filter.since);
  const until = filter.until === undefined ? undefined : dayNumber(filter.until);
  const cursors: Cursor[] = [];
  const keyOf = (cursor: Cursor) => {
    cursor.key = keyAt(cursor, cursor.at, sort);
  };
  for (const view of library.views) {
    if (view.documents === 0) continue;
    const { segment } = view;
    // Many rows: the whole listing in one read beats a read per row; a page reads only its rows.
    if (limit * 16 >= segment.count) readWhole(segment);
    const order = segment.order(sort);
    if (order.length === 0) continue;
    const cursor: Cursor = { view, order, days: segment.days, live: view.live, at: 0, key: '' };
    keyOf(cursor);
    cursors.push(cursor);
  }
  let taken = 0;
  while (taken < limit && cursors.length > 0) {
    let best = 0;
    for (let i = 1; i < cursors.length; i++) {
      const other = cursors[i] as Cursor;
      if (rowBefore(other, other.at, other.key, cursors[best] as Cursor, sort)) best = i;
    }
    const cursor = cursors[best] as Cursor;
    const { view, order, days, live } = cursor;
    // The rows of this segment that come before every other segment's next one; the last segment
    // left runs to its end, with no one to compare with.
    let next: Cursor | undefined;
    for (let i = 0; i < cursors.length; i++) {
      const other = cursors[i] as Cursor;
      if (i !== best && (next === undefined || rowBefore(other, other.at, other.key, next, sort))) next = other;
    }
    const end = next === undefined ? order.length : runEnd(cursor, next, sort);
    for (; cursor.at < end && taken < limit; cursor.at++) {
      const doc = order[cursor.at] as number;
      if (!live[doc]) continue;
      const day = days[doc] as number;
      if (since !== undefined && (day === NO_DAY || day < since)) continue;
      if (until !== undefined && (day === NO_DAY || day > until)) continue;
      if (take(view, doc)) taken += 1;
    }
    if (cursor.at < order.length) keyOf(cursor);
    else cursors.splice(best, 1);
  }
}

/**
 * The articles `list` shows, at most `limit`, as objects made from their listing lines (see
 * library/view.ts). A tag or source filter reads the metadata of the documents it looks at. With
 * `metadata`, every row's metadata is read here (for `--json`), so damage is found inside the
 * library's query, which rebuilds the index, never while printing.
 */
export function listLibrary(
  library: IndexedLibrary,
  filter: ArticleFilter,
  sort: SortOrder,
  limit: number,
  metadata = false,
): ArticleInfo[] {
  const needsMeta = filtersOnMetadata(filter);
  const out: ArticleInfo[] = [];
  walkListing(
    library,
    filter,
    sort,
    limit,
    (view, doc) => {
      const article = listedArticle(view, doc, metadata || needsMeta);
      if (needsMeta && !matchesFilter(article, filter)) return false;
      out.push(article);
      return true;
    },
    (segment) => segment.loadListing(),
  );
  return out;
}

/**
 * The same rows as listLibrary, as the bytes piped `list` prints: each row's listing line
 * (`slug<TAB>date<TAB>title` and a newline) copied from the index into one buffer. No string and
 * no object is made per row (unless a tag or source filter must read a row's metadata): a row is
 * three numbers until it is copied, so ten thousand rows leave nothing for a garbage collection to
 * copy, and nothing to decode and encode again.
 */
export function listingOutput(
  library: IndexedLibrary,
  filter: ArticleFilter,
  sort: SortOrder,
  limit: number,
): Uint8Array {
  const needsMeta = filtersOnMetadata(filter);
  // Where rows come from: a segment's whole listing, or one line read on its own (a short page).
  const sources: Uint8Array[] = [];
  // Per row: its source, and where its line (with the newline) starts and ends there.
  const rows: number[] = [];
  let total = 0;
  let lastView: SegmentView | undefined;
  let source = -1;
  let starts: Float64Array | undefined;
  walkListing(
    library,
    filter,
    sort,
    limit,
    (view, doc) => {
      if (needsMeta && !matchesFilter(listedArticle(view, doc, true), filter)) return false;
      if (view !== lastView) {
        lastView = view;
        const whole = view.segment.wholeListing();
        source = whole === undefined ? -1 : sources.push(whole) - 1;
        starts = view.segment.listingIdx;
      }
      if (source >= 0) {
        const at = starts as Float64Array;
        rows.push(source, at[doc] as number, at[doc + 1] as number);
        total += (at[doc + 1] as number) - (at[doc] as number);
      } else {
        const line = view.segment.listingLineBytes(doc);
        rows.push(sources.push(line) - 1, 0, line.length);
        total += line.length;
      }
      return true;
    },
    (segment) => segment.listingBytes(),
  );
  const out = Buffer.allocUnsafe(total);
  let at = 0;
  for (let row = 0; row < rows.length; row += 3) {
    const from = sources[rows[row] as number] as Uint8Array;
    const start = rows[row + 1] as number;
    const end = rows[row + 2] as number;
    // A cut that is not one whole line of the (checked) listing is damage in its table of starts.
    if (
      !(
        start >= 0 &&
        end > start &&
        end <= from.length &&
        from[end - 1] === NEWLINE &&
        (start === 0 || from[start - 1] === NEWLINE)
      )
    ) {
      throw new CorruptIndexError('listing line out of place');
    }
    out.set(from.subarray(start, end), at);
    at += end - start;
  }
  return out;
}

const NEWLINE = 0x0a;
