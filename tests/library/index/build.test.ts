import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { squeezeSpaces } from '../../../src/library/index/build.js';

/** What squeezeSpaces stands for. */
const squeezedByReplace = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('squeezeSpaces', () => {
  it.each([
    ['plain words', 'plain words'],
    ['  ends  ', 'ends'],
    ['two  spaces', 'two spaces'],
    ['a\nline', 'a line'],
    ['tab\there', 'tab here'],
    ['no\u00a0break', 'no break'],
    ['line\u2028separator', 'line separator'],
    [' \u3000 ', ''],
    ['', ''],
  ])('%j → %j', (text, squeezed) => {
    expect(squeezeSpaces(text)).toBe(squeezed);
  });

  it('is the replace and trim it stands for, for any text', () => {
    const whitespace = [' ', ' ', ' ', '  ', '\n', '\t', '\r', '\u000b', '\f', '\u00a0', '\u1680', '\u2000', '\u200a'];
    const spaced = fc
      .array(
        fc.oneof(fc.constantFrom(...whitespace, '\u2028', '\u202f', '\u3000', '\ufeff'), fc.string({ maxLength: 5 })),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), spaced), (text) => {
        expect(squeezeSpaces(text)).toBe(squeezedByReplace(text));
      }),
    );
  });
});
