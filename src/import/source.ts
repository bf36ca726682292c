// A source's bytes as read from a file or standard input (fetch.ts fetches addresses), and why one cannot be imported.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { NewsError } from '../errors.js';
import { formatSize } from '../feeds/http.js';

/** Why one source cannot be imported; the message names the cause, the command names the source. */
export class SourceError extends NewsError {}

/** What was read for one source, before it is decoded and recognised. */
export interface SourceBytes {
  bytes: Uint8Array;
  /** The Content-Type header the server sent, for a fetched source. */
  contentType?: string;
  /** The address the bytes came from, after redirects. */
  url?: string;
  /** The file's name, for a file: a slug can be made of it, and the article records it. */
  fileName?: string;
  /** Bytes saved on this machine (a file, standard input), as opposed to fetched. */
  saved: boolean;
}

/** The one-line cause for a source over the cap. */
export function tooLarge(maxBytes: number): SourceError {
  return new SourceError(`is over the ${formatSize(maxBytes)} limit; raise NEWS_MAX_IMPORT_BYTES to import it`);
}

function describeFileError(error: unknown): SourceError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new SourceError('no such file');
  if (code === 'EACCES' || code === 'EPERM') return new SourceError('cannot be read (permission denied)');
  if (code === 'EISDIR') return new SourceError('is a folder; name the files in it');
  if (code === 'ELOOP') return new SourceError('is a link that loops');
  return new SourceError(`cannot be read (${code ?? 'error'})`);
}

/**
 * Reads a file named on the command line: a regular file only (opened without blocking, so a FIFO
 * cannot make news wait), never more than `maxBytes`.
 */
export function readSourceFile(path: string, maxBytes: number): SourceBytes {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw describeFileError(error);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new SourceError('is a folder; name the files in it');
    if (!stat.isFile()) throw new SourceError('is not a regular file (a pipe, socket or device)');
    if (stat.size > maxBytes) throw tooLarge(maxBytes);
    // Read up to one byte past the cap, in case the file grew since fstat.
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const count = readSync(fd, buffer, length, buffer.length - length, null);
      if (count === 0) break;
      length += count;
      if (length > maxBytes) throw tooLarge(maxBytes);
      if (length === buffer.length) throw new SourceError('grew while it was read; import it once it is complete');
    }
    return { bytes: buffer.subarray(0, length), fileName: basename(path), saved: true };
  } catch (error) {
    if (error instanceof SourceError) throw error;
    throw describeFileError(error);
  } finally {
    closeSync(fd);
  }
}

/** More elements than this is no article page (the largest real pages have tens of thousands). */
export const MAX_PAGE_ELEMENTS = 100_000;
/** Containers nested deeper than this are no article page (real pages nest a few dozen deep). */
export const MAX_PAGE_NESTING = 5000;

/** Refuses markup too large or too deeply nested to parse in reasonable time and memory. */
export function checkMarkup(measured: { elements: number; depth: number }): void {
  if (measured.elements > MAX_PAGE_ELEMENTS) {
    throw new SourceError(`has ${measured.elements} elements, more than the ${MAX_PAGE_ELEMENTS} of any article page`);
  }
  if (measured.depth > MAX_PAGE_NESTING) {
    throw new SourceError(`nests elements more than ${MAX_PAGE_NESTING} deep, as no article page does`);
  }
}
