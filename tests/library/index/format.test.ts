// The segment format's pieces: tokens as the builder cuts them, checksums in pieces, combining segments.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWordCode } from '../../../src/article/wordchars.js';
import { checksum, StreamingChecksum } from '../../../src/library/index/bytes.js';
import { combineSegments } from '../../../src/library/index/combine.js';
import { type DocInput, REGIONS } from '../../../src/library/index/format.js';
import { MemorySource, Segment } from '../../../src/library/index/reader.js';
import { indexTokens } from '../../../src/library/index/tokens.js';
import { fieldTokens, MemorySink, SEPARATORS, SegmentBuilder, UNDECIDED } from '../../../src/library/index/writer.js';

describe('the builder’s tokens', () => {
  it('split on exactly the characters that are not letters or digits, wherever SEPARATORS decides', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (UNDECIDED.test(char)) continue;
      expect({ code, separates: SEPARATORS.test(char) }).toEqual({ code, separates: !isWordCode(code) });
    }
  });

  it('are indexTokens of the same text, for any text', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: 'grapheme' }),
      fc
        .array(fc.constantFrom('Treaty', 'peace', '’s', '“', '”', '—', 'Ünïcödé', 'ǅ', '日本', '5.5%', ' ', '\n', '𝔘'))
        .map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(text, (value) => {
        const lower = value.toLowerCase();
        expect(fieldTokens(lower).filter((token) => token !== '')).toEqual(indexTokens(value));
      }),
    );
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

  it('refuses segments whose names are not consecutive', () => {
    const docs = Array.from({ length: 6 }, (_, index) => syntheticDoc(index));
    expect(() => combineSegments([built(docs.slice(3)), built(docs.slice(0, 3))], new MemorySink())).toThrow(
      /consecutive/,
    );
  });
});
