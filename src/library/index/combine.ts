// Combines segments of consecutive file names into one, without reading any article again: bodies,
// metadata and listing copied whole, tables concatenated, postings concatenated term by term.
//
// A build writes many small segments, so that what each thread holds in memory stays small; queries
// want few segments, since each costs an open and a dictionary lookup per word. Combining gives
// both: it streams every region (the postings of each input are read in order, in chunks), and
// holds only the per-document tables of the result and its dictionary.

import { ByteReader, ByteWriter, CorruptIndexError, checksum, StreamingChecksum } from './bytes.js';
import {
  BLOCK_KEYS,
  dateOrder,
  HEADER_SPACE,
  headerBytes,
  type RegionTable,
  SMALL_TABLES,
  SUMS,
  titleOrder,
  utf8,
} from './format.js';
import type { DictEntry, Segment } from './reader.js';
import { alignSink, bytesOf, putRegion, type SegmentSink } from './writer.js';

/** How much of a region is copied at a time, through one reused buffer. */
const CHUNK = 1 << 20;
/** How much of each input's postings is read ahead: one such buffer per input. */
const READ_AHEAD = 1 << 16;

/**
 * Reads a region front to back in chunks, handing out pieces at increasing offsets; a piece is
 * valid until the next call, since the chunk's memory is reused.
 */
class RegionReader {
  private memory = new Uint8Array(READ_AHEAD);
  private buffer: Uint8Array = new Uint8Array(0);
  private start = 0;

  constructor(
    private readonly segment: Segment,
    private readonly region: string,
  ) {}

  take(offset: number, length: number): Uint8Array {
    if (offset < this.start || offset + length > this.start + this.buffer.length) {
      const size = this.segment.region(this.region)[1];
      const want = Math.min(Math.max(READ_AHEAD, length), size - offset);
      if (want > this.memory.length) this.memory = new Uint8Array(want);
      this.buffer = this.segment.raw(this.region, offset, want, this.memory);
      this.start = offset;
    }
    return this.buffer.subarray(offset - this.start, offset - this.start + length);
  }
}

/** One input's dictionary, entry by entry. */
interface DictCursor {
  input: number;
  entries: Generator<{ key: string } & DictEntry>;
  current: ({ key: string } & DictEntry) | undefined;
}

function advance(cursor: DictCursor): void {
  const next = cursor.entries.next();
  cursor.current = next.done ? undefined : next.value;
}

/** The slug in a listing line, `slug<TAB>date<TAB>title`. */
function lineSlug(line: string): string {
  return line.slice(0, line.indexOf('\t'));
}

/** The title in a listing line. */
function lineTitle(line: string): string {
  return line.slice(line.indexOf('\t', line.indexOf('\t') + 1) + 1);
}

/**
 * Writes one segment holding every document of `inputs`, which must hold consecutive ranges of
 * file names, in order, none deleted (as a build makes them). Every piece read is checked against
 * its checksum on the way, so damage in an input is never copied into the result.
 */
