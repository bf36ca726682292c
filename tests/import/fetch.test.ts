// news import of http(s) addresses, against a server this test starts on 127.0.0.1 (never any other host).

import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lines, runCli, temporaryFolder } from '../helpers.js';
import { articlePage, STORY_TITLE } from './pages.js';

const PAGE = articlePage({ head: '<meta property="article:published_time" content="2024-03-05">' });
const LATIN1_PAGE = articlePage({ title: 'Caf\u00e9 cr\u00e8me in Riverton' }).replace(
  '<meta charset="utf-8">',
  '<meta charset="iso-8859-1">',
);
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Gazette</title><link>https://gazette.example/</link>
<item><title>Ferry returns</title><link>/local/ferry</link><description>The Northvale ferry made its first crossing of the year on Tuesday.</description></item>
</channel></rss>`;

let server: Server;
let base = '';
const seen: { userAgent?: string | undefined } = {};

/** The answer to each path; anything else is a 404. */
const ROUTES: Record<string, (response: ServerResponse) => void> = {
  '/page': (response) => send(response, PAGE),
  '/loop': (response) => redirect(response, '/loop'),
  '/to-file': (response) => redirect(response, 'file:///etc/passwd'),
  '/gzip': (response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    response.end(gzipSync(PAGE));
  },
  '/latin1': (response) => send(response, Buffer.from(LATIN1_PAGE, 'latin1'), 'text/html; charset=ISO-8859-1'),
  '/feed': (response) => send(response, FEED, 'application/rss+xml'),
  '/big': (response) => {
    // Chunked, no length announced: news must stop reading past its cap.
    response.writeHead(200, { 'content-type': 'text/html' });
    const chunk = `<p>${'Northvale '.repeat(1000)}</p>`;
    for (let index = 0; index < 200; index++) response.write(chunk);
    response.end();
  },
  '/big-declared': (response) => {
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': String(50 * 1024 * 1024) });
    response.write('<p>');
  },
  // Never answers.
  '/slow': () => undefined,
};

function send(response: ServerResponse, body: string | Buffer, type = 'text/html; charset=utf-8'): void {
  response.writeHead(200, { 'content-type': type });
  response.end(body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location });
  response.end();
}

function route(request: IncomingMessage, response: ServerResponse): void {
  const path = request.url ?? '/';
  seen.userAgent = request.headers['user-agent'];
  const hops = /^\/hops\/(\d+)$/.exec(path);
  const answer = ROUTES[path];
  if (hops) {
    redirect(response, Number(hops[1]) === 0 ? '/page' : `/hops/${Number(hops[1]) - 1}`);
  } else if (answer) {
    answer(response);
  } else {
    response.writeHead(404, { 'content-type': 'text/plain' });
    response.end('not here');
  }
}

beforeAll(async () => {
  server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function importUrls(paths: string[], options: string[] = [], env: Record<string, string> = {}) {
  const library = join(temporaryFolder('news-fetch-'), 'library');
  const urls = paths.map((path) => `${base}${path}`);
  const result = await runCli(['import', ...urls, '--to', library, '--json', ...options], { env });
  return { ...result, library, rows: result.stdout === '' ? [] : JSON.parse(result.stdout) };
}

describe('news import <address>', () => {
  it('fetches a page, naming news in its User-Agent, and records the address it came from', async () => {
    const { code, rows, library } = await importUrls(['/page']);
    expect(code).toBe(0);
    expect(rows[0]).toMatchObject({ status: 'imported', title: STORY_TITLE, date: '2024-03-05', url: `${base}/page` });
    expect(seen.userAgent).toMatch(/^news\/\S+ \(command-line news reader\)$/);
    expect(readFileSync(join(library, `${rows[0].slug}.md`), 'utf8')).toContain(`url: ${base}/page`);
  });

  it('follows up to five redirects, to the address it ends at', async () => {
    const { code, rows } = await importUrls(['/hops/4']);
    expect(code).toBe(0);
    expect(rows[0]).toMatchObject({ status: 'imported', url: `${base}/page` });
  });

  it.each([
    ['/hops/5', 'redirects more than 5 times'],
    ['/loop', 'redirects more than 5 times'],
    ['/to-file', 'redirects to a file: address; only http and https are followed'],
    ['/missing', 'the server answered 404 Not Found'],
    ['/big', 'is over the 100 KiB limit'],
    ['/big-declared', 'is over the 100 KiB limit'],
  ])('refuses %s: %s', async (path, message) => {
    const { code, rows, stderr, library } = await importUrls([path], [], { NEWS_MAX_IMPORT_BYTES: String(100 * 1024) });
    expect(code).toBe(2);
    expect(rows[0]).toMatchObject({ status: 'failed' });
    expect(rows[0].message).toContain(message);
    expect(lines(stderr)).toEqual([expect.stringContaining(`news: ${base}${path}: ${message}`)]);
    expect(() => readdirSync(library)).toThrow();
  });

  it('gives up on a server that never answers after --timeout', async () => {
    const started = Date.now();
    const { code, rows } = await importUrls(['/slow', '/page'], ['--timeout', '0.5']);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(code).toBe(2);
    expect(rows.map((row: { status: string }) => row.status)).toEqual(['failed', 'imported']);
    expect(rows[0].message).toBe('no complete answer within 0.5 s; try again or raise --timeout');
  });

  it('reads a gzip-encoded page', async () => {
    const { rows } = await importUrls(['/gzip']);
    expect(rows[0]).toMatchObject({ status: 'imported', title: STORY_TITLE });
  });

  it('decodes a Latin-1 page by the charset its server names', async () => {
    const { rows } = await importUrls(['/latin1']);
    expect(rows[0]).toMatchObject({ status: 'imported', title: 'Café crème in Riverton' });
  });

  it('imports a feed it fetched, its links resolved against the feed', async () => {
    const { rows } = await importUrls(['/feed']);
    expect(rows[0]).toMatchObject({
      status: 'imported',
      title: 'Ferry returns',
      url: 'https://gazette.example/local/ferry',
    });
  });

  it('cannot connect to a port nothing listens on, and says so', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const library = temporaryFolder('news-fetch-');
    const { code, stderr } = await runCli(['import', `http://127.0.0.1:${port}/page`, '--to', library]);
    expect(code).toBe(2);
    expect(stderr).toBe(`news: http://127.0.0.1:${port}/page: cannot connect (connection refused)\n`);
  });
});
