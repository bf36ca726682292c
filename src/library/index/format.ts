// The index segment's format: one file holding a batch of articles' metadata, text and inverted index.
//
// Layout: SEGMENT_MAGIC, header length (u32), header checksum (u32), the header as JSON (document
// count, file size, and for each region its offset, length and checksum) padded to HEADER_SPACE,
// then the regions, each aligned to 8 bytes: the bodies (each document's text and stored body,
// written as the documents come), the small per-document tables (one read fetches them all), the
// listing, the metadata rows, the dictionary and the postings. The metadata, the text and the
// postings are read piecemeal, each piece checked against its checksum. Anything that does not
// check out throws CorruptIndexError, and the caller rebuilds.

import type { ArticleInfo, Banner } from '../../article/article.js';
import type { Block } from '../../article/model.js';
import { CorruptIndexError, checksum } from './bytes.js';

export const SEGMENT_MAGIC = 'NEWSIX06';

export function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** Fields, in the order of the per-document term frequencies and lengths. */
export const FIELD_COUNT = 4; // title, tags, headings, body
export const LENS = 6; // the four field lengths, then where the title and the tags end
export const STATS = 2; // size, mtimeMs
export const SUMS = 6; // source text, metadata, text, file name, document, listing line
/** The day number of an undated article: before every real date. */
export const NO_DAY = -2147483648;
export const BLOCK_KEYS = 64;

/** What `list` and `search` show about an article, but for its slug and path (the file name gives them). */
export type DocMeta = Omit<ArticleInfo, 'slug' | 'path'>;

export interface DocFields {
  title: string;
  /** Tags, then the summary if any: indexed together, with the tags' weight. */
  tags: readonly string[];
  /** The body in reading order; headings are subheadings. */
  paragraphs: readonly { text: string; heading: boolean }[];
}

/**
 * What `read` and `quotes` need of an article beyond its metadata: its body already parsed into
 * the document model, and the parts of the page around it. Kept so that reading an article from a
 * folder never parses YAML or Markdown again.
 */
export interface StoredDocument {
  /**
   * The body's blocks. As stored, a plain paragraph whose text is exactly a line of the document's
   * text (the index keeps that text for snippets) is that line's number instead: most of an
   * article is plain paragraphs, and keeping them once makes the index half the size.
   */
  blocks: (Block | number)[];
  breadcrumb: string[];
  banner?: Banner;
  /** What could not be read in its front matter, one line each (see Article.warnings). */
  warnings?: string[];
}

/** A stored document as read back: every paragraph a block again. */
export type ReadDocument = Omit<StoredDocument, 'blocks'> & { blocks: Block[] };

/** One article file as the builder takes it: its stat, and either its content or why it was skipped. */
export interface DocInput {
  name: string;
  size: number;
  mtimeMs: number;
  sourceSum: number;
  content?: { meta: DocMeta; fields: DocFields; document: StoredDocument };
  problem?: string;
}

export type MetaRow = [
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string[],
  number,
  string | null,
  // draft (1 or 0), then the alias or null
  number,
  string | null,
];

export function metaRow(meta: DocMeta): MetaRow {
  return [
    meta.title,
    meta.date ?? null,
    meta.source ?? null,
    meta.section ?? null,
    meta.author ?? null,
    meta.agency ?? null,
    meta.url ?? null,
    meta.tags,
    meta.words,
    meta.summary ?? null,
    meta.draft ? 1 : 0,
    meta.alias ?? null,
  ];
}

/** A stored optional text: a string, or null for none; anything else is corruption. */
function optionalText(value: unknown): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string') return value;
  throw new CorruptIndexError('bad metadata row');
}

