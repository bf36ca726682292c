// When segments are merged: the policy that keeps a folder's index a few segments without rewriting more than it must.

import type { Segment } from './reader.js';

/** Merge small segments once there are this many. */
const MAX_SMALL_SEGMENTS = 3;
/** A segment with fewer live documents than this is small. */
const SMALL_SEGMENT = 1000;

export interface SegmentEntry {
  segment: Segment;
  /** Its documents that no longer count (deleted, changed, or gone). */
  deleted: ReadonlySet<number>;
}

/**
 * Which segments to keep as they are. Small segments (recent changes) are merged once a few pile
 * up, since every segment costs each run an open and a read; a big segment that has lost half its
 * documents is rewritten too, since its dead documents' postings cost every query. Rewriting
 * means reading its live articles again, so a small segment that lost half of them is kept until
 * small ones pile up: the 50 articles of one import replaced by the next 50 must not make every
 * run read again the few articles edited earlier that share their segment. A segment with no live
 * document goes, which reads nothing. Every other segment is kept, whatever changed elsewhere.
 */
export function segmentsToKeep(entries: readonly SegmentEntry[]): boolean[] {
  const live = entries.map(({ segment, deleted }) => segment.count - deleted.size);
  const small = live.filter((count) => count > 0 && count < SMALL_SEGMENT).length;
  return entries.map(({ segment }, index) => {
    const count = live[index] as number;
    if (count === 0 && segment.count > 0) return false;
    const halfGone = count * 2 < segment.count && segment.count >= SMALL_SEGMENT;
    return !(halfGone || (small >= MAX_SMALL_SEGMENTS && count < SMALL_SEGMENT));
  });
}

/** The live documents' file names of the segments not kept: they are read again into new segments. */
export function namesToReread(entries: readonly SegmentEntry[], keep: readonly boolean[]): string[] {
  return entries.flatMap(({ segment, deleted }, index) =>
    keep[index] ? [] : segment.names.filter((_, doc) => !deleted.has(doc)),
  );
}
