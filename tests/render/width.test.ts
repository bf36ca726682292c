import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { createMetrics, hasClusters, isNarrowText, loadMetrics } from '../../src/render/width.js';
import { wrapPieces, wrapStyled } from '../../src/render/wrap.js';
import { exactMetrics } from '../helpers.js';

const estimate = createMetrics();

describe('text metrics', () => {
  it.each([
    ['plain ASCII', 'Hello, world', 12],
    ['curly quotes and dashes', '“Abe’s – visit…”', 16],
    ['Cyrillic and Greek', 'Путин και', 9],
    ['CJK', '日本語', 6],
    ['emoji', '🎉', 2],
    ['combining accent', 'e\u0301', 1],
    ['keycap', '1\ufe0f\u20e3', 2],
  ])('measure %s like string-width', (_what, text, cells) => {
    expect(exactMetrics.cells(text)).toBe(cells);
    expect(stringWidth(text)).toBe(cells);
  });

  it('take the fast path exactly where every character is one cell', () => {
    for (let code = 0x20; code < 0x3000; code += 1) {
      const char = String.fromCodePoint(code);
      if (isNarrowText(char)) expect(stringWidth(char), code.toString(16)).toBe(1);
    }
  });

  it('estimate widths without string-width that never count less than it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        expect(estimate.cells(text)).toBeGreaterThanOrEqual(stringWidth(text));
      }),
      { numRuns: 500 },
    );
  });

  it('load string-width only for text beyond the fast path', async () => {
    expect((await loadMetrics(['“Plain” text – Latin'])).cells('日本')).toBe(4);
    expect((await loadMetrics(['日本'])).cells('1\ufe0f\u20e3')).toBe(2);
  });
});

describe('wrapping', () => {
  it('breaks at spaces and never splits an escape code', () => {
    const red = (text: string) => `\u001b[31m${text}\u001b[39m`;
    const lines = wrapPieces([{ text: 'aaa bbb ccc', key: 'red', style: red }], 7, exactMetrics);
    expect(lines.map((line) => line.text)).toEqual([red('aaa bbb'), red('ccc')]);
  });

  it('puts an overlong word on its own lines and runs CJK on from the line', () => {
    expect(wrapStyled('see https://example.test/a/very/long/path', 12, exactMetrics).map((line) => line.text)).toEqual([
      'see',
      'https://exam',
      'ple.test/a/v',
      'ery/long/pat',
      'h',
    ]);
    expect(wrapStyled('Text: 日本語のテキスト', 12, exactMetrics).map((line) => line.text)).toEqual([
      'Text: 日本語',
      'のテキスト',
    ]);
  });

  it('keeps a word that must stay whole on a line of its own, however wide', () => {
    const url = 'https://example.test/a/very/long/path/that/goes/on';
    const pieces = [
      { text: 'see ', key: 'plain', style: (text: string) => text },
      { text: url, key: 'link', style: (text: string) => text, whole: true },
      { text: ' now', key: 'plain', style: (text: string) => text },
    ];
    expect(wrapPieces(pieces, 12, exactMetrics).map((line) => line.text)).toEqual(['see', url, 'now']);
  });

  it('keeps hard breaks and drops spaces at line ends', () => {
    expect(wrapStyled('one  two\nthree   ', 20, exactMetrics).map((line) => line.text)).toEqual(['one two', 'three']);
  });

  /** Greedy wrapping the plain way: lines at newlines, words at spaces, a word wider than a line cut to fit. */
  function referenceWrap(text: string, width: number): string[] {
    const lines: string[] = [];
    for (const hard of text.split('\n')) {
      let line = '';
      for (const word of hard.split(' ').filter(Boolean)) {
        if (line === '' && word.length <= width) line = word;
        else if (line !== '' && line.length + 1 + word.length <= width) line += ` ${word}`;
        else if (word.length <= width) {
          lines.push(line);
          line = word;
        } else {
          if (line !== '') lines.push(line);
          for (line = word; line.length > width; line = line.slice(width)) lines.push(line.slice(0, width));
        }
      }
      lines.push(line);
    }
    // Text that ends in a newline ends there: no empty line after it.
    if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
    return lines;
  }

  it('wraps pieces as the plain greedy way wraps their text: words across pieces, runs of spaces, newlines', () => {
    const chunk = fc.constantFrom('ab', 'c', 'defg', ' ', '  ', '\n', 'hi j', ' k\nl ');
    const pieces = fc.array(
      fc.array(chunk, { minLength: 1, maxLength: 6 }).map((parts) => parts.join('')),
      {
        minLength: 1,
        maxLength: 6,
      },
    );
    fc.assert(
      fc.property(pieces, fc.integer({ min: 4, max: 12 }), (texts, width) => {
        const styled = texts.map((text, index) => ({ text, key: `k${index % 2}`, style: (part: string) => part }));
        const lines = wrapPieces(styled, width, exactMetrics).map((line) => line.text);
        expect(lines).toEqual(referenceWrap(texts.join(''), width));
      }),
      { numRuns: 500 },
    );
  });
});

