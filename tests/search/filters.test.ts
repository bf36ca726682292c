import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ArticleInfo } from '../../src/article/article.js';
import { parseArticle } from '../../src/article/parse.js';
import { type ArticleFilter, filterArticles, sortArticles } from '../../src/search/filters.js';

function article(slug: string, frontMatter: string) {
  return parseArticle(`---\n${frontMatter}\n---\nSynthetic body.\n`, slug, `${slug}.md`, {});
}

const articles = [
  article('old', 'title: beta\ndate: 2001-01-01\nsource: Wire A\ntags: [Alpha]'),
  article('mid', 'title: Alpha\ndate: 2010-06-15\nsource: Wire B\ntags: [alpha, beta]'),
  article('new', 'title: gamma\ndate: 2020-12-31\nsource: wire a'),
  article('undated', 'title: Delta\ntags: [beta]'),
];

describe('filterArticles', () => {
  const table: [string, ArticleFilter, string[]][] = [
    ['nothing', {}, ['old', 'mid', 'new', 'undated']],
    ['since, inclusive; undated never passes', { since: '2010-06-15' }, ['mid', 'new']],
    ['until, inclusive', { until: '2010-06-15' }, ['old', 'mid']],
    ['a date range', { since: '2002-01-01', until: '2019-01-01' }, ['mid']],
    ['a tag, case ignored', { tag: 'ALPHA' }, ['old', 'mid']],
    ['a source, case ignored', { source: 'WIRE A' }, ['old', 'new']],
    ['everything at once', { tag: 'beta', since: '2000-01-01', source: 'wire b' }, ['mid']],
  ];
  it.each(table)('%s', (_what, filter, slugs) => {
    expect(filterArticles(articles, filter).map((item) => item.slug)).toEqual(slugs);
  });
});

describe('sortArticles', () => {
  it.each([
    ['date', ['new', 'mid', 'old', 'undated']],
    ['title', ['mid', 'old', 'undated', 'new']],
  ] as const)('by %s', (order, slugs) => {
    expect(sortArticles(articles, order).map((item) => item.slug)).toEqual(slugs);
  });
});

describe('sortArticles, against a plain comparator', () => {
  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const reference = (items: readonly ArticleInfo[], order: 'date' | 'title') =>
    [...items].sort((a, b) =>
      order === 'title'
        ? compare(a.title.toLowerCase(), b.title.toLowerCase()) || compare(a.slug, b.slug)
        : compare(b.date ?? '', a.date ?? '') || compare(a.slug, b.slug),
    );
  // Few dates, titles and slug letters, so ties (same date, same title) are common.
  const item = fc.record({
    slug: fc.stringMatching(/^[ab][ab.\-_]{0,3}$/),
    title: fc.constantFrom('Alpha', 'alpha', 'Beta', 'alpha beta', 'Ω'),
    date: fc.option(fc.constantFrom('2001-01-01', '2010-06-15', '2010-06-16'), { nil: undefined }),
  });
  const library = fc.uniqueArray(item, { selector: (entry) => entry.slug, maxLength: 30 }).map((entries) =>
    entries.map((entry): ArticleInfo => {
      const info: ArticleInfo = { slug: entry.slug, path: `${entry.slug}.md`, title: entry.title, tags: [], words: 1 };
      if (entry.date !== undefined) info.date = entry.date;
      return info;
    }),
  );

  it.each(['date', 'title'] as const)('orders by %s exactly as the comparator does, ties by slug', (order) => {
    fc.assert(
      fc.property(library, (items) => {
        expect(sortArticles(items, order).map((entry) => entry.slug)).toEqual(
          reference(items, order).map((entry) => entry.slug),
        );
      }),
      { numRuns: 300 },
    );
  });
});
