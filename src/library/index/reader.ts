// Reads index segments: the header and small tables checked up front, the rest piece by piece as asked.

import { ByteReader, CorruptIndexError, checksum, parseIndexJson } from './bytes.js';
import {
  type DOCUMENT_TABLES,
  type DocMeta,
  decode,
  FIELD_COUNT,
  type Header,
  LENS,
  OPEN_TABLES,
  parseMetaRow,
  type ReadDocument,
  type RegionTable,
  SEGMENT_MAGIC,
  STATS,
  type StoredDocument,
  SUMS,
} from './format.js';

/** Where a segment's bytes come from: a file read piecewise, or bytes in memory. */
export interface ByteSource {
  readonly size: number;
  /** Bytes [offset, offset + length): read into `into` when given (and long enough), else into new memory. */
  read(offset: number, length: number, into?: Uint8Array): Uint8Array;
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

/** A term's line in the dictionary: where its postings are, how many documents, their checksum, its last document. */
export interface DictEntry {
  offset: number;
  docLength: number;
  positionLength: number;
  df: number;
  sum: number;
  /** The last document that holds the term. */
  last: number;
}

/** Reads a segment; validates the header and the term directory up front, the rest as it is read. */
export class Segment {
  readonly count: number;
  private allNames: string[] | undefined;
  /** Documents that are files news skipped: their metadata row holds the reason. */
  readonly problems: number[];
  /** Documents whose front matter marks them as drafts. */
  readonly drafts: number[];
  /** Tokens per field over all documents. */
  readonly totals: number[];
  private readonly tables = new Map<string, Uint8Array>();
  private readonly views = new Map<string, Float64Array | Uint32Array>();
  private listingLines: string[] | undefined;
  private listingWhole: Uint8Array | undefined;
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
    for (const [offset, size] of Object.values(this.regions)) {
      if (!(offset >= 0 && size >= 0 && offset % 8 === 0 && offset + size <= source.size)) {
        throw new CorruptIndexError('region out of bounds');
      }
    }
    // The term directory and the totals lie together: one read, each then checked.
    const first = this.region(OPEN_TABLES[0]);
    const last = this.region(OPEN_TABLES[OPEN_TABLES.length - 1] as string);
    const start = first[0];
    if (last[0] + last[1] < start) throw new CorruptIndexError('tables out of place');
    const block = source.read(start, last[0] + last[1] - start);
    const take = (name: string, bytesPer: number, expected?: number) => {
      const [offset, size, sum] = this.region(name);
      if (offset < start || offset + size > start + block.length) throw new CorruptIndexError(`${name} out of place`);
      const bytes = block.subarray(offset - start, offset - start + size);
      if (checksum(bytes) !== sum) throw new CorruptIndexError(`${name} checksum`);
      if (expected !== undefined && size !== expected * bytesPer) throw new CorruptIndexError(`${name} size`);
      return bytes;
    };
    const sparse = decode(take('sparse', 1));
    this.sparse = sparse === '' ? [] : sparse.split('\n');
    this.sparseIdx = f64(take('sparseIdx', 8, this.sparse.length + 1));
    this.sparseSums = u32(take('sparseSums', 4, this.sparse.length));
    this.problems = Array.from(u32(take('problems', 4)));
    if (this.problems.some((doc) => doc >= this.count)) throw new CorruptIndexError('problem document out of range');
    this.drafts = Array.from(u32(take('drafts', 4)));
    if (this.drafts.some((doc) => doc >= this.count)) throw new CorruptIndexError('draft document out of range');
    this.totals = Array.from(f64(take('totals', 8, FIELD_COUNT)));
  }

