import { describe, expect, it } from 'vitest';
import { parseArticle } from '../src/article.js';
import { type ArticleFilter, filterArticles, sortArticles } from '../src/filters.js';

function article(slug: string, frontMatter: string) {
  return parseArticle(`---\n${frontMatter}\n---\nSynthetic body.\n`, slug, `${slug}.md`);
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
