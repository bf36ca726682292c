// Types of scripts/metric.js, the extraction benchmark's metric, for the tests that check it.

export interface ShingleCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores {
  f1: number;
  precision: number;
  recall: number;
}

export function shingles(text: string): Map<string, number>;
export function matchShingles(truth: string, predicted: string): ShingleCounts;
export function precisionOf(page: ShingleCounts): number;
export function recallOf(page: ShingleCounts): number;
export function scorePages(pages: ShingleCounts[]): Scores;
export function pageF1(page: ShingleCounts): number;
