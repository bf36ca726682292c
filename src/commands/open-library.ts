// Opens the indexed library for list and search, with progress on a terminal and the usual notes.

import { CorruptIndexError } from '../library/index/bytes.js';
import type { IndexSettings } from '../library/index/store.js';
import { type IndexedLibrary, openLibrary } from '../library/library.js';
import type { Sink } from '../terminal/io.js';
import { formatMessage, reportProblems, reportShadowed } from '../terminal/messages.js';
import type { CommandContext } from './context.js';

/** Progress appears only once indexing has taken this long, so quick updates stay silent. */
const PROGRESS_AFTER_MS = 1000;
const PROGRESS_EVERY_MS = 100;

/**
 * A progress callback that redraws one line on `stderr` (a terminal: the caller checks), once
 * indexing has taken a second, at most ten times a second; `done()` clears the line if it was drawn.
 */
export function progressLine(
  stderr: Sink,
  clock: () => number = Date.now,
): { update: (done: number, total: number) => void; done: () => void } {
  const started = clock();
  let shown: number | undefined;
  return {
    update: (done, total) => {
      const now = clock();
      if (now - started < PROGRESS_AFTER_MS || (shown !== undefined && now - shown < PROGRESS_EVERY_MS)) return;
      shown = now;
      stderr.write(`\rnews: indexing articles: ${done} of ${total}\u001b[K`);
    },
    done: () => {
      if (shown !== undefined) stderr.write('\r\u001b[K');
    },
  };
}

async function open(context: CommandContext): Promise<IndexedLibrary> {
  const progress = context.showProgress ? progressLine(context.io.stderr) : undefined;
  const settings: IndexSettings = {
    cacheDir: context.cacheDir,
    maxBytes: context.maxArticleBytes,
    check: context.indexCheck,
  };
  if (context.indexWorker !== undefined) settings.workerScript = context.indexWorker;
  if (context.owner !== undefined) settings.owner = context.owner;
  try {
    return await openLibrary(context.folders, progress ? { ...settings, progress: progress.update } : settings);
  } finally {
    progress?.done();
  }
}

/**
 * Runs `use` over the library read through the search index, then reports the index's notes and
 * hidden and skipped articles on stderr. Damage found while querying (a checksum that fails deep
 * in a segment) discards the cached indexes and runs `use` once more over rebuilt ones. Returns
 * what `use` returned and whether any article was skipped (exit code 2, as ripgrep).
 */
export async function withLibrary<T>(
  context: CommandContext,
  use: (library: IndexedLibrary) => T,
): Promise<{ result: T; hadProblems: boolean }> {
  let library = await open(context);
  let result: T;
  const notes: string[] = [];
  try {
    result = use(library);
  } catch (error) {
    if (!(error instanceof CorruptIndexError)) throw error;
    library.discard();
    notes.push(`a search index was damaged (${error.message}); rebuilt it`);
    library = await open(context);
    result = use(library);
  }
  // Two folders in one unwritable cache would say the same thing twice: once is enough.
  for (const note of new Set([...library.notes, ...notes])) context.io.stderr.write(formatMessage('note', note));
  reportShadowed(context.io, library.shadowed);
  return { result, hadProblems: reportProblems(context.io, library.problems) };
}
