// The search index of each folder: read from the cache, brought up to date, or built in memory.
//
// A folder's index lives in <cache>/v1/<hash of the folder's real path>/: segment files and a
// manifest naming them, with the documents each has lost since (deleted or changed files). Every
// run compares the folder with the manifest — the folder's mtime for added, removed and renamed
// files, and each file's size and mtime for changed ones — re-reads only what changed into a new
// small segment, and merges small segments once there are too many. Writers take a lock file and
// replace files by rename, so a reader sees the old index or the new one, never half of either;
// a process that cannot take the lock works from memory and leaves the cache alone. A manifest
// or segment that does not check out is rebuilt from the articles, never trusted.

import { mkdirSync, readFileSync, realpathSync, renameSync, type Stats, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ArticleError } from '../../errors.js';
import { listFolder, readArticleFile } from '../files.js';
import type { Folder } from '../folders.js';
import { type BuildSettings, type BuiltSegment, buildSegments, sourceChecksum } from './build.js';
import { CorruptIndexError } from './bytes.js';
import { cachePath, manifestStamp, openSegment, SegmentWriteError, uniqueName, writeAtomically } from './cache.js';
import { compareWithFolder, type FolderDiff } from './diff.js';
import type { ProcessInfo } from './lock.js';
import { WriteLock } from './lock.js';
import { type Loaded, loadCached, MANIFEST_FORMAT, writeManifest } from './manifest.js';
import { namesToReread, type SegmentEntry, segmentsToKeep } from './merge.js';
import { MemorySource, Segment } from './reader.js';

export type { ProcessInfo } from './lock.js';

export interface IndexSettings extends BuildSettings {
  /** Where indexes are kept; undefined: build them in memory every run (--no-cache). */
  cacheDir: string | undefined;
  /**
   * 'files' (the default): every run compares each file's size and mtime with the index, so an
   * edit is seen at once. 'folders': only each folder's mtime, unless it changed; files added,
   * removed or renamed (and editors that save by renaming) are seen, edits in place are not.
   */
  check?: 'files' | 'folders';
  /** This process, so a lock left by a dead one can be taken over; without it, locks expire by age. */
  owner?: ProcessInfo;
  /**
   * When given, only these files' sizes and mtimes are compared with the index (files added,
   * removed and renamed are still seen from the folder's mtime): what `read` of one article needs.
   */
  only?: ReadonlySet<string>;
}

export interface FolderIndex {
  folder: Folder;
  segments: SegmentEntry[];
  /** Entries that cannot be articles (bad names, pipes, links out of the folder). */
  problems: ArticleError[];
  /** One-line notes for stderr: a damaged index rebuilt, a cache that cannot be written. */
  notes: string[];
  /** What could not be read in the front matter of files (re)indexed by this run, as `path: message`. */
  warnings: string[];
  /** The cache directory the index came from, if any: removing its manifest forces a rebuild. */
  cachedIn?: string;
}

/** Makes the next run rebuild this folder's index: for damage found only while querying it. */
export function discardFolderIndex(index: FolderIndex): void {
  if (index.cachedIn === undefined) return;
  try {
    unlinkSync(join(index.cachedIn, 'manifest'));
  } catch {
    // Already gone, or not ours to remove: the next run checks it again anyway.
  }
}

const inMemory = (bytes: Uint8Array) => new Segment(new MemorySource(bytes));

/**
 * The folder's index made at build time, if the folder still holds exactly the files it indexed,
 * each with the same text; else undefined (then it is indexed in memory like any folder).
 */
function precompiledIndex(folder: Folder): FolderIndex | undefined {
  if (folder.index === undefined) return undefined;
  let segment: Segment;
  try {
    segment = new Segment(new MemorySource(readFileSync(folder.index)));
  } catch {
    return undefined;
  }
  const problems: ArticleError[] = [];
  const files = listFolder(folder, problems);
  if (problems.length > 0 || files.length !== segment.count) return undefined;
  for (const file of files) {
    const doc = segment.find(`${file.slug}.md`);
    if (doc < 0) return undefined;
    try {
      if (sourceChecksum(readArticleFile(file.path)) !== segment.sourceSum(doc)) return undefined;
    } catch {
      return undefined;
    }
  }
  return { folder, segments: [{ segment, deleted: new Set() }], problems, notes: [], warnings: [] };
}

