// Writes index segments: each document's text and stored body streamed to a sink as it is added,
// the tables, listing, metadata, dictionary and postings written when the segment is finished.
//
// Memory is what bounds a build (issue 15): a segment keeps in memory only its small per-document
// tables, one metadata row per document, the term dictionary and the postings, packed as bytes.
// Terms get numbers; a document's tokens are counted and chained per term in typed arrays, its
// postings appended to one stream in document order, and the stream laid out per term only once,
// when the segment is finished.

import { ByteWriter, checksum } from './bytes.js';
import {
  BLOCK_KEYS,
  type DocInput,
  dateOrder,
  dayNumber,
  FIELD_COUNT,
  HEADER_SPACE,
  headerBytes,
  metaRow,
  type RegionTable,
  SMALL_TABLES,
  titleOrder,
  utf8,
} from './format.js';
import { indexTokens } from './tokens.js';

/** Where a segment's bytes go: a file written front to back (but for its header), or memory. */
export interface SegmentSink {
  /** Bytes written so far. */
  readonly length: number;
  /** Appends bytes at the end. */
  append(bytes: Uint8Array): void;
  /** Overwrites bytes at `offset`: only the header, once everything else is written. */
  patch(offset: number, bytes: Uint8Array): void;
}

/** A sink in memory: the segment's bytes are `bytes()` once it is finished. */
export class MemorySink implements SegmentSink {
  private readonly out = new ByteWriter(1 << 16);
  get length(): number {
    return this.out.length;
  }
  append(bytes: Uint8Array): void {
    this.out.append(bytes);
  }
  patch(offset: number, bytes: Uint8Array): void {
    this.out.bytes.set(bytes, offset);
  }
  bytes(): Uint8Array {
    return this.out.view();
  }
}

const ZEROS = new Uint8Array(8);

/** Pads the sink with zeros to a multiple of 8 bytes: every region starts aligned, for typed arrays. */
export function alignSink(sink: SegmentSink): void {
  const padding = (8 - (sink.length % 8)) % 8;
  if (padding > 0) sink.append(ZEROS.subarray(0, padding));
}

/** Appends a region at the next aligned offset and enters it, with its checksum, in `table`. */
export function putRegion(sink: SegmentSink, table: RegionTable, name: string, bytes: Uint8Array): void {
  alignSink(sink);
  table[name] = [sink.length, bytes.length, checksum(bytes)];
  sink.append(bytes);
}

