// The segment format's pieces: tokens as the builder cuts them, checksums in pieces, combining segments.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWordCode } from '../../../src/article/wordchars.js';
import { checksum, StreamingChecksum } from '../../../src/library/index/bytes.js';
import { combineSegments } from '../../../src/library/index/combine.js';
import { BLOCK_KEYS, type DocFields, type DocInput, REGIONS } from '../../../src/library/index/format.js';
import { MemorySource, Segment } from '../../../src/library/index/reader.js';
import { indexTokens } from '../../../src/library/index/tokens.js';
import { MemorySink, SegmentBuilder, UNDECIDED, WORD_CODES } from '../../../src/library/index/writer.js';

describe('the builder’s tokens', () => {
  it('are cut at exactly the characters that are not letters or digits, wherever WORD_CODES decides', () => {
    for (let code = 0; code <= 0xffff; code++) {
      if (UNDECIDED.test(String.fromCharCode(code))) continue;
      const word = code < WORD_CODES.length && WORD_CODES[code] === 1;
      expect({ code, word }).toEqual({ code, word: isWordCode(code) });
    }
  });

  /** Text for fields: any string, graphemes, or words and marks of many scripts, cased and not. */
  const text = fc.oneof(
    fc.string(),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc
      .array(
        fc.constantFrom(
          'Treaty',
          'treaty',
          'TREATY',
          'peace',
          '’s',
          '“',
          '”',
          '—',
          'Ünïcödé',
          'ǅ',
          'İstanbul',
          '日本',
          '5.5%',
          'a'.repeat(14),
          // Pairs whose hashes collide: told apart by their characters.
          'vdrd',
          'mukrjirh',
          'cscyrr',
          'jlumrt',
          ' ',
          '\n',
          '𝔘',
        ),
        { maxLength: 30 },
      )
      .map((parts) => parts.join('')),
  );

  /** Per term, per document: the counts by field and the positions indexTokens gives the same texts. */
  function expectedPostings(docs: DocInput[]): Map<string, Map<number, { tf: number[]; positions: number[] }>> {
    const terms = new Map<string, Map<number, { tf: number[]; positions: number[] }>>();
    docs.forEach((doc, index) => {
      const fields = doc.content?.fields;
      if (!fields) return;
      const texts: [string, number][] = [
        [fields.title, 0],
        ...fields.tags.map((tag): [string, number] => [tag, 1]),
        ...fields.paragraphs.map((paragraph): [string, number] => [paragraph.text, paragraph.heading ? 2 : 3]),
      ];
      let position = 0;
      for (const [value, field] of texts) {
        for (const token of indexTokens(value)) {
          const byDoc = terms.get(token) ?? new Map();
          terms.set(token, byDoc);
          const entry = byDoc.get(index) ?? { tf: [0, 0, 0, 0], positions: [] };
          byDoc.set(index, entry);
          entry.tf[field] = (entry.tf[field] as number) + 1;
          entry.positions.push(position++);
        }
        position += 1;
      }
    });
    return terms;
  }

  it('index the terms, counts and positions of indexTokens, for any text', () => {
    const doc = fc.record({
      title: text,
      tags: fc.array(text, { maxLength: 3 }),
      paragraphs: fc.array(fc.record({ text, heading: fc.boolean() }), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(doc, { minLength: 1, maxLength: 6 }), (fieldsOfDocs) => {
        const docs = fieldsOfDocs.map(fieldsDoc);
        const segment = built(docs);
        const expected = expectedPostings(docs);
        const keys = [...segment.dictionary()].map((entry) => entry.key);
        expect(keys).toEqual([...expected.keys()].sort());
        for (const [key, byDoc] of expected) {
          const postings = segment.postings(key);
          const ids = [...byDoc.keys()];
          expect({ key, docs: [...(postings?.docs ?? [])] }).toEqual({ key, docs: ids });
          expect({ key, tf: [...(postings?.tf ?? [])] }).toEqual({ key, tf: ids.flatMap((id) => byDoc.get(id)?.tf) });
          expect({ key, positions: postings?.positions().map((list) => [...list]) }).toEqual({
            key,
            positions: ids.map((id) => byDoc.get(id)?.positions),
          });
        }
      }),
    );
  });

  it('keeps apart words whose hashes collide', () => {
    const paragraph = 'vdrd mukrjirh cscyrr jlumrt Vdrd';
    const docs = [paragraph, 'jlumrt mukrjirh'].map((text, index) =>
      fieldsDoc({ title: 'T', tags: [], paragraphs: [{ text, heading: false }] }, index),
    );
    const segment = built(docs);
    expect([...segment.dictionary()].map((entry) => entry.key)).toEqual(['cscyrr', 'jlumrt', 'mukrjirh', 't', 'vdrd']);
    expect(
      segment
        .postings('vdrd')
        ?.positions()
        .map((list) => [...list]),
    ).toEqual([[2, 6]]);
    expect([...(segment.postings('jlumrt')?.docs ?? [])]).toEqual([0, 1]);
  });

  it('keeps every term apart among tens of thousands, the hash table growing', () => {
    const words = Array.from({ length: 40_000 }, (_, index) => `w${index.toString(36)}`);
    const docs = Array.from({ length: 8 }, (_, index) => {
      const paragraph = words.slice(index * 5000, index * 5000 + 5000).join(' ');
      return fieldsDoc({ title: 'T', tags: [], paragraphs: [{ text: `${paragraph} w0`, heading: false }] }, index);
    });
    const segment = built(docs);
    expect([...segment.dictionary()].length).toBe(40_001);
    expect([...(segment.postings('w0')?.docs ?? [])]).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect([...(segment.postings(words[39_999] as string)?.docs ?? [])]).toEqual([7]);
  });
});

describe('a checksum taken in pieces', () => {
  it('equals the checksum of the whole, however the bytes are cut', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat(200), { maxLength: 6 }), (bytes, cuts) => {
        const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
        const summed = new StreamingChecksum(bytes.length);
        let from = 0;
        for (const point of [...points, bytes.length]) {
          summed.update(bytes.subarray(from, point));
          from = point;
        }
        expect(summed.digest()).toBe(checksum(bytes));
      }),
    );
  });
});