describe('widths without string-width, for text whose every code point is a cluster of its own', () => {
  it('equal string-width for every such code point of planes 0, 1, 2 and 14', async () => {
    const wide = await loadMetrics(['日本']);
    const differ: string[] = [];
    const planes: [number, number][] = [
      [0x20, 0x2ffff],
      [0xe0000, 0xe01ef],
    ];
    for (const [from, to] of planes) {
      for (let code = from; code <= to; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue;
        const char = String.fromCodePoint(code);
        if (hasClusters(char) || code === 0x7f) continue;
        if (wide.cells(char) !== stringWidth(char)) differ.push(code.toString(16));
      }
    }
    expect(differ).toEqual([]);
  });

  it('leave out no code point that joins a letter or itself into one cluster', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const clusters = (text: string) => [...segmenter.segment(text)].length;
    const joins: string[] = [];
    const planes: [number, number][] = [
      [0x20, 0x2ffff],
      [0xe0000, 0xe01ef],
    ];
    for (const [from, to] of planes) {
      for (let code = from; code <= to; code++) {
        if ((code >= 0xd800 && code <= 0xdfff) || code === 0x7f) continue;
        const char = String.fromCodePoint(code);
        if (hasClusters(char)) continue;
        // Four clusters unless it joins the letter before it, the one after it, or itself.
        if (clusters(`a${char}${char}a`) !== 4) joins.push(code.toString(16));
      }
    }
    expect(joins).toEqual([]);
  });

  it.each([
    ['Thai AM after a letter', 'ทำ'],
    ['Lao AM after a space', ' ຳ'],
    ['Malayalam repha before a letter', 'ൎക'],
    ['a Sharada prefix before a space', '𑇂 '],
    ['a Soyombo prefix before a space', '𑪄 '],
    ['Kirat Rai vowel signs together', '\u{16d63}\u{16d67}'],
  ])('find the cluster of %s, and measure it as string-width does', async (_what, text) => {
    expect(hasClusters(text)).toBe(true);
    expect((await loadMetrics([text])).cells(text)).toBe(stringWidth(text));
  });

  it('equal string-width for strings of them, and load string-width only for text with clusters', async () => {
    const wide = await loadMetrics(['日本 ★ →']);
    const char = fc
      .integer({ min: 0x20, max: 0x2ffff })
      .filter((code) => code !== 0x7f && (code < 0xd800 || code > 0xdfff))
      .map((code) => String.fromCodePoint(code))
      .filter((one) => !hasClusters(one));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 20 }), (chars) => {
        const text = chars.join('');
        expect(wide.cells(text)).toBe(stringWidth(text));
      }),
      { numRuns: 300 },
    );
    for (const clustered of ['e\u0301', '👍🏽', '🇯🇵', '1\ufe0f\u20e3', '한'.normalize('NFD')]) {
      expect(hasClusters(clustered), clustered).toBe(true);
      expect((await loadMetrics([clustered])).cells(clustered)).toBe(stringWidth(clustered));
    }
  });
});
