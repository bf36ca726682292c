// The feeds' HTTP client against a server this test starts on 127.0.0.1: validators, redirects, encodings, caps.

import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { FEED_ACCEPT, type HttpError, httpGet } from '../../src/feeds/http.js';
import { feedAnswer, redirectAnswer, statusAnswer, useFeedServer } from '../import/feed-server.js';

const server = useFeedServer();

const OPTIONS = {
  userAgent: 'news/test (command-line news reader)',
  timeoutMs: 2000,
  maxBytes: 1024 * 1024,
  accept: FEED_ACCEPT,
};

async function failure(path: string, options: Partial<typeof OPTIONS> = {}): Promise<HttpError> {
  try {
    await httpGet(server.url(path), { ...OPTIONS, ...options });
  } catch (error) {
    return error as HttpError;
  }
  throw new Error(`${path} did not fail`);
}

describe('httpGet', () => {
  it('sends the validators it was given and the headers of a polite client; a 304 is nothing to read', async () => {
    server.routes.set('/feed', feedAnswer('<rss/>', 'application/rss+xml', '"abc"'));
    const first = await httpGet(server.url('/feed'), OPTIONS);
    expect(first).toMatchObject({ status: 'ok', etag: '"abc"', contentType: 'application/rss+xml' });
    const second = await httpGet(server.url('/feed'), {
      ...OPTIONS,
      etag: '"abc"',
      lastModified: 'Tue, 02 Apr 2024 10:00:00 GMT',
    });
    expect(second).toEqual({ status: 'not-modified', url: server.url('/feed') });
    const headers = server.requests('/feed')[1]?.headers;
    expect(headers).toMatchObject({
      'if-none-match': '"abc"',
      'if-modified-since': 'Tue, 02 Apr 2024 10:00:00 GMT',
      'user-agent': 'news/test (command-line news reader)',
      'accept-encoding': 'gzip, deflate, br',
    });
    expect(headers?.accept).toMatch(/^application\/rss\+xml, application\/atom\+xml, application\/feed\+json/);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('decodes a %s body', async (encoding, compress) => {
    server.routes.set('/packed', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': encoding });
      response.end(compress(Buffer.from('<rss version="2.0"/>')));
    });
    const answer = await httpGet(server.url('/packed'), OPTIONS);
    expect(answer.status === 'ok' && Buffer.from(answer.bytes).toString()).toBe('<rss version="2.0"/>');
  });

  it('caps what it reads after decompression', async () => {
    server.routes.set('/bomb', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      response.end(gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)));
    });
    const error = await failure('/bomb');
    expect(error.message).toBe('is over the 1 MiB limit; raise NEWS_MAX_IMPORT_BYTES to import it');
    expect(error.transient).toBe(false);
  });

  it.each([
    [[301], '/end'],
    [[308, 301], '/end'],
    [[301, 302], '/hop1'],
    [[302, 301], undefined],
    [[307], undefined],
  ])('after redirects %j, says the feed moved to %s', async (statuses, moved) => {
    statuses.forEach((status, index) => {
      const next = index === statuses.length - 1 ? '/end' : `/hop${index + 1}`;
      server.routes.set(`/hop${index}`, redirectAnswer(status, next));
    });
    server.routes.set('/end', feedAnswer('<rss/>'));
    const answer = await httpGet(server.url('/hop0'), OPTIONS);
    expect(answer.url).toBe(server.url('/end'));
    expect(answer.movedTo).toBe(moved === undefined ? undefined : server.url(moved));
  });

  it('says a 410 is gone, and tells transient failures from lasting ones', async () => {
    server.routes.set('/gone', statusAnswer(410));
    expect(await httpGet(server.url('/gone'), OPTIONS)).toEqual({ status: 'gone', url: server.url('/gone') });
    for (const [status, transient] of [
      [500, true],
      [503, true],
      [429, true],
      [408, true],
      [404, false],
      [403, false],
    ] as const) {
      server.routes.set(`/status${status}`, statusAnswer(status));
      const error = await failure(`/status${status}`);
      expect([error.status, error.transient]).toEqual([status, transient]);
    }
    server.routes.set('/hangs', () => undefined);
    const timeout = await failure('/hangs', { timeoutMs: 200 });
    expect([timeout.message, timeout.transient]).toEqual([
      'no complete answer within 0.2 s; try again or raise --timeout',
      true,
    ]);
  });

  it('fetches only http and https addresses', async () => {
    await expect(httpGet('file:///etc/passwd', OPTIONS)).rejects.toThrow(
      'is a file: address; only http and https addresses are fetched',
    );
  });
});
