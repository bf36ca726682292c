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

/** A live document's metadata: a skipped file's reason in its place is damage. */
export function articleMeta(view: SegmentView, doc: number): DocMeta {
  const meta = view.segment.meta(doc);
  if (typeof meta === 'string') throw new CorruptIndexError('a skipped file among the articles');
  return meta;
}

/** The parts of a listing line, `slug<TAB>date<TAB>title`. */
function listingParts(line: string): { slug: string; date: string | undefined; title: string } {
  const first = line.indexOf('\t');
  const second = line.indexOf('\t', first + 1);
  if (first < 0 || second < 0) throw new CorruptIndexError('bad listing line');
  const date = line.slice(first + 1, second);
  return { slug: line.slice(0, first), date: date === '' ? undefined : date, title: line.slice(second + 1) };
}

/** A document's slug from its listing line: what `list` compares on ties without decoding names. */
export function listingSlug(view: SegmentView, doc: number): string {
  const line = view.segment.listingLine(doc);
  return line.slice(0, line.indexOf('\t'));
}

/** A document's title from its listing line. */
export function listingTitle(view: SegmentView, doc: number): string {
  return listingParts(view.segment.listingLine(doc)).title;
}

/**
 * A document as `list` shows it, made from its line of the segment's listing: piped output prints
 * `tabLine` as it is, and slug, date and title are cut from it when asked for; the word count
 * comes from its table, and the rest of the metadata from its row only when it is shown (`--json`)
 * or filtered on (a tag or source). A listing of ten thousand rows then makes ten thousand small
 * objects and parses no JSON.
 */
class ListedArticle {
  private parts: ReturnType<typeof listingParts> | undefined;
  private row: DocMeta | undefined;

  readonly words: number;

  constructor(
    private readonly view: SegmentView,
    private readonly doc: number,
    /** `slug<TAB>date<TAB>title`, exactly the piped output's line. */
    readonly tabLine: string,
  ) {
    this.words = view.segment.words[doc] as number;
  }

  /** Reads the metadata row now, while damage can still be caught and the index rebuilt. */
  withMetadata(): this {
    this.meta();
    return this;
  }

  private part(): ReturnType<typeof listingParts> {
    this.parts ??= listingParts(this.tabLine);
    return this.parts;
  }

  private meta(): DocMeta {
    this.row ??= articleMeta(this.view, this.doc);
    return this.row;
  }

  get slug(): string {
    return this.part().slug;
  }
  get date(): string | undefined {
    return this.part().date;
  }
  get title(): string {
    return this.part().title;
  }
  get path(): string {
    return `${this.view.prefix}${this.slug}.md`;
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

/**
 * A document as `list` shows it (see ListedArticle). Everything is read from the index here, while
 * the caller can still catch damage: `metadata` reads the row too, for output that shows all of it.
 */
export function listedArticle(view: SegmentView, doc: number, metadata: boolean): ArticleInfo {
  const article = new ListedArticle(view, doc, view.segment.listingLine(doc));
  // Undefined fields read as undefined, as an ArticleInfo's optional ones do.
  return (metadata ? article.withMetadata() : article) as unknown as ArticleInfo;
}