  /**
   * A per-document table, read on first use. Checksums cost time, so only tables whose damage
   * nothing else would catch are summed: lengths, dates, word counts, the orders. Names are
   * checked when read, all at once or one by one; damaged stats make a file look changed (it is
   * read again); damaged offsets or sums fail the checksum of the piece they point at.
   */
  private table(name: (typeof DOCUMENT_TABLES)[number], bytesPer: number, entries: number): Uint8Array {
    let bytes = this.tables.get(name);
    if (bytes === undefined) {
      const [offset, size, sum] = this.region(name);
      if (entries >= 0 && size !== entries * bytesPer) throw new CorruptIndexError(`${name} size`);
      bytes = this.source.read(offset, size);
      if (SUMMED.has(name) && checksum(bytes) !== sum) throw new CorruptIndexError(`${name} checksum`);
      // Typed arrays need aligned memory: a copy where a read gave a view that is not.
      if (bytes.byteOffset % 8 !== 0) bytes = bytes.slice();
      this.tables.set(name, bytes);
    }
    return bytes;
  }

  /** A typed view of a table, made once. */
  private cached<T extends Float64Array | Uint32Array>(name: string, make: () => T): T {
    let view = this.views.get(name) as T | undefined;
    if (view === undefined) {
      view = make();
      this.views.set(name, view);
    }
    return view;
  }

  private get namesBytes(): Uint8Array {
    return this.table('names', 1, -1);
  }
  private get nameIdx(): Float64Array {
    return this.cached('nameIdx', () => f64(this.table('nameIdx', 8, this.count + 1)));
  }
  private get stats(): Float64Array {
    return this.cached('stats', () => f64(this.table('stats', 8, this.count * STATS)));
  }
  /** Per document: checksums of its source, metadata row, text, file name, stored body and listing line. */
  get sums(): Uint32Array {
    return this.cached('sums', () => u32(this.table('sums', 4, this.count * SUMS)));
  }
  get lens(): Uint16Array {
    if (this.lensView === undefined) {
      const bytes = this.table('lens', 2, this.count * LENS);
      this.lensView = new Uint16Array(bytes.buffer, bytes.byteOffset, this.count * LENS);
    }
    return this.lensView;
  }
  private lensView: Uint16Array | undefined;
  get days(): Int32Array {
    if (this.daysView === undefined) {
      const bytes = this.table('days', 4, this.count);
      this.daysView = new Int32Array(bytes.buffer, bytes.byteOffset, this.count);
    }
    return this.daysView;
  }
  private daysView: Int32Array | undefined;
  /** Where each document's metadata row starts in the meta region (and the last row ends). */
  get metaIdx(): Float64Array {
    return this.cached('metaIdx', () => f64(this.table('metaIdx', 8, this.count + 1)));
  }
  /** Per document, where its text starts, where its stored body starts, and where the next document's text starts. */
  get bodyIdx(): Float64Array {
    return this.cached('bodyIdx', () => f64(this.table('bodyIdx', 8, 2 * this.count + 1)));
  }
  /** Where each document's line starts in the listing (and the last line ends). */
  get listingIdx(): Float64Array {
    return this.cached('listingIdx', () => f64(this.table('listingIdx', 8, this.count + 1)));
  }