/** Document `index` made of these fields alone: its metadata their title and tags, no blocks to show. */
function fieldsDoc(fields: DocFields, index: number): DocInput {
  return {
    name: `doc-${index}.md`,
    size: 1,
    mtimeMs: 1,
    sourceSum: 1,
    content: {
      meta: { title: fields.title, tags: [...fields.tags], words: 0 },
      fields,
      document: { blocks: [], breadcrumb: [] },
    },
  };
}

/** A synthetic document, with a plain and a styled paragraph, a heading, tags, and now and then a draft or a problem. */
function syntheticDoc(index: number): DocInput {
  const name = `synthetic-${String(index).padStart(3, '0')}.md`;
  if (index % 11 === 5) return { name, size: 10, mtimeMs: 1000, sourceSum: 0, problem: 'is not a regular file' };
  const words = ['quokka', 'glorbix', 'treaty', 'marsh', 'wuzzle', 'Ünïcödé', 'dune'];
  const body = `The ${words[index % 7]} and the ${words[(index * 3) % 7]} met, ${index} times.`;
  const date =
    index % 7 === 0 ? undefined : `20${String(10 + (index % 9)).padStart(2, '0')}-0${(index % 9) + 1}-1${index % 9}`;
  return {
    name,
    size: 100 + index,
    mtimeMs: 1_000_000 + index,
    sourceSum: index * 7919,
    content: {
      meta: {
        title: `Synthetic report ${words[index % 7]} ${index % 5}`,
        ...(date === undefined ? {} : { date }),
        tags: [words[(index + 1) % 7] as string],
        words: 12 + index,
        ...(index % 6 === 0 ? { draft: true } : {}),
      },
      fields: {
        title: `Synthetic report ${words[index % 7]} ${index % 5}`,
        tags: [words[(index + 1) % 7] as string],
        paragraphs: [
          { text: body, heading: false },
          { text: 'A synthetic heading', heading: true },
          { text: `More ${words[(index + 2) % 7]} here.`, heading: false },
        ],
      },
      document: {
        blocks: [
          0,
          { kind: 'heading', depth: 2, spans: [{ text: 'A synthetic heading', style: 'plain' }] },
          { kind: 'paragraph', spans: [{ text: `More ${words[(index + 2) % 7]} here.`, style: 'strong' }] },
        ],
        breadcrumb: [],
      },
    },
  };
}

function built(docs: readonly DocInput[]): Segment {
  const sink = new MemorySink();
  const builder = new SegmentBuilder(sink);
  for (const doc of docs) builder.add(doc);
  builder.finish();
  return new Segment(new MemorySource(sink.bytes()));
}

function regionBytes(segment: Segment, name: string): Uint8Array {
  return segment.raw(name, 0, segment.region(name)[1]);
}

describe('combining segments', () => {
  it('gives, region by region, the segment a build of all their documents gives', () => {
    const docs = Array.from({ length: 40 }, (_, index) => syntheticDoc(index));
    const whole = built(docs);
    for (const cuts of [[20], [1, 2, 39], [13, 26]]) {
      const pieces: Segment[] = [];
      let from = 0;
      for (const cut of [...cuts, docs.length]) {
        pieces.push(built(docs.slice(from, cut)));
        from = cut;
      }
      const sink = new MemorySink();
      combineSegments(pieces, sink);
      const combined = new Segment(new MemorySource(sink.bytes()));
      expect(combined.count).toBe(whole.count);
      for (const name of REGIONS) {
        expect({ cuts, name, bytes: Buffer.from(regionBytes(combined, name)) }).toEqual({
          cuts,
          name,
          bytes: Buffer.from(regionBytes(whole, name)),
        });
      }
      expect(combined.document(3)).toEqual(whole.document(3));
      expect(combined.postings('treaty')?.docs).toEqual(whole.postings('treaty')?.docs);
    }
  });

  it('reads each input’s dictionary line by line as it was written', () => {
    const segment = built(Array.from({ length: 200 }, (_, index) => syntheticDoc(index)));
    const lines = Buffer.from(regionBytes(segment, 'dict')).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    const read = [...segment.dictionary()].map((entry) =>
      [entry.key, entry.offset, entry.docLength, entry.positionLength, entry.df, entry.sum, entry.last].join('\t'),
    );
    expect(read).toEqual(lines);
    expect(read.length).toBeGreaterThan(BLOCK_KEYS);
  });

  it('refuses segments whose names are not consecutive', () => {
    const docs = Array.from({ length: 6 }, (_, index) => syntheticDoc(index));
    expect(() => combineSegments([built(docs.slice(3)), built(docs.slice(0, 3))], new MemorySink())).toThrow(
      /consecutive/,
    );
  });
});
