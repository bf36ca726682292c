// Output streams for commands: writes never throw, a closed pipe just stops output (EPIPE is success).

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

/** Io over real streams; bin/news.js passes process.stdout and process.stderr. */
export function createStreamIo(stdout: WritableTerminal, stderr: WritableTerminal): Io {
  const out = new StreamSink(stdout);
  const err = new StreamSink(stderr);
  return {
    stdout: out,
    stderr: err,
    async flush() {
      await Promise.all([out.drained(), err.drained()]);
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