  region(name: string): [number, number, number] {
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

  /**
   * Calls `visit` with every document's file name, in order, the names checked as a whole once.
   * Unlike `names`, it keeps no array of ten thousand strings alive: each name is cut from one
   * string as it is visited and is garbage right after, so the collections a sweep of every file
   * sets off (Node 20 makes a Stats and four Dates per lstat) have little to copy.
   */
  forEachName(visit: (name: string, doc: number) => void): void {
    if (this.allNames !== undefined) {
      for (let doc = 0; doc < this.allNames.length; doc++) visit(this.allNames[doc] as string, doc);
      return;
    }
    const bytes = this.namesBytes;
    if (!this.namesChecked) {
      if (checksum(bytes) !== this.region('names')[2]) throw new CorruptIndexError('names checksum');
      this.namesChecked = true;
    }
    // File names are slugs and '.md': ASCII, so bytes and characters line up (a forged non-ASCII
    // name only fails to match its file, which is then read again).
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    const starts = this.nameIdx;
    for (let doc = 0; doc < this.count; doc++) {
      const start = starts[doc] as number;
      const end = (starts[doc + 1] as number) - 1;
      if (!(start >= 0 && end >= start && end <= text.length)) throw new CorruptIndexError('name out of bounds');
      visit(text.slice(start, end), doc);
    }
  }
  private namesChecked = false;

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

  /** Every document's size and mtime, as indexed. */
  get statsTable(): Float64Array {
    return this.stats;
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
        'bodies',
        this.bodyIdx[2 * doc] as number,
        this.bodyIdx[2 * doc + 1] as number,
        this.sums[doc * SUMS + 2] as number,
      ),
    );
  }

  /** A document's body as the document model, with its page's banner and breadcrumb. */
  document(doc: number): ReadDocument {
    const bytes = this.slice(
      'bodies',
      this.bodyIdx[2 * doc + 1] as number,
      this.bodyIdx[2 * doc + 2] as number,
      this.sums[doc * SUMS + 4] as number,
    );
    const value = parseIndexJson(decode(bytes), 'document') as StoredDocument | null;
    if (
      typeof value !== 'object' ||
      value === null ||
      !Array.isArray(value.blocks) ||
      !Array.isArray(value.breadcrumb)
    ) {
      throw new CorruptIndexError('bad document');
    }
    // Plain paragraphs are stored as the number of their line in the document's text.
    if (value.blocks.some((block) => typeof block === 'number')) {
      const lines = this.text(doc).split('\n');
      value.blocks = value.blocks.map((block) => {
        if (typeof block !== 'number') return block;
        const text = lines[block];
        if (!Number.isInteger(block) || text === undefined) throw new CorruptIndexError('bad paragraph reference');
        return { kind: 'paragraph', spans: [{ text, style: 'plain' }] };
      });
    }
    return value as ReadDocument;
  }

  /** Every document's word count. */
  get words(): Uint32Array {
    return this.cached('words', () => u32(this.table('words', 4, this.count)));
  }
  /**
   * Documents newest first, undated last, then by slug (`list`), or by title, case ignored, then
   * slug (`--sort title`). The table is summed, so it is as written; a number past the last
   * document could still only come from a bug, and reads as no document: `live[doc]` is undefined
   * for it, and walking the order skips it (no loop over ten thousand entries to look for one).
   */
  order(by: 'date' | 'title'): Uint32Array {
    return u32(this.table(by === 'date' ? 'byDate' : 'byTitle', 4, this.count));
  }

  /**
   * One document's line of piped `list` output, `slug<TAB>date<TAB>title`, checked on its own, or
   * from the whole listing once loadListing has read it.
   */
  listingLine(doc: number): string {
    if (this.listingLines !== undefined) return this.listingLines[doc] as string;
    const start = this.listingIdx[doc] as number;
    const end = (this.listingIdx[doc + 1] as number) - 1;
    if (this.listingWhole !== undefined) {
      if (!(start >= 0 && end >= start && end < this.listingWhole.length && this.listingWhole[end] === NEWLINE)) {
        throw new CorruptIndexError('listing line out of place');
      }
      return decode(this.listingWhole.subarray(start, end));
    }
    return decode(this.slice('listing', start, end, this.sums[doc * SUMS + 5] as number));
  }

  /** Reads and checks the whole listing at once: for a listing of many rows, one read beats one per row. */
  loadListing(): void {
    if (this.listingLines !== undefined) return;
    const lines = decode(this.listingBytes()).split('\n');
    if (lines.length !== this.count + 1) throw new CorruptIndexError('listing count');
    this.listingLines = lines;
  }

  /**
   * The whole listing as bytes, read and checked once: every document's line and its newline, in
   * document order; `listingIdx` says where each starts. Piped `list` copies lines from it to its
   * output without making a string of any.
   */
  listingBytes(): Uint8Array {
    if (this.listingWhole === undefined) {
      const [, size, sum] = this.region('listing');
      this.listingWhole = this.slice('listing', 0, size, sum);
    }
    return this.listingWhole;
  }

  /** The whole listing, when listingBytes has read it. */
  wholeListing(): Uint8Array | undefined {
    return this.listingWhole;
  }

  /** One document's listing line with its newline, as bytes, read and checked on its own. */
  listingLineBytes(doc: number): Uint8Array {
    const start = this.listingIdx[doc] as number;
    const end = (this.listingIdx[doc + 1] as number) - 1;
    const line = this.slice('listing', start, end, this.sums[doc * SUMS + 5] as number);
    const withNewline = new Uint8Array(line.length + 1);
    withNewline.set(line);
    withNewline[line.length] = NEWLINE;
    return withNewline;
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

  /** Bytes [from, from + length) of a region, unchecked: for copying whole regions whose pieces carry their own sums. */
  raw(name: string, from: number, length: number, into?: Uint8Array): Uint8Array {
    const [offset, size] = this.region(name);
    if (!(from >= 0 && length >= 0 && from + length <= size)) throw new CorruptIndexError(`${name} read out of bounds`);
    return this.source.read(offset + from, length, into);
  }

  /** Every dictionary entry in key order, each block checked, none kept: for combining segments. */
  *dictionary(): Generator<{ key: string } & DictEntry> {
    for (let index = 0; index < this.sparse.length; index++) {
      const bytes = this.slice(
        'dict',
        this.sparseIdx[index] as number,
        this.sparseIdx[index + 1] as number,
        this.sparseSums[index] as number,
      );
      const text = decode(bytes);
      // Each line read where it lies, its numbers digit by digit: splitting every line of every
      // block was most of a combine's own time.
      for (let start = 0; start < text.length; ) {
        let end = text.indexOf('\n', start);
        if (end < 0) end = text.length;
        if (end > start) yield dictLine(text, start, end);
        start = end + 1;
      }
    }
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
    return dictEntry(numbers);
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

/**
 * The entry of the dictionary line `text.slice(start, end)`, `key\toffset\tdocLength\tpositionLength\tdf\tsum\tlast`:
 * as dictEntry would read it, but each number must be plain decimal digits.
 */
function dictLine(text: string, start: number, end: number): { key: string } & DictEntry {
  const tab = text.indexOf('\t', start);
  if (tab < 0 || tab >= end) throw new CorruptIndexError('bad dictionary line');
  const numbers = [0, 0, 0, 0, 0, 0];
  let at = tab + 1;
  for (let field = 0; field < 6; field++) {
    let value = 0;
    const first = at;
    for (; at < end; at++) {
      const code = text.charCodeAt(at);
      if (code === 9) break;
      if (code < 48 || code > 57) throw new CorruptIndexError('bad dictionary line');
      value = value * 10 + (code - 48);
    }
    if (at === first || value > Number.MAX_SAFE_INTEGER) throw new CorruptIndexError('bad dictionary line');
    numbers[field] = value;
    // A tab after each number but the last, and nothing after the last.
    const isLast = field === 5;
    if (isLast ? at < end : at >= end) throw new CorruptIndexError('bad dictionary line');
    at += 1;
  }
  const [offset = 0, docLength = 0, positionLength = 0, df = 0, sum = 0, last = 0] = numbers;
  return { key: text.slice(start, tab), offset, docLength, positionLength, df, sum, last };
}

/** A dictionary line's numbers, `offset docLength positionLength df sum last`, checked for shape. */
function dictEntry(numbers: number[]): DictEntry {
  if (numbers.length !== 6 || numbers.some((value) => !Number.isInteger(value) || value < 0)) {
    throw new CorruptIndexError('bad dictionary line');
  }
  const [offset, docLength, positionLength, df, sum, last] = numbers as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { offset, docLength, positionLength, df, sum, last };
}

const NEWLINE = 0x0a;
/** The tables whose checksums are checked when read (see Segment.table). */
const SUMMED = new Set<string>(['lens', 'days', 'words', 'byDate', 'byTitle']);

const f64 = (bytes: Uint8Array) => new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8);
const u32 = (bytes: Uint8Array) => new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
