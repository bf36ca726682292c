// Polite HTTP for feeds and pages: node:http with redirects followed by hand and checked, conditional
// requests, one deadline for the whole exchange, and a size cap that stops reading (and decompressing) past it.

import type { IncomingMessage } from 'node:http';
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
function tooLargeError(maxBytes: number): HttpError {
  return new HttpError(`is over the ${formatSize(maxBytes)} limit; raise NEWS_MAX_IMPORT_BYTES to import it`, false);
}

/** Statuses worth trying again later: the server is busy or down, not wrong about the address. */
function isTransientStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** Error codes of a certificate that could not be verified, as Node's TLS names them. */
const CERTIFICATE_ERROR = /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/;

function describeNetworkError(error: unknown, timeoutMs: number): HttpError {
  if (error instanceof HttpError) return error;
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new HttpError(`no complete answer within ${timeoutMs / 1000} s; try again or raise --timeout`, true);
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ECONNREFUSED') return new HttpError('cannot connect (connection refused)', true);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new HttpError('cannot connect (host not found)', true);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ERR_STREAM_PREMATURE_CLOSE') {
    return new HttpError('the connection was closed mid-way', true);
  }
  if (code !== undefined && CERTIFICATE_ERROR.test(code)) {
    return new HttpError(`the server's certificate is not valid (${code})`, false);
  }
  const detail = code ?? (error as Error | undefined)?.message ?? 'network error';
  return new HttpError(`cannot be fetched (${detail})`, true);
}

/** One request, answered with the response's head; its body is read (or dropped) by the caller. */
async function exchange(url: URL, headers: Record<string, string>, signal: AbortSignal): Promise<IncomingMessage> {
  // node:http rather than fetch: fetch (undici) costs ~2× `node -e 0` to load, more than a 304 should.
  // node:https, and with it TLS, only for an https address.
  const { request } = url.protocol === 'https:' ? await import('node:https') : await import('node:http');
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'GET', headers, signal }, resolve);
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** Drops a response's body, unread. */
function discard(response: IncomingMessage): void {
  response.destroy();
}

/**
 * Decodes a body by its Content-Encoding (gzip, deflate, br, or several), never to more than
 * `maxBytes`: a small compressed body may expand a thousandfold.
 */
async function decodeBody(body: Buffer, encoding: string | undefined, maxBytes: number): Promise<Buffer> {
  const codings = (encoding ?? '')
    .toLowerCase()
    .split(',')
    .map((coding) => coding.trim())
    .filter((coding) => coding !== '' && coding !== 'identity');
  if (codings.length === 0) return body;
  // Loaded only for a compressed body: a 304 or a plain feed never needs it.
  const { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } = await import('node:zlib');
  let bytes = body;
  const limit = { maxOutputLength: maxBytes + 1 };
  try {
    for (const coding of codings.reverse()) {
      if (coding === 'gzip' || coding === 'x-gzip') bytes = gunzipSync(bytes, limit);
      else if (coding === 'br') bytes = brotliDecompressSync(bytes, limit);
      else if (coding === 'deflate') {
        // "deflate" is zlib-wrapped by the standard, raw from some servers: both are read.
        try {
          bytes = inflateSync(bytes, limit);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw error;
          bytes = inflateRawSync(bytes, limit);
        }
      } else throw new HttpError(`is sent in an encoding news cannot read ('${coding}')`, false);
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLargeError(maxBytes);
    throw new HttpError(`was sent compressed and damaged (${codings.join(', ')})`, true);
  }
  if (bytes.length > maxBytes) throw tooLargeError(maxBytes);
  return bytes;
}

/** The body, read chunk by chunk and dropped as soon as it passes the cap, then decoded. */
async function readBody(response: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length'] ?? Number.NaN);
  // A compressed body's declared length is its compressed size: a lower bound of what it holds.
  if (Number.isFinite(declared) && declared > maxBytes) {
    discard(response);
    throw tooLargeError(maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      discard(response);
      throw tooLargeError(maxBytes);
    }
    chunks.push(chunk);
  }
  return decodeBody(Buffer.concat(chunks, total), response.headers['content-encoding'], maxBytes);
}

function requestHeaders(options: HttpOptions): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: options.accept,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag !== undefined) headers['if-none-match'] = options.etag;
  if (options.lastModified !== undefined) headers['if-modified-since'] = options.lastModified;
  return headers;
}

/** A response header as one string (a repeated one is joined as HTTP joins them). */
function header(response: IncomingMessage, name: string): string | undefined {
  const value = response.headers[name];
  const text = Array.isArray(value) ? value.join(', ') : value;
  return text === undefined || text.trim() === '' ? undefined : text.trim();
}

/**
 * GETs an http(s) address: redirects followed up to MAX_REDIRECTS, each to http(s) only, and the
 * validators of the last answer sent so that an unchanged document answers 304. A status other
 * than 2xx, 304 and 410, a body over the cap or an exchange longer than the timeout is an
 * HttpError. gzip, deflate and br bodies are decoded, the cap counting decoded bytes.
 */
export async function httpGet(address: string | URL, options: HttpOptions): Promise<HttpAnswer> {
  let url = new URL(address);
  if (!WEB_SCHEMES.has(url.protocol)) {
    throw new HttpError(`is a ${url.protocol} address; only http and https addresses are fetched`, false);
  }
  const signal = AbortSignal.timeout(options.timeoutMs);
  const headers = requestHeaders(options);
  let movedTo: string | undefined;
  let permanent = true;
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await exchange(url, headers, signal);
      const status = response.statusCode ?? 0;
      const location = header(response, 'location');
      if (status >= 300 && status < 400 && status !== 304 && location !== undefined) {
        discard(response);
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
        permanent &&= status === 301 || status === 308;
        if (permanent) movedTo = next.href;
        url = next;
        continue;
      }
      const answered: Answered = movedTo === undefined ? { url: url.href } : { url: url.href, movedTo };
      if (status === 304 || status === 410) {
        discard(response);
        return { ...answered, status: status === 304 ? 'not-modified' : 'gone' };
      }
      if (status < 200 || status >= 300) {
        discard(response);
        const reason = response.statusMessage ? ` ${response.statusMessage}` : '';
        throw new HttpError(`the server answered ${status}${reason}`, isTransientStatus(status), status);
      }
      const bytes = await readBody(response, options.maxBytes);
      const answer: HttpAnswer = { ...answered, status: 'ok', bytes };
      const contentType = header(response, 'content-type');
      if (contentType !== undefined) answer.contentType = contentType;
      const etag = header(response, 'etag');
      if (etag !== undefined) answer.etag = etag;
      const lastModified = header(response, 'last-modified');
      if (lastModified !== undefined) answer.lastModified = lastModified;
      return answer;
    }
  } catch (error) {
    throw describeNetworkError(error, options.timeoutMs);
  }
}
