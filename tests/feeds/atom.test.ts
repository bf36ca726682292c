import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse.js';
import { fixture, utf8 } from './helpers.js';

describe('Atom 1.0', () => {
  const feed = parseFeed(fixture('atom.xml'));

  it('reads the feed, preferring the HTML alternate link', () => {
    expect(feed).toMatchObject({
      format: 'atom1.0',
      title: 'Example Feed',
      link: 'https://example.com/',
      description: 'An example feed in Atom',
    });
    expect(feed.items).toHaveLength(3);
  });

  it('reads text content as escaped paragraphs, a text summary, published before updated, categories', () => {
    expect(feed.items[0]).toEqual({
      id: 'urn:example:post:1',
      title: 'First post',
      link: 'https://example.com/posts/first',
      date: '2030-01-02T03:04:05Z',
      author: 'Alice Example',
      categories: ['Examples', 'testing'],
      contentHtml: '<p>Line one<br>of the first paragraph.</p>\n<p>Second paragraph &amp; more.</p>',
      summaryHtml: '<p>Plain &lt;summary&gt; of the first post.</p>',
      enclosures: [{ url: 'https://example.com/media/first.mp3', type: 'audio/mpeg', length: 1000 }],
    });
  });

  it('reads html content as written, an html title as text, and the feed author for an entry without one', () => {
    expect(feed.items[1]).toEqual({
      id: 'urn:example:post:2',
      title: 'Second post',
      link: 'https://example.com/posts/second',
      date: '2030-01-03T00:00:00Z',
      author: 'Feed Author',
      categories: [],
      contentHtml: '<p>The <em>second</em> post.</p>',
    });
  });

  it('keeps the markup of xhtml content, without its wrapping div', () => {
    const item = feed.items[2];
    expect(item?.title).toBe('Third post');
    expect(item?.link).toBe('https://example.com/posts/third');
    expect(item?.contentHtml).toBe(
      '<p>The <strong>third</strong> post<br>with a break &amp; an <a href="https://example.com/x">anchor</a>.</p>\n' +
        '        <img src="https://example.com/i.png" alt="An &quot;image&quot;">',
    );
  });

  it('reads an Atom feed whose elements carry a prefix', () => {
    const doc = `<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>Example Feed</a:title>
      <a:entry><a:title>First post</a:title><a:id>urn:example:1</a:id><a:link href="https://example.com/1"/></a:entry></a:feed>`;
    expect(parseFeed(utf8(doc)).items).toMatchObject([
      { id: 'urn:example:1', title: 'First post', link: 'https://example.com/1' },
    ]);
  });

  it('reads Atom 0.3 dates and escaped content', () => {
    const doc = `<feed version="0.3" xmlns="http://purl.org/atom/ns#"><title>Example Feed</title>
      <entry><title>First post</title><issued>2030-01-02T00:00:00Z</issued><modified>2030-01-03T00:00:00Z</modified>
      <content type="text/html" mode="escaped">&lt;p&gt;First&lt;/p&gt;</content></entry></feed>`;
    expect(parseFeed(utf8(doc)).items[0]).toMatchObject({ date: '2030-01-02T00:00:00Z', contentHtml: '<p>First</p>' });
  });

  it('offers no HTML for content given by reference or in another media type', () => {
    const doc = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Feed</title>
      <entry><title>First post</title><content src="https://example.com/1.html" type="text/html"/></entry>
      <entry><title>Second post</title><content type="application/octet-stream">AAAA</content></entry></feed>`;
    const [first, second] = parseFeed(utf8(doc)).items;
    expect(first?.contentHtml).toBeUndefined();
    expect(second?.contentHtml).toBeUndefined();
  });
});
