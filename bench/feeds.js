// Synthetic feeds for benchmarking `news fetch`, and the server that serves them on 127.0.0.1: RSS 2.0
// documents of items with full content in pseudo-words (no feed reads as news), each with an ETag so
// that a second fetch is answered 304. Deterministic: the same feed and item numbers give
// byte-identical documents on every machine.
//
// `node bench/feeds.js --serve FEEDS ITEMS PORTFILE` serves /feed/<n>.xml for n below FEEDS and
// writes its port to PORTFILE once it listens (bench/run.js reads it; its own runs block its thread).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createRandom } from './corpus.js';
import { pseudoWord, sentence } from './pages.js';

/** An item's content: five to eight paragraphs, some with a link or emphasis, as feeds' full content is. */
function content(random) {
  const paragraphs = Array.from({ length: 5 + Math.floor(random() * 4) }, (_, index) => {
    const text = Array.from({ length: 3 + Math.floor(random() * 3) }, () =>
      sentence(random, 8 + Math.floor(random() * 12)),
    ).join(' ');
    return index % 3 === 1
      ? `<p>${text} <a href="https://bench.example/more">${pseudoWord(random)}</a> <em>${pseudoWord(random)}</em>.</p>`
      : `<p>${text}</p>`;
  });
  return paragraphs.join('\n');
}

/** Feed number `feed` with `items` items: RSS 2.0 with content:encoded, categories and dates. */
export function makeFeed(feed, items) {
  const random = createRandom(1000 + feed);
  const title = `Bench feed ${feed}`;
  const entries = Array.from({ length: items }, (_, index) => {
    const day = String(1 + (index % 28)).padStart(2, '0');
    return `<item>
<title>${sentence(random, 4 + Math.floor(random() * 6)).slice(0, -1)} ${feed}-${index}</title>
<link>https://bench.example/${feed}/${index}</link>
<guid isPermaLink="false">bench-${feed}-${index}</guid>
<pubDate>${['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'][index % 7]}, ${day} Feb 2026 ${String(index % 24).padStart(2, '0')}:00:00 +0000</pubDate>
<category>${pseudoWord(random)}</category>
<description>${sentence(random, 20)}</description>
<content:encoded><![CDATA[${content(random)}]]></content:encoded>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>${title}</title>
<link>https://bench.example/${feed}/</link>
<description>Synthetic feed for news's benchmark</description>
${entries.join('\n')}
</channel>
</rss>
`;
}

/** Serves `feeds` feeds of `items` items each on 127.0.0.1, answering 304 to a request that sends its ETag back. */
export function serveFeeds(feeds, items, onListening) {
  const documents = Array.from({ length: feeds }, (_, feed) => {
    const body = Buffer.from(makeFeed(feed, items));
    return { body, etag: `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"` };
  });
  const server = createServer((request, response) => {
    const match = /^\/feed\/(\d+)\.xml$/.exec(request.url ?? '');
    const document = match ? documents[Number(match[1])] : undefined;
    if (!document) {
      response.writeHead(404);
      response.end();
      return;
    }
    if (request.headers['if-none-match'] === document.etag) {
      response.writeHead(304, { etag: document.etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/rss+xml', etag: document.etag });
    response.end(document.body);
  });
  server.listen(0, '127.0.0.1', () => onListening(server.address().port));
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--serve') {
  const [feeds, items, portFile] = process.argv.slice(3);
  serveFeeds(Number(feeds), Number(items), (port) => writeFileSync(portFile, String(port)));
  process.on('SIGTERM', () => process.exit(0));
}
