// Polite HTTP for feeds and pages: Node's fetch with redirects followed by hand and checked, conditional
// requests, one deadline for the whole exchange, and a size cap that stops reading past it.

import { NewsError } from '../errors.js';

/** Redirects followed before giving up: browsers allow 20, five is plenty for a feed or an article. */
export const MAX_REDIRECTS = 5;

const WEB_SCHEMES = new Set(['http:', 'https:']);

/** Why an address could not be fetched, in words that follow its name (`news: <address>: <message>`). */
export class HttpError extends NewsError {
  constructor(
    message: string,
    /** Whether trying again later may well work: the network, a timeout, a 5xx, 408 or 429. */
    readonly transient: boolean,
    /** The status the server answered with, when that was the trouble. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface HttpOptions {
  /** The User-Agent header: `news/<version> (command-line news reader)`. */
  userAgent: string;
  /** The whole exchange (every redirect and the body) must end within this many milliseconds. */
  timeoutMs: number;
  /** Reading stops past this many bytes (after decompression). */
  maxBytes: number;
  /** The Accept header: what the caller hopes for. */
  accept: string;
  /** The ETag of the last answer: sent as If-None-Match, so an unchanged document costs nothing. */
  etag?: string | undefined;
  /** The Last-Modified of the last answer: sent as If-Modified-Since. */
  lastModified?: string | undefined;
}

/** What the address answered, after redirects. */
interface Answered {
  /** The address the answer came from, after redirects. */
  url: string;
  /**
   * The address the leading run of permanent redirects (301, 308) ended at, when the request was
   * permanently redirected: where a subscription now lives. A temporary redirect (302, 303, 307)
   * after it is not followed into it.
   */
  movedTo?: string;
}

export type HttpAnswer =
  | (Answered & {
      status: 'ok';
      bytes: Uint8Array;
      contentType?: string;
      /** Validators for the next conditional request. */
      etag?: string;
      lastModified?: string;
    })
  /** 304: nothing changed since the validators sent. */
  | (Answered & { status: 'not-modified' })
  /** 410: the document is gone for good. */
  | (Answered & { status: 'gone' });

/** The accept header for feeds: every feed media type first, XML and JSON next, anything last. */
export const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/** The accept header for pages (and whatever `news import` is given). */
export const PAGE_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5';

/** "10 MiB", "512 KiB", "300 bytes": sizes in messages. */
export function formatSize(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  if (mib >= 1) return `${Number.isInteger(mib) ? mib : mib.toFixed(1)} MiB`;
  const kib = bytes / 1024;
  return kib >= 1 ? `${Number.isInteger(kib) ? kib : kib.toFixed(1)} KiB` : `${bytes} bytes`;
}

/** The one-line cause for a document over the cap. */
export function tooLargeError(maxBytes: number): HttpError {
  return new HttpError(`is over the ${formatSize(maxBytes)} limit; raise NEWS_MAX_IMPORT_BYTES to import it`, false);
}

/** Whether `text` is an http(s) address news may fetch. */
export function isFetchableAddress(text: string): boolean {
  return URL.canParse(text) && WEB_SCHEMES.has(new URL(text).protocol);
}

/** Statuses worth trying again later: the server is busy or down, not wrong about the address. */
function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

function describeNetworkError(error: unknown, timeoutMs: number): HttpError {
  if (error instanceof HttpError) return error;
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new HttpError(`no complete answer within ${timeoutMs / 1000} s; try again or raise --timeout`, true);
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code;
  if (code === 'ECONNREFUSED') return new HttpError('cannot connect (connection refused)', true);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new HttpError('cannot connect (host not found)', true);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET')
    return new HttpError('the connection was closed mid-way', true);
  if (code !== undefined && /CERT|SSL|TLS/.test(code)) {
    return new HttpError(`the server's certificate is not valid (${code})`, false);
  }
  const detail = code ?? cause?.message ?? (error as Error | undefined)?.message ?? 'network error';
  return new HttpError(`cannot be fetched (${detail})`, true);
}

/** The body, read chunk by chunk and dropped as soon as it passes the cap. */
async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  // A compressed body's declared length is its compressed size: a lower bound of what it holds.
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLargeError(maxBytes);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

function requestHeaders(options: HttpOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: options.accept,
    // Node's fetch decodes all three; the size cap counts what they decode to.
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag !== undefined) headers['if-none-match'] = options.etag;
  if (options.lastModified !== undefined) headers['if-modified-since'] = options.lastModified;
  return headers;
}

/**
 * GETs an http(s) address: redirects followed up to MAX_REDIRECTS, each to http(s) only, and the
 * validators of the last answer sent so that an unchanged document answers 304. A status other
 * than 2xx, 304 and 410, a body over the cap or an exchange longer than the timeout is an
 * HttpError. gzip, deflate and br bodies are decoded by fetch (the cap counts decoded bytes).
 */
export async function httpGet(address: string | URL, options: HttpOptions): Promise<HttpAnswer> {
  let url = new URL(address);
  if (!WEB_SCHEMES.has(url.protocol)) {
    throw new HttpError(`is a ${url.protocol} address; only http and https addresses are fetched`, false);
  }
  const signal = AbortSignal.timeout(options.timeoutMs);
  let movedTo: string | undefined;
  let permanent = true;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, { redirect: 'manual', signal, headers: requestHeaders(options) });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && response.status !== 304 && location !== null) {
        await response.body?.cancel();
        if (redirects >= MAX_REDIRECTS) {
          throw new HttpError(
            `redirects more than ${MAX_REDIRECTS} times; open it in a browser to see where it goes`,
            false,
          );
        }
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new HttpError(`redirects to an address that is not valid ('${location.slice(0, 80)}')`, false);
        }
        if (!WEB_SCHEMES.has(next.protocol)) {
          throw new HttpError(`redirects to a ${next.protocol} address; only http and https are followed`, false);
        }
        permanent &&= response.status === 301 || response.status === 308;
        if (permanent) movedTo = next.href;
        url = next;
        continue;
      }
      const answered: Answered = movedTo === undefined ? { url: url.href } : { url: url.href, movedTo };
      if (response.status === 304) {
        await response.body?.cancel();
        return { ...answered, status: 'not-modified' };
      }
      if (response.status === 410) {
        await response.body?.cancel();
        return { ...answered, status: 'gone' };
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel();
        const reason = response.statusText === '' ? '' : ` ${response.statusText}`;
        throw new HttpError(
          `the server answered ${response.status}${reason}`,
          isTransientStatus(response.status),
          response.status,
        );
      }
      const bytes = await readBody(response, options.maxBytes);
      const answer: HttpAnswer = { ...answered, status: 'ok', bytes };
      const contentType = response.headers.get('content-type');
      if (contentType !== null) answer.contentType = contentType;
      const etag = response.headers.get('etag');
      if (etag !== null && etag.trim() !== '') answer.etag = etag.trim();
      const lastModified = response.headers.get('last-modified');
      if (lastModified !== null && lastModified.trim() !== '') answer.lastModified = lastModified.trim();
      return answer;
    }
  } catch (error) {
    throw describeNetworkError(error, options.timeoutMs);
  }
}
