// What every command receives from main: where to write, how to format, which folders to read.

import type { OutputSettings } from '../cli/settings.js';
import type { Folder } from '../library/folders.js';
import type { ProcessInfo } from '../library/index/store.js';
import type { Io } from '../terminal/io.js';

export interface CommandContext {
  io: Io;
  settings: OutputSettings;
  folders: readonly Folder[];
  /** Articles larger than this many bytes are refused before they are read. */
  maxArticleBytes: number;
  /** Where user folders' search indexes are kept; undefined for --no-cache. */
  cacheDir: string | undefined;
  /** How the index looks for changed articles: every file's stat, or only each folder's. */
  indexCheck: 'files' | 'folders';
  /** Whether stderr is a terminal, so long index builds may show progress there. */
  showProgress: boolean;
  /** The index worker script, when there is one (the built CLI); tests index on one thread. */
  indexWorker?: string | undefined;
  /** This process, for the index's lock file (bin/news.cjs); tests run without it. */
  owner?: ProcessInfo | undefined;
}