export function combineSegments(inputs: readonly Segment[], sink: SegmentSink): void {
  for (let i = 1; i < inputs.length; i++) {
    const before = inputs[i - 1] as Segment;
    const after = inputs[i] as Segment;
    if (before.count > 0 && after.count > 0 && !(before.name(before.count - 1) < after.name(0))) {
      throw new Error('combined segments must hold consecutive names');
    }
  }
  const base: number[] = [];
  let n = 0;
  for (const input of inputs) {
    base.push(n);
    n += input.count;
  }
  const table: RegionTable = {};
  const align = () => alignSink(sink);
  /**
   * Copies a region of every input after the other; returns where each input's copy starts in the
   * result. A `checked` region is checked whole in each input and summed whole in the result.
   */
  const scratch = new Uint8Array(CHUNK);
  const copyRegion = (name: string, checked: boolean): number[] => {
    align();
    const start = sink.length;
    const shifts: number[] = [];
    const total = inputs.reduce((sum, input) => sum + input.region(name)[1], 0);
    const summed = new StreamingChecksum(total);
    for (const input of inputs) {
      shifts.push(sink.length - start);
      const [, size, expected] = input.region(name);
      const own = new StreamingChecksum(size);
      for (let at = 0; at < size; at += CHUNK) {
        const bytes = input.raw(name, at, Math.min(CHUNK, size - at), scratch);
        if (checked) {
          own.update(bytes);
          summed.update(bytes);
        }
        sink.append(bytes);
      }
      if (checked && own.digest() !== expected) throw new CorruptIndexError(`${name} checksum`);
    }
    table[name] = [start, sink.length - start, checked ? summed.digest() : 0];
    return shifts;
  };

  sink.append(new Uint8Array(HEADER_SPACE));
  // Bodies: checked piece by piece when read, as in every segment.
  const bodyShift = copyRegion('bodies', false);
  // Metadata and listing: checked whole here, summed again below.
  const metaShift = copyRegion('meta', true);
  const listingShift = copyRegion('listing', true);

  // Postings, term by term in key order, each input's part appended after the other's.
  align();
  const postStart = sink.length;
  const readers = inputs.map((input) => new RegionReader(input, 'post'));
  const cursors: DictCursor[] = inputs.map((input, index) => {
    const cursor: DictCursor = { input: index, entries: input.dictionary(), current: undefined };
    advance(cursor);
    return cursor;
  });
  const dict = new ByteWriter(1 << 16);
  let dictLines: string[] = [];
  const sparseKeys: string[] = [];
  const sparseIdx: number[] = [0];
  const sparseSums: number[] = [];
  let keys = 0;
  // A term's documents, then its positions: each input's documents in one pass, their positions
  // after them in a second, so the two parts are written and summed as one piece.
  const part = new ByteWriter(1 << 12);
  const taken: Uint8Array[] = [];
  const docEnds: number[] = [];
  for (;;) {
    let key: string | undefined;
    for (const cursor of cursors) {
      const current = cursor.current?.key;
      if (current !== undefined && (key === undefined || current < key)) key = current;
    }
    if (key === undefined) break;
    part.length = 0;
    let pieces = 0;
    let last = -1;
    let df = 0;
    for (const cursor of cursors) {
      const entry = cursor.current;
      if (entry === undefined || entry.key !== key) continue;
      const bytes = (readers[cursor.input] as RegionReader).take(entry.offset, entry.docLength + entry.positionLength);
      if (checksum(bytes) !== entry.sum) throw new CorruptIndexError('postings checksum');
      // The first document's gap counts from the last document of the inputs before; the rest is as it was.
      const docs = new ByteReader(bytes.subarray(0, entry.docLength));
      const first = docs.varint();
      const shift = base[cursor.input] as number;
      part.varint(first + shift - last - 1);
      part.append(bytes.subarray(docs.position, entry.docLength));
      // A piece is valid only until its reader's next take, and each input has its own reader.
      taken[pieces] = bytes;
      docEnds[pieces] = entry.docLength;
      pieces += 1;
      last = entry.last + shift;
      df += entry.df;
      advance(cursor);
    }
    const docLength = part.length;
    for (let piece = 0; piece < pieces; piece++) {
      part.append((taken[piece] as Uint8Array).subarray(docEnds[piece] as number));
    }
    const offset = sink.length - postStart;
    const whole = part.view();
    const sum = checksum(whole);
    sink.append(whole);
    if (keys % BLOCK_KEYS === 0) sparseKeys.push(key);
    dictLines.push(`${key}\t${offset}\t${docLength}\t${part.length - docLength}\t${df}\t${sum}\t${last}\n`);
    keys += 1;
    if (keys % BLOCK_KEYS === 0) {
      flushBlock();
    }
  }
  if (dictLines.length > 0) flushBlock();
  table.post = [postStart, sink.length - postStart, 0];
  function flushBlock(): void {
    const block = utf8(dictLines.join(''));
    dictLines = [];
    sparseSums.push(checksum(block));
    dict.append(block);
    sparseIdx.push(dict.length);
  }
  putRegion(sink, table, 'dict', dict.view());

  // The per-document tables, shifted where they hold offsets or document numbers.
  const nameParts: Uint8Array[] = [];
  const nameIdx = new Float64Array(n + 1);
  const stats = new Float64Array(n * 2);
  const sums = new Uint32Array(n * SUMS);
  const lens = new Uint16Array(n * 6);
  const days = new Int32Array(n);
  const words = new Uint32Array(n);
  const bodyIdx = new Float64Array(2 * n + 1);
  const metaIdx = new Float64Array(n + 1);
  const listingIdx = new Float64Array(n + 1);
  const problems: number[] = [];
  const drafts: number[] = [];
  const totals = [0, 0, 0, 0];
  let nameBytes = 0;
  inputs.forEach((input, index) => {
    const at = base[index] as number;
    const names = utf8(input.names.join('\n'));
    if (input.count > 0) {
      if (nameParts.length > 0) nameParts.push(utf8('\n'));
      nameParts.push(names);
    }
    for (let doc = 0; doc < input.count; doc++) {
      nameBytes += Buffer.byteLength(input.names[doc] as string) + 1;
      nameIdx[at + doc + 1] = nameBytes;
      bodyIdx[2 * (at + doc)] = (input.bodyIdx[2 * doc] as number) + (bodyShift[index] as number);
      bodyIdx[2 * (at + doc) + 1] = (input.bodyIdx[2 * doc + 1] as number) + (bodyShift[index] as number);
      metaIdx[at + doc + 1] = (input.metaIdx[doc + 1] as number) + (metaShift[index] as number);
      listingIdx[at + doc + 1] = (input.listingIdx[doc + 1] as number) + (listingShift[index] as number);
    }
    bodyIdx[2 * (at + input.count)] = (input.bodyIdx[2 * input.count] as number) + (bodyShift[index] as number);
    stats.set(input.statsTable, at * 2);
    sums.set(input.sums, at * SUMS);
    lens.set(input.lens, at * 6);
    days.set(input.days, at);
    words.set(input.words, at);
    for (const doc of input.problems) problems.push(doc + at);
    for (const doc of input.drafts) drafts.push(doc + at);
    input.totals.forEach((total, field) => {
      totals[field] = (totals[field] as number) + total;
    });
  });
  // Both orders, merged from the inputs' own.
  const lines: string[] = [];
  for (const input of inputs) {
    input.loadListing();
    for (let doc = 0; doc < input.count; doc++) lines.push(input.listingLine(doc));
  }
  const slugs = lines.map(lineSlug);
  const byDate = dateOrder(days, slugs);
  const byTitle = titleOrder(lines.map(lineTitle), slugs);
  const [sparseOut, sparseIdxOut] = [utf8(sparseKeys.join('\n')), Float64Array.from(sparseIdx)];
  const small: Record<(typeof SMALL_TABLES)[number], Uint8Array> = {
    names: Buffer.concat(nameParts),
    nameIdx: bytesOf(nameIdx),
    stats: bytesOf(stats),
    sums: bytesOf(sums),
    lens: bytesOf(lens),
    days: bytesOf(days),
    words: bytesOf(words),
    bodyIdx: bytesOf(bodyIdx),
    metaIdx: bytesOf(metaIdx),
    listingIdx: bytesOf(listingIdx),
    byDate: bytesOf(byDate),
    byTitle: bytesOf(byTitle),
    sparse: sparseOut,
    sparseIdx: bytesOf(sparseIdxOut),
    problems: bytesOf(Uint32Array.from(problems)),
    drafts: bytesOf(Uint32Array.from(drafts)),
    totals: bytesOf(Float64Array.from(totals)),
    sparseSums: bytesOf(Uint32Array.from(sparseSums)),
  };
  for (const name of SMALL_TABLES) putRegion(sink, table, name, small[name]);
  align();
  sink.patch(0, headerBytes(n, sink.length, table));
}
