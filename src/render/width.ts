// Terminal cell widths: a fast path for the narrow characters news text is made of, string-width for the rest.
//
// string-width is exact but its emoji regex costs 70–120 ms the first time any non-ASCII text
// (a curly quote, a dash) reaches it on Node 20. Latin, Greek and Cyrillic letters and the
// General Punctuation block are always one cell, so text made only of them is measured by its
// length; anything else goes to `exact` when the command loaded string-width, or to a
// conservative estimate that can only over-count, so a line never overflows.

export interface TextMetrics {
  /** Terminal cells `text` takes. */
  cells(text: string): number;
}

const NARROW =
  /^[\u0020-\u007e\u00a0-\u00ac\u00ae-\u02ff\u0370-\u0482\u048a-\u052f\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]*$/;
/** Combining marks and zero-width characters; made on first use, as a Unicode class costs every start ~0.1 ms. */
let zeroWidth: RegExp | undefined;

/** True when every character of `text` is a one-cell character of the fast path. */
export function isNarrowText(text: string): boolean {
  return NARROW.test(text);
}

/** Never less than string-width: wide or unknown characters count 2, VS16 (emoji presentation) adds 1. */
function estimateCells(text: string): number {
  zeroWidth ??= /[\p{Mn}\p{Me}\u200b-\u200d\u2060]/u;
  let cells = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0xfe0f) cells += 1;
    else if (zeroWidth.test(char)) cells += 0;
    else cells += code < 0x1100 ? 1 : 2;
  }
  return cells;
}

/** Metrics for text; pass string-width as `exact` when the text has anything beyond the fast path. */
export function createMetrics(exact?: (text: string) => number): TextMetrics {
  const slow = exact ?? estimateCells;
  return { cells: (text) => (NARROW.test(text) ? text.length : slow(text)) };
}

/** Metrics good enough for `texts`: exact widths are loaded only when some text needs them. */
export async function loadMetrics(texts: Iterable<string>): Promise<TextMetrics> {
  for (const text of texts) {
    if (!NARROW.test(text)) {
      const { default: stringWidth } = await import('string-width');
      return createMetrics(stringWidth);
    }
  }
  return createMetrics();
}

/** The user-perceived characters of `text`, so that cutting a line never splits an emoji or an accent. */
export function splitGraphemes(text: string): string[] {
  // Fast-path characters are single code units that never combine; only other text needs a segmenter.
  if (NARROW.test(text)) return text.split('');
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}
