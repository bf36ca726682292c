import { describe, expect, it } from 'vitest';
import { type Clause, parseSearchQuery, termPattern } from '../../src/search/query.js';

const word = (text: string, extra: object = {}): Clause => ({
  alternatives: [{ text, prefix: false, ...extra }],
  negated: false,
});

describe('parseSearchQuery', () => {
  it.each<[string, Clause[]]>([
    ['peace treaty', [word('peace'), word('treaty')]],
    ['"peace treaty" Putin', [word('peace treaty'), word('Putin')]],
    ['“peace  treaty”', [word('peace treaty')]],
    ['"unclosed phrase', [word('unclosed phrase')]],
    ['  ', []],
    ['treat*', [{ alternatives: [{ text: 'treat', prefix: true }], negated: false }]],
    ['-sanctions', [{ alternatives: [{ text: 'sanctions', prefix: false }], negated: true }]],
    [
      'Putin OR Medvedev Abe',
      [
        {
          alternatives: [
            { text: 'Putin', prefix: false },
            { text: 'Medvedev', prefix: false },
          ],
          negated: false,
        },
        word('Abe'),
      ],
    ],
    ['title:Abe tag:"Kuril Islands"', [word('Abe', { field: 'title' }), word('Kuril Islands', { field: 'tag' })]],
    ['SOURCE:EmbassyPages', [word('EmbassyPages', { field: 'source' })]],
    ['re:think', [word('re:think')]],
    ['- * OR', [word('-'), word('*'), word('OR')]],
    ['x OR', [word('x'), word('OR')]],
  ])('%j', (query, clauses) => {
    expect(parseSearchQuery(query)).toEqual(clauses);
  });
});

describe('termPattern', () => {
  it.each([
    ['treaty', 'peace Treaties signed', true],
    ['treaties', 'a treaty', true],
    ['sanction', 'new sanctions', true],
    ['war', 'warming ties', false],
    ['war', 'Stewart', false],
    ['peace treaty', 'a peace\ntreaty', true],
    ['5.5%', 'rose 5.5% today', true],
    // A titlecase letter is neither its lower nor its upper case, and must still match itself.
    ['ǲ(0', 'see ǲ(0 here', true],
    ['ǲ(0', 'see Ǳ(0 and ǳ(0', true],
  ])('%j in %j → %s', (text, haystack, found) => {
    expect(termPattern({ text, prefix: false }).test(haystack)).toBe(found);
  });

  it('matches any word starting with a prefix', () => {
    expect(termPattern({ text: 'warm', prefix: true }).test('warming ties')).toBe(true);
    expect(termPattern({ text: 'arm', prefix: true }).test('warming ties')).toBe(false);
  });
});
