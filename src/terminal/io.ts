// Output streams for commands: writes never throw, a closed pipe just stops output (EPIPE is success).

import { readSync, writeSync } from 'node:fs';

export interface Sink {
  /** Text, or bytes of UTF-8 text made ready elsewhere (piped `list` copies lines from the index). */
  write(text: string | Uint8Array): void;
  readonly isTTY: boolean;
  /** The terminal's width in cells, when the sink is a terminal that reports one. */
  readonly columns?: number | undefined;
  /** The terminal's height in lines, when the sink is a terminal that reports one. */
  readonly rows?: number | undefined;
}

/** How to start a pager: argv and the whole environment it runs in. */
export interface PagerLaunch {
  argv: string[];
  env: Record<string, string | undefined>;
}

export interface Io {
  stdout: Sink;
  stderr: Sink;
  /** Resolves once every write has been handed to the OS, with stdout's first write error if any. */
  flush(): Promise<NodeJS.ErrnoException | undefined>;
  /**
   * Shows `text` through a pager on the terminal and waits for the reader to quit it. Resolves
   * false, having shown nothing, when the pager cannot be started; quitting early is not an error.
   */
  page(text: string, pager: PagerLaunch): Promise<boolean>;
  /**
   * Standard input, read to its end: for `news read -`. Resolves undefined, having read no more
   * than that, when it holds more than `maxBytes`.
   */
  readInput(maxBytes: number): Promise<Uint8Array | undefined>;
}

/** The slice of a Node stream that io needs; process.stdout and process.stderr fit it. */
export interface WritableTerminal {
  write(chunk: string | Uint8Array, callback: (error?: Error | null) => void): boolean;
  on(event: 'error', listener: (error: Error) => void): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number | undefined;
  readonly rows?: number | undefined;
}

class StreamSink implements Sink {
  error: NodeJS.ErrnoException | undefined;
  private pending = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly stream: WritableTerminal) {
    // Without a listener an EPIPE would surface as an uncaught exception with a stack trace.
    stream.on('error', (error) => this.fail(error));
  }

  get isTTY(): boolean {
    return this.stream.isTTY === true;
  }

  get columns(): number | undefined {
    return this.stream.isTTY ? this.stream.columns : undefined;
  }

  get rows(): number | undefined {
    return this.stream.isTTY ? this.stream.rows : undefined;
  }

  write(text: string | Uint8Array): void {
    if (this.error || text.length === 0) return;
    this.pending += 1;
    this.stream.write(text, (error) => {
      if (error) this.fail(error);
      this.pending -= 1;
      if (this.pending === 0) for (const wake of this.waiters.splice(0)) wake();
    });
  }

  drained(): Promise<void> {
    if (this.pending === 0 || this.error) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private fail(error: Error): void {
    this.error ??= error as NodeJS.ErrnoException;
    // A failed stream may never call back the writes still queued on it; do not wait for them.
    for (const wake of this.waiters.splice(0)) wake();
  }
}

/** What a descriptor is, asked only when needed: whether it is a terminal, and how wide. */
export type TerminalProbe = () => { isTTY: boolean; columns?: number | undefined };

/**
 * Writes straight to a file descriptor, synchronously: for pipes and files, where creating
 * process.stdout would cost ~3 ms of start-up (a net.Socket and its modules) for nothing, and for
 * stderr on a terminal, which news writes little to. Whether it is a terminal is asked of `probe`
 * the first time anyone wants to know (a progress line, help on stderr), so a run that never asks
 * never loads node:tty. A pipe someone else made non-blocking answers EAGAIN when full; then it
 * waits 1 ms and retries.
 */
class FdSink implements Sink {
  error: NodeJS.ErrnoException | undefined;
  private terminal: ReturnType<TerminalProbe> | undefined;

  constructor(
    private readonly fd: number,
    private readonly probe?: TerminalProbe,
  ) {}

  private describe(): ReturnType<TerminalProbe> {
    this.terminal ??= this.probe?.() ?? { isTTY: false };
    return this.terminal;
  }

  get isTTY(): boolean {
    return this.describe().isTTY;
  }

  get columns(): number | undefined {
    return this.describe().columns;
  }

  write(text: string | Uint8Array): void {
    if (this.error || text.length === 0) return;
    const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    let offset = 0;
    while (offset < bytes.length) {
      try {
        offset += writeSync(this.fd, bytes, offset);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
          continue;
        }
        this.error = error as NodeJS.ErrnoException;
        return;
      }
    }
  }
}

/**
 * Where output goes: a terminal stream (process.stdout on a TTY), a plain file descriptor, or a
 * descriptor with a probe that tells, when asked, whether it is a terminal.
 */
export type Destination = WritableTerminal | number | { fd: number; probe: TerminalProbe };

function createSink(destination: Destination): StreamSink | FdSink {
  if (typeof destination === 'number') return new FdSink(destination);
  if ('probe' in destination) return new FdSink(destination.fd, destination.probe);
  return new StreamSink(destination);
}

/**
 * Io over real output; bin/news.cjs passes process.stdout on a terminal and the bare descriptor 1
 * otherwise, and descriptor 2 for stderr with a probe when it may be a terminal.
 */
export function createStreamIo(stdout: Destination, stderr: Destination): Io {
  const out = createSink(stdout);
  const err = createSink(stderr);
  const drained = (sink: StreamSink | FdSink) => (sink instanceof StreamSink ? sink.drained() : Promise.resolve());
  return {
    stdout: out,
    stderr: err,
    async flush() {
      await Promise.all([drained(out), drained(err)]);
      return out.error;
    },
    page: async (text, pager) => (await import('./pager.js')).runPager(text, pager),
    readInput: async (maxBytes) => readDescriptor(0, maxBytes),
  };
}

/**
 * Reads a descriptor to its end, or up to one byte past `maxBytes` (then undefined). Synchronous
 * reads, like the writes: a pipe someone made non-blocking answers EAGAIN, and is waited for.
 */
function readDescriptor(fd: number, maxBytes: number): Uint8Array | undefined {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let count: number;
    try {
      count = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        continue;
      }
      // A closed or missing standard input (EOF on a terminal after Ctrl-D) reads as empty.
      if (code === 'EOF' || code === 'EBADF') break;
      throw error;
    }
    if (count === 0) break;
    total += count;
    if (total > maxBytes) return undefined;
    chunks.push(Buffer.from(chunk.subarray(0, count)));
  }
  return Buffer.concat(chunks, total);
}

/** A sink that keeps what is written, for output that may go to a pager once it is complete. */
export class BufferSink implements Sink {
  text = '';
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  readonly rows: number | undefined;

  constructor(like: Sink) {
    this.isTTY = like.isTTY;
    this.columns = like.columns;
    this.rows = like.rows;
  }

  write(text: string | Uint8Array): void {
    this.text += typeof text === 'string' ? text : new TextDecoder().decode(text);
  }
}
