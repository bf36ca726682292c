// Pure over index segments: `list`'s rows, filtered and in order, read from each segment's listing
// and its precomputed orders, so a page of rows costs that page, not the whole library.

import type { ArticleInfo } from '../article/article.js';
import { dayNumber, NO_DAY } from '../library/index/format.js';
import type { IndexedLibrary } from '../library/indexed.js';
import { listedArticle, listingSlug, listingTitle, type SegmentView } from '../library/view.js';
import { type ArticleFilter, matchesFilter, type SortOrder } from './filters.js';

/** One segment's documents in list order, as a cursor. */
interface Cursor {
  view: SegmentView;
  order: Uint32Array;
  at: number;
  /** The current document's sort key (lower-cased title, for `--sort title`). */
  key: string;
}

/**
 * Whether `a`'s current document comes before `b`'s: the order sortArticles gives (newest first,
 * undated last; or by title, case ignored), then by slug.
 */
function before(a: Cursor, b: Cursor, sort: SortOrder): boolean {
  const docA = a.order[a.at] as number;
  const docB = b.order[b.at] as number;
  if (sort === 'date') {
    const dayA = a.view.segment.days[docA] as number;
    const dayB = b.view.segment.days[docB] as number;
    if (dayA !== dayB) return dayA > dayB;
  } else if (a.key !== b.key) {
    return a.key < b.key;
  }
  return listingSlug(a.view, docA) < listingSlug(b.view, docB);
}

/**
 * The articles `list` shows: live, matching `filter`, in `sort` order, at most `limit`. Each
 * segment holds its documents in both orders already; the segments' orders are merged here, and a
 * row is made only for what is shown. Dates filter on the day numbers every segment keeps in
 * memory; a tag or source filter reads the metadata of the documents it looks at. With
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
  const since = filter.since === undefined ? undefined : dayNumber(filter.since);
  const until = filter.until === undefined ? undefined : dayNumber(filter.until);
  const needsMeta = filter.tag !== undefined || filter.source !== undefined;
  const cursors: Cursor[] = [];
  const keyOf = (cursor: Cursor) => {
    if (sort === 'title') cursor.key = listingTitle(cursor.view, cursor.order[cursor.at] as number).toLowerCase();
  };
  for (const view of library.views) {
    if (view.documents === 0) continue;
    // Many rows: the whole listing in one read beats a read per row; a page reads only its rows.
    if (limit * 16 >= view.segment.count) view.segment.loadListing();
    const cursor: Cursor = { view, order: view.segment.order(sort), at: 0, key: '' };
    if (cursor.order.length === 0) continue;
    keyOf(cursor);
    cursors.push(cursor);
  }
  const out: ArticleInfo[] = [];
  while (out.length < limit && cursors.length > 0) {
    let best = 0;
    for (let i = 1; i < cursors.length; i++) {
      if (before(cursors[i] as Cursor, cursors[best] as Cursor, sort)) best = i;
    }
    const cursor = cursors[best] as Cursor;
    const { view } = cursor;
    const doc = cursor.order[cursor.at] as number;
    cursor.at += 1;
    if (cursor.at < cursor.order.length) keyOf(cursor);
    else cursors.splice(best, 1);
    if (!view.live[doc]) continue;
    const day = view.segment.days[doc] as number;
    if (since !== undefined && (day === NO_DAY || day < since)) continue;
    if (until !== undefined && (day === NO_DAY || day > until)) continue;
    const article = listedArticle(view, doc, metadata || needsMeta);
    if (needsMeta && !matchesFilter(article, filter)) continue;
    out.push(article);
  }
  return out;
}
