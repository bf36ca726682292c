import { parseBodyNow } from '../helpers.js';
// Precision and recall of quotation extraction and attribution against hand-made answers.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../../src/article/model.js';
import { parseArticle } from '../../src/article/parse.js';

/** One answer: a speaker (or the acceptable speakers, null among them when the text leaves it open). */
export interface ExpectedQuotation {
  speaker: string | null | (string | null)[];
  quote: string;
  /** A saying a reader could count either way: finding it is neither required nor an error. */
  optional?: boolean;
}

export interface FoundQuotation {
  speaker: string | null;
  quote: string;
}

export interface Tally {
  /** Quotations found that are in the answers (optional ones left out). */
  found: number;
  /** Quotations found that are not in the answers. */
  extra: number;
  /** Answers not found. */
  missed: number;
  /** Quotations found with a speaker, and how many of those speakers are right. */
  attributed: number;
  rightSpeaker: number;
  /** Answers with a definite speaker, and how many of them were found with it. */
  definite: number;
  definiteRight: number;
  /** What went wrong, one line each, for a failing assertion's message. */
  problems: string[];
}

export interface Scores {
  extractionPrecision: number;
  extractionRecall: number;
  attributionPrecision: number;
  attributionRecall: number;
}

/**
 * Quotations are compared by their words: a trailing comma, semicolon or colon, and runs of
 * white space, are left out, so the score is about finding the span, not about its punctuation.
 */
export function normalizeQuote(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\s,;:]+$/, '');
}

function acceptable(expected: ExpectedQuotation): (string | null)[] {
  return Array.isArray(expected.speaker) ? expected.speaker : [expected.speaker];
}

export function emptyTally(): Tally {
  return { found: 0, extra: 0, missed: 0, attributed: 0, rightSpeaker: 0, definite: 0, definiteRight: 0, problems: [] };
}

/** Adds one article's comparison to the tally. Each answer matches at most one quotation found. */
export function tallyArticle(
  tally: Tally,
  name: string,
  expected: readonly ExpectedQuotation[],
  found: readonly FoundQuotation[],
): void {
  const open = new Map<string, ExpectedQuotation[]>();
  for (const answer of expected) {
    const key = normalizeQuote(answer.quote);
    open.set(key, [...(open.get(key) ?? []), answer]);
  }
  for (const quotation of found) {
    const answer = open.get(normalizeQuote(quotation.quote))?.shift();
    if (quotation.speaker !== null) tally.attributed += 1;
    if (!answer) {
      tally.extra += 1;
      tally.problems.push(`${name}: not a quotation: ${quotation.speaker ?? '?'}: “${quotation.quote}”`);
      continue;
    }
    const speakers = acceptable(answer);
    const right = speakers.includes(quotation.speaker);
    if (quotation.speaker !== null && right) tally.rightSpeaker += 1;
    if (!speakers.includes(null)) {
      if (right) tally.definiteRight += 1;
    }
    if (!right) {
      tally.problems.push(
        `${name}: speaker ${quotation.speaker ?? 'null'}, expected ${speakers.join(' or ')}: “${quotation.quote}”`,
      );
    }
    if (!answer.optional) tally.found += 1;
  }
  for (const answer of expected) {
    if (!answer.optional && !acceptable(answer).includes(null)) tally.definite += 1;
  }
  for (const left of open.values()) {
    for (const answer of left) {
      if (answer.optional) continue;
      tally.missed += 1;
      tally.problems.push(`${name}: missed: “${answer.quote}”`);
    }
  }
}

export function scoreTally(tally: Tally): Scores {
  const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);
  return {
    extractionPrecision: ratio(tally.found, tally.found + tally.extra),
    extractionRecall: ratio(tally.found, tally.found + tally.missed),
    attributionPrecision: ratio(tally.rightSpeaker, tally.attributed),
    attributionRecall: ratio(tally.definiteRight, tally.definite),
  };
}

/** The measurement set: each synthetic article's blocks and its answers. */
export function loadMeasureSet(folder: string): { name: string; blocks: Block[]; expected: ExpectedQuotation[] }[] {
  const answers = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<
    string,
    ExpectedQuotation[]
  >;
  return readdirSync(folder)
    .filter((file) => file.endsWith('.md'))
    .sort()
    .map((file) => {
      const name = file.slice(0, -'.md'.length);
      const path = join(folder, file);
      const expected = answers[name];
      if (!expected) throw new Error(`no answers for ${name} in expected.json`);
      return { name, blocks: parseBodyNow(parseArticle(readFileSync(path, 'utf8'), name, path, {}).body), expected };
    });
}
