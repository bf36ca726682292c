// Which attribution a quotation takes: the one right before or after it in its sentence.

import type { Attribution } from './attribution.js';
import type { QuoteSpan } from './spans.js';
import { MAX_GAP } from './vocabulary.js';

/**
 * What may stand between a naming verb and its quotation: in what Abe called “…”, Abe called it
 * “…”, Fair Tap called the findings “…”: a short object, no punctuation.
 */
const NAMING_GAP = /^\s*(?:[^\s\uE000,.;:!?]+\s+){0,4}$/;
/** What may stand between a quotation and the attribution right after it: “…,” Tester said. */
const ATTRIBUTION_GAP = /^[\s,;:—–-]*$/;
/** What may stand between an attribution and the quotation it introduces: Tester shared the rule: “…”. */
const INTRODUCING_GAP = /^(?:[\s,:]*|[^\uE000.!?]*:\s*)$/;
/** The longest object an introducing colon may follow: "shared the team’s rule of thumb:". */
const MAX_INTRODUCTION = 80;

function isGap(frame: string, from: number, to: number, pattern: RegExp, longest = MAX_GAP): boolean {
  return to >= from && to - from <= longest && pattern.test(frame.slice(from, to));
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
  /** Speech and adjacent attributions by start, and by end. */
  bound: { byStart: T[]; byEnd: T[] };
  /** Speech attributions (adjacent ones left out) by start, and by end. */
  loose: { byStart: T[]; byEnd: T[] };
}

function sortedBoth<T extends Attribution>(attributions: readonly T[]): { byStart: T[]; byEnd: T[] } {
  return {
    byStart: [...attributions].sort((a, b) => a.start - b.start),
    byEnd: [...attributions].sort((a, b) => a.end - b.end),
  };
}

export function indexAttributions<T extends Attribution>(attributions: readonly T[]): AttributionIndex<T> {
  const speech = attributions.filter((a) => !a.naming);
  return {
    naming: attributions.filter((a) => a.naming).sort((a, b) => a.end - b.end),
    bound: sortedBoth(speech),
    loose: sortedBoth(speech.filter((a) => !a.adjacent)),
  };
}

/**
 * The attribution a quotation belongs to, from the tightest bond to the loosest:
 *   1. a naming verb right before it: in what Abe called “…” (even if “…,” Kawamura said follows);
 *   2. an attribution right after it: “…,” Kawamura said / “…,” said the newspaper / “…” – Velden;
 *   3. an attribution right before it, or ending in a colon before it: Tester shared the rule: “…”;
 *   4. the nearest speech verb before it in the sentence: Putin told Abe, “…” / Lavrov said Russia wants to “…”;
 *   5. the nearest speech verb after it in the sentence: “…” and the leaders “…,” Kawamura said.
 * Verbs that report speech only next to a quotation (shared, posted) take part in 2 and 3 only.
 */
export function pickAttribution<T extends Attribution>(
  frame: string,
  span: QuoteSpan,
  index: AttributionIndex<T>,
): T | null {
  const naming = index.naming[firstPast(index.naming, (a) => a.end > span.start) - 1];
  if (naming && isGap(frame, naming.end, span.start, NAMING_GAP, MAX_INTRODUCTION)) return naming;
  const after = index.bound.byStart[firstPast(index.bound.byStart, (a) => a.start >= span.end)];
  if (after && isGap(frame, span.end, after.start, ATTRIBUTION_GAP)) return after;
  const before = index.bound.byEnd[firstPast(index.bound.byEnd, (a) => a.end > span.start) - 1];
  if (before && isGap(frame, before.end, span.start, INTRODUCING_GAP, MAX_INTRODUCTION)) return before;
  const looseBefore = index.loose.byEnd[firstPast(index.loose.byEnd, (a) => a.end > span.start) - 1];
  const looseAfter = index.loose.byStart[firstPast(index.loose.byStart, (a) => a.start >= span.end)];
  return looseBefore ?? looseAfter ?? null;
}
