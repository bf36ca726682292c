import { describe, expect, it } from 'vitest';
import { buildItem, joinNames, plainTitle } from '../../src/feeds/item.js';

describe('buildItem', () => {
  it('trims, drops blank fields, and always has categories', () => {
    expect(
      buildItem({ id: ' x ', title: '  A \n title ', link: ' ', author: ' ', summaryHtml: '\n<p>s</p>\n' }),
    ).toEqual({
      id: 'x',
      title: 'A title',
      categories: [],
      summaryHtml: '<p>s</p>',
    });
  });

  it('takes the link as id when there is none, else a sha1 of title, date and content', () => {
    expect(buildItem({ link: 'https://example.com/1' }).id).toBe('https://example.com/1');
    const a = buildItem({ title: 'First post', date: 'd', contentHtml: 'c' }).id;
    expect(a).toMatch(/^[0-9a-f]{40}$/);
    expect(buildItem({ title: 'First post', date: 'd', contentHtml: 'c' }).id).toBe(a);
    expect(buildItem({ title: 'First post', date: 'd', contentHtml: 'other' }).id).not.toBe(a);
  });

  it('dedupes categories and enclosures, and keeps only whole non-negative lengths', () => {
    const item = buildItem({
      categories: ['A', ' A ', undefined, '', 'B'],
      enclosures: [
        { url: 'https://example.com/a.mp3', length: '12' },
        { url: 'https://example.com/a.mp3', length: '99' },
        { url: 'https://example.com/b.mp3', length: 'big' },
        { url: 'https://example.com/c.mp3', length: -1 },
        { url: ' ' },
      ],
    });
    expect(item.categories).toEqual(['A', 'B']);
    expect(item.enclosures).toEqual([
      { url: 'https://example.com/a.mp3', length: 12 },
      { url: 'https://example.com/b.mp3' },
      { url: 'https://example.com/c.mp3' },
    ]);
  });
});

describe('plainTitle and joinNames', () => {
  it.each([
    [undefined, ''],
    ['Plain  title', 'Plain title'],
    ['Fish &amp; chips', 'Fish & chips'],
    ['<em>Marked</em> up', 'Marked up'],
    ['3 < 4', '3 < 4'],
  ])('plainTitle(%j) → %j', (raw, expected) => {
    expect(plainTitle(raw)).toBe(expected);
  });

  it('joins names without blanks or repeats', () => {
    expect(joinNames(['Alice', ' ', 'Bob', 'Alice', undefined])).toBe('Alice, Bob');
    expect(joinNames([undefined, ''])).toBeUndefined();
  });
});
