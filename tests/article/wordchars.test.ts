// The word-character code against the Unicode classes it stands for, over every code point.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  countWords,
  hasSymbol,
  isWordCode,
  wordCharAt,
  wordCharBefore,
  wordRuns,
} from '../../src/article/wordchars.js';
import { indexTokens } from '../../src/library/index/tokens.js';

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const SYMBOL = /[^\p{L}\p{N}\s]/u;
const LAST_CODE_POINT = 0x10ffff;

/** Text with ASCII, accents, curly quotes and dashes, other scripts, astral letters and lone surrogates. */
const mixedText = fc.string({
  unit: fc.oneof(
    fc.constantFrom('a', 'Z', '7', ' ', '\t', '.', "'", '’', '“', '–', 'é', 'İ', '×', 'ª', '²', '日', '١', '\u00a0'),
    fc.constantFrom('\u{1d400}', '\u{1f600}', '\ud800', '\udc00', '\u0301', '\u3000', '\ufeff'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

describe('isWordCode', () => {
  it('agrees with [\\p{L}\\p{N}] on every code point', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= LAST_CODE_POINT; code++) {
      if (isWordCode(code) !== LETTER_OR_DIGIT.test(String.fromCodePoint(code))) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});

describe('hasSymbol', () => {
  it('agrees with [^\\p{L}\\p{N}\\s] on every code point', () => {
    const wrong: string[] = [];
    for (let code = 0; code <= LAST_CODE_POINT; code++) {
      const char = String.fromCodePoint(code);
      if (hasSymbol(char) !== SYMBOL.test(char)) wrong.push(code.toString(16));
    }
    expect(wrong).toEqual([]);
  });
});

describe('word runs and boundaries', () => {
  it('cut text where a split on [^\\p{L}\\p{N}]+ does, lower-cased tokens included', () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        const split = text.split(/[^\p{L}\p{N}]+/u).filter((run) => run !== '');
        expect(wordRuns(text)).toEqual(split);
        expect(indexTokens(text)).toEqual(
          text
            .toLowerCase()
            .split(/[^\p{L}\p{N}]+/u)
            .filter((run) => run !== ''),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('see a letter or digit before and at a position as the regex boundaries do', () => {
    fc.assert(
      fc.property(mixedText, fc.nat(), (text, seed) => {
        const at = text.length === 0 ? 0 : seed % (text.length + 1);
        expect(wordCharBefore(text, at)).toBe(at > 0 && /[\p{L}\p{N}]$/u.test(text.slice(Math.max(0, at - 2), at)));
        expect(wordCharAt(text, at)).toBe(at < text.length && /^[\p{L}\p{N}]/u.test(text.slice(at, at + 2)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('countWords', () => {
  const WORDS = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu;
  const piece = fc.oneof(
    fc.constantFrom(
      "'",
      '’',
      '.',
      ',',
      '-',
      ' ',
      '\n',
      '*',
      '#',
      '—',
      '–',
      '😀',
      '👍🏽',
      '日本',
      'é',
      'e\u0301',
      '٣',
      'ß',
    ),
    fc.stringMatching(/^[a-zA-Z0-9]{1,5}$/),
    fc.string({ unit: 'binary', maxLength: 3 }),
  );

  it('counts what the regular expression it replaces matches, for any text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(countWords(text)).toBe(text.match(WORDS)?.length ?? 0);
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['## – Lingering tensions –\n\n“It’s **19,000** people,” he said.', 7],
    ["well-known, 3.5 and don't", 4],
    ['', 0],
    ['- - -', 0],
  ])('counts %j as %i', (text, words) => {
    expect(countWords(text)).toBe(words);
  });
});
