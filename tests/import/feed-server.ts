// Synthetic feeds in every format news reads (an invented paper, the Northvale Courier, and invented
// stories), and a server on 127.0.0.1 that answers from a table the test can change: never any other host.

import { writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { temporaryFolder } from '../helpers.js';

/** One invented story. */
export interface Story {
  id: string;
  title: string;
  /** A path on the paper's invented site, or an absolute address. */
  link?: string;
  date?: string;
  author?: string;
  categories?: string[];
  /** Full content, as HTML. */
  content?: string;
  /** A summary, as HTML (RSS description). */
  summary?: string;
}

export const COURIER = 'Northvale Courier';
const SITE = 'https://courier.example';

/** An OPML file listing `urls` (no titles: a fetch learns them), written to a temporary folder. */
export function opmlFile(urls: readonly string[]): string {
  const path = join(temporaryFolder('news-opml-'), 'feeds.opml');
  const outlines = urls.map((url) => `<outline type="rss" text="${url}" xmlUrl="${url}"/>`).join('\n');
  writeFileSync(
    path,
    `<?xml version="1.0"?><opml version="2.0"><head><title>t</title></head><body>${outlines}</body></opml>`,
  );
  return path;
}

/** Paragraphs of an invented story, long enough to read as an article. */
export function storyBody(topic: string, words = 60): string {
  const sentence = `The ${topic} was discussed at length by the people of Northvale on a windy afternoon by the harbour.`;
  const count = Math.max(1, Math.ceil(words / sentence.split(' ').length));
  return Array.from({ length: count }, (_, index) => `<p>${sentence} Paragraph ${index + 1}.</p>`).join('');
}

/** Stories numbered from 1: distinct titles, links, dates and text. */
export function stories(count: number, prefix = 'Story'): Story[] {
  return Array.from({ length: count }, (_, index) => {
    const number = index + 1;
    return {
      id: `${prefix.toLowerCase()}-${number}`,
      title: `${prefix} ${number}: the ${['ferry', 'market', 'library', 'bridge', 'school'][index % 5]} of Northvale`,
      link: `${SITE}/${prefix.toLowerCase()}/${number}`,
      date: `Tue, 0${(index % 9) + 1} Apr 2024 09:00:00 +0000`,
      author: 'Ada Quill',
      categories: ['Northvale'],
      content: storyBody(`${prefix.toLowerCase()} number ${number}`),
      summary: `<p>A short summary of ${prefix.toLowerCase()} ${number}.</p>`,
    };
  });
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const cdata = (html: string) => `<![CDATA[${html}]]>`;
const absolute = (link: string | undefined) => (link === undefined ? undefined : new URL(link, SITE).href);

/** RSS 2.0 with content:encoded, dc:creator, dc:date-free pubDate, media:content and a self link. */
export function rss2(items: readonly Story[], title = COURIER, self?: string): string {
  const entries = items.map(
    (item) => `<item>
<title>${escapeXml(item.title)}</title>
${item.link === undefined ? '' : `<link>${escapeXml(item.link)}</link>`}
<guid isPermaLink="false">${escapeXml(item.id)}</guid>
${item.date === undefined ? '' : `<pubDate>${item.date}</pubDate>`}
${item.author === undefined ? '' : `<dc:creator>${escapeXml(item.author)}</dc:creator>`}
${(item.categories ?? []).map((category) => `<category>${escapeXml(category)}</category>`).join('')}
${item.summary === undefined ? '' : `<description>${cdata(item.summary)}</description>`}
${item.content === undefined ? '' : `<content:encoded>${cdata(item.content)}</content:encoded>`}
<media:content url="${SITE}/media/${escapeXml(item.id)}.jpg" type="image/jpeg"/>
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(title)}</title>
<link>${SITE}/</link>
<description>Invented news from Northvale, for tests.</description>
${self === undefined ? '' : `<atom:link rel="self" type="application/rss+xml" href="${escapeXml(self)}"/>`}
${entries.join('\n')}
</channel>
</rss>`;
}

/** RSS 0.91 (with its public DOCTYPE) or 0.92: description only, no guid. */
export function rss09x(items: readonly Story[], version: '0.91' | '0.92', title = COURIER): string {
  const doctype =
    version === '0.91'
      ? '<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n'
      : '';
  const entries = items.map(
    (item) =>
      `<item><title>${escapeXml(item.title)}</title>${item.link === undefined ? '' : `<link>${escapeXml(item.link)}</link>`}<description>${escapeXml(item.content ?? item.summary ?? '')}</description></item>`,
  );
  return `<?xml version="1.0" encoding="ISO-8859-1"?>
${doctype}<rss version="${version}"><channel><title>${escapeXml(title)}</title><link>${SITE}/</link><description>Invented news</description><language>en</language>
${entries.join('\n')}
</channel></rss>`;
}

/** RSS 1.0 (RDF) with dc:date and content:encoded. */
export function rdf(items: readonly Story[], title = COURIER): string {
  const entries = items.map(
    (item) => `<item rdf:about="${escapeXml(absolute(item.link) ?? `${SITE}/${item.id}`)}">
<title>${escapeXml(item.title)}</title><link>${escapeXml(absolute(item.link) ?? `${SITE}/${item.id}`)}</link>
<dc:date>2024-04-02T10:00:00Z</dc:date><dc:subject>Northvale</dc:subject>
<description>${escapeXml(item.summary ?? '')}</description>
${item.content === undefined ? '' : `<content:encoded>${cdata(item.content)}</content:encoded>`}
</item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel rdf:about="${SITE}/rdf"><title>${escapeXml(title)}</title><link>${SITE}/</link><description>Invented news</description></channel>
${entries.join('\n')}
</rdf:RDF>`;
}

/** Atom 1.0: html content, summary, categories, author, a self link. */
export function atom(items: readonly Story[], title = COURIER, self?: string): string {
  const entries = items.map(
    (item) => `<entry>
<id>urn:courier:${escapeXml(item.id)}</id>
<title>${escapeXml(item.title)}</title>
${item.link === undefined ? '' : `<link rel="alternate" type="text/html" href="${escapeXml(item.link)}"/>`}
<updated>2024-04-03T08:30:00+02:00</updated><published>2024-04-03T08:00:00+02:00</published>
<author><name>${escapeXml(item.author ?? 'Courier staff')}</name></author>
${(item.categories ?? []).map((category) => `<category term="${escapeXml(category)}"/>`).join('')}
${item.summary === undefined ? '' : `<summary type="html">${escapeXml(item.summary)}</summary>`}
${item.content === undefined ? '' : `<content type="html">${escapeXml(item.content)}</content>`}
</entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="${SITE}/">
<title>${escapeXml(title)}</title><id>urn:courier:atom</id><updated>2024-04-03T08:30:00Z</updated>
<link rel="alternate" href="${SITE}/"/>${self === undefined ? '' : `<link rel="self" href="${escapeXml(self)}"/>`}
${entries.join('\n')}
</feed>`;
}

/** JSON Feed 1.1: content_html, summary, tags, authors. */
export function jsonFeed(items: readonly Story[], title = COURIER): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: `${SITE}/`,
    items: items.map((item) => ({
      id: item.id,
      url: absolute(item.link),
      title: item.title,
      content_html: item.content,
      summary: item.summary?.replace(/<[^>]+>/g, ''),
      date_published: '2024-04-04T12:00:00Z',
      tags: item.categories,
      authors: [{ name: item.author ?? 'Courier staff' }],
    })),
  });
}

/** How the server answers a path: a status, headers and a body, or nothing at all (a server that hangs). */
export type Answer = (request: IncomingMessage, response: ServerResponse) => void;

/** Answers with `body` and `type`; with `etag`, answers 304 to a request that already has it. */
export function feedAnswer(body: string | Buffer, type = 'application/rss+xml', etag?: string): Answer {
  return (request, response) => {
    if (etag !== undefined && request.headers['if-none-match'] === etag) {
      response.writeHead(304, { etag });
      response.end();
      return;
    }
    response.writeHead(200, { 'content-type': type, ...(etag === undefined ? {} : { etag }) });
    response.end(body);
  };
}

export function redirectAnswer(status: number, location: string): Answer {
  return (_request, response) => {
    response.writeHead(status, { location });
    response.end();
  };
}

export function statusAnswer(status: number): Answer {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/plain' });
    response.end(`status ${status}`);
  };
}

/** A request as the server saw it. */
export interface Seen {
  path: string;
  headers: IncomingMessage['headers'];
}

/** A server on 127.0.0.1 answering from `routes` (a 404 for anything else), keeping every request it saw. */
export class FeedServer {
  readonly routes = new Map<string, Answer>();
  readonly seen: Seen[] = [];
  private server: Server | undefined;
  base = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const path = request.url ?? '/';
      this.seen.push({ path, headers: request.headers });
      const answer = this.routes.get(path);
      if (answer) answer(request, response);
      else statusAnswer(404)(request, response);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** The requests made for `path`. */
  requests(path: string): Seen[] {
    return this.seen.filter((request) => request.path === path);
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** A FeedServer for the test file that calls this: started before its tests, stopped after, its routes and requests cleared before each. */
export function useFeedServer(): FeedServer {
  const server = new FeedServer();
  beforeAll(() => server.start());
  afterAll(() => server.stop());
  beforeEach(() => {
    server.routes.clear();
    server.seen.length = 0;
  });
  return server;
}
