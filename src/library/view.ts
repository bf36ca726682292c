// One segment of the library as list and search see it: which documents count, and their metadata as articles.

import type { ArticleInfo } from '../article/article.js';
import type { DocMeta } from './index/format.js';
import type { Segment } from './index/reader.js';

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
