// A progress line on stderr for long index builds, imports and fetches: only on a terminal, only once the work takes a while.

import type { Sink } from './io.js';

/** Progress appears only once indexing has taken this long, so quick updates stay silent. */
const PROGRESS_AFTER_MS = 1000;
const PROGRESS_EVERY_MS = 100;

export interface Progress {
  update(done: number, total: number): void;
  /** Clears the line, if it was drawn. */
  done(): void;
}

/**
 * A progress callback that redraws one line on `stderr` (`news: indexing articles: 3 of 10`, or
 * what `label` makes of the counts), once the work has taken a second, at most ten times a second,
 * and only if stderr is a terminal (asked then, not before: a quick run never has to find out);
 * `done()` clears the line if it was drawn.
 */
export function progressLine(
  stderr: Sink,
  clock: () => number = Date.now,
  label: string | ((done: number, total: number) => string) = 'indexing articles',
): Progress {
  const describe = typeof label === 'string' ? (done: number, total: number) => `${label}: ${done} of ${total}` : label;
  const started = clock();
  let shown: number | undefined;
  return {
    update: (done, total) => {
      const now = clock();
      if (now - started < PROGRESS_AFTER_MS || (shown !== undefined && now - shown < PROGRESS_EVERY_MS)) return;
      if (!stderr.isTTY) return;
      shown = now;
      stderr.write(`\rnews: ${describe(done, total)}\u001b[K`);
    },
    done: () => {
      if (shown !== undefined) stderr.write('\r\u001b[K');
    },
  };
}