/** A stored row back into metadata, or a problem message; anything else is corruption. */
export function parseMetaRow(row: unknown): DocMeta | string {
  if (!Array.isArray(row)) throw new CorruptIndexError('bad metadata row');
  if (row.length === 1 && typeof row[0] === 'string') return row[0];
  const [title, date, source, section, author, agency, url, tags, words, summary, draft, alias] = row as unknown[];
  if (
    row.length !== 12 ||
    typeof title !== 'string' ||
    !Array.isArray(tags) ||
    typeof words !== 'number' ||
    (draft !== 0 && draft !== 1)
  ) {
    throw new CorruptIndexError('bad metadata row');
  }
  for (const tag of tags) if (typeof tag !== 'string') throw new CorruptIndexError('bad metadata row');
  // Written in one go so every row object has the same shape (fast to create and read), with
  // room for the slug and path articleInfo() fills in: one object per article, not two.
  return {
    slug: '',
    path: '',
    title,
    date: optionalText(date),
    source: optionalText(source),
    section: optionalText(section),
    author: optionalText(author),
    agency: optionalText(agency),
    url: optionalText(url),
    summary: optionalText(summary),
    tags: tags as string[],
    words,
    draft: draft === 1 ? true : undefined,
    alias: optionalText(alias),
  } as DocMeta;
}

export function dayNumber(date: string | undefined): number {
  if (date === undefined) return NO_DAY;
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

export type RegionTable = Record<string, [offset: number, length: number, sum: number]>;

export interface Header {
  format: 1;
  docs: number;
  size: number;
  regions: RegionTable;
}

/** `list`'s default order of a segment's documents: newest first, undated last, then by slug. */
export function dateOrder(days: ArrayLike<number>, slugs: readonly string[]): Uint32Array {
  const ids = Array.from({ length: slugs.length }, (_, doc) => doc);
  return Uint32Array.from(
    ids.sort((a, b) => {
      const dayA = days[a] as number;
      const dayB = days[b] as number;
      if (dayA !== dayB) return dayB - dayA;
      const slugA = slugs[a] as string;
      const slugB = slugs[b] as string;
      return slugA < slugB ? -1 : slugA > slugB ? 1 : 0;
    }),
  );
}

/** `list --sort title`'s order of a segment's documents: A to Z, case ignored, then by slug, as sortArticles has it. */
export function titleOrder(titles: readonly string[], slugs: readonly string[]): Uint32Array {
  const keys = titles.map((title, doc) => `${title.toLowerCase()}\u0000${slugs[doc]}\u0000${doc}`);
  keys.sort();
  return Uint32Array.from(keys, (key) => Number(key.slice(key.lastIndexOf('\u0000') + 1)));
}

/** The tables read in one piece when a segment is opened: the term directory and a few totals. */
export const OPEN_TABLES = ['sparse', 'sparseIdx', 'sparseSums', 'problems', 'drafts', 'totals'] as const;

/**
 * The per-document tables, each read (and checked, where nothing else would catch its damage) the
 * first time it is needed: a search of ten hits needs neither the stats nor the orders of `list`,
 * and a page of `list` neither the lengths nor the names.
 */
export const DOCUMENT_TABLES = [
  'names',
  'nameIdx',
  'stats',
  'sums',
  'lens',
  'days',
  'words',
  'bodyIdx',
  'metaIdx',
  'listingIdx',
  'byDate',
  'byTitle',
] as const;

/** The small tables, in the order they lie in the file. */
export const SMALL_TABLES = [...OPEN_TABLES, ...DOCUMENT_TABLES] as const;

/** Every region: the bodies first (streamed as documents come), the small tables, then the rest. */
export const REGIONS = ['bodies', ...SMALL_TABLES, 'listing', 'meta', 'dict', 'post'] as const;

/**
 * Room for the header at the start of the file. Its length depends on the offsets, known only once
 * everything else is written, so it gets a fixed generous size and is written last.
 */
export const HEADER_SPACE = Math.ceil((16 + 64 + REGIONS.length * 80) / 8) * 8;

/** The header block: magic, the JSON's length and checksum, the JSON, zero padding to HEADER_SPACE. */
export function headerBytes(docs: number, size: number, regions: RegionTable): Uint8Array {
  const header: Header = { format: 1, docs, size, regions };
  const json = utf8(JSON.stringify(header));
  if (16 + json.length > HEADER_SPACE) throw new Error('index header overflow');
  const out = new Uint8Array(HEADER_SPACE);
  out.set(utf8(SEGMENT_MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, json.length, true);
  view.setUint32(12, checksum(json), true);
  out.set(json, 16);
  return out;
}

/**
 * Bytes → text. Node's Buffer decodes without loading the encoding module a TextDecoder needs;
 * it would replace invalid UTF-8 rather than refuse it, but every piece decoded here has passed
 * its checksum, so it is exactly the UTF-8 that was written.
 */
export function decode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}
