// Fetching an http(s) address with Node's own fetch: redirects followed by hand and checked, one
// deadline for the whole exchange, and a size cap that stops reading past it.

import { type SourceBytes, SourceError, tooLarge } from './source.js';

export interface FetchOptions {
  /** The User-Agent header: `news/<version> (command-line news reader)`. */
  userAgent: string;
  /** The whole exchange (every redirect and the body) must end within this many milliseconds. */
  timeoutMs: number;
  maxBytes: number;
}

/** Redirects followed before giving up: browsers allow 20, five is plenty for an article. */
export const MAX_REDIRECTS = 5;

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

function describeNetworkError(error: unknown, options: FetchOptions): SourceError {
  if (error instanceof SourceError) return error;
  const name = (error as Error | undefined)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new SourceError(`no complete answer within ${options.timeoutMs / 1000} s; try again or raise --timeout`);
  }
  const cause = (error as { cause?: { code?: string; message?: string } } | undefined)?.cause;
  const code = cause?.code;
  if (code === 'ECONNREFUSED') return new SourceError('cannot connect (connection refused)');
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return new SourceError('cannot connect (host not found)');
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return new SourceError('the connection was closed mid-way');
  if (code !== undefined && /CERT|SSL|TLS/.test(code)) {
    return new SourceError(`the server's certificate is not valid (${code})`);
  }
  const detail = code ?? cause?.message ?? (error as Error | undefined)?.message ?? 'network error';
  return new SourceError(`cannot be fetched (${detail})`);
}

/** The body, read chunk by chunk and dropped as soon as it passes the cap. */
async function readBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(maxBytes);
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
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * Fetches an http(s) address: redirects followed up to MAX_REDIRECTS, each to http(s) only; a
 * status other than 2xx, a body over the cap or an exchange longer than the timeout is a
 * SourceError. gzip, deflate and br bodies are decoded by fetch (the cap counts decoded bytes).
 */
export async function fetchSource(address: string, options: FetchOptions): Promise<SourceBytes> {
  let url = checkWebAddress(address);
  const signal = AbortSignal.timeout(options.timeoutMs);
  try {
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: {
          'user-agent': options.userAgent,
          accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        },
      });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        if (redirects >= MAX_REDIRECTS) {
          throw new SourceError(
            `redirects more than ${MAX_REDIRECTS} times; open it in a browser to see where it goes`,
          );
        }
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new SourceError(`redirects to an address that is not valid ('${location.slice(0, 80)}')`);
        }
        if (!WEB_SCHEMES.has(next.protocol)) {
          throw new SourceError(`redirects to a ${next.protocol} address; only http and https are followed`);
        }
        url = next;
        continue;
      }
      if (response.status < 200 || response.status >= 300) {
        await response.body?.cancel();
        const reason = response.statusText === '' ? '' : ` ${response.statusText}`;
        throw new SourceError(`the server answered ${response.status}${reason}`);
      }
      const bytes = await readBody(response, options.maxBytes);
      const source: SourceBytes = { bytes, url: url.href, saved: false };
      const contentType = response.headers.get('content-type');
      if (contentType !== null) source.contentType = contentType;
      return source;
    }
  } catch (error) {
    throw describeNetworkError(error, options);
  }
}
