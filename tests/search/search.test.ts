import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.js';
import { parseBody } from '../../src/article/markdown.js';
import type { Block } from '../../src/article/model.js';
import { parseArticle } from '../../src/article/parse.js';
import { scanFolders } from '../../src/library/files.js';
import { libraryOfArticles } from '../../src/library/indexed.js';
import { loadArticles } from '../../src/library/loader.js';
import { cutSnippet, snippetOf } from '../../src/render/snippet.js';
import type { ArticleFilter } from '../../src/search/filters.js';
import { searchLibrary } from '../../src/search/search.js';
import { exactMetrics, FIXTURES } from '../helpers.js';

type SearchDocument = { article: Article; blocks: Block[] };

function documents(articles: Article[]): Promise<SearchDocument[]> {
  return Promise.all(articles.map(async (article) => ({ article, blocks: await parseBody(article.body) })));
}

const loaded = await loadArticles(scanFolders([{ path: join(FIXTURES, 'ranking'), origin: '--dir' }]));
const ranking = await documents(loaded.articles);

/** Searches as `news search` does, each hit with its snippet cut to `cells` cells. */
function search(docs: SearchDocument[], query: string, cells = 100, filter: ArticleFilter = {}) {
  const reach = Math.floor((cells * 2) / 3);
  return searchLibrary(libraryOfArticles(docs), query, filter, Number.POSITIVE_INFINITY, reach).map((hit) => ({
    ...hit,
    ...snippetOf(hit, cells, exactMetrics),
  }));
}

function slugs(query: string): string[] {
  return search(ranking, query).map((hit) => hit.article.slug);
}

describe('searchLibrary', () => {
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

  it('is case-insensitive and matches whole words, their plurals, or a prefix with *', () => {
    expect(slugs('ZEBRA')).toHaveLength(3);
    expect(slugs('zebras')).toHaveLength(3);
    expect(slugs('ebra')).toEqual([]);
    expect(slugs('zeb')).toEqual([]);
    expect(slugs('zeb*')).toHaveLength(3);
  });

  it('excludes -words, offers OR, and looks in one field with field:value', () => {
    expect(slugs('zebra -crossing')).toEqual(['heading-hit', 'body-hit']);
    // Either word will do; BM25 weighs the rarer word's body hits against the commoner word's.
    expect(slugs('quokka OR zebra')[0]).toBe('title-hit');
    expect(slugs('quokka OR zebra').sort()).toEqual(['body-hit', 'heading-hit', 'tie-new', 'tie-old', 'title-hit']);
    expect(slugs('title:zebra')).toEqual(['title-hit']);
    expect(slugs('-zebra')).toEqual([]);
    expect(slugs('re:zebra')).toEqual([]);
  });

  it('treats regular-expression characters as literal text, and finds them as written', async () => {
    const docs = await documents([
      parseArticle('Costs (in $) rose 5.5% [sic] a+b*c; * marks a guess.', 'x', 'x.md', {}),
    ]);
    for (const query of ['(in', '$)', '5.5%', '[sic]', 'a+b*c', '*', '(in $)']) {
      expect(search(docs, query), query).toHaveLength(1);
    }
    for (const query of ['.*', '\\', '(?<x>', '"a.*"', '[in', 'in$', 'x:']) {
      expect(search(docs, query), query).toHaveLength(0);
    }
    // Only exclusions, or a lone minus or OR: nothing to look for, and no error.
    for (const query of ['-', 'OR', '-costs']) expect(search(docs, query), query).toHaveLength(0);
  });

  it('gives a one-line snippet around the first match and where to highlight', () => {
    const [hit] = search(ranking, 'horse', 60);
    expect(hit?.snippet).toBe('The striped horse is a synthetic phrase.');
    expect(hit?.highlights.map(([start, end]) => hit.snippet.slice(start, end))).toEqual(['horse']);
  });

  it('highlights every query word in the snippet, each time it occurs', () => {
    const [hit] = search(ranking, 'striped horse', 60);
    expect(hit?.highlights.map(([start, end]) => hit.snippet.slice(start, end))).toEqual(['striped', 'horse']);
  });
});

describe('cutSnippet', () => {
  const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen';
  it('cuts at word boundaries with ellipses, within the width', () => {
    const snippet = cutSnippet(text, text.indexOf('eight'), 30, exactMetrics);
    expect(snippet).toMatch(/^…\S.*eight.*\S…$/);
    expect(snippet.length).toBeLessThanOrEqual(30);
  });
  it('starts at the beginning when the match is near it', () => {
    expect(cutSnippet(text, 4, 20, exactMetrics)).toBe('one two three four…');
  });
  it('cuts wide text without spaces within the width', () => {
    const wide = '日本語のテキストは二つのセルを使います。'.repeat(5);
    const snippet = cutSnippet(wide, 40, 30, exactMetrics);
    expect(exactMetrics.cells(snippet)).toBeLessThanOrEqual(30);
    expect(snippet.startsWith('…')).toBe(true);
  });
});

describe('the summary field', () => {
  it('is searched with the weight of the tags, above a body hit, but is not a tag', async () => {
    const inSummary = parseArticle(
      '---\ntitle: Synthetic one\ndate: 2001-01-01\nsummary: A synthetic numbat census.\n---\n\nPlain synthetic text.\n',
      'in-summary',
      'in-summary.md',
      {},
    );
    const inBody = parseArticle(
      '---\ntitle: Synthetic two\ndate: 2020-01-01\n---\n\nA numbat appears once in this synthetic body.\n',
      'in-body',
      'in-body.md',
      {},
    );
    expect(search(await documents([inBody, inSummary]), 'numbat').map((hit) => hit.article.slug)).toEqual([
      'in-summary',
      'in-body',
    ]);
    expect(search(await documents([inSummary]), 'tag:numbat')).toEqual([]);
  });
});
