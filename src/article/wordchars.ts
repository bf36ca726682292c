// Letters and digits (\p{L} and \p{N}): what words are made of, for the index's tokens and the
// query language's word boundaries, answered in code.
//
// A regex with a Unicode property class costs V8 0.1–0.3 ms to parse and compile in every process
// that uses one, about as much as the rest of a search of the bundled articles; splitting on one
// is also slower than this loop. ASCII, Latin-1, Latin Extended-A/B and General Punctuation (curly
// quotes, dashes) are decided here; other characters compile the class once, on first sight. A
// test checks every code point against the class.

let letterOrDigit: RegExp | undefined;

/** Whether the code point is a letter or a digit: in \p{L} or \p{N}. */
export function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  // Latin-1 letters and Latin Extended-A and -B, less × and ÷.
  if (code >= 0xc0 && code <= 0x24f) return code !== 0xd7 && code !== 0xf7;
  // General Punctuation: spaces, dashes, quotes, bullets; no letter or digit.
  if (code >= 0x2000 && code <= 0x206f) return false;
  letterOrDigit ??= /^[\p{L}\p{N}]$/u;
  return letterOrDigit.test(String.fromCodePoint(code));
}

/** The code point that ends just before `at`, a surrogate pair read whole. */
function codeBefore(text: string, at: number): number {
  const code = text.charCodeAt(at - 1);
  if (code >= 0xdc00 && code <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (code - 0xdc00) + 0x10000;
  }
  return code;
}

/** Whether a letter or digit ends `text` just before `at`. */
export function wordCharBefore(text: string, at: number): boolean {
  return at > 0 && isWordCode(codeBefore(text, at));
}

/** Whether a letter or digit starts at `at`. */
export function wordCharAt(text: string, at: number): boolean {
  return at < text.length && isWordCode(text.codePointAt(at) ?? 0);
}

/** Whether the code point is white space, as \s has it. */
export function isSpaceCode(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether `text` has a character that is neither a letter, a digit nor white space. */
export function hasSymbol(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (!isWordCode(code) && !isSpaceCode(code)) return true;
  }
  return false;
}

/** The runs of letters and digits in `text`, in order. */
export function wordRuns(text: string): string[] {
  const runs: string[] = [];
  let start = -1;
  for (let at = 0; at < text.length; at++) {
    const code = text.codePointAt(at) ?? 0;
    if (isWordCode(code)) {
      if (start < 0) start = at;
    } else if (start >= 0) {
      runs.push(text.slice(start, at));
      start = -1;
    }
    if (code > 0xffff) at++;
  }
  if (start >= 0) runs.push(text.slice(start));
  return runs;
}

/** What joins two runs of letters or digits into one word a reader counts: don't, 3.5, well-known, 19,000. */
function isWordJoiner(code: number): boolean {
  return code === 0x27 || code === 0x2019 || code === 0x2e || code === 0x2c || code === 0x2d;
}

/**
 * How many words a reader counts in `text`: runs of letters or digits, a run joined to the next by
 * one apostrophe, full stop, comma or hyphen counting once ("it’s", "19,000", "well-known"). The
 * same count as matching /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*​/gu (tests compare them), in one
 * pass without a string per word: indexing ten thousand articles counts every one.
 */
export function countWords(text: string): number {
  let count = 0;
  let at = 0;
  const length = text.length;
  while (at < length) {
    const code = text.codePointAt(at) as number;
    if (!isWordCode(code)) {
      at += code > 0xffff ? 2 : 1;
      continue;
    }
    count += 1;
    // Through the word: runs of word characters, and a joiner only when a word character follows it.
    for (;;) {
      const inner = text.codePointAt(at);
      if (inner !== undefined && isWordCode(inner)) {
        at += inner > 0xffff ? 2 : 1;
        continue;
      }
      if (inner !== undefined && isWordJoiner(inner) && isWordCode(text.codePointAt(at + 1) ?? 0)) {
        at += 1;
        continue;
      }
      break;
    }
  }
  return count;
}
