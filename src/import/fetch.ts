// Fetching an http(s) address for `news import`: the feeds' polite HTTP client (src/feeds/http.ts),
// its answer as a source's bytes and its failures as the source's.

import { HttpError, httpGet, PAGE_ACCEPT } from '../feeds/http.js';
import { type SourceBytes, SourceError } from './source.js';

export interface FetchOptions {
  /** The User-Agent header: `news/<version> (command-line news reader)`. */
  userAgent: string;
  /** The whole exchange (every redirect and the body) must end within this many milliseconds. */
  timeoutMs: number;
  maxBytes: number;
}

const WEB_SCHEMES = new Set(['http:', 'https:']);

/**
 * What a command-line argument that looks like an address is: an http(s) URL to fetch, or a
 * refusal naming the scheme (`file:`, `ftp:`, `data:`, `javascript:` and the rest are never read).
 */
export function checkWebAddress(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SourceError('is not a valid address');
  }
  if (!WEB_SCHEMES.has(url.protocol)) {
    throw new SourceError(`is a ${url.protocol} address; only http and https addresses are imported`);
  }
  return url;
}

/** Whether an argument is meant as an address rather than a file name: `scheme://…`, or a scheme no file name has. */
export function looksLikeAddress(text: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) || /^(?:data|javascript|vbscript|mailto|file|about|blob):/i.test(text);
}

/**
 * Fetches an http(s) address: redirects followed up to feeds/http.ts's MAX_REDIRECTS, each to http(s) only; a
 * status other than 2xx, a body over the cap or an exchange longer than the timeout is a
 * SourceError. gzip, deflate and br bodies are decoded by fetch (the cap counts decoded bytes).
 */
export async function fetchSource(address: string, options: FetchOptions): Promise<SourceBytes> {
  const url = checkWebAddress(address);
  let answer: Awaited<ReturnType<typeof httpGet>>;
  try {
    answer = await httpGet(url, { ...options, accept: PAGE_ACCEPT });
  } catch (error) {
    if (error instanceof HttpError) throw new SourceError(error.message);
    throw error;
  }
  // No validators were sent, so no 304 can come; a document that is gone is an error here.
  if (answer.status !== 'ok') throw new SourceError('the server answered 410 Gone');
  const source: SourceBytes = { bytes: answer.bytes, url: answer.url, saved: false };
  if (answer.contentType !== undefined) source.contentType = answer.contentType;
  return source;
}