/** The settings, with front matter warnings of the files read collected into `warnings` as `path: message`. */
function warningsInto(warnings: string[], folder: Folder, settings: IndexSettings): IndexSettings {
  return { ...settings, warn: (name, message) => warnings.push(`${join(folder.path, name)}: ${message}`) };
}

/** Indexes a folder in memory, reading every article: --no-cache, and the fallback when the cache fails. */
export async function indexInMemory(folder: Folder, settings: IndexSettings): Promise<FolderIndex> {
  const precompiled = precompiledIndex(folder);
  if (precompiled) return precompiled;
  const problems: ArticleError[] = [];
  const files = listFolder(folder, problems);
  const warnings: string[] = [];
  const names = files.map((file) => `${file.slug}.md`);
  const segments = await buildSegments(folder, names, warningsInto(warnings, folder, settings), {
    dir: () => undefined,
    keep: ({ bytes }) => inMemory(bytes as Uint8Array),
    failed: () => {},
    segmentOf: (segment) => segment,
    fileOf: () => undefined,
  });
  return {
    folder,
    segments: segments.map((segment) => ({ segment, deleted: new Set() })),
    problems,
    notes: [],
    warnings,
  };
}

function damaged(folder: Folder, error: unknown): string {
  return `the search index of ${folder.path} was damaged (${(error as Error).message}); rebuilding it`;
}

function cannotWrite(settings: IndexSettings, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return `cannot write the search index in ${settings.cacheDir} (${code}); searching without it; set NEWS_CACHE_DIR to a writable folder or pass --no-cache`;
}

/** The folder's stat, or the same UsageError listing it would give when it is missing or not a folder. */
function statFolder(folder: Folder): Stats {
  try {
    const stat = statSync(folder.path);
    if (stat.isDirectory()) return stat;
  } catch {
    // Worded below, exactly as list and read word it.
  }
  listFolder(folder, []);
  throw new Error(`unreachable: listing ${folder.path} succeeded where stat failed`);
}

/**
 * Compares the folder with what the cache holds. A file gone although the folder's mtime says
 * nothing changed (a clock tick too coarse, a segment not of this folder) makes it list the folder
 * after all, so nothing it holds goes missing; damage found while comparing (a file name that
 * fails its checksum) starts from nothing.
 */
function diffFolder(
  folder: Folder,
  dirStat: Stats,
  loaded: Loaded | undefined,
  settings: IndexSettings,
  notes: string[],
): { diff: FolderDiff; loaded: Loaded | undefined } {
  const dirChanged =
    loaded === undefined || loaded.manifest.dir.mtimeMs !== dirStat.mtimeMs || loaded.manifest.dir.ino !== dirStat.ino;
  const checkFiles = settings.check !== 'folders';
  try {
    const diff = compareWithFolder(folder, dirStat, loaded, dirChanged, checkFiles, settings.only);
    if (!diff.vanished || dirChanged) return { diff, loaded };
    return { diff: compareWithFolder(folder, dirStat, loaded, true, checkFiles, settings.only), loaded };
  } catch (error) {
    if (!(error instanceof CorruptIndexError)) throw error;
    notes.push(damaged(folder, error));
    return { diff: compareWithFolder(folder, dirStat, undefined, true, checkFiles, settings.only), loaded: undefined };
  }
}

/** A stored segment and its file, or one kept in memory (file undefined) when the cache cannot take it. */
interface CachedEntry extends SegmentEntry {
  file: string | undefined;
}

/**
 * Writes new segments into the cache while holding its lock. A process that cannot take the lock,
 * finds that another replaced the manifest since this one read it, or cannot write, keeps its new
 * segments in memory: it answers from them and leaves the cache to the next run.
 */
class CacheWriter {
  private writable: boolean;
  private readonly lock: WriteLock;

