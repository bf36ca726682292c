import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidSlug } from '../../src/article/slug.js';
import { chooseSlug, MAX_SLUG_LENGTH, slugify, transliterate } from '../../src/import/slug.js';

describe('slugify', () => {
  it.each([
    ['Café à Paris', 'cafe-a-paris'],
    [
      'Japan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official',
      'japans-abe-hails-breakthrough-in-island-dispute-at-putin-talks-official',
    ],
    ['Straße nach Ærøskøbing', 'strasse-nach-aeroskobing'],
    ['Łódź œuvre Þingvellir', 'lodz-oeuvre-thingvellir'],
    ['Đakovo ħ ı', 'dakovo-h-i'],
    ['  --Hello,   World!--  ', 'hello-world'],
    ['5.5% of 2024', '5-5-of-2024'],
    ["l'été", 'lete'],
    ['Ｆｕｌｌｗｉｄｔｈ ﬁ', 'fullwidth-fi'],
    ['東京', ''],
    ['', ''],
  ])('%j → %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts a long title at a word, within the limit', () => {
    const slug = slugify('Northvale council '.repeat(12));
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(slug).toMatch(/^northvale-council-.*-(?:northvale|council)$/);
  });

  it('property: always a valid slug or empty, ASCII, no dash at either end', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const slug = slugify(text);
        expect(slug === '' || isValidSlug(slug)).toBe(true);
        expect(slug).toMatch(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
      }),
    );
  });

  it('writes letters decomposition leaves whole in ASCII', () => {
    expect(transliterate('ß æ œ ø ł đ þ ð')).toBe('ss ae oe o l d th d');
  });
});

describe('chooseSlug', () => {
  it.each([
    [{ title: 'Northvale votes' }, 'northvale-votes'],
    [{ title: '東京の新しい図書館', url: 'https://news.example/2024/03/tokyo-library.html' }, 'tokyo-library'],
    [{ title: 'مكتبة جديدة', url: 'https://news.example/story/12345' }, 'article'],
    [{ title: 'مكتبة جديدة', url: 'https://news.example/story/12345', date: '2024-03-05' }, 'article-2024-03-05'],
    [{ title: '新图书馆', fileName: 'saved-page.html' }, 'saved-page'],
    [{ title: '', url: 'https://news.example/a/%C3%A9t%C3%A9-2024' }, 'ete-2024'],
    [{ title: 'Tokyo 東京 library 図書館 opens' }, 'tokyo-library-opens'],
  ])('%j → %s', (sources, slug) => {
    expect(chooseSlug(sources)).toBe(slug);
  });
});
