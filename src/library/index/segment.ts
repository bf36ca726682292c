// The index segment: one file holding a batch of articles' metadata, text and inverted index.
//
// Layout: SEGMENT_MAGIC, header length (u32), header checksum (u32), the header as JSON (document
// count, file size, and for each region its offset, length and checksum), then the regions, each
// aligned to 8 bytes. Small per-document tables come first so one read fetches them all; the
// metadata, the text and the postings are read piecemeal, each piece checked against its checksum.
// Anything that does not check out throws CorruptIndexError, and the caller rebuilds.

import type { ArticleInfo } from '../../article/article.js';
import { ByteReader, ByteWriter, CorruptIndexError, checksum, parseIndexJson } from './bytes.js';
import { tokenize } from './tokens.js';

export const SEGMENT_MAGIC = 'NEWSIX03';

function utf8(text: string): Uint8Array {
  return Buffer.from(text, 'utf8');
}

/** Fields, in the order of the per-document term frequencies and lengths. */
export const FIELD_COUNT = 4; // title, tags, headings, body
const LENS = 6; // the four field lengths, then where the title and the tags end
const STATS = 2; // size, mtimeMs
const SUMS = 4; // source text, metadata, text, file name
/** The day number of an undated article: before every real date. */
export const NO_DAY = -2147483648;
const BLOCK_KEYS = 64;
const COMMA = new Uint8Array([0x2c]);

/** What `list` and `search` show about an article, but for its slug and path (the file name gives them). */
export type DocMeta = Omit<ArticleInfo, 'slug' | 'path'>;

export interface DocFields {
  title: string;
  /** Tags, then the summary if any: indexed together, with the tags' weight. */
  tags: readonly string[];
  /** The body in reading order; headings are subheadings. */
  paragraphs: readonly { text: string; heading: boolean }[];
}

/** One article file as the builder takes it: its stat, and either its content or why it was skipped. */
export interface DocInput {
  name: string;
  size: number;
  mtimeMs: number;
  sourceSum: number;
  content?: { meta: DocMeta; fields: DocFields };
  problem?: string;
}

type MetaRow = [
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
];

function metaRow(meta: DocMeta): MetaRow {
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
  ];
}

/** A stored optional text: a string, or null for none; anything else is corruption. */
function optionalText(value: unknown): string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'string') return value;
  throw new CorruptIndexError('bad metadata row');
}

/** A stored row back into metadata, or a problem message; anything else is corruption. */
function parseMetaRow(row: unknown): DocMeta | string {
  if (!Array.isArray(row)) throw new CorruptIndexError('bad metadata row');
  if (row.length === 1 && typeof row[0] === 'string') return row[0];
  const [title, date, source, section, author, agency, url, tags, words, summary] = row as unknown[];
  if (row.length !== 10 || typeof title !== 'string' || !Array.isArray(tags) || typeof words !== 'number') {
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
  } as DocMeta;
}

export function dayNumber(date: string | undefined): number {
  if (date === undefined) return NO_DAY;
  return Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);
}

/** What the builder keeps of a document until it writes the segment: all but the text it has indexed. */
type StoredDoc = Omit<DocInput, 'content'> & { meta?: DocMeta };

interface KeyPostings {
  docs: ByteWriter;
  positions: ByteWriter;
  lastDoc: number;
  df: number;
}

/** Collects documents in memory and writes them out as one segment. */
export class SegmentBuilder {
  private readonly keys = new Map<string, KeyPostings>();
  private readonly docs: StoredDoc[] = [];
  private readonly lens: number[] = [];
  private readonly texts: string[] = [];
  private readonly problems: number[] = [];
  /** Tokens per field over all documents, for BM25's average lengths. */
  private readonly totals = [0, 0, 0, 0];

  /** Characters of body text so far (the bulk of a segment's size). */
  textBytes = 0;

  get count(): number {
    return this.docs.length;
  }

