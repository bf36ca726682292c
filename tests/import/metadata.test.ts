import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/import/dom.js';
import { calendarDate, cleanAuthors, readPageMetadata, removeSiteFromTitle } from '../../src/import/metadata.js';

function metadataOf(head: string, body = '<p>Text.</p>', url?: string) {
  return readPageMetadata(
    parseDocument(`<!doctype html><html lang="en-GB"><head>${head}</head><body>${body}</body></html>`),
    url,
  );
}

function ld(value: unknown): string {
  return `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
}

describe('readPageMetadata: JSON-LD', () => {
  it('reads a NewsArticle', () => {
    const metadata = metadataOf(
      ld({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: 'Bridge to be restored',
        datePublished: '2019-04-09T23:30:00-05:00',
        dateModified: '2019-04-10T08:00:00-05:00',
        author: { '@type': 'Person', name: 'Jane Doe' },
        publisher: { '@type': 'Organization', name: 'Example Gazette' },
        articleSection: 'Local',
        keywords: 'bridges, Riverton, council',
        description: 'The council voted to restore the bridge.',
        articleBody: 'The Riverton town council voted.',
        url: 'https://news.example/bridge',
        inLanguage: 'en',
      }),
    );
    expect(metadata).toEqual({
      title: 'Bridge to be restored',
      date: '2019-04-09T23:30:00-05:00',
      modified: '2019-04-10T08:00:00-05:00',
      authors: ['Jane Doe'],
      source: 'Example Gazette',
      section: 'Local',
      tags: ['bridges', 'Riverton', 'council'],
      summary: 'The council voted to restore the bridge.',
      canonicalUrl: 'https://news.example/bridge',
      lang: 'en',
      articleBody: 'The Riverton town council voted.',
    });
  });

  it('finds the article inside @graph, with @id references and a list of types', () => {
    const metadata = metadataOf(
      ld({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebSite', '@id': '#site', name: 'Example Gazette' },
          { '@type': 'Person', '@id': '#jane', name: 'Jane Doe' },
          { '@type': 'Organization', '@id': '#org', name: 'Example Gazette Ltd' },
          {
            '@type': ['ReportageNewsArticle', 'Article'],
            headline: 'Graph headline',
            author: { '@id': '#jane' },
            publisher: { '@id': '#org' },
            datePublished: '2020-01-02',
          },
        ],
      }),
    );
    expect(metadata.title).toBe('Graph headline');
    expect(metadata.authors).toEqual(['Jane Doe']);
    expect(metadata.source).toBe('Example Gazette Ltd');
    expect(metadata.date).toBe('2020-01-02');
  });

  it('walks nested arrays and reads keyword and author lists', () => {
    const metadata = metadataOf(
      ld([
        [{ '@type': 'BreadcrumbList', itemListElement: [] }],
        [
          {
            '@type': 'BlogPosting',
            headline: 'Nested',
            author: ['Jane Doe', { name: 'John Roe' }],
            keywords: ['bridges', 'Bridges', 'rivers'],
            articleSection: ['Local', 'News'],
          },
        ],
      ]),
    );
    expect(metadata.title).toBe('Nested');
    expect(metadata.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(metadata.tags).toEqual(['bridges', 'rivers']);
    expect(metadata.section).toBe('Local');
  });

  it('prefers the article with the most to say when a page lists several', () => {
    const metadata = metadataOf(
      ld({ '@type': 'ItemList', itemListElement: [{ '@type': 'NewsArticle', headline: 'Other story' }] }) +
        ld({ '@type': 'NewsArticle', headline: 'This story', articleBody: 'Body.', datePublished: '2021-05-06' }),
    );
    expect(metadata.title).toBe('This story');
  });

  it('decodes HTML entities that pages leave in JSON-LD strings', () => {
    const metadata = metadataOf(ld({ '@type': 'Article', headline: 'Fish &amp; chips &#8211; a history' }));
    expect(metadata.title).toBe('Fish & chips – a history');
  });

  it('never throws on malformed JSON-LD, and falls back to the other sources', () => {
    const head = `<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
      <script type="application/ld+json">not json at all</script>
      <script type="application/ld+json"></script>
      <meta property="og:title" content="From Open Graph">`;
    expect(() => metadataOf(head)).not.toThrow();
    expect(metadataOf(head).title).toBe('From Open Graph');
  });

  it('reads JSON-LD wrapped in a comment or holding raw line breaks in strings', () => {
    const head = `<script type="application/ld+json"><!--
      {"@type": "NewsArticle", "headline": "Line
      break"}
    --></script>`;
    expect(metadataOf(head).title).toBe('Line break');
  });
});

describe('readPageMetadata: meta elements', () => {
  it('falls back to Open Graph and article:* meta', () => {
    const metadata = metadataOf(`
      <meta property="og:title" content="Open Graph title">
      <meta property="og:site_name" content="Example Gazette">
      <meta property="article:published_time" content="2018-03-04T05:06:07+01:00">
      <meta property="article:modified_time" content="2018-03-05T00:00:00+01:00">
      <meta property="article:author" content="https://social.example/jane">
      <meta property="article:author" content="Jane Doe">
      <meta property="article:section" content="Science">
      <meta property="article:tag" content="rivers">
      <meta property="article:tag" content="bridges">
      <meta property="og:description" content="A summary.">
      <meta property="og:url" content="https://news.example/story">`);
    expect(metadata).toMatchObject({
      title: 'Open Graph title',
      source: 'Example Gazette',
      date: '2018-03-04T05:06:07+01:00',
      modified: '2018-03-05T00:00:00+01:00',
      authors: ['Jane Doe'],
      section: 'Science',
      tags: ['rivers', 'bridges'],
      summary: 'A summary.',
      canonicalUrl: 'https://news.example/story',
      lang: 'en-GB',
    });
  });

  it('reads plain named meta: author, description, keywords, date', () => {
    const metadata = metadataOf(`
      <meta name="author" content="By Jane Doe and John Roe">
      <meta name="description" content="Plain description.">
      <meta name="keywords" content="one, two; three">
      <meta name="date" content="2017-06-07">`);
    expect(metadata.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(metadata.summary).toBe('Plain description.');
    expect(metadata.tags).toEqual(['one', 'two', 'three']);
    expect(metadata.date).toBe('2017-06-07');
  });

  it('reads Dublin Core and Parse.ly meta', () => {
    const metadata = metadataOf(`
      <meta name="DC.title" content="Dublin Core title">
      <meta name="DC.creator" content="Jane Doe">
      <meta name="DC.date.issued" content="2016-01-02">
      <meta name="parsely-section" content="Opinion">`);
    expect(metadata).toMatchObject({
      title: 'Dublin Core title',
      authors: ['Jane Doe'],
      date: '2016-01-02',
      section: 'Opinion',
    });
  });

  it('keeps "Doe, Jane" as one author', () => {
    expect(cleanAuthors(['Doe, Jane'])).toEqual(['Doe, Jane']);
    expect(cleanAuthors(['Jane Doe, John Roe', 'jane doe'])).toEqual(['Jane Doe', 'John Roe']);
  });
});

describe('readPageMetadata: the page itself', () => {
  it('takes the date of a <time> marked pubdate or datePublished', () => {
    expect(
      metadataOf('', '<time datetime="2015-01-01">x</time><p itemprop="datePublished" content="2015-02-03">x</p>').date,
    ).toBe('2015-02-03');
    expect(metadataOf('', '<time pubdate datetime="2015-04-05">x</time>').date).toBe('2015-04-05');
  });

  it("takes the first <time datetime> of the article, not the page's", () => {
    const body =
      '<header><time datetime="2000-01-01">today</time></header><article><time datetime="2014-07-08T10:00">x</time></article>';
    expect(metadataOf('', body).date).toBe('2014-07-08T10:00');
  });

  it('resolves a relative canonical link against the page URL', () => {
    const metadata = metadataOf(
      '<link rel="canonical" href="/news/story">',
      '<p>x</p>',
      'https://news.example/amp/story?x=1',
    );
    expect(metadata.canonicalUrl).toBe('https://news.example/news/story');
  });

  it('reads <html lang>', () => {
    expect(metadataOf('').lang).toBe('en-GB');
  });

  it('uses <title> without the site name when nothing better is there', () => {
    const head =
      '<title>Bridge to be restored | Example Gazette</title><meta property="og:site_name" content="Example Gazette">';
    expect(metadataOf(head).title).toBe('Bridge to be restored');
  });
});

describe('removeSiteFromTitle', () => {
  it.each([
    ['Bridge to be restored | Example Gazette', 'Bridge to be restored'],
    ['Bridge to be restored - Example Gazette', 'Bridge to be restored'],
    ['Bridge to be restored — Example Gazette', 'Bridge to be restored'],
    ['Example Gazette: Bridge to be restored', 'Bridge to be restored'],
    ['Example Gazette | Bridge to be restored', 'Bridge to be restored'],
    ['Bridge - the vote | Example Gazette', 'Bridge - the vote'],
    ['Bridge to be restored - Riverton', 'Bridge to be restored - Riverton'],
    ['Cross-river bridge to be restored', 'Cross-river bridge to be restored'],
  ])('%s → %s', (title, expected) => {
    expect(removeSiteFromTitle(title, 'Example Gazette')).toBe(expected);
  });

  it('leaves the title whole without a site name', () => {
    expect(removeSiteFromTitle('Bridge | Example Gazette', undefined)).toBe('Bridge | Example Gazette');
  });
});

describe('calendarDate', () => {
  it.each([
    ['2019-04-09T23:30:00-05:00', '2019-04-09'],
    ['2019-04-09T23:30:00+14:00', '2019-04-09'],
    ['2019-04-09T01:00:00Z', '2019-04-09'],
    ['2019-04-09', '2019-04-09'],
    ['2019-04-09 10:00', '2019-04-09'],
    ['2019-02-30', undefined],
    ['April 9, 2019', undefined],
    ['20190409', undefined],
  ])('%s → %s', (iso, expected) => {
    expect(calendarDate(iso)).toBe(expected);
  });
});