  constructor(
    private readonly dir: string,
    private readonly settings: IndexSettings,
    startedFrom: string,
    private readonly notes: string[],
  ) {
    this.lock = new WriteLock(join(dir, 'lock'), settings.owner);
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      this.writable = this.lock.acquire() && manifestStamp(dir) === startedFrom;
    } catch (error) {
      this.cannotWrite(error);
      this.writable = false;
    }
  }

  /** Where segments are written while the cache can take them. */
  dirForSegments(): string | undefined {
    return this.writable ? this.dir : undefined;
  }

  /** A finished segment: its temporary file renamed into place and opened, or its bytes kept. */
  store(built: BuiltSegment): CachedEntry {
    if (built.file !== undefined) {
      const file = uniqueName('seg', '.idx');
      try {
        renameSync(join(this.dir, built.file), join(this.dir, file));
        return { segment: openSegment(this.dir, file), file, deleted: new Set() };
      } catch (error) {
        if (error instanceof CorruptIndexError) throw error;
        this.cannotWrite(error);
        throw new SegmentWriteError(error);
      }
    }
    const bytes = built.bytes;
    if (this.writable) {
      try {
        const file = uniqueName('seg', '.idx');
        writeAtomically(this.dir, file, bytes);
        return { segment: openSegment(this.dir, file), file, deleted: new Set() };
      } catch (error) {
        if (error instanceof CorruptIndexError) throw error;
        this.cannotWrite(error);
      }
    }
    return { segment: inMemory(bytes), file: undefined, deleted: new Set() };
  }

  /** Writing a segment failed: the rest of this run keeps its segments in memory. */
  failed(error: unknown): void {
    if (this.writable) this.cannotWrite(error);
  }

  /** Records `entries` as the folder's index, if every one of them is stored. */
  commit(realFolder: string, diff: FolderDiff, entries: readonly CachedEntry[]): void {
    if (!this.writable || entries.some((entry) => entry.file === undefined)) return;
    try {
      writeManifest(this.dir, {
        format: MANIFEST_FORMAT,
        folder: realFolder,
        dir: diff.dirRecord,
        segments: entries.map((entry) => ({
          file: entry.file as string,
          deleted: [...entry.deleted].sort((a, b) => a - b),
        })),
        problems: diff.problems,
      });
    } catch (error) {
      this.cannotWrite(error);
    }
  }

  release(): void {
    this.lock.release();
  }

  private cannotWrite(error: unknown): void {
    this.notes.push(cannotWrite(this.settings, error));
    this.writable = false;
  }
}

/**
 * The folder's index from the cache, brought up to date with the folder. Throws the same
 * UsageError as listing when the folder itself is missing or unreadable.
 */
export async function openFolderIndex(folder: Folder, settings: IndexSettings): Promise<FolderIndex> {
  if (settings.cacheDir === undefined) return indexInMemory(folder, settings);
  const dirStat = statFolder(folder);
  const realFolder = realpathSync(folder.path);
  const dir = cachePath(settings.cacheDir, realFolder);
  const notes: string[] = [];
  const warnings: string[] = [];
  // Which manifest this run starts from: taken before reading it, so that a writer who replaces it
  // in between makes this run decline to write (it would undo that writer's work).
  const startedFrom = manifestStamp(dir);
  let cached: Loaded | undefined;
  try {
    cached = loadCached(dir, realFolder);
  } catch (error) {
    notes.push(damaged(folder, error));
  }
  const { diff, loaded } = diffFolder(folder, dirStat, cached, settings, notes);
  const entries: CachedEntry[] = (loaded?.segments ?? []).map((segment, index) => ({
    segment,
    file: loaded?.manifest.segments[index]?.file,
    deleted: diff.deleted[index] ?? new Set(),
  }));
  const index = (segments: readonly CachedEntry[]): FolderIndex => ({
    folder,
    segments: segments.map(({ segment, deleted }) => ({ segment, deleted })),
    problems: diff.problems.map(([name, message]) => new ArticleError(join(folder.path, name), message)),
    notes,
    warnings,
    cachedIn: dir,
  });
  const unchanged =
    loaded !== undefined && diff.dropped === 0 && diff.toRead.size === 0 && diff.dirRecord === loaded.manifest.dir;
  if (unchanged) return index(entries);

  // Something changed: merge when segments pile up, then index what is new.
  const keep = segmentsToKeep(entries);
  const merged = namesToReread(entries, keep);
  // A first build rereads every file: its names are not copied into a second set of 100,000.
  const reread = merged.length === 0 ? diff.toRead : new Set([...diff.toRead, ...merged]);
  const writer = new CacheWriter(dir, settings, startedFrom, notes);
  try {
    const fresh =
      reread.size > 0
        ? await buildSegments(folder, reread, warningsInto(warnings, folder, settings), {
            dir: () => writer.dirForSegments(),
            keep: (built) => writer.store(built),
            failed: (error) => writer.failed(error),
            segmentOf: (entry) => entry.segment,
            fileOf: (entry) => entry.file,
          })
        : [];
    const all = [...entries.filter((_, at) => keep[at]), ...fresh];
    writer.commit(realFolder, diff, all);
    return index(all);
  } finally {
    writer.release();
  }
}
