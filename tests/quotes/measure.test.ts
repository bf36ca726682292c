import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractQuotations } from '../../src/quotes/extract.js';
import { FIXTURES } from '../helpers.js';
import { emptyTally, loadMeasureSet, normalizeQuote, scoreTally, tallyArticle } from './measure.js';

// Ten synthetic articles in the style of government and tech news posts and wire copy, with
// every quotation a careful reader would list and its speaker, written down by hand before the
// rules were run on them (tests/fixtures/quotes/measure/expected.json). The floors sit a little
// under what the rules reach, so a change that costs precision or recall fails here; main before
// issue 12 reached 0.81 / 1.00 (extraction) and 0.73 / 0.38 (attribution).
const SET = loadMeasureSet(join(FIXTURES, 'quotes/measure'));

const FLOORS = {
  extractionPrecision: 0.95,
  extractionRecall: 0.95,
  attributionPrecision: 0.95,
  attributionRecall: 0.9,
};

describe('quotation precision and recall on the measurement set', () => {
  it('has enough answers to measure with', () => {
    const answers = SET.flatMap((article) => article.expected.filter((answer) => !answer.optional));
    expect(SET.length).toBeGreaterThanOrEqual(10);
    expect(answers.length).toBeGreaterThanOrEqual(40);
  });

  it.each(Object.entries(FLOORS))('%s stays at or above %d', (measure, floor) => {
    const tally = emptyTally();
    for (const article of SET) tallyArticle(tally, article.name, article.expected, extractQuotations(article.blocks));
    const score = scoreTally(tally)[measure as keyof typeof FLOORS];
    expect(score, `${measure} ${score.toFixed(3)}:\n${tally.problems.join('\n')}`).toBeGreaterThanOrEqual(floor);
  });

  // Every string the set quotes in code blocks, inline code, HTML attributes, paths and URLs.
  const NOT_PROSE = [
    'permits',
    'Building permits, updated nightly',
    'Velden said this is only an example',
    'Accept: application/json',
    'https://data.eastmere.example/permits?since=2031-01-01',
    'https://data.eastmere.example/permits',
    'rebuild',
    'src/feeds/permits.ts',
    'docs/README.md',
    'version',
    'name',
    'permits-portal',
    'dependencies',
    'eastmere-signin',
    '4.1.9',
    'sign-in flow still works',
    'strictRedirects',
    'redirect_strict',
    'config/signin.json',
    '/etc/eastmere/signin.json',
    'note',
    'Deadline reminder for every service',
  ];

  it('finds no quotation in code or markup', () => {
    const found = SET.flatMap((article) => extractQuotations(article.blocks).map((quotation) => quotation.quote));
    expect(found.filter((quote) => NOT_PROSE.includes(normalizeQuote(quote)))).toEqual([]);
  });
});

describe('the scorer', () => {
  it('compares quotations by their words, not their closing punctuation', () => {
    expect(normalizeQuote('  We will build it ,')).toBe('We will build it');
    expect(normalizeQuote('Is it ready?')).toBe('Is it ready?');
  });

  it.each<[string, (string | null)[], string | null, Partial<ReturnType<typeof emptyTally>>]>([
    ['a right speaker', ['Mara Velden'], 'Mara Velden', { found: 1, attributed: 1, rightSpeaker: 1, definiteRight: 1 }],
    ['a wrong speaker', ['Mara Velden'], 'Tom Ebb', { found: 1, attributed: 1, rightSpeaker: 0, definiteRight: 0 }],
    ['a missing speaker', ['Mara Velden'], null, { found: 1, attributed: 0, definite: 1, definiteRight: 0 }],
    ['an open speaker left open', [null, 'a reader'], null, { found: 1, attributed: 0, definite: 0 }],
  ])('counts %s', (_name, speakers, speaker, counts) => {
    const tally = emptyTally();
    tallyArticle(
      tally,
      'one',
      [{ speaker: speakers, quote: 'We will build it.' }],
      [{ speaker, quote: 'We will build it.' }],
    );
    expect(tally).toMatchObject(counts);
  });

  it('counts quotations that are not answers, and answers not found, but not optional ones', () => {
    const tally = emptyTally();
    tallyArticle(
      tally,
      'one',
      [
        { speaker: 'Mara Velden', quote: 'We will build it.' },
        { speaker: null, quote: 'Build with, not for', optional: true },
      ],
      [
        { speaker: null, quote: 'Build with, not for' },
        { speaker: null, quote: 'Buses for a Growing City' },
      ],
    );
    expect(tally).toMatchObject({ found: 0, extra: 1, missed: 1 });
  });
});
