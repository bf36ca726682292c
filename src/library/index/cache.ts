// The cache folder of one article folder's index on disk: where it is, and reading and writing its files safely.

import {
  closeSync,
  constants,
  fstatSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { CorruptIndexError, checksum } from './bytes.js';
import { type ByteSource, Segment } from './reader.js';
import type { SegmentSink } from './writer.js';

/** Writing a segment file failed (a full disk, a folder gone): the caller builds in memory instead. */
export class SegmentWriteError extends Error {
  constructor(override readonly cause: unknown) {
    super(`cannot write a segment (${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message})`);
  }
}

/** How much a file sink gathers before each write: few system calls, little memory. */
const FILE_BUFFER = 1 << 20;

/**
 * A segment written to a temporary file in the cache folder as it is built, for the caller to
 * rename into place: a reader never sees it half written. Writes are gathered into FILE_BUFFER
 * bytes; any failure throws SegmentWriteError and removes the file.
 */
export class FileSink implements SegmentSink {
  readonly name = uniqueName('tmp', '');
  private fd: number | undefined;
  private buffer = new Uint8Array(FILE_BUFFER);
  private buffered = 0;
  private written = 0;

  constructor(private readonly dir: string) {
    this.fd = this.attempt(() => openSync(join(dir, this.name), 'wx', 0o600));
  }

  get length(): number {
    return this.written + this.buffered;
  }

  append(bytes: Uint8Array): void {
    if (this.buffered + bytes.length > this.buffer.length) this.flush();
    if (bytes.length > this.buffer.length) {
      this.writeOut(bytes, this.written);
      this.written += bytes.length;
      return;
    }
    this.buffer.set(bytes, this.buffered);
    this.buffered += bytes.length;
  }

  patch(offset: number, bytes: Uint8Array): void {
    this.flush();
    this.writeOut(bytes, offset);
  }

  close(): void {
    this.flush();
    const fd = this.fd;
    this.fd = undefined;
    if (fd !== undefined) this.attempt(() => closeSync(fd));
  }

  /** Closes and removes the file: the segment is not wanted. */
  discard(): void {
    try {
      if (this.fd !== undefined) closeSync(this.fd);
    } catch {
      // Closing is all that is left to do.
    }
    this.fd = undefined;
    try {
      unlinkSync(join(this.dir, this.name));
    } catch {
      // Never made, or gone: either way not left behind.
    }
  }

  private flush(): void {
    if (this.buffered === 0) return;
    this.writeOut(this.buffer.subarray(0, this.buffered), this.written);
    this.written += this.buffered;
    this.buffered = 0;
  }

  private writeOut(bytes: Uint8Array, position: number): void {
    this.attempt(() => {
      let done = 0;
      while (done < bytes.length)
        done += writeSync(this.fd as number, bytes, done, bytes.length - done, position + done);
    });
  }

  private attempt<T>(action: () => T): T {
    try {
      return action();
    } catch (error) {
      this.discard();
      throw new SegmentWriteError(error);
    }
  }
}

/**
 * Writes a segment with `write` into a new temporary file of `dir`, and returns the file's name for
 * the caller to rename into place. Whatever fails, the file is removed.
 */
export function writeSegmentFile(dir: string, write: (sink: FileSink) => void): string {
  const sink = new FileSink(dir);
  try {
    write(sink);
    sink.close();
  } catch (error) {
    sink.discard();
    throw error;
  }
  return sink.name;
}

/** A segment file read piece by piece, as queries ask for them. */
class FileSource implements ByteSource {
  readonly size: number;
  constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
  }
  read(offset: number, length: number, into?: Uint8Array): Uint8Array {
    // Reading into memory the caller keeps for the next read spares garbage outside the heap,
    // which the collector frees late: copying a segment's bodies in fresh chunks grew the process by their size.
    const bytes = into !== undefined && into.length >= length ? into.subarray(0, length) : new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const count = readSync(this.fd, bytes, done, length - done, offset + done);
      if (count === 0) throw new CorruptIndexError('file shorter than its header says');
      done += count;
    }
    return bytes;
  }
}

/** The cache's directory for one folder. */
export function cachePath(cacheDir: string, realFolder: string): string {
  // Two 32-bit sums of the path; the manifest also names its folder, so a collision only rebuilds.
  const bytes = Buffer.from(realFolder);
  const key = [checksum(bytes), checksum(Buffer.concat([bytes, bytes]))]
    .map((sum) => sum.toString(16).padStart(8, '0'))
    .join('');
  return join(cacheDir, 'v1', key);
}

export function openSegment(dir: string, file: string): Segment {
  let fd: number;
  try {
    fd = openSync(join(dir, file), constants.O_RDONLY);
  } catch (error) {
    throw new CorruptIndexError(`segment ${file} cannot be opened (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    return new Segment(new FileSource(fd));
  } catch (error) {
    closeSync(fd);
    if (error instanceof CorruptIndexError) throw error;
    throw new CorruptIndexError(`segment ${file}: ${(error as Error).message}`);
  }
}

/** A file name no other process picks: time, then enough randomness that pids are not needed. */
export function uniqueName(prefix: string, suffix: string): string {
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `${prefix}-${Date.now().toString(36)}-${random}${suffix}`;
}

/** Writes `bytes` to `dir/name` so that no reader ever sees a partial file. */
export function writeAtomically(dir: string, name: string, bytes: Uint8Array | string): void {
  const temporary = join(dir, uniqueName('tmp', ''));
  writeFileSync(temporary, bytes, { mode: 0o600 });
  renameSync(temporary, join(dir, name));
}

/** Removes segment and temporary files not in `keep` (only while holding the lock). */
export function removeUnused(dir: string, keep: ReadonlySet<string>): void {
  for (const name of readdirSync(dir)) {
    if ((name.startsWith('seg-') || name.startsWith('tmp-')) && !keep.has(name)) {
      try {
        unlinkSync(join(dir, name));
      } catch {
        // Another process's file, or gone already.
      }
    }
  }
}

/** The manifest file's identity (replaced by rename, so a new inode), or 'none'. */
export function manifestStamp(dir: string): string {
  try {
    const stat = statSync(join(dir, 'manifest'));
    return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    // Missing, or the cache cannot be reached (ENOTDIR, EACCES).
    return 'none';
  }
}