  /** Adds a document; documents must come in order of file name, so names can be binary-searched. */
  add(doc: DocInput): void {
    const id = this.docs.length;
    const previous = this.docs[id - 1];
    if (previous !== undefined && !(previous.name < doc.name)) throw new Error('index documents out of order');
    // Kept without its fields: their text is tokenised below and stored once, in `texts`.
    const stored: StoredDoc = { name: doc.name, size: doc.size, mtimeMs: doc.mtimeMs, sourceSum: doc.sourceSum };
    if (doc.content) stored.meta = doc.content.meta;
    else stored.problem = doc.problem ?? 'cannot be indexed';
    this.docs.push(stored);
    if (!doc.content) this.problems.push(id);
    // Per term: four field counts, then its positions in order.
    const terms = new Map<string, number[]>();
    const lengths = [0, 0, 0, 0];
    let position = 0;
    const addText = (text: string, field: number) => {
      const tokens = tokenize(text);
      for (const token of tokens) {
        const term = terms.get(token);
        if (term === undefined) {
          const fresh = [0, 0, 0, 0, position];
          fresh[field] = 1;
          terms.set(token, fresh);
        } else {
          term[field] = (term[field] as number) + 1;
          term.push(position);
        }
        position += 1;
      }
      lengths[field] = (lengths[field] as number) + tokens.length;
      // A gap, so a phrase never runs from one title, tag or paragraph into the next.
      position += 1;
    };
    const fields = doc.content?.fields;
    let titleEnd = 0;
    let tagsEnd = 0;
    if (fields) {
      addText(fields.title, 0);
      titleEnd = position;
      for (const tag of fields.tags) addText(tag, 1);
      tagsEnd = position;
      for (const paragraph of fields.paragraphs) addText(paragraph.text, paragraph.heading ? 2 : 3);
    }
    this.lens.push(...lengths, titleEnd, tagsEnd);
    lengths.forEach((length, field) => {
      this.totals[field] = (this.totals[field] as number) + length;
    });
    const text = fields
      ? fields.paragraphs
          .filter((paragraph) => !paragraph.heading)
          .map((paragraph) => paragraph.text)
          .join('\n')
      : '';
    this.texts.push(text);
    this.textBytes += text.length;
    for (const [key, term] of terms) {
      let postings = this.keys.get(key);
      if (postings === undefined) {
        postings = { docs: new ByteWriter(), positions: new ByteWriter(), lastDoc: -1, df: 0 };
        this.keys.set(key, postings);
      }
      const { docs, positions } = postings;
      docs.varint(id - postings.lastDoc - 1);
      for (let field = 0; field < FIELD_COUNT; field++) docs.varint(term[field] as number);
      positions.varint(term.length - FIELD_COUNT);
      let previous = 0;
      for (let i = FIELD_COUNT; i < term.length; i++) {
        const at = term[i] as number;
        positions.varint(at - previous);
        previous = at;
      }
      postings.lastDoc = id;
      postings.df += 1;
    }
  }

