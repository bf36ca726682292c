// One segment of the library as list and search see it: which documents count, and their metadata as articles.

import type { ArticleInfo } from '../article/article.js';
import { CorruptIndexError } from './index/bytes.js';
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

/**
 * A document as `list` shows it: slug, path, title, date and word count from the segment's listing
 * (no JSON parsed), the rest of its metadata read from its row only if asked for (`--json`, a
 * tag or source filter). Every instance has the same shape, and the properties read the same as
 * an ArticleInfo's.
 */
class ListedArticle {
  readonly slug: string;
  readonly path: string;
  readonly title: string;
  readonly date: string | undefined;
  readonly words: number;
  private row: DocMeta | undefined;

  constructor(
    private readonly view: SegmentView,
    private readonly doc: number,
  ) {
    const name = view.segment.name(doc);
    const { title, date } = view.segment.listing(doc);
    this.slug = name.slice(0, -3);
    this.path = view.prefix + name;
    this.title = title;
    this.date = date;
    this.words = view.segment.words[doc] as number;
  }

  private meta(): DocMeta {
    if (this.row === undefined) {
      const meta = this.view.segment.meta(this.doc);
      if (typeof meta === 'string') throw new CorruptIndexError('a skipped file among the articles');
      this.row = meta;
    }
    return this.row;
  }

  get source(): string | undefined {
    return this.meta().source;
  }
  get section(): string | undefined {
    return this.meta().section;
  }
  get author(): string | undefined {
    return this.meta().author;
  }
  get agency(): string | undefined {
    return this.meta().agency;
  }
  get url(): string | undefined {
    return this.meta().url;
  }
  get summary(): string | undefined {
    return this.meta().summary;
  }
  get tags(): string[] {
    return this.meta().tags;
  }
  get draft(): boolean | undefined {
    return this.meta().draft;
  }
  get alias(): string | undefined {
    return this.meta().alias;
  }
}

export function listedArticle(view: SegmentView, doc: number): ArticleInfo {
  // Undefined fields read as undefined, as an ArticleInfo's optional ones do.
  return new ListedArticle(view, doc) as unknown as ArticleInfo;
}
