import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../../src/feeds/parse.js';
import { articlesOfFeed, fragmentToMarkdown } from '../../src/import/feed.js';
import { ROOT } from '../helpers.js';

const fixture = (name: string) => readFileSync(join(ROOT, 'tests', 'feeds', 'fixtures', name));

describe('articlesOfFeed', () => {
  it('makes every item an article: full content before the summary, the feed as source', () => {
    const drafts = articlesOfFeed(parseFeed(fixture('rss-2.0.xml')));
    expect(drafts).toHaveLength(3);
    expect(drafts[0]).toMatchObject({
      title: 'First post',
      date: '2030-01-02',
      author: 'Alice Example, Bob Example',
      source: 'Example Feed',
      url: 'https://example.com/posts/first',
      tags: ['Examples', 'Testing'],
      summary: 'Summary of the first post.',
      body: 'The _first_ post, in full.',
    });
    expect(drafts[1]).toMatchObject({
      title: 'Second post',
      date: '2030-01-03',
      body: 'Only a media description \\<plain>.',
    });
  });

  it('reads Atom and JSON Feed items the same way', () => {
    for (const name of ['atom.xml', 'feed-1.1.json']) {
      const drafts = articlesOfFeed(parseFeed(fixture(name)));
      expect(drafts.length).toBeGreaterThan(0);
      for (const draft of drafts) expect(draft.source).toBeTruthy();
    }
  });

  it('notes a date it cannot read instead of guessing', () => {
    const feed = parseFeed(
      new TextEncoder().encode(
        '<rss version="2.0"><channel><title>Example Gazette</title><item><title>A</title><pubDate>sometime soon</pubDate><description>x</description></item></channel></rss>',
      ),
    );
    const [draft] = articlesOfFeed(feed);
    expect(draft?.date).toBeUndefined();
    expect(draft?.notes.join()).toMatch(/sometime soon/);
  });
});

describe('fragmentToMarkdown', () => {
  it('keeps no script, style, iframe, hidden element, tracking image or script link', () => {
    const { markdown } = fragmentToMarkdown(
      `<p>Kept <a href="javascript:alert(1)">label</a> <a href="data:text/html,x">data</a> <a href="/rel">relative</a>.</p>
       <script>alert(1)</script><style>p{}</style><iframe src="https://ads.example/"></iframe>
       <p hidden>hidden</p><div style="display:none">invisible</div><img src="https://t.example/p.gif" width="1" height="1">
       <form><input value="x"><p>form text</p></form>`,
      'https://gazette.example/story',
    );
    expect(markdown).toBe('Kept label data [relative](https://gazette.example/rel).');
  });
});
