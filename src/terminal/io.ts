// Output streams for commands: writes never throw, a closed pipe just stops output (EPIPE is success).

import { writeSync } from 'node:fs';

export interface Sink {
  write(text: string): void;
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
}

/** The slice of a Node stream that io needs; process.stdout and process.stderr fit it. */
export interface WritableTerminal {
  write(chunk: string, callback: (error?: Error | null) => void): boolean;
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

  write(text: string): void {
    if (this.error || text === '') return;
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

/**
 * Writes straight to a file descriptor, synchronously: for pipes and files, where creating
 * process.stdout would cost ~3 ms of start-up (a net.Socket and its modules) for nothing.
 * A pipe someone else made non-blocking answers EAGAIN when full; then it waits 1 ms and retries.
 */
class FdSink implements Sink {
  readonly isTTY = false;
  error: NodeJS.ErrnoException | undefined;

  constructor(private readonly fd: number) {}

  write(text: string): void {
    if (this.error || text === '') return;
    const bytes = Buffer.from(text, 'utf8');
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

/** Where output goes: a terminal stream (process.stdout on a TTY) or a plain file descriptor. */
export type Destination = WritableTerminal | number;

function createSink(destination: Destination): StreamSink | FdSink {
  return typeof destination === 'number' ? new FdSink(destination) : new StreamSink(destination);
}

/**
 * Io over real output; bin/news.cjs passes process.stdout and process.stderr on a terminal and
 * the bare descriptors 1 and 2 otherwise.
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
    page: runPager,
  };
}

/** Runs the pager with `text` on its standard input and the terminal as its output. */
async function runPager(text: string, pager: PagerLaunch): Promise<boolean> {
  const { spawn } = await import('node:child_process');
  const [command, ...args] = pager.argv;
  if (command === undefined) return false;
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'inherit', 'inherit'], env: pager.env });
    let started = false;
    child.on('spawn', () => {
      started = true;
    });
    // ENOENT and friends: the pager does not exist or cannot run; the caller prints directly.
    child.on('error', () => resolve(started));
    child.on('close', () => resolve(true));
    // The reader quitting before reading everything closes the pipe: that is not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
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

  write(text: string): void {
    this.text += text;
  }
}
