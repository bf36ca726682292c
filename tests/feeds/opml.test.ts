import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feeds/errors.js';
import { exportOpml, type OpmlFeed, parseOpml } from '../../src/feeds/opml.js';
import { fixture, utf8 } from './helpers.js';

describe('parseOpml', () => {
  it('flattens nested folders, in document order, and needs only xmlUrl', () => {
    expect(parseOpml(fixture('subscriptions.opml'))).toEqual({
      title: 'Example subscriptions',
      feeds: [
        { url: 'https://example.com/world.xml', title: 'Example World', htmlUrl: 'https://example.com/world/' },
        { url: 'https://example.com/local.xml', title: 'Example Local' },
        { url: 'https://example.org/feed?a=1&b=2', title: 'Untyped & lowercase', htmlUrl: 'https://example.org/' },
        { url: 'https://example.net/feed.xml' },
      ],
    });
  });

  it('reads OPML 1.0 without a head', () => {
    const doc =
      '<opml version="1.0"><body><outline title="Example Feed" xmlUrl="https://example.com/rss"/></body></opml>';
    expect(parseOpml(doc)).toEqual({ feeds: [{ url: 'https://example.com/rss', title: 'Example Feed' }] });
  });

  it.each([
    ['a feed', '<rss version="2.0"/>', "not OPML: the document's root is <rss>"],
    ['entity declarations', '<!DOCTYPE opml [<!ENTITY x "y">]><opml/>', 'declares a DTD/entity: refused'],
    ['malformed XML', '<opml><body></opml>', /^malformed XML at line 1: /],
  ])('rejects %s', (_name, doc, message) => {
    expect(() => parseOpml(utf8(doc))).toThrow(FeedError);
    expect(() => parseOpml(doc)).toThrow(message);
  });
});

describe('exportOpml', () => {
  const feeds: OpmlFeed[] = [
    { url: 'https://example.com/feed?a=1&b=2', title: 'Example "Feed" <one> & co', htmlUrl: 'https://example.com/' },
    { url: 'https://example.org/atom.xml' },
    { url: 'https://example.net/rss', title: 'Tabs\tand\nnewlines' },
  ];

  it('writes OPML 2.0 with escaped attributes', () => {
    expect(exportOpml(feeds, { title: 'Example & subscriptions', dateCreated: new Date(Date.UTC(2030, 0, 1)) })).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        '  <head>',
        '    <title>Example &amp; subscriptions</title>',
        '    <dateCreated>Tue, 01 Jan 2030 00:00:00 GMT</dateCreated>',
        '  </head>',
        '  <body>',
        '    <outline type="rss" text="Example &quot;Feed&quot; &lt;one&gt; &amp; co" title="Example &quot;Feed&quot; &lt;one&gt; &amp; co" xmlUrl="https://example.com/feed?a=1&amp;b=2" htmlUrl="https://example.com/"/>',
        '    <outline type="rss" text="https://example.org/atom.xml" xmlUrl="https://example.org/atom.xml"/>',
        '    <outline type="rss" text="Tabs&#9;and&#10;newlines" title="Tabs&#9;and&#10;newlines" xmlUrl="https://example.net/rss"/>',
        '  </body>',
        '</opml>',
        '',
      ].join('\n'),
    );
  });

  it('round-trips: parse(export(list)) gives the same list', () => {
    expect(parseOpml(exportOpml(feeds, { title: 'Example' }))).toEqual({ title: 'Example', feeds });
  });

  it('round-trips any list of trimmed values XML can carry', () => {
    const xmlChar = fc
      .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
      .map((s) => s.replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '').trim())
      .filter((s) => s !== '');
    const feed = fc.record({ url: xmlChar, title: xmlChar, htmlUrl: xmlChar }, { requiredKeys: ['url'] });
    fc.assert(
      fc.property(fc.array(feed, { maxLength: 8 }), xmlChar, (list, title) => {
        // A title equal to the URL is exported as the placeholder text and read back as no title.
        const expected = list.map(({ title: feedTitle, ...rest }) =>
          feedTitle === undefined || feedTitle === rest.url ? rest : { ...rest, title: feedTitle },
        );
        expect(parseOpml(exportOpml(list, { title }))).toEqual({ title: title.replace(/\s+/g, ' '), feeds: expected });
      }),
    );
  });

  it('drops characters XML 1.0 cannot carry', () => {
    const out = exportOpml([{ url: 'https://example.com/\u0001rss', title: 'a\u0000b\ud800' }], { title: 'x\u001b' });
    expect(parseOpml(out)).toEqual({ title: 'x', feeds: [{ url: 'https://example.com/rss', title: 'ab' }] });
  });
});
