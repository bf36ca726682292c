import { describe, expect, it } from 'vitest';
import { fitColumns } from '../../src/render/grid.js';

describe('fitColumns', () => {
  it.each<[string, number[], number[], number, number[] | undefined]>([
    ['every column at its widest cell when they fit', [5, 10, 3], [5, 4, 3], 30, [5, 10, 3]],
    ['room for each longest word, the rest shared by how much more each takes', [9, 80, 5], [9, 11, 5], 54, [9, 40, 5]],
    ['a column never wider than its widest cell', [4, 100], [4, 10], 50, [4, 46]],
    ['down to the minimum when the longest words do not fit', [30, 30], [30, 30], 20, [10, 10]],
    ['narrow columns stay as they are at the minimum', [3, 40, 40], [3, 40, 40], 20, [3, 9, 8]],
    ['none when not even the minimums fit', [20, 20, 20, 20], [20, 20, 20, 20], 20, undefined],
  ])('%s', (_what, natural, words, available, widths) => {
    const fitted = fitColumns(natural, words, available);
    expect(fitted).toEqual(widths);
    if (fitted) expect(fitted.reduce((sum, cells) => sum + cells, 0)).toBeLessThanOrEqual(available);
  });
});