/** A typed array's bytes, where they lie. */
export function bytesOf(array: Float64Array | Uint32Array | Uint16Array | Int32Array): Uint8Array {
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

/** The global TextEncoder, as far as the builder uses it (this project's types know no DOM). */
interface Utf8Encoder {
  encodeInto(text: string, into: Uint8Array): { written: number };
}
/** The postings stream grows by chunks of this size, never by copying. */
const STREAM_CHUNK = 1 << 20;

/** A growable Int32Array. */
function grown(array: Int32Array<ArrayBuffer>, size: number, fill = 0): Int32Array<ArrayBuffer> {
  if (size <= array.length) return array;
  let capacity = array.length * 2;
  while (capacity < size) capacity *= 2;
  const out = new Int32Array(capacity);
  out.set(array);
  if (fill !== 0) out.fill(fill, array.length);
  return out;
}

function varintSize(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
}

/** Writes a varint at `at` in `bytes`; returns where it ends. */
function putVarint(bytes: Uint8Array, at: number, value: number): number {
  let rest = value;
  let position = at;
  while (rest >= 0x80) {
    bytes[position++] = (rest & 0x7f) | 0x80;
    rest = Math.floor(rest / 128);
  }
  bytes[position++] = rest;
  return position;
}

/**
 * Characters that need Unicode tables to tell a letter or digit (and surrogates): text with any of
 * them is cut by indexTokens. Text without them holds only characters below U+0250 and General
 * Punctuation (U+2000–U+206F), where nothing is a letter or digit.
 */
export const UNDECIDED = /[\u0250-\u1fff\u2070-\uffff]/;

/**
 * Letters and digits below U+0250, 1 for each: ASCII letters and digits, the letters and digits of
 * Latin-1 (ª ² ³ µ ¹ º ¼–¾ À–ÿ but × ÷) and Latin Extended-A and -B. With UNDECIDED, what tells the
 * builder the words of most text; a test checks it against isWordCode for every such character.
 */
export const WORD_CODES = new Uint8Array(0x250);
for (let code = 0x30; code <= 0x39; code++) WORD_CODES[code] = 1;
for (let code = 0x41; code <= 0x5a; code++) WORD_CODES[code] = 1;
for (let code = 0x61; code <= 0x7a; code++) WORD_CODES[code] = 1;
for (const code of [0xaa, 0xb2, 0xb3, 0xb5, 0xb9, 0xba, 0xbc, 0xbd, 0xbe]) WORD_CODES[code] = 1;
for (let code = 0xc0; code < 0x250; code++) WORD_CODES[code] = code === 0xd7 || code === 0xf7 ? 0 : 1;

/**
 * `text` as a string of its own. A piece of 13 or more characters cut from a longer string is a
 * view that keeps the whole of that string alive (V8's sliced strings): whatever the builder keeps
 * until a segment is finished, it copies.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : `${text}\u0000`.slice(0, -1);
}

/** FNV-1a over a token's code units, the start and each step; mixHash spreads it over the table's bits. */
const HASH_START = 0x811c9dc5 | 0;
const HASH_STEP = 0x01000193;

function mixHash(hash: number): number {
  const mixed = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return mixed ^ (mixed >>> 13);
}

function hashOf(key: string): number {
  let hash = HASH_START;
  for (let at = 0; at < key.length; at++) hash = Math.imul(hash ^ key.charCodeAt(at), HASH_STEP);
  return mixHash(hash);
}

/**
 * Whether `text` holds `key` at `start` (the caller has checked that it fits): compared here, a few
 * characters, instead of through startsWith, whose call cost more than the comparison.
 */
function sameChars(text: string, start: number, key: string): boolean {
  for (let at = 0; at < key.length; at++) {
    if (text.charCodeAt(start + at) !== key.charCodeAt(at)) return false;
  }
  return true;
}

/**
 * Collects documents and writes them out as one segment: `add` each document in order of file
 * name, then `finish`. Text and stored bodies go to the sink at once; the rest stays in memory.
 */
export class SegmentBuilder {
  // --- the term table: keys by term number, and an open-addressing hash table looked up with the
  // token's characters where they are, so a token seen before costs no string and no Map lookup.
  // A slot is two numbers, the term's number plus one (0: empty) and its hash: a probe reads one
  // place in memory until the hash matches, and only then the key's characters.
  private readonly keys: string[] = [];
  private slots = new Int32Array(2 << 12);
  // --- per term, over the segment
  private lastDoc = new Int32Array(1024).fill(-1);
  private df = new Int32Array(1024);
  private docBytes = new Int32Array(1024);
  private positionBytes = new Int32Array(1024);
  // --- per term, within the document being added
  private lastToken = new Int32Array(1024).fill(-1);
  private termTf = new Int32Array(1024 * FIELD_COUNT);
  private docTerms = new Int32Array(1024);
  private docTermCount = 0;
  // --- per token of the document being added
  private tokenPosition = new Int32Array(4096);
  private tokenPrevious = new Int32Array(4096);
  private tokenCount = 0;
  private position = 0;
  private readonly fieldLengths = [0, 0, 0, 0];
  /** Every document's postings, in document order: per document its entry count, then per term its id, counts and positions. */
  private readonly chunks: ByteWriter[] = [];
  private streamBytes = 0;
  private scratch = new Int32Array(256);

  // --- per document
  private readonly names: string[] = [];
  private readonly stats: number[] = [];
  private readonly sums: number[] = [];
  private readonly lens: number[] = [];
  private readonly days: number[] = [];
  private readonly words: number[] = [];
  private readonly titles: string[] = [];
  private readonly bodyIdx: number[] = [];
  private readonly meta = new ByteWriter(1 << 12);
  private readonly metaIdx: number[] = [0];
  /**
   * Each document's line of piped `list` output (slug, date, title, tab-separated), one a line,
   * and where each starts: a page of `list` reads only its lines.
   */
  private readonly listing = new ByteWriter(1 << 12);
  private readonly listingIdx: number[] = [0];
  private readonly problems: number[] = [];
  private readonly drafts: number[] = [];
  /** Tokens per field over all documents, for BM25's average lengths. */
  private readonly totals = [0, 0, 0, 0];
  private readonly bodiesStart: number;

  constructor(private readonly sink: SegmentSink) {
    sink.append(new Uint8Array(HEADER_SPACE));
    this.bodiesStart = sink.length;
    this.bodyIdx.push(0);
  }

  get count(): number {
    return this.names.length;
  }

  /** Bytes of postings held in memory: with the documents' count, what decides when a segment is full. */
  get heldBytes(): number {
    return this.streamBytes + this.meta.length;
  }

  /** Adds a document; documents must come in order of file name, so names can be binary-searched. */
  add(doc: DocInput): void {
    const id = this.names.length;
    const previous = this.names[id - 1];
    if (previous !== undefined && !(previous < doc.name)) throw new Error('index documents out of order');
    this.names.push(doc.name);
    this.stats.push(doc.size, doc.mtimeMs);
    const content = doc.content;
    const meta = content?.meta;
    const metaBytes = this.encode(JSON.stringify(meta ? metaRow(meta) : [doc.problem ?? 'cannot be indexed']));
    const metaSum = checksum(metaBytes);
    this.meta.append(metaBytes);
    this.meta.append(COMMA);
    this.metaIdx.push(this.meta.length);
    if (!content) this.problems.push(id);
    if (meta?.draft) this.drafts.push(id);
    // Kept until the segment is finished: a title cut from the file's text would keep all of it.
    this.titles.push(ownCopy(meta?.title ?? ''));
    this.days.push(dayNumber(meta?.date));
    this.words.push(meta?.words ?? 0);

    // Tokens, counted per term and field, positions chained per term.
    this.tokenCount = 0;
    this.docTermCount = 0;
    this.position = 0;
    this.fieldLengths.fill(0);
    let titleEnd = 0;
    let tagsEnd = 0;
    let text = '';
    if (content) {
      const { fields } = content;
      this.addText(fields.title, 0);
      titleEnd = this.position;
      for (const tag of fields.tags) this.addText(tag, 1);
      tagsEnd = this.position;
      let first = true;
      for (const paragraph of fields.paragraphs) {
        this.addText(paragraph.text, paragraph.heading ? 2 : 3);
        if (paragraph.heading) continue;
        text = first ? paragraph.text : `${text}\n${paragraph.text}`;
        first = false;
      }
    }
    const lengths = this.fieldLengths;
    this.lens.push(lengths[0] as number, lengths[1] as number, lengths[2] as number, lengths[3] as number);
    this.lens.push(titleEnd, tagsEnd);
    for (let field = 0; field < FIELD_COUNT; field++)
      this.totals[field] = (this.totals[field] as number) + (lengths[field] as number);
    this.endDocument(id);

    // Text and stored body, straight to the sink.
    const textBytes = this.encode(text);
    const textSum = checksum(textBytes);
    this.sink.append(textBytes);
    this.bodyIdx.push(this.sink.length - this.bodiesStart);
    const documentBytes = this.encode(content ? JSON.stringify(content.document) : '');
    const documentSum = checksum(documentBytes);
    this.sink.append(documentBytes);
    this.bodyIdx.push(this.sink.length - this.bodiesStart);
    const title = (meta?.title ?? '').replace(/[\t\n]/g, ' ');
    const line = this.encode(`${doc.name.slice(0, -3)}\t${meta?.date ?? ''}\t${title}`);
    const lineSum = checksum(line);
    this.listing.append(line);
    this.listing.append(NEWLINE);
    this.listingIdx.push(this.listing.length);
    this.sums.push(doc.sourceSum, metaSum, textSum, checksum(this.encode(doc.name)), documentSum, lineSum);
  }

  /**
   * `text` as UTF-8 in a buffer the builder reuses, valid until the next call: a fresh Buffer per
   * text would be garbage that holds memory outside the heap until the next collection.
   */
  private encode(text: string): Uint8Array {
    if (text.length * 3 > this.scratchBytes.length) this.scratchBytes = new Uint8Array(text.length * 3 + 1024);
    this.encoder ??= new (globalThis as unknown as { TextEncoder: new () => Utf8Encoder }).TextEncoder();
    return this.scratchBytes.subarray(0, this.encoder.encodeInto(text, this.scratchBytes).written);
  }
  private scratchBytes = new Uint8Array(1 << 16);
  private encoder: Utf8Encoder | undefined;

  /** The term number of the token `text.slice(start, end)`, whose hash is `hash` (hashOf), added if new. */
  private termId(text: string, start: number, end: number, hash: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    let slot = hash & mask;
    for (;;) {
      const entry = slots[2 * slot] as number;
      if (entry === 0) break;
      if (slots[2 * slot + 1] === hash) {
        const id = entry - 1;
        const key = this.keys[id] as string;
        if (key.length === length && sameChars(text, start, key)) return id;
      }
      slot = (slot + 1) & mask;
    }
    const id = this.keys.length;
    this.keys.push(ownCopy(text.slice(start, end)));
    slots[2 * slot] = id + 1;
    slots[2 * slot + 1] = hash;
    // At most half full, so a probe is short.
    if (4 * (id + 1) > slots.length) this.rehash();
    if (id >= this.lastDoc.length) {
      const size = id + 1;
      this.lastDoc = grown(this.lastDoc, size, -1);
      this.df = grown(this.df, size);
      this.docBytes = grown(this.docBytes, size);
      this.positionBytes = grown(this.positionBytes, size);
      this.lastToken = grown(this.lastToken, size, -1);
      this.termTf = grown(this.termTf, size * FIELD_COUNT);
    }
    return id;
  }

  /** The hash table twice as big, every term put back by its stored hash. */
  private rehash(): void {
    const old = this.slots;
    const slots = new Int32Array(old.length * 2);
    const mask = (slots.length >> 1) - 1;
    for (let at = 0; at < old.length; at += 2) {
      const entry = old[at] as number;
      if (entry === 0) continue;
      const hash = old[at + 1] as number;
      let slot = hash & mask;
      while (slots[2 * slot] !== 0) slot = (slot + 1) & mask;
      slots[2 * slot] = entry;
      slots[2 * slot + 1] = hash;
    }
    this.slots = slots;
  }

  /** The term number of a key already in the table. */
  private idOf(key: string): number {
    return this.termId(key, 0, key.length, hashOf(key));
  }

  /**
   * Indexes one field's text: the same tokens as indexTokens (runs of letters and digits,
   * lower-cased). A gap follows, so a phrase never runs from one title, tag or paragraph into the
   * next. Text whose every character is decided by WORD_CODES (ASCII, Latin-1 and Latin
   * Extended, general punctuation: most text) is cut here, each token hashed as it is read and
   * looked up where it lies in the text; other text goes through indexTokens.
   */
  private addText(original: string, field: number): void {
    const lower = original.toLowerCase();
    let count = 0;
    if (UNDECIDED.test(lower)) {
      for (const token of indexTokens(lower)) {
        this.addToken(this.termId(token, 0, token.length, hashOf(token)), field);
        count += 1;
      }
    } else {
      const length = lower.length;
      let start = -1;
      let hash = HASH_START;
      for (let at = 0; at < length; at++) {
        const code = lower.charCodeAt(at);
        if (code < 0x250 && WORD_CODES[code] === 1) {
          if (start < 0) {
            start = at;
            hash = HASH_START;
          }
          hash = Math.imul(hash ^ code, HASH_STEP);
        } else if (start >= 0) {
          this.addToken(this.termId(lower, start, at, mixHash(hash)), field);
          count += 1;
          start = -1;
        }
      }
      if (start >= 0) {
        this.addToken(this.termId(lower, start, length, mixHash(hash)), field);
        count += 1;
      }
    }
    this.fieldLengths[field] = (this.fieldLengths[field] as number) + count;
    this.position += 1;
  }

  private addToken(term: number, field: number): void {
    const k = this.tokenCount++;
    if (k >= this.tokenPosition.length) {
      this.tokenPosition = grown(this.tokenPosition, k + 1);
      this.tokenPrevious = grown(this.tokenPrevious, k + 1);
    }
    const previous = this.lastToken[term] as number;
    if (previous < 0) {
      if (this.docTermCount >= this.docTerms.length) this.docTerms = grown(this.docTerms, this.docTermCount + 1);
      this.docTerms[this.docTermCount++] = term;
    }
    this.tokenPosition[k] = this.position++;
    this.tokenPrevious[k] = previous;
    this.lastToken[term] = k;
    this.termTf[term * FIELD_COUNT + field] = (this.termTf[term * FIELD_COUNT + field] as number) + 1;
  }

  /** Appends the document's postings to the stream and clears the per-document state. */
  private endDocument(doc: number): void {
    // A document's entries never straddle two chunks (each decodes on its own), and chunks never
    // grow by copying: a new one starts when this document might not fit.
    const bound = 5 + this.docTermCount * 30 + this.tokenCount * 5;
    let stream = this.chunks[this.chunks.length - 1];
    if (stream === undefined || stream.length + bound > stream.bytes.length) {
      stream = new ByteWriter(Math.max(STREAM_CHUNK, bound));
      this.chunks.push(stream);
    }
    const before = stream.length;
    stream.varint(this.docTermCount);
    for (let i = 0; i < this.docTermCount; i++) {
      const term = this.docTerms[i] as number;
      stream.varint(term);
      let size = varintSize(doc - (this.lastDoc[term] as number) - 1);
      for (let field = 0; field < FIELD_COUNT; field++) {
        const at = term * FIELD_COUNT + field;
        const tf = this.termTf[at] as number;
        stream.varint(tf);
        size += varintSize(tf);
        this.termTf[at] = 0;
      }
      this.docBytes[term] = (this.docBytes[term] as number) + size;
      this.lastDoc[term] = doc;
      this.df[term] = (this.df[term] as number) + 1;
      // The term's positions, last to first along the chain, then written first to last.
      let count = 0;
      for (let k = this.lastToken[term] as number; k >= 0; k = this.tokenPrevious[k] as number) {
        if (count >= this.scratch.length) this.scratch = grown(this.scratch, count + 1);
        this.scratch[count++] = this.tokenPosition[k] as number;
      }
      this.lastToken[term] = -1;
      stream.varint(count);
      let bytes = varintSize(count);
      let previous = 0;
      for (let j = count - 1; j >= 0; j--) {
        const at = this.scratch[j] as number;
        stream.varint(at - previous);
        bytes += varintSize(at - previous);
        previous = at;
      }
      this.positionBytes[term] = (this.positionBytes[term] as number) + bytes;
    }
    this.streamBytes += stream.length - before;
  }

  /** Writes everything but the bodies (already written) and the header, then the header. */
  finish(): void {
    const n = this.names.length;
    const sink = this.sink;
    const table: RegionTable = {};
    const put = (name: string, bytes: Uint8Array) => putRegion(sink, table, name, bytes);
    // The bodies are checked piece by piece (each text and body has its own checksum), never whole.
    table.bodies = [this.bodiesStart, sink.length - this.bodiesStart, 0];

    const { dict, post, sparseKeys, sparseIdx, sparseSums } = this.postings();
    const nameIdx = new Float64Array(n + 1);
    let at = 0;
    for (let doc = 0; doc < n; doc++) {
      at += Buffer.byteLength(this.names[doc] as string) + 1;
      nameIdx[doc + 1] = at;
    }
    const slugs = this.names.map((name) => name.slice(0, -3));
    const small: Record<(typeof SMALL_TABLES)[number], Uint8Array> = {
      names: utf8(this.names.join('\n')),
      nameIdx: bytesOf(nameIdx),
      stats: bytesOf(Float64Array.from(this.stats)),
      sums: bytesOf(Uint32Array.from(this.sums)),
      // Lengths in tokens, capped at 65535: the front matter's limit keeps title and tags below it.
      lens: bytesOf(Uint16Array.from(this.lens, (value) => Math.min(value, 0xffff))),
      days: bytesOf(Int32Array.from(this.days)),
      words: bytesOf(Uint32Array.from(this.words)),
      bodyIdx: bytesOf(Float64Array.from(this.bodyIdx)),
      metaIdx: bytesOf(Float64Array.from(this.metaIdx)),
      listingIdx: bytesOf(Float64Array.from(this.listingIdx)),
      byDate: bytesOf(dateOrder(this.days, slugs)),
      byTitle: bytesOf(titleOrder(this.titles, slugs)),
      sparse: utf8(sparseKeys.join('\n')),
      sparseIdx: bytesOf(Float64Array.from(sparseIdx)),
      problems: bytesOf(Uint32Array.from(this.problems)),
      drafts: bytesOf(Uint32Array.from(this.drafts)),
      totals: bytesOf(Float64Array.from(this.totals)),
      sparseSums: bytesOf(Uint32Array.from(sparseSums)),
    };
    for (const name of SMALL_TABLES) put(name, small[name]);
    put('listing', this.listing.view());
    put('meta', this.meta.view());
    put('dict', dict);
    put('post', post);
    alignSink(sink);
    sink.patch(0, headerBytes(n, sink.length, table));
  }

  /** The dictionary (sorted keys, in blocks) and the postings, laid out from the stream. */
  private postings(): {
    dict: Uint8Array;
    post: Uint8Array;
    sparseKeys: string[];
    sparseIdx: number[];
    sparseSums: number[];
  } {
    const termCount = this.keys.length;
    // Sorted natively (code unit order, no comparator calls: several times faster), then numbered.
    const sorted = [...this.keys].sort().map((key) => this.idOf(key));
    // Where each term's postings go: its documents' counts, then its positions.
    const docCursor = new Float64Array(termCount);
    const positionCursor = new Float64Array(termCount);
    let total = 0;
    for (const id of sorted) {
      docCursor[id] = total;
      total += this.docBytes[id] as number;
      positionCursor[id] = total;
      total += this.positionBytes[id] as number;
    }
    const post = new Uint8Array(total);
    const starts = Float64Array.from(docCursor);
    // The stream once through, each entry copied to its term's place.
    const lastDoc = new Int32Array(termCount).fill(-1);
    let doc = 0;
    for (const chunk of this.chunks) {
      const stream = chunk.bytes;
      const end = chunk.length;
      let read = 0;
      const next = () => {
        let value = 0;
        let scale = 1;
        for (;;) {
          const byte = stream[read++] as number;
          value += (byte & 0x7f) * scale;
          if (byte < 0x80) return value;
          scale *= 128;
        }
      };
      for (; read < end; doc++) {
        const entries = next();
        for (let i = 0; i < entries; i++) {
          const term = next();
          let at = docCursor[term] as number;
          at = putVarint(post, at, doc - (lastDoc[term] as number) - 1);
          lastDoc[term] = doc;
          for (let field = 0; field < FIELD_COUNT; field++) at = putVarint(post, at, next());
          docCursor[term] = at;
          const count = next();
          let p = putVarint(post, positionCursor[term] as number, count);
          for (let j = 0; j < count; j++) p = putVarint(post, p, next());
          positionCursor[term] = p;
        }
      }
    }
    this.chunks.length = 0;
    const dictParts: string[] = [];
    const sparseKeys: string[] = [];
    const sparseIdx: number[] = [0];
    const sparseSums: number[] = [];
    const dict = new ByteWriter(1 << 12);
    sorted.forEach((id, index) => {
      const key = this.keys[id] as string;
      if (index % BLOCK_KEYS === 0) sparseKeys.push(key);
      const offset = starts[id] as number;
      const docLength = this.docBytes[id] as number;
      const positionLength = this.positionBytes[id] as number;
      const sum = checksum(post.subarray(offset, offset + docLength + positionLength));
      dictParts.push(
        `${key}\t${offset}\t${docLength}\t${positionLength}\t${this.df[id]}\t${sum}\t${this.lastDoc[id]}\n`,
      );
      if (index % BLOCK_KEYS === BLOCK_KEYS - 1 || index === sorted.length - 1) {
        const block = utf8(dictParts.join(''));
        dictParts.length = 0;
        sparseSums.push(checksum(block));
        dict.append(block);
        sparseIdx.push(dict.length);
      }
    });
    return { dict: dict.view(), post, sparseKeys, sparseIdx, sparseSums };
  }
}

const COMMA = new Uint8Array([0x2c]);
const NEWLINE = new Uint8Array([0x0a]);
