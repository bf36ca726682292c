import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/article.js';
import { loadArticles, scanFolders } from '../src/library.js';
import { cutSnippet, parseQuery, searchArticles } from '../src/search.js';
import { FIXTURES } from './helpers.js';

const ranking = loadArticles(scanFolders([{ path: join(FIXTURES, 'ranking'), origin: '--dir' }])).articles;

function slugs(query: string): string[] {
  return searchArticles(ranking, query).map((hit) => hit.article.slug);
}

describe('parseQuery', () => {
  it.each([
    ['peace treaty', ['peace', 'treaty']],
    ['"peace treaty" Putin', ['peace treaty', 'Putin']],
    ['“peace  treaty”', ['peace treaty']],
    ['"unclosed phrase', ['unclosed phrase']],
    ['  ', []],
    ['a.* (b', ['a.*', '(b']],
  ])('%j → %j', (query, terms) => {
    expect(parseQuery(query)).toEqual(terms);
  });
});

describe('searchArticles', () => {
  it('ranks a title hit above a subheading hit above body hits', () => {
    expect(slugs('zebra')).toEqual(['title-hit', 'heading-hit', 'body-hit']);
  });

  it('ranks the phrase above the same words scattered', () => {
    expect(slugs('striped horse')).toEqual(['phrase', 'scattered']);
    expect(slugs('"striped horse"')).toEqual(['phrase']);
  });

  it('breaks ties by recency', () => {
    expect(slugs('quokka')).toEqual(['tie-new', 'tie-old']);
  });

  it('needs every term to match', () => {
    expect(slugs('zebra quokka')).toEqual([]);
  });

  it('is case-insensitive and matches at word starts only', () => {
    expect(slugs('ZEBRA')).toHaveLength(3);
    expect(slugs('ebra')).toEqual([]);
    expect(slugs('zeb')).toHaveLength(3);
  });

  it('treats regular-expression characters as literal text', () => {
    const article = parseArticle('Costs (in $) rose 5.5% [sic] a+b*c.', 'x', 'x.md');
    for (const query of ['(in', '$)', '5.5%', '[sic]', 'a+b*c', '.*', '\\', '(?<x>']) {
      expect(() => searchArticles([article], query)).not.toThrow();
    }
    expect(searchArticles([article], '5.5%')).toHaveLength(1);
    expect(searchArticles([article], '.*')).toHaveLength(0);
  });

  it('gives a one-line snippet around the first match and where to highlight', () => {
    const [hit] = searchArticles(ranking, 'horse', 60);
    expect(hit?.snippet).toBe('The striped horse is a synthetic phrase.');
    const [start, end] = hit?.highlights[0] ?? [0, 0];
    expect(hit?.snippet.slice(start, end)).toBe('horse');
  });
});

describe('cutSnippet', () => {
  const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen';
  it('cuts at word boundaries with ellipses, within the width', () => {
    const { text: snippet } = cutSnippet(text, text.indexOf('eight'), 30);
    expect(snippet).toMatch(/^…\S.*eight.*\S…$/);
    expect(snippet.length).toBeLessThanOrEqual(30);
  });
  it('starts at the beginning when the match is near it', () => {
    expect(cutSnippet(text, 4, 20).text).toBe('one two three four…');
  });
});
