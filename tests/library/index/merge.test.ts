import { describe, expect, it } from 'vitest';
import { namesToReread, type SegmentEntry, segmentsToKeep } from '../../../src/library/index/merge.js';
import type { Segment } from '../../../src/library/index/reader.js';

/** A segment of `count` documents named doc-0.md…, of which `gone` (the first ones) no longer count. */
function entry(count: number, gone = 0): SegmentEntry {
  const names = Array.from({ length: count }, (_, doc) => `doc-${doc}.md`);
  return {
    segment: { count, names } as unknown as Segment,
    deleted: new Set(Array.from({ length: gone }, (_, doc) => doc)),
  };
}

describe('segmentsToKeep', () => {
  it.each<[string, SegmentEntry[], boolean[]]>([
    ['a big segment, untouched', [entry(10_000)], [true]],
    ['a big segment with a few documents gone', [entry(10_000, 8)], [true]],
    ['a big segment with half its documents gone', [entry(10_000, 5001)], [false]],
    ['a small segment with half its documents gone', [entry(10_000, 8), entry(58, 50)], [true, true]],
    ['a segment with every document gone', [entry(10_000), entry(50, 50)], [true, false]],
    ['an empty segment, as an empty folder gives', [entry(0)], [true]],
    ['two small segments', [entry(10_000), entry(8), entry(50)], [true, true, true]],
    ['three small segments', [entry(10_000), entry(8), entry(50), entry(3)], [true, false, false, false]],
    [
      'two small segments and one with every document gone',
      [entry(10_000), entry(58, 50), entry(50, 50), entry(50)],
      [true, true, false, true],
    ],
  ])('%s', (_, entries, keep) => {
    expect(segmentsToKeep(entries)).toEqual(keep);
  });

  it('reads nothing again when 50 imported articles replace the 50 before them', () => {
    // Eight articles edited earlier share the last import's segment; the next import deletes its 50.
    const entries = [entry(10_000, 8), entry(58, 50)];
    expect(namesToReread(entries, segmentsToKeep(entries))).toEqual([]);
    // Once small segments pile up, they are merged: their live documents are read again, once.
    const piled = [entry(10_000, 8), entry(58, 50), entry(50), entry(50, 10)];
    expect(namesToReread(piled, segmentsToKeep(piled))).toHaveLength(8 + 50 + 40);
  });
});
