// Writes index segments: collects documents in memory, then lays them out in the segment format.

import { ByteWriter, checksum } from './bytes.js';
import {
  BLOCK_KEYS,
  COMMA,
  type DocInput,
  type DocMeta,
  dayNumber,
  FIELD_COUNT,
  layout,
  metaRow,
  STATS,
  SUMS,
  utf8,
} from './format.js';
import { indexTokens } from './tokens.js';

/** What the builder keeps of a document until it writes the segment: all but the text it has indexed. */
type StoredDoc = Omit<DocInput, 'content'> & { meta?: DocMeta; document?: Uint8Array };

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
  private readonly drafts: number[] = [];
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
    if (doc.content) {
      stored.meta = doc.content.meta;
      // Serialised now: the blocks themselves need not stay in memory until the segment is written.
      stored.document = utf8(JSON.stringify(doc.content.document));
    } else stored.problem = doc.problem ?? 'cannot be indexed';
    this.docs.push(stored);
    if (!doc.content) this.problems.push(id);
    if (doc.content?.meta.draft) this.drafts.push(id);
    // Per term: four field counts, then its positions in order.
    const terms = new Map<string, number[]>();
    const lengths = [0, 0, 0, 0];
    let position = 0;
    const addText = (text: string, field: number) => {
      const tokens = indexTokens(text);
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
    const docIdx = new Float64Array(n + 1);
    const metaParts: Uint8Array[] = [];
    const textParts: Uint8Array[] = [];
    const docParts: Uint8Array[] = [];
    let metaLength = 0;
    let textLength = 0;
    let docLength = 0;
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
      const documentBytes = doc.document ?? new Uint8Array(0);
      sums[id * SUMS + 4] = checksum(documentBytes);
      docParts.push(documentBytes);
      docLength += documentBytes.length;
      docIdx[id + 1] = docLength;
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
      ['docIdx', bytesOf(docIdx)],
      ['sparse', utf8(sparseKeys.join('\n'))],
      ['sparseIdx', bytesOf(Float64Array.from(sparseIdx))],
      ['problems', bytesOf(Uint32Array.from(this.problems))],
      ['drafts', bytesOf(Uint32Array.from(this.drafts))],
      ['totals', bytesOf(Float64Array.from(this.totals))],
      ['sparseSums', bytesOf(Uint32Array.from(sparseSums))],
      ['meta', Buffer.concat(metaParts, metaLength)],
      ['text', Buffer.concat(textParts, textLength)],
      ['docs', Buffer.concat(docParts, docLength)],
      ['dict', dict.view()],
      ['post', post.view()],
    );
    return layout(n, regions);
  }
}
