import { describe, expect, it } from 'vitest';
import { isCodeLike, isTitleCase } from '../../src/quotes/shapes.js';

describe('isCodeLike', () => {
  it.each<[string, boolean]>([
    ['https://transit.northvale.example/pilot', true],
    ['www.northvale.example', true],
    ['//cdn.northvale.example/bus.png', true],
    ['config/pilot.toml', true],
    ['C:\\pilot\\config', true],
    ['pilot.toml', true],
    ['--dry-run', true],
    ['pilot_v2', true],
    ['rebuild=true', true],
    ['@northvale', true],
    // Words, even odd ones, are left to the scare-quote rule.
    ['reset', false],
    ['self-service', false],
    ['403', false],
    ['U.S.', true],
    ['a turning point for the city.', false],
    ['Data.gov is a catalogue, not a website', false],
  ])('%s → %s', (quote, expected) => {
    expect(isCodeLike(quote)).toBe(expected);
  });
});

describe('isTitleCase', () => {
  it.each<[string, boolean]>([
    ['Buses for a Growing City', true],
    ['Measuring What Flows,', true],
    ['A Short Guide to Night Buses', true],
    ['Twelve Months in City Hall', true],
    ['Did This Page Answer Your Question?', true],
    ['Research With the Public', true],
    ['2029 Transit Plan', true],
    // One capitalised word is not enough: a name or a scare quote.
    ['Selwater', false],
    ['the Plan', false],
    // Sentence case is how speech is written.
    ['Did this page answer your question?', false],
    ['We will build it', false],
    ['Forms. Labels that vanish', false],
    ['Flood: Roads closed until noon', false],
  ])('%s → %s', (quote, expected) => {
    expect(isTitleCase(quote)).toBe(expected);
  });
});
