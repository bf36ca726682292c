import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSegments, squeezeSpaces } from '../../../src/library/index/build.js';
import { MemorySource, Segment } from '../../../src/library/index/reader.js';
import { marshFolder, writeArticle } from './support.js';

/** What squeezeSpaces stands for. */
const squeezedByReplace = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('squeezeSpaces', () => {
  it.each([
    ['plain words', 'plain words'],
    ['  ends  ', 'ends'],
    ['two  spaces', 'two spaces'],
    ['a\nline', 'a line'],
    ['tab\there', 'tab here'],
    ['no\u00a0break', 'no break'],
    ['line\u2028separator', 'line separator'],
    [' \u3000 ', ''],
    ['', ''],
  ])('%j → %j', (text, squeezed) => {
    expect(squeezeSpaces(text)).toBe(squeezed);
  });

  it('is the replace and trim it stands for, for any text', () => {
    const whitespace = [' ', ' ', ' ', '  ', '\n', '\t', '\r', '\u000b', '\f', '\u00a0', '\u1680', '\u2000', '\u200a'];
    const spaced = fc
      .array(
        fc.oneof(fc.constantFrom(...whitespace, '\u2028', '\u202f', '\u3000', '\ufeff'), fc.string({ maxLength: 5 })),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), spaced), (text) => {
        expect(squeezeSpaces(text)).toBe(squeezedByReplace(text));
      }),
    );
  });
});

describe('buildSegments', () => {
  it('reads the files it is given by name, in name order, whatever order the names come in', async () => {
    const folder = marshFolder({});
    // Slug order ("a" < "a-b") and name order ("a-b.md" < "a.md") differ: segments hold name order.
    for (const slug of ['b', 'a', 'a-b'])
      writeArticle(folder, slug, { title: `Title ${slug}`, body: `Body of ${slug}.` });
    const segments = await buildSegments(
      { path: folder, origin: '--dir' },
      new Set(['b.md', 'a.md', 'a-b.md']),
      {
        maxBytes: 1 << 20,
      },
      {
        dir: () => undefined,
        keep: ({ bytes }) => new Segment(new MemorySource(bytes as Uint8Array)),
        failed: () => {},
        segmentOf: (segment) => segment,
        fileOf: () => undefined,
      },
    );
    expect(segments).toHaveLength(1);
    const [segment] = segments as [Segment];
    expect(segment.names).toEqual(['a-b.md', 'a.md', 'b.md']);
    expect(segment.problems).toEqual([]);
    expect([0, 1, 2].map((doc) => segment.listingLine(doc).split('\t')[2])).toEqual([
      'Title a-b',
      'Title a',
      'Title b',
    ]);
  });
});
