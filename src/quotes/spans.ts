// Quote marks: where each quotation starts and ends in a paragraph, and the paragraph with them masked.

import { MASK } from './vocabulary.js';

export interface QuoteSpan {
  /** Index of the opening mark. */
  start: number;
  /** Index just past the closing mark; the paragraph's end when the quote runs on. */
  end: number;
  text: string;
  closed: boolean;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/**
 * The next closing double quote of either kind after a point, for points that only move forward:
 * each kind's next position is searched again only once passed, so a paragraph of many curly
 * quotes and no straight one is read once, not once per quote.
 */
class Closers {
  private curly = -2;
  private straight = -2;

  constructor(private readonly text: string) {}

  after(start: number): number {
    if (this.curly !== -1 && this.curly <= start) this.curly = this.text.indexOf('”', start + 1);
    if (this.straight !== -1 && this.straight <= start) this.straight = this.text.indexOf('"', start + 1);
    if (this.curly === -1) return this.straight;
    return this.straight === -1 ? this.curly : Math.min(this.curly, this.straight);
  }
}

/**
 * A double quote, curly or straight. Left unclosed, it runs to the paragraph's end. Real copy
 * mixes the two kinds (“…" or "…”), so the first closing mark of either kind closes it; a
 * straight quote nested in a curly one ("…" inside “…”) is rarer than the mix.
 */
function readDoubleQuote(text: string, start: number, closers: Closers): QuoteSpan {
  const close = closers.after(start);
  if (close === -1) return { start, end: text.length, text: text.slice(start + 1).trimEnd(), closed: false };
  return { start, end: close + 1, text: text.slice(start + 1, close), closed: true };
}

/** ’ closes a single quote when it ends a word: ’ between two letters is an apostrophe (Russia’s). */
function isClosingSingleQuote(text: string, i: number): boolean {
  return text[i] === '’' && !isWordChar(text[i + 1]) && !/\s/.test(text[i - 1] ?? ' ');
}

/** Index of the last ’ that can close a single quote, or -1; lets unpaired ‘ fail without a scan. */
function findLastSingleCloser(text: string): number {
  for (let i = text.lastIndexOf('’'); i >= 0; i = text.lastIndexOf('’', i - 1)) {
    if (isClosingSingleQuote(text, i)) return i;
  }
  return -1;
}

/**
 * A curly single quote, or null when it does not pair up before the next ‘ (single quotes do not
 * nest, so “the ‘90s … a ‘reset’” pairs only the second). Straight single quotes are not read at
 * all: in plain text they are far more often apostrophes (Japan's, leaders') than quote marks.
 */
function readSingleQuote(text: string, start: number, lastCloser: number): QuoteSpan | null {
  if (isWordChar(text[start - 1]) || lastCloser < start + 2) return null;
  let close = start + 2;
  while (!isClosingSingleQuote(text, close)) {
    if (text[close] === '‘') return null;
    close += 1;
  }
  return { start, end: close + 1, text: text.slice(start + 1, close), closed: true };
}

/**
 * The top-level quoted stretches of a paragraph. A quote inside a quote belongs to the outer one.
 * A double quote left open runs to the paragraph's end: news style leaves the closing mark off
 * when a quotation continues into the next paragraph.
 */
export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const lastCloser = findLastSingleCloser(text);
  const closers = new Closers(text);
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const span =
      char === '“' || char === '"'
        ? readDoubleQuote(text, i, closers)
        : char === '‘'
          ? readSingleQuote(text, i, lastCloser)
          : null;
    if (span) {
      spans.push(span);
      i = span.end;
    } else {
      i += 1;
    }
  }
  return spans;
}

/** The paragraph with every quotation, marks included, overwritten by MASK; offsets are unchanged. */
export function maskQuotes(text: string, spans: readonly QuoteSpan[]): string {
  let frame = '';
  let at = 0;
  for (const span of spans) {
    frame += text.slice(at, span.start) + MASK.repeat(span.end - span.start);
    at = span.end;
  }
  return frame + text.slice(at);
}