  /** The segment file's bytes. */
  toBytes(): Uint8Array {
    const n = this.docs.length;
    const regions: [string, Uint8Array][] = [];
    const stats = new Float64Array(n * STATS);
    const sums = new Uint32Array(n * SUMS);
    // Where each name starts in the names region (they are separated by newlines).
    const nameIdx = new Float64Array(n + 1);
    const days = new Int32Array(n);
    const metaIdx = new Float64Array(n + 1);
    const textIdx = new Float64Array(n + 1);
    const metaParts: Uint8Array[] = [];
    const textParts: Uint8Array[] = [];
    let metaLength = 0;
    let textLength = 0;
    this.docs.forEach((doc, id) => {
      stats[id * STATS] = doc.size;
      stats[id * STATS + 1] = doc.mtimeMs;
      const row = doc.meta ? metaRow(doc.meta) : [doc.problem];
      const metaBytes = utf8(JSON.stringify(row));
      const textBytes = utf8(this.texts[id] ?? '');
      sums[id * SUMS] = doc.sourceSum;
      sums[id * SUMS + 1] = checksum(metaBytes);
      sums[id * SUMS + 2] = checksum(textBytes);
      const nameBytes = utf8(doc.name);
      sums[id * SUMS + 3] = checksum(nameBytes);
      nameIdx[id + 1] = (nameIdx[id] as number) + nameBytes.length + 1;
      days[id] = dayNumber(doc.meta?.date);
      // Rows are stored back to back, each followed by a comma, so all of them parse as one array.
      metaParts.push(metaBytes, COMMA);
      textParts.push(textBytes);
      metaLength += metaBytes.length + 1;
      textLength += textBytes.length;
      metaIdx[id + 1] = metaLength;
      textIdx[id + 1] = textLength;
    });
    const sorted = [...this.keys.keys()].sort();
    const dict = new ByteWriter(1024);
    const post = new ByteWriter(1024);
    const sparseKeys: string[] = [];
    const sparseIdx: number[] = [0];
    const sparseSums: number[] = [];
    let blockStart = 0;
    sorted.forEach((key, index) => {
      if (index % BLOCK_KEYS === 0) sparseKeys.push(key);
      const postings = this.keys.get(key) as KeyPostings;
      const offset = post.length;
      post.append(postings.docs.view());
      post.append(postings.positions.view());
      const sum = checksum(post.view().subarray(offset));
      const line = `${key}\t${offset}\t${postings.docs.length}\t${postings.positions.length}\t${postings.df}\t${sum}\n`;
      dict.append(utf8(line));
      if (index % BLOCK_KEYS === BLOCK_KEYS - 1 || index === sorted.length - 1) {
        sparseSums.push(checksum(dict.view().subarray(blockStart)));
        sparseIdx.push(dict.length);
        blockStart = dict.length;
      }
    });
    const bytesOf = (array: Float64Array | Uint32Array | Uint16Array | Int32Array) => new Uint8Array(array.buffer);
    regions.push(
      ['names', utf8(this.docs.map((doc) => doc.name).join('\n'))],
      ['nameIdx', bytesOf(nameIdx)],
      ['stats', bytesOf(stats)],
      ['sums', bytesOf(sums)],
      // Lengths in tokens, capped at 65535: the front matter's limit keeps title and tags below it.
      ['lens', bytesOf(Uint16Array.from(this.lens, (value) => Math.min(value, 0xffff)))],
      ['days', bytesOf(days)],
      ['metaIdx', bytesOf(metaIdx)],
      ['textIdx', bytesOf(textIdx)],
      ['sparse', utf8(sparseKeys.join('\n'))],
      ['sparseIdx', bytesOf(Float64Array.from(sparseIdx))],
      ['problems', bytesOf(Uint32Array.from(this.problems))],
      ['totals', bytesOf(Float64Array.from(this.totals))],
      ['sparseSums', bytesOf(Uint32Array.from(sparseSums))],
      ['meta', Buffer.concat(metaParts, metaLength)],
      ['text', Buffer.concat(textParts, textLength)],
      ['dict', dict.view()],
      ['post', post.view()],
    );
    return layout(n, regions);
  }
}

type RegionTable = Record<string, [offset: number, length: number, sum: number]>;

interface Header {
  format: 1;
  docs: number;
  size: number;
  regions: RegionTable;
}

function layout(docs: number, regions: [string, Uint8Array][]): Uint8Array {
  // The header's length depends on the offsets, which depend on the header's length: pad it to a
  // fixed generous size instead of iterating.
  const table: RegionTable = {};
  const estimate = 16 + 64 + regions.length * 80;
  const headerSpace = Math.ceil(estimate / 8) * 8;
  let offset = headerSpace;
  for (const [name, bytes] of regions) {
    table[name] = [offset, bytes.length, checksum(bytes)];
    offset = Math.ceil((offset + bytes.length) / 8) * 8;
  }
  const header: Header = { format: 1, docs, size: offset, regions: table };
  const json = utf8(JSON.stringify(header));
  if (16 + json.length > headerSpace) throw new Error('index header overflow');
  const out = new Uint8Array(offset);
  out.set(utf8(SEGMENT_MAGIC), 0);
  const view = new DataView(out.buffer);
  view.setUint32(8, json.length, true);
  view.setUint32(12, checksum(json), true);
  out.set(json, 16);
  for (const [name, bytes] of regions) out.set(bytes, (table[name] as [number, number, number])[0]);
  return out;
}

/** Where a segment's bytes come from: a file read piecewise, or bytes in memory. */
export interface ByteSource {
  readonly size: number;
  read(offset: number, length: number): Uint8Array;
}

export class MemorySource implements ByteSource {
  constructor(private readonly bytes: Uint8Array) {}
  get size(): number {
    return this.bytes.length;
  }
  read(offset: number, length: number): Uint8Array {
    if (offset < 0 || offset + length > this.bytes.length) throw new CorruptIndexError('read past the end');
    return this.bytes.subarray(offset, offset + length);
  }
}

/** A term's postings in one segment: matching documents and their per-field counts. */
export interface Postings {
  docs: Int32Array;
  /** FIELD_COUNT counts per entry of `docs`. */
  tf: Int32Array;
  /** Positions of the term in each document, decoded on demand (phrases). */
  positions(): Int32Array[];
}

