import { describe, expect, it } from 'vitest';
import { FeedError } from '../../src/feeds/errors.js';
import { DEFAULT_MAX_BYTES, parseFeed } from '../../src/feeds/parse.js';
import { bytes, fixture, rss, utf8 } from './helpers.js';

function parseError(input: Uint8Array, options: Parameters<typeof parseFeed>[1] = {}): FeedError {
  try {
    parseFeed(input, options);
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('parseFeed did not throw');
}

describe('encodings, as bytes', () => {
  it('reads a Latin-1 feed declared in its XML declaration', () => {
    const doc = bytes(
      '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>Example Feed</title>',
      '<item><title>First post: caf',
      [0xe9],
      ' cr',
      [0xe8],
      'me br',
      [0xfb],
      'l',
      [0xe9, 0xe9],
      '</title></item></channel></rss>',
    );
    expect(parseFeed(doc).items[0]?.title).toBe('First post: café crème brûléé');
  });

  it('reads a Latin-1 feed without a declaration when the server names the charset', () => {
    const doc = bytes(
      '<rss version="2.0"><channel><title>Example Feed</title><item><title>First post: ol',
      [0xe1],
      ', a',
      [0xe7, 0xe3],
      'o</title></item></channel></rss>',
    );
    expect(parseFeed(doc, { contentType: 'application/rss+xml; charset=ISO-8859-1' }).items[0]?.title).toBe(
      'First post: olá, ação',
    );
  });

  it('reads a windows-1252 feed with curly quotes, dashes and the euro sign', () => {
    const doc = bytes(
      '<?xml version="1.0" encoding="windows-1252"?><rss version="2.0"><channel><title>Example Feed</title>',
      '<item><title>',
      [0x93],
      'First post',
      [0x94, 0x20, 0x96, 0x20],
      'it',
      [0x92],
      's ',
      [0x80],
      '5</title></item></channel></rss>',
    );
    expect(parseFeed(doc).items[0]?.title).toBe('“First post” – it’s €5');
  });

  it.each([
    ['UTF-16LE', [0xff, 0xfe], (s: string) => Buffer.from(s, 'utf16le')],
    ['UTF-16BE', [0xfe, 0xff], (s: string) => Buffer.from(s, 'utf16le').swap16()],
  ])('reads a %s feed with a byte order mark', (_name, bom, encode) => {
    const doc = `<?xml version="1.0" encoding="UTF-16"?>
<rss version="2.0"><channel><title>Example Feed</title><item><title>First post ✓ 日本</title></item></channel></rss>`;
    expect(parseFeed(bytes(bom, [...encode(doc)])).items[0]?.title).toBe('First post ✓ 日本');
  });
});

describe('tolerated breakage', () => {
  const feed = parseFeed(fixture('html-entities.xml'));

  it('decodes HTML named entities inside XML instead of failing', () => {
    expect(feed.title).toBe('Example Feed');
    expect(feed.description).toBe('Café news');
    expect(feed.items[0]?.title).toBe('First post’s café & … — ✓');
    expect(feed.items[0]?.link).toBe('https://example.com/posts/first?a=1&b=2');
    expect(feed.items[0]?.summaryHtml).toBe('Café\u00a0society <i>and</i> &unknownentity; stays.');
  });

  it('reads a double-escaped title as the text it means', () => {
    expect(feed.items[1]?.title).toBe('Second post & a double-escaped ampersand');
  });

  it('reads a bare ampersand as itself, and leaves CDATA as written', () => {
    expect(feed.items[2]).toMatchObject({
      title: 'Third post: Q&A with a bare ampersand',
      link: 'https://example.com/posts/third?x=1&y=2',
      summaryHtml: 'CDATA keeps &amp; as written',
    });
  });

  it('tolerates whitespace before the XML declaration', () => {
    expect(parseFeed(utf8(`\n\n  ${rss('<item><title>First post</title></item>')}`)).items).toHaveLength(1);
  });

  it('drops whatever follows the closed document element', () => {
    for (const tail of [
      '\n<b>Warning</b>: a server message',
      '<rss version="2.0"><channel/></rss>',
      '\n<!-- c --> junk',
    ]) {
      const feed = parseFeed(utf8(`${rss('<item><title>First post</title></item>')}${tail}`));
      expect(feed.items.map((item) => item.title)).toEqual(['First post']);
    }
  });

  it('leaves bad dates as the raw string', () => {
    const feed = parseFeed(fixture('missing-ids.xml'));
    expect(feed.items[1]?.date).toBe('not a date at all');
  });

  it('leaves control characters for the app to sanitise, without failing', () => {
    const doc = rss('<item><title>First\u0001 post \u001b[31mred</title><description>a\u0000b</description></item>');
    const [item] = parseFeed(utf8(doc)).items;
    expect(item?.title).toBe('First\u0001 post \u001b[31mred');
    expect(item?.summaryHtml).toBe('a\u0000b');
  });

  it('survives numeric references outside Unicode', () => {
    const doc = rss('<item><title>First post &#9999999;&#xFFFFFF;&#0;</title></item>');
    expect(parseFeed(utf8(doc)).items[0]?.title).toBe('First post \ufffd\ufffd\ufffd');
  });

  it('survives element names that are Object.prototype properties', () => {
    const doc = rss(
      '<item constructor="x" __proto__="y"><title>First post</title><__proto__>x</__proto__><constructor/><toString>y</toString></item>',
    );
    expect(parseFeed(utf8(doc)).items[0]?.title).toBe('First post');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('ids', () => {
  const feed = parseFeed(fixture('missing-ids.xml'));

  it('uses the link when there is no guid', () => {
    expect(feed.items[0]?.id).toBe('https://example.com/posts/first');
  });

  it('hashes title, date and content otherwise, stably, and keeps duplicates', () => {
    expect(feed.items[1]?.id).toMatch(/^[0-9a-f]{40}$/);
    expect(feed.items[2]?.id).toBe(feed.items[1]?.id);
    expect(parseFeed(fixture('missing-ids.xml')).items[1]?.id).toBe(feed.items[1]?.id);
  });
});

describe('relative links', () => {
  it('resolves RSS links against xml:base, else the channel link, else the feed URL', () => {
    const feed = parseFeed(fixture('relative-links.xml'), { url: 'https://example.com/feeds/rss.xml' });
    expect(feed.link).toBe('https://example.com/blog/');
    expect(feed.items.map((item) => item.link)).toEqual([
      'https://example.com/blog/posts/first',
      'https://cdn.example.org/archive/second.html',
    ]);
    expect(feed.items[1]?.enclosures?.[0]?.url).toBe('https://cdn.example.org/archive/audio/second.mp3');
  });

  it('keeps a relative link as written when no base is known', () => {
    const feed = parseFeed(fixture('relative-links.xml'));
    expect(feed.link).toBe('/blog/');
    expect(feed.items[0]?.link).toBe('posts/first');
  });

  it('resolves Atom links against nested xml:base values', () => {
    const feed = parseFeed(fixture('relative-links.atom'), { url: 'https://feeds.example.com/atom' });
    expect(feed.link).toBe('https://example.com/blog/');
    expect(feed.items.map((item) => item.link)).toEqual([
      'https://example.com/blog/posts/first',
      'https://example.com/other/second',
      'https://mirror.example.net/third',
    ]);
  });

  it('resolves Atom links against the feed URL when there is no xml:base', () => {
    const doc = `<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Feed</title><link href="https://example.com/"/>
      <entry><title>First post</title><link href="posts/first"/></entry></feed>`;
    expect(parseFeed(utf8(doc), { url: 'https://example.com/feeds/atom.xml' }).items[0]?.link).toBe(
      'https://example.com/feeds/posts/first',
    );
    expect(parseFeed(utf8(doc)).items[0]?.link).toBe('https://example.com/posts/first');
  });
});

describe('not a feed', () => {
  it.each([
    ['an HTML page', fixture('page.html'), 'html', "not a feed: the document's root is <html> (a web page)"],
    ['an empty document', utf8('  \n'), 'empty', 'not a feed: the document is empty'],
    ['plain text', utf8('hello'), 'not-a-feed', 'not a feed: the document is neither XML nor JSON'],
    [
      'another XML vocabulary',
      utf8('<svg xmlns="http://www.w3.org/2000/svg"/>'),
      'not-a-feed',
      "not a feed: the document's root is <svg>",
    ],
    [
      'JSON that is not a feed',
      utf8('{"name": "x"}'),
      'not-a-feed',
      'not a feed: JSON without a JSON Feed version or items',
    ],
    [
      'a <feed> in a foreign namespace',
      utf8('<feed xmlns="https://example.com/not-atom"><title>x</title></feed>'),
      'not-a-feed',
      "not a feed: the document's root is <feed> in namespace http://example.com/not-atom",
    ],
  ])('rejects %s', (_name, input, kind, message) => {
    expect(parseError(input)).toMatchObject({ kind, message });
  });
});

describe('malformed documents', () => {
  it('reports the line of the first XML error', () => {
    const error = parseError(fixture('malformed.xml'));
    expect(error.kind).toBe('malformed');
    expect(error.message).toMatch(
      /^malformed XML at line 3: Expected closing tag 'title' \(opened in line 3, col 7\) instead of closing tag 'item'$/,
    );
  });

  it('counts lines removed with leading whitespace', () => {
    const error = parseError(utf8('\n\n<rss>\n<channel>\n</rss>'));
    expect(error.message).toMatch(/^malformed XML at line 5:/);
  });

  it('reports an unclosed document', () => {
    expect(parseError(utf8('<rss version="2.0"><channel><title>x</title>')).message).toMatch(
      /^malformed XML at line 1: /,
    );
  });

  it('reports the line of a JSON error where V8 gives a position', () => {
    const error = parseError(
      utf8('{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": [] "title": "x"\n}'),
    );
    expect(error).toMatchObject({ kind: 'malformed' });
    expect(error.message).toMatch(/^malformed JSON at line 3: /);
  });

  it('reports a JSON error without quoting the document', () => {
    const error = parseError(utf8('{\n  "items": [,]\n}'));
    expect(error).toMatchObject({ kind: 'malformed', message: "malformed JSON: Unexpected token ','" });
  });

  it('gives one line for every error', () => {
    for (const input of [fixture('malformed.xml'), fixture('page.html'), utf8('{"items": [')]) {
      expect(parseError(input).message).not.toContain('\n');
    }
  });
});

describe('hostile documents', () => {
  it('refuses an external entity (XXE) without reading or fetching anything', () => {
    expect(parseError(fixture('xxe.xml'))).toMatchObject({
      kind: 'refused',
      message: 'declares a DTD/entity: refused',
    });
  });

  it('never resolves an external DTD, and leaves undeclared references as written', () => {
    const feed = parseFeed(fixture('external-dtd.xml'));
    expect(feed.items[0]?.title).toBe('First post &xxe;');
  });

  it('refuses the billion laughs at once, with no expansion', () => {
    const started = performance.now();
    expect(parseError(fixture('billion-laughs.xml'))).toMatchObject({ kind: 'refused' });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('refuses entity declarations hidden behind comments, quotes and parameter entities', () => {
    const doc = `<?xml version="1.0"?><!-- a comment --><!DOCTYPE rss SYSTEM "x]>" [
      <!-- <!ENTITY in a comment> -->
      <!ENTITY % p SYSTEM "https://example.invalid/evil.dtd"> %p;
    ]><rss/>`;
    expect(parseError(utf8(doc)).kind).toBe('refused');
  });

  it('never expands an entity even where no DOCTYPE is expected', () => {
    const doc = rss('<item><title>First post &lol;</title></item>').replace(
      '<channel>',
      '<channel><!DOCTYPE x [<!ENTITY lol "LOL">]>',
    );
    const feed = parseFeed(utf8(doc));
    expect(feed.items[0]?.title).toBe('First post &lol;');
  });

  it('refuses elements nested deeper than the limit', () => {
    const depth = 10_000;
    const doc = rss(
      `<item><title>First post</title><description>${'<b>'.repeat(depth)}x${'</b>'.repeat(depth)}</description></item>`,
    );
    expect(parseError(utf8(doc))).toMatchObject({
      kind: 'refused',
      message: 'elements nested deeper than 200 levels: refused',
    });
  });

  it('accepts nesting within the limit, and the limit is a parameter', () => {
    const doc = rss(`<item><title>First post</title><x>${'<b>'.repeat(20)}x${'</b>'.repeat(20)}</x></item>`);
    expect(parseFeed(utf8(doc)).items).toHaveLength(1);
    expect(parseError(utf8(doc), { maxDepth: 10 }).kind).toBe('refused');
  });

  it('survives deeply nested JSON', () => {
    const depth = 100_000;
    const doc = `{"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","x":${'['.repeat(depth)}${']'.repeat(depth)}}]}`;
    expect(parseFeed(utf8(doc)).items).toHaveLength(1);
  });

  it('refuses input over the size limit before decoding it', () => {
    const big = new Uint8Array(DEFAULT_MAX_BYTES + 1).fill(0x20);
    expect(parseError(big)).toMatchObject({ kind: 'too-large', message: 'over the 10 MiB limit (10.0 MiB)' });
    expect(parseError(utf8(rss('')), { maxBytes: 64 }).message).toMatch(/^over the 64 bytes limit/);
  });

  it('parses a feed of nearly the size limit in reasonable time', () => {
    const item =
      '<item><title>Example post &amp; more</title><description>&lt;p&gt;Text&lt;/p&gt;</description></item>\n';
    const doc = utf8(rss(item.repeat(Math.floor((DEFAULT_MAX_BYTES - 200) / item.length))));
    const started = performance.now();
    const feed = parseFeed(doc);
    expect(feed.items.length).toBeGreaterThan(90_000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
