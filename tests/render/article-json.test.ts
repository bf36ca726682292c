import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.js';
import type { Block } from '../../src/article/model.js';
import { articleData } from '../../src/render/article-json.js';

const article: Article = {
  slug: 'x',
  path: 'x.md',
  title: 'Headline',
  tags: [],
  breadcrumb: [],
  body: '',
  words: 0,
  warnings: [],
};

describe('articleData', () => {
  it('gives a block kind it does not know as a paragraph of its text, rather than failing', () => {
    const footnotes = {
      kind: 'footnotes',
      notes: [{ label: '1', blocks: [{ kind: 'paragraph', spans: [{ text: 'A note.', style: 'plain' }] }] }],
    } as unknown as Block;
    expect(articleData(article, [footnotes]).blocks).toEqual([{ type: 'paragraph', text: 'A note.' }]);
  });

  it('leaves out a first heading that repeats the headline, as the reader does', () => {
    const blocks: Block[] = [
      { kind: 'heading', depth: 1, spans: [{ text: 'Headline', style: 'plain' }] },
      { kind: 'rule' },
    ];
    expect(articleData(article, blocks).blocks).toEqual([{ type: 'rule' }]);
  });
});
