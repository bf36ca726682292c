// Terminal cell widths: a fast path for the narrow characters news text is made of, string-width for the rest.
//
// string-width is exact but its emoji regex costs 70–120 ms the first time any non-ASCII text
// reaches it on Node 20. So there are three paths:
//   1. Latin, Greek and Cyrillic letters and the General Punctuation block are always one cell:
//      text made only of them is measured by its length.
//   2. Text in which every character stands alone (no combining mark, joiner, variation selector,
//      flag or skin-tone half, Hangul jamo: nothing that builds a cluster of several code points)
//      is measured code point by code point, with the East Asian Width table string-width itself
//      uses and the Emoji_Presentation property: CJK, symbols, arrows and single emoji, exactly
//      as string-width measures them (tests compare every code point), without its emoji regex.
//   3. Anything else goes to string-width, when the command loaded it, or to a conservative
//      estimate that can only over-count, so a line never overflows.

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

/** Characters that make a cluster of several code points; made on first use, like every Unicode class here. */
let joining: RegExp | undefined;
/** Characters string-width counts as no cell at all. */
let invisible: RegExp | undefined;
let presentation: RegExp | undefined;

/**
 * Whether `text` has a character that joins others into one cluster: a mark, ZWJ or ZWNJ, a
 * variation selector, a keycap, a regional indicator, a skin tone, a tag, Hangul jamo, a prepended
 * character (Arabic number signs, Indic repha), and the few letters that join without being
 * marks: Thai and Lao AM (U+0E33, U+0EB3) extend the cluster before them, and Kirat Rai vowel
 * signs join each other. Text without any is one cluster per code point.
 */
export function hasClusters(text: string): boolean {
  joining ??=
    // biome-ignore lint/suspicious/noMisleadingCharacterClass: joiners and marks are wanted one by one here, never as a sequence.
    /[\u200d\p{M}\u200c\ufe00-\ufe0f\u20e3\u{1f1e6}-\u{1f1ff}\u{1f3fb}-\u{1f3ff}\u{e0000}-\u{e007f}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\uff9e\uff9f\u0600-\u0605\u06dd\u070f\u0890\u0891\u08e2\u0d4e\u{110bd}\u{110cd}\u{111c2}\u{111c3}\u{113d1}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{11f02}\u0e33\u0eb3\u{16d63}\u{16d67}-\u{16d6a}]/u;
  return joining.test(text);
}

/** Cells of text made of clusters of one code point each: invisible 0, emoji presentation 2, else East Asian Width. */
function codePointCells(eastAsianWidth: (codePoint: number) => number): (text: string) => number {
  invisible ??= /[\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Cs}]/u;
  presentation ??= /\p{Emoji_Presentation}/u;
  const rest = invisible;
  const emoji = presentation;
  return (text) => {
    if (hasClusters(text)) return estimateCells(text);
    let cells = 0;
    for (const char of text) {
      if (rest.test(char)) continue;
      cells += emoji.test(char) ? 2 : eastAsianWidth(char.codePointAt(0) as number);
    }
    return cells;
  };
}

/**
 * Metrics good enough for `texts`: string-width is loaded only when some text has clusters of
 * several code points, the East Asian Width table only when some text goes beyond the narrow path.
 */
export async function loadMetrics(texts: Iterable<string>): Promise<TextMetrics> {
  let wide = false;
  for (const text of texts) {
    if (NARROW.test(text)) continue;
    if (hasClusters(text)) {
      const { default: stringWidth } = await import('string-width');
      return createMetrics(stringWidth);
    }
    wide = true;
  }
  if (!wide) return createMetrics();
  const { eastAsianWidth } = await import('get-east-asian-width');
  return createMetrics(codePointCells((codePoint) => eastAsianWidth(codePoint)));
}

/** The user-perceived characters of `text`, so that cutting a line never splits an emoji or an accent. */
export function splitGraphemes(text: string): string[] {
  // Fast-path characters are single code units that never combine; only other text needs a segmenter.
  if (NARROW.test(text)) return text.split('');
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (segment) => segment.segment);
}