interface DictEntry {
  offset: number;
  docLength: number;
  positionLength: number;
  df: number;
  sum: number;
}

/**
 * Bytes → text. Node's Buffer decodes without loading the encoding module a TextDecoder needs;
 * it would replace invalid UTF-8 rather than refuse it, but every piece decoded here has passed
 * its checksum, so it is exactly the UTF-8 that was written.
 */
function decode(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('utf8');
}

/** Reads a segment; validates the header and the small tables up front, the rest as it is read. */
export class Segment {
  readonly count: number;
  private readonly namesBytes: Uint8Array;
  private readonly nameIdx: Float64Array;
  private allNames: string[] | undefined;
  private readonly stats: Float64Array;
  readonly sums: Uint32Array;
  readonly lens: Uint16Array;
  readonly days: Int32Array;
  /** Documents that are files news skipped: their metadata row holds the reason. */
  readonly problems: number[];
  /** Tokens per field over all documents. */
  readonly totals: number[];
  private readonly metaIdx: Float64Array;
  private readonly textIdx: Float64Array;
  private readonly sparse: string[];
  private readonly sparseIdx: Float64Array;
  private readonly sparseSums: Uint32Array;
  private readonly regions: RegionTable;
  private readonly blocks = new Map<number, string>();

  constructor(private readonly source: ByteSource) {
    if (source.size < 16) throw new CorruptIndexError('too short');
    const head = source.read(0, 16);
    if (decode(head.subarray(0, 8)) !== SEGMENT_MAGIC) throw new CorruptIndexError('not a news index');
    const view = new DataView(head.buffer, head.byteOffset, 16);
    const length = view.getUint32(8, true);
    if (16 + length > source.size) throw new CorruptIndexError('header runs past the end');
    const json = source.read(16, length);
    if (checksum(json) !== view.getUint32(12, true)) throw new CorruptIndexError('header checksum');
    const header = parseIndexJson(decode(json), 'header') as Header;
    if (
      typeof header !== 'object' ||
      header === null ||
      typeof header.regions !== 'object' ||
      header.format !== 1 ||
      header.size !== source.size ||
      !Number.isInteger(header.docs)
    ) {
      throw new CorruptIndexError('header does not match the file');
    }
    this.regions = header.regions;
    this.count = header.docs;
    const n = this.count;
    for (const [offset, size] of Object.values(this.regions)) {
      if (!(offset >= 0 && size >= 0 && offset % 8 === 0 && offset + size <= source.size)) {
        throw new CorruptIndexError('region out of bounds');
      }
    }
    // The small tables lie together: one read, each then checked.
    const first = this.region('names');
    const last = this.region('sparseSums');
    const start = first[0];
    const block = source.read(start, last[0] + last[1] - start);
    // Checksums cost time on every run, so only tables whose damage nothing else would catch are
    // summed here: lengths, dates, the term directory. Names are checked when read, all at once or
    // one by one. Damaged stats make a file look changed (it is re-read); damaged offsets or sums
    // fail the checksum of the piece they point at.
    const summed = new Set(['lens', 'days', 'sparse', 'sparseIdx', 'problems', 'totals', 'sparseSums']);
    const take = (name: string, bytesPer: number, expected?: number) => {
      const [offset, size, sum] = this.region(name);
      const bytes = block.subarray(offset - start, offset - start + size);
      if (summed.has(name) && checksum(bytes) !== sum) throw new CorruptIndexError(`${name} checksum`);
      if (expected !== undefined && size !== expected * bytesPer) throw new CorruptIndexError(`${name} size`);
      return bytes;
    };
    const f64 = (bytes: Uint8Array) => new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8);
    const u32 = (bytes: Uint8Array) => new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
    this.namesBytes = take('names', 1);
    this.nameIdx = f64(take('nameIdx', 8, n + 1));
    this.stats = f64(take('stats', 8, n * STATS));
    this.sums = u32(take('sums', 4, n * SUMS));
    const lensBytes = take('lens', 2, n * LENS);
    this.lens = new Uint16Array(lensBytes.buffer, lensBytes.byteOffset, n * LENS);
    const dayBytes = take('days', 4, n);
    this.days = new Int32Array(dayBytes.buffer, dayBytes.byteOffset, n);
    this.metaIdx = f64(take('metaIdx', 8, n + 1));
    this.textIdx = f64(take('textIdx', 8, n + 1));
    const sparse = decode(take('sparse', 1));
    this.sparse = sparse === '' ? [] : sparse.split('\n');
    this.sparseIdx = f64(take('sparseIdx', 8, this.sparse.length + 1));
    this.sparseSums = u32(take('sparseSums', 4, this.sparse.length));
    this.problems = Array.from(u32(take('problems', 4)));
    if (this.problems.some((doc) => doc >= n)) throw new CorruptIndexError('problem document out of range');
    this.totals = Array.from(f64(take('totals', 8, FIELD_COUNT)));
  }

  private region(name: string): [number, number, number] {
    const region = this.regions[name];
    if (!Array.isArray(region) || region.length !== 3) throw new CorruptIndexError(`no ${name} region`);
    return region;
  }

  /** Bytes [from, to) of a region, checked against `sum`. */
  private slice(name: string, from: number, to: number, sum: number): Uint8Array {
    const [offset, size] = this.region(name);
    if (!(from >= 0 && to >= from && to <= size)) throw new CorruptIndexError(`${name} index out of bounds`);
    const bytes = this.source.read(offset + from, to - from);
    if (checksum(bytes) !== sum) throw new CorruptIndexError(`${name} checksum`);
    return bytes;
  }

  /** Every document's file name, in order; read and checked as a whole on first use. */
  get names(): readonly string[] {
    if (this.allNames === undefined) {
      if (checksum(this.namesBytes) !== this.region('names')[2]) throw new CorruptIndexError('names checksum');
      const names = this.count === 0 ? [] : decode(this.namesBytes).split('\n');
      if (names.length !== this.count) throw new CorruptIndexError('names count');
      this.allNames = names;
    }
    return this.allNames;
  }

  /** One document's file name, checked on its own: a query showing ten hits reads ten names. */
  name(doc: number): string {
    if (this.allNames !== undefined) return this.allNames[doc] as string;
    const start = this.nameIdx[doc] as number;
    const end = (this.nameIdx[doc + 1] as number) - 1;
    if (!(doc >= 0 && doc < this.count && start >= 0 && end >= start && end <= this.namesBytes.length)) {
      throw new CorruptIndexError('name out of bounds');
    }
    const bytes = this.namesBytes.subarray(start, end);
    if (checksum(bytes) !== this.sums[doc * SUMS + 3]) throw new CorruptIndexError('name checksum');
    return decode(bytes);
  }

  /** The document with this file name, or -1; names are stored in order. */
  find(name: string): number {
    let low = 0;
    let high = this.count - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = this.name(middle);
      if (at === name) return middle;
      if (at < name) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  /** Whether a document was indexed from a file of this size and mtime. */
  isIndexedFrom(doc: number, size: number, mtimeMs: number): boolean {
    return this.stats[doc * STATS] === size && this.stats[doc * STATS + 1] === mtimeMs;
  }

  sourceSum(doc: number): number {
    return this.sums[doc * SUMS] as number;
  }

  /** One document's metadata, or the reason it was skipped. */
  meta(doc: number): DocMeta | string {
    const bytes = this.slice(
      'meta',
      this.metaIdx[doc] as number,
      (this.metaIdx[doc + 1] as number) - 1,
      this.sums[doc * SUMS + 1] as number,
    );
    return parseMetaRow(parseIndexJson(decode(bytes), 'metadata'));
  }

  /** Every document's metadata (or problem), read in one piece. */
  allMeta(): (DocMeta | string)[] {
    const [, size, sum] = this.region('meta');
    const bytes = this.slice('meta', 0, size, sum);
    const out: (DocMeta | string)[] = [];
    const rows = parseIndexJson(`[${decode(bytes.subarray(0, Math.max(0, bytes.length - 1)))}]`, 'metadata');
    if (!Array.isArray(rows) || rows.length !== this.count) throw new CorruptIndexError('metadata count');
    for (const row of rows) out.push(parseMetaRow(row));
    return out;
  }

  /** The body text (paragraphs, one per line) of a document. */
  text(doc: number): string {
    return decode(
      this.slice(
        'text',
        this.textIdx[doc] as number,
        this.textIdx[doc + 1] as number,
        this.sums[doc * SUMS + 2] as number,
      ),
    );
  }

  /** Field lengths of a document, then where its title and tags end. */
  fieldLength(doc: number, field: number): number {
    return this.lens[doc * LENS + field] as number;
  }

  titleEnd(doc: number): number {
    return this.lens[doc * LENS + 4] as number;
  }

  tagsEnd(doc: number): number {
    return this.lens[doc * LENS + 5] as number;
  }

  /** A dictionary block's lines, `key\toffset\tdocLength\tpositionLength\tdf\tsum`, in key order; checked once. */
  private blockOf(index: number): string {
    let text = this.blocks.get(index);
    if (text === undefined) {
      const bytes = this.slice(
        'dict',
        this.sparseIdx[index] as number,
        this.sparseIdx[index + 1] as number,
        this.sparseSums[index] as number,
      );
      text = decode(bytes);
      this.blocks.set(index, text);
    }
    return text;
  }

  /**
   * The entry of `key` in a block, or undefined. Only its own line is parsed: a query looks up a
   * few keys, and parsing all 64 lines of each block it touches cost ~0.1 ms a block per run.
   */
  private entry(index: number, key: string): DictEntry | undefined {
    const text = this.blockOf(index);
    const head = `${key}\t`;
    let start = 0;
    if (!text.startsWith(head)) {
      const at = text.indexOf(`\n${head}`);
      if (at < 0) return undefined;
      start = at + 1;
    }
    const end = text.indexOf('\n', start);
    const numbers = text
      .slice(start + key.length + 1, end === -1 ? text.length : end)
      .split('\t')
      .map(Number);
    if (numbers.length !== 5 || numbers.some((value) => !Number.isFinite(value) || value < 0)) {
      throw new CorruptIndexError('bad dictionary line');
    }
    const [offset, docLength, positionLength, df, sum] = numbers as [number, number, number, number, number];
    return { offset, docLength, positionLength, df, sum };
  }

  /** A block's keys, in order. */
  private keysOf(index: number): string[] {
    return this.blockOf(index)
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => {
        const tab = line.indexOf('\t');
        if (tab < 0) throw new CorruptIndexError('bad dictionary line');
        return line.slice(0, tab);
      });
  }

  /** The block whose first key is the last one ≤ key, or -1. */
  private findBlock(key: string): number {
    let low = 0;
    let high = this.sparse.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((this.sparse[middle] as string) <= key) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return found;
  }

  /** Keys starting with `prefix`, in order. */
  keysWithPrefix(prefix: string): string[] {
    const out: string[] = [];
    for (let index = Math.max(0, this.findBlock(prefix)); index < this.sparse.length; index++) {
      const keys = this.keysOf(index);
      for (const key of keys) if (key.startsWith(prefix)) out.push(key);
      const lastKey = keys[keys.length - 1];
      if (lastKey !== undefined && lastKey > prefix && !lastKey.startsWith(prefix)) break;
    }
    return out;
  }

  postings(key: string): Postings | undefined {
    const block = this.findBlock(key);
    if (block < 0) return undefined;
    const entry = this.entry(block, key);
    if (entry === undefined) return undefined;
    const bytes = this.slice('post', entry.offset, entry.offset + entry.docLength + entry.positionLength, entry.sum);
    const reader = new ByteReader(bytes.subarray(0, entry.docLength));
    const docs = new Int32Array(entry.df);
    const tf = new Int32Array(entry.df * FIELD_COUNT);
    let doc = -1;
    for (let i = 0; i < entry.df; i++) {
      doc += reader.varint() + 1;
      if (doc >= this.count) throw new CorruptIndexError('posting past the last document');
      docs[i] = doc;
      for (let field = 0; field < FIELD_COUNT; field++) tf[i * FIELD_COUNT + field] = reader.varint();
    }
    if (!reader.done) throw new CorruptIndexError('postings longer than recorded');
    const positionBytes = bytes.subarray(entry.docLength);
    return {
      docs,
      tf,
      positions: () => {
        const positions = new ByteReader(positionBytes);
        const out: Int32Array[] = [];
        for (let i = 0; i < entry.df; i++) {
          const count = positions.varint();
          if (count > positionBytes.length) throw new CorruptIndexError('bad position count');
          const list = new Int32Array(count);
          let at = 0;
          for (let j = 0; j < count; j++) {
            at += positions.varint();
            list[j] = at;
          }
          out.push(list);
        }
        return out;
      },
    };
  }
}
