import { describe, expect, it } from 'vitest';
import { matchShingles, scorePages, shingles } from '../../scripts/metric.js';

describe('the benchmark metric (evaluate.py)', () => {
  it('counts 4-token shingles as a multiset, case kept', () => {
    expect([...shingles('a b c d a b c d').values()]).toEqual([2, 1, 1, 1]);
    expect(shingles('A b c d').has('a\u0000b\u0000c\u0000d')).toBe(false);
  });

  it('makes one short shingle of a text under four tokens, and none of an empty one', () => {
    expect([...shingles('two words').keys()]).toEqual(['two\u0000words']);
    expect(shingles('').size).toBe(0);
  });

  it('splits on Unicode word characters', () => {
    expect([...shingles('Ça coûte 3€, n’est-ce pas_bien').keys()][0]).toBe('Ça\u0000coûte\u00003\u0000n');
  });

  it('normalises tp, fp and fn per page to sum to one', () => {
    expect(matchShingles('a b c d e', 'a b c d x')).toEqual({ tp: 1 / 3, fp: 1 / 3, fn: 1 / 3 });
  });

  it('averages precision over pages that predicted something and recall over pages with truth', () => {
    const perfect = matchShingles('a b c d', 'a b c d');
    const empty = matchShingles('a b c d', '');
    const scores = scorePages([perfect, empty]);
    expect(scores.precision).toBe(1);
    expect(scores.recall).toBe(0.5);
    expect(scores.f1).toBeCloseTo(2 / 3);
  });
});
