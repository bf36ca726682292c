import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse.js';
import { fixture, rss, utf8 } from './helpers.js';

describe('RSS 0.91 and 0.92', () => {
  it('reads RSS 0.91 past its public DOCTYPE, which is never fetched', () => {
    const feed = parseFeed(fixture('rss-0.91.xml'));
    expect(feed).toMatchObject({
      format: 'rss0.9x',
      title: 'Example Feed',
      link: 'https://example.com/',
      description: 'An example feed in RSS 0.91.',
    });
    expect(feed.items).toEqual([
      {
        id: 'https://example.com/posts/first',
        title: 'First post',
        link: 'https://example.com/posts/first',
        categories: [],
        summaryHtml: 'The first post of the example feed.',
      },
      {
        id: 'https://example.com/posts/second',
        title: 'Second post',
        link: 'https://example.com/posts/second',
        categories: [],
        summaryHtml: 'The second post & its <b>bold</b> summary.',
      },
    ]);
  });

  it('reads RSS 0.92 enclosures and categories, and keeps an item with no title or link', () => {
    const feed = parseFeed(fixture('rss-0.92.xml'));
    expect(feed.format).toBe('rss0.9x');
    expect(feed.items[0]).toMatchObject({
      title: 'First post',
      categories: ['Examples'],
      enclosures: [{ url: 'https://example.com/audio/first.mp3', type: 'audio/mpeg', length: 12345 }],
    });
    expect(feed.items[1]).toMatchObject({ title: '', summaryHtml: expect.stringContaining('neither title nor link') });
    expect(feed.items[1]?.id).toMatch(/^[0-9a-f]{40}$/);
    expect(feed.items[1]?.link).toBeUndefined();
  });
});

describe('RSS 1.0 (RDF)', () => {
  it('reads items that are siblings of the channel, with dc: and content:', () => {
    const feed = parseFeed(fixture('rss-1.0.rdf'));
    expect(feed).toMatchObject({ format: 'rss1.0', title: 'Example Feed', link: 'https://example.com/' });
    expect(feed.items).toEqual([
      {
        id: 'https://example.com/posts/first',
        title: 'First post',
        link: 'https://example.com/posts/first',
        date: '2030-01-02T03:04:05Z',
        author: 'Alice Example',
        categories: ['Examples'],
        contentHtml: '<p>The <em>first</em> post.</p>',
        summaryHtml: 'Summary of the first post.',
      },
      {
        // No <link>: rdf:about is the item's URL in RSS 1.0.
        id: 'https://example.com/posts/second',
        title: 'Second post',
        link: 'https://example.com/posts/second',
        date: '2030-01-03T00:00:00Z',
        categories: [],
      },
    ]);
  });

  it('reads RSS 0.90, the RDF format with the Netscape namespace', () => {
    const doc = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://my.netscape.com/rdf/simple/0.9/">
      <channel><title>Example Feed</title><link>https://example.com/</link></channel>
      <item><title>First post</title><link>https://example.com/posts/first</link></item>
    </rdf:RDF>`;
    const feed = parseFeed(utf8(doc));
    expect(feed.format).toBe('rss0.9x');
    expect(feed.items.map((item) => item.title)).toEqual(['First post']);
  });
});

describe('RSS 2.0', () => {
  const feed = parseFeed(fixture('rss-2.0.xml'));

  it('reads the channel', () => {
    expect(feed).toMatchObject({
      format: 'rss2.0',
      title: 'Example Feed',
      link: 'https://example.com/',
      description: 'An example feed in RSS 2.0.',
    });
  });

  it('reads content:encoded, dc:creator, dc:subject, guid and enclosure', () => {
    expect(feed.items[0]).toEqual({
      id: 'example-post-1',
      title: 'First post',
      link: 'https://example.com/posts/first',
      date: 'Wed, 02 Jan 2030 03:04:05 +0000',
      author: 'Alice Example, Bob Example',
      categories: ['Examples', 'Testing'],
      contentHtml: '<p>The <em>first</em> post, in full.</p>',
      summaryHtml: 'Summary of the first post.',
      enclosures: [{ url: 'https://example.com/media/first.jpg', type: 'image/jpeg', length: 2048 }],
    });
  });

  it('falls back to media:title, media:description (plain text, escaped) and dc:date', () => {
    expect(feed.items[1]).toEqual({
      id: 'https://example.com/posts/second',
      title: 'Second post',
      link: 'https://example.com/posts/second',
      date: '2030-01-03T00:00:00Z',
      categories: [],
      summaryHtml: '<p>Only a media description &lt;plain&gt;.</p>',
      enclosures: [{ url: 'https://example.com/media/second.mp4', type: 'video/mp4', length: 4096 }],
    });
  });

  it('looks inside media:group, and takes a permalink guid as the link', () => {
    expect(feed.items[2]).toEqual({
      id: 'https://example.com/posts/third',
      title: 'Third post',
      link: 'https://example.com/posts/third',
      categories: [],
      summaryHtml: '<p>Grouped media</p>',
      enclosures: [{ url: 'https://example.com/media/third.mp4', type: 'video/mp4' }],
    });
  });

  it('does not take a guid marked isPermaLink="false" as a link', () => {
    const doc = rss('<item><title>First post</title><guid isPermaLink="false">https://example.com/p/1</guid></item>');
    const [item] = parseFeed(utf8(doc)).items;
    expect(item).toMatchObject({ id: 'https://example.com/p/1' });
    expect(item?.link).toBeUndefined();
  });

  it('reads dc: elements whose prefix the feed forgot to declare', () => {
    const doc = rss('<item><title>First post</title><dc:creator>Alice Example</dc:creator></item>');
    expect(parseFeed(utf8(doc)).items[0]?.author).toBe('Alice Example');
  });

  it("reads RSS elements in a default namespace of the feed's own", () => {
    const doc = `<rss version="2.0" xmlns="http://example.com/ns/rss"><channel><title>Example Feed</title>
      <item><title>First post</title><link>https://example.com/posts/first</link></item></channel></rss>`;
    expect(parseFeed(utf8(doc)).items).toMatchObject([
      { title: 'First post', link: 'https://example.com/posts/first' },
    ]);
  });

  it('reads an <rss> without a version as RSS 2.0, and items placed outside the channel', () => {
    const doc = '<rss><channel><title>Example Feed</title></channel><item><title>First post</title></item></rss>';
    const feed = parseFeed(utf8(doc));
    expect(feed.format).toBe('rss2.0');
    expect(feed.items.map((item) => item.title)).toEqual(['First post']);
  });

  it('reads titles with markup as text, and trims and collapses whitespace', () => {
    const doc = rss(`<item><title>
        First &lt;em&gt;post&lt;/em&gt;
        on two lines </title></item>
      <item><title><![CDATA[ Second <b>post</b> ]]></title></item>`);
    expect(parseFeed(utf8(doc)).items.map((item) => item.title)).toEqual(['First post on two lines', 'Second post']);
  });

  it('keeps duplicate items: the app dedupes by id', () => {
    const item = '<item><title>First post</title><guid>urn:example:1</guid></item>';
    expect(parseFeed(utf8(rss(item + item))).items).toHaveLength(2);
  });
});
