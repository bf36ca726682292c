import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse.js';
import { fixture, utf8 } from './helpers.js';

describe('JSON Feed 1.1', () => {
  const feed = parseFeed(fixture('feed-1.1.json'), { url: 'https://example.com/feed.json' });

  it('reads the feed', () => {
    expect(feed).toMatchObject({
      format: 'jsonfeed1.x',
      title: 'Example Feed',
      link: 'https://example.com/',
      description: 'An example feed in JSON Feed 1.1.',
    });
  });

  it('reads authors, tags, summary, content_html and attachments', () => {
    expect(feed.items[0]).toEqual({
      id: '1',
      title: 'First post',
      link: 'https://example.com/posts/first',
      date: '2030-01-02T03:04:05Z',
      author: 'Alice Example, Bob Example',
      categories: ['Examples', 'Testing'],
      contentHtml: '<p>The <em>first</em> post.</p>',
      summaryHtml: '<p>Summary of the first post.</p>',
      enclosures: [{ url: 'https://example.com/media/first.mp3', type: 'audio/mpeg', length: 1000 }],
    });
  });

  it('turns content_text into escaped paragraphs, a numeric id into a string, and inherits the feed authors', () => {
    expect(feed.items[1]).toEqual({
      id: '2',
      title: '',
      link: 'https://example.com/posts/second',
      date: '2030-01-03T00:00:00Z',
      author: 'Feed Author',
      categories: [],
      contentHtml: '<p>A post without a title.</p>\n<p>Its second paragraph &lt;not markup&gt;.</p>',
    });
  });
});

describe('JSON Feed 1.0', () => {
  it('reads author (singular), content_text, and external_url when url is missing', () => {
    const feed = parseFeed(fixture('feed-1.0.json'));
    expect(feed.items).toEqual([
      {
        id: 'https://example.com/posts/first',
        title: 'First post',
        link: 'https://example.com/posts/first',
        date: '2030-01-02T03:04:05Z',
        author: 'Alice Example',
        categories: [],
        contentHtml: '<p>The first post.</p>',
      },
      {
        id: 'https://example.com/posts/second',
        title: 'Second post',
        link: 'https://example.org/elsewhere',
        author: 'Feed Author',
        categories: [],
        contentHtml: '<p>Second.</p>',
      },
    ]);
  });

  it('ignores values of the wrong type instead of failing', () => {
    const doc = {
      version: 'https://jsonfeed.org/version/1.1',
      title: 42,
      items: [
        { id: { nested: true }, title: ['x'], url: 7, tags: 'not-a-list', attachments: [null, { url: 5 }] },
        'junk',
      ],
    };
    const feed = parseFeed(utf8(JSON.stringify(doc)));
    expect(feed.title).toBe('');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]).toMatchObject({ title: '', categories: [] });
    expect(feed.items[0]?.id).toMatch(/^[0-9a-f]{40}$/);
  });
});
