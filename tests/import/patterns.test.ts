import { describe, expect, it } from 'vitest';
import { isBoilerplateName } from '../../src/import/names.js';
import * as patterns from '../../src/import/patterns.js';

const ADVERSARIAL = [
  'a '.repeat(50_000),
  'photo: '.repeat(20_000),
  '(Example Photo/'.repeat(10_000),
  '1/2/3 '.repeat(20_000),
  'follow '.repeat(20_000),
  `${'x'.repeat(100_000)}.`,
  'March 3, '.repeat(20_000),
];

describe('text patterns', () => {
  it('run in linear time on long, hostile input', () => {
    const regexes = Object.values(patterns).filter((value): value is RegExp => value instanceof RegExp);
    const start = performance.now();
    for (const text of ADVERSARIAL) {
      for (const regex of regexes) regex.test(text);
      patterns.isDateLine(text);
      patterns.isMetaLine(text);
      isBoilerplateName(text.slice(0, 10_000));
    }
    expect(performance.now() - start).toBeLessThan(1000);
  });
});
