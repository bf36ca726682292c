// Which attribution a quotation takes: the one right before or after it in its sentence.

import type { Attribution } from './attribution.js';
import type { QuoteSpan } from './spans.js';
import { MAX_GAP } from './vocabulary.js';

/** What may stand between a naming verb and its quotation: in what Abe called it “…”. */
const NAMING_GAP = /^\s*(?:(?:it|them|this|that|him|her)\s+)?$/;
/** What may stand between a quotation and the attribution right after it: “…,” Tester said. */
const ATTRIBUTION_GAP = /^[\s,;:—–-]*$/;

function isGap(frame: string, from: number, to: number, pattern: RegExp): boolean {
  return to >= from && to - from <= MAX_GAP && pattern.test(frame.slice(from, to));
}

/** The index of the first item `isPast` holds for, in a list where it holds for a suffix. */
function firstPast<T>(items: readonly T[], isPast: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isPast(items[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** A sentence's attributions, sorted for binary search, so long sentences stay cheap. */
interface AttributionIndex<T extends Attribution> {
  /** Naming attributions by end. */
  naming: T[];
  /** Speech attributions by start, and by end. */
  byStart: T[];
  byEnd: T[];
}

export function indexAttributions<T extends Attribution>(attributions: readonly T[]): AttributionIndex<T> {
  const speech = attributions.filter((a) => !a.naming);
  return {
    naming: attributions.filter((a) => a.naming).sort((a, b) => a.end - b.end),
    byStart: [...speech].sort((a, b) => a.start - b.start),
    byEnd: [...speech].sort((a, b) => a.end - b.end),
  };
}

/**
 * The attribution a quotation belongs to, from the tightest bond to the loosest:
 *   1. a naming verb right before it: in what Abe called “…” (even if “…,” Kawamura said follows);
 *   2. an attribution right after it: “…,” Kawamura said / “…,” said the newspaper;
 *   3. the nearest before it in the sentence: Putin told Abe, “…” / Lavrov said Russia wants to “…”;
 *   4. the nearest after it in the sentence: “…” and the leaders “…,” Kawamura said.
 */
export function pickAttribution<T extends Attribution>(
  frame: string,
  span: QuoteSpan,
  index: AttributionIndex<T>,
): T | null {
  const naming = index.naming[firstPast(index.naming, (a) => a.end > span.start) - 1];
  if (naming && isGap(frame, naming.end, span.start, NAMING_GAP)) return naming;
  const after = index.byStart[firstPast(index.byStart, (a) => a.start >= span.end)];
  if (after && isGap(frame, span.end, after.start, ATTRIBUTION_GAP)) return after;
  const before = index.byEnd[firstPast(index.byEnd, (a) => a.end > span.start) - 1];
  return before ?? after ?? null;
}
