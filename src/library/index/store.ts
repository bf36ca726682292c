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

import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { basename, join, sep } from 'node:path';
import { ArticleError } from '../../errors.js';
import { type ArticleFile, listFolder, readArticleFile } from '../files.js';
import type { Folder } from '../folders.js';
import { type BuildSettings, buildSegments, settledMtime, sourceChecksum } from './build.js';
import { CorruptIndexError, checksum, parseIndexJson } from './bytes.js';
import { type ByteSource, MemorySource, Segment } from './segment.js';

const MANIFEST_FORMAT = 'news-index-1';
/** Merge small segments once there are this many. */
const MAX_SMALL_SEGMENTS = 3;
const SMALL_SEGMENT = 1000;
/** A lock older than this was left by a process that died. */
const STALE_LOCK_MS = 10 * 60 * 1000;

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
}

export interface FolderIndex {
  folder: Folder;
  segments: { segment: Segment; deleted: ReadonlySet<number> }[];
  /** Entries that cannot be articles (bad names, pipes, links out of the folder). */
  problems: ArticleError[];
  /** One-line notes for stderr: a damaged index rebuilt, a cache that cannot be written. */
  notes: string[];
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

interface ManifestSegment {
  file: string;
  deleted: number[];
}

interface Manifest {
  format: typeof MANIFEST_FORMAT;
  folder: string;
  /** The folder's mtime and inode when its entries were last listed; mtime -1 forces a new listing. */
  dir: { mtimeMs: number; ino: number };
  segments: ManifestSegment[];
  problems: [name: string, message: string][];
}

class FileSource implements ByteSource {
  readonly size: number;
  constructor(private readonly fd: number) {
    this.size = fstatSync(fd).size;
  }
  read(offset: number, length: number): Uint8Array {
    const bytes = new Uint8Array(length);
    let done = 0;
    while (done < length) {
      const count = readSync(this.fd, bytes, done, length - done, offset + done);
      if (count === 0) throw new CorruptIndexError('file shorter than its header says');
      done += count;
    }
    return bytes;
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
  return { folder, segments: [{ segment, deleted: new Set() }], problems, notes: [] };
}

/** Indexes a folder in memory, reading every article: --no-cache, and the fallback when the cache fails. */
export async function indexInMemory(folder: Folder, settings: IndexSettings): Promise<FolderIndex> {
  const precompiled = precompiledIndex(folder);
  if (precompiled) return precompiled;
  const problems: ArticleError[] = [];
  const files = listFolder(folder, problems);
  const segments = await buildSegments(files, settings, inMemory);
  return { folder, segments: segments.map((segment) => ({ segment, deleted: new Set() })), problems, notes: [] };
}

/** The cache's directory for one folder. */
function cachePath(cacheDir: string, realFolder: string): string {
  // Two 32-bit sums of the path; the manifest also names its folder, so a collision only rebuilds.
  const bytes = Buffer.from(realFolder);
  const key = [checksum(bytes), checksum(Buffer.concat([bytes, bytes]))]
    .map((sum) => sum.toString(16).padStart(8, '0'))
    .join('');
  return join(cacheDir, 'v1', key);
}

function isManifest(value: unknown, realFolder: string): value is Manifest {
  if (typeof value !== 'object' || value === null) return false;
  const manifest = value as Manifest;
  return (
    manifest.format === MANIFEST_FORMAT &&
    manifest.folder === realFolder &&
    typeof manifest.dir?.mtimeMs === 'number' &&
    typeof manifest.dir.ino === 'number' &&
    Array.isArray(manifest.segments) &&
    manifest.segments.every(
      (segment) =>
        typeof segment?.file === 'string' &&
        /^seg-[\w.-]+\.idx$/.test(segment.file) &&
        Array.isArray(segment.deleted) &&
        segment.deleted.every((doc) => Number.isInteger(doc) && doc >= 0),
    ) &&
    Array.isArray(manifest.problems) &&
    manifest.problems.every(
      (problem) => Array.isArray(problem) && typeof problem[0] === 'string' && typeof problem[1] === 'string',
    )
  );
}

/** The manifest, undefined when there is none, or CorruptIndexError when it does not check out. */
function readManifest(dir: string, realFolder: string): Manifest | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, 'manifest'), 'utf8');
  } catch (error) {
    // Missing, or the cache folder cannot be reached (ENOTDIR, EACCES): there is no index to trust
    // or distrust; writing one will say if that fails too. Only a manifest that is a folder is odd.
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR') return undefined;
    throw new CorruptIndexError('manifest is a folder');
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline < 0 || text.slice(0, newline) !== String(checksum(Buffer.from(body)))) {
    throw new CorruptIndexError('manifest checksum');
  }
  const value = parseIndexJson(body, 'manifest');
  if (!isManifest(value, realFolder)) throw new CorruptIndexError('manifest is not one of ours');
  return value;
}

function openSegment(dir: string, file: string): Segment {
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

/** This process, as bin/news.cjs describes it: its pid, and whether another pid still runs. */
export interface ProcessInfo {
  pid: number;
  isRunning(pid: number): boolean;
}

/** Holds the folder's write lock while it exists; a second process gets none and writes nothing. */
class WriteLock {
  private held = false;
  constructor(
    private readonly path: string,
    private readonly owner: ProcessInfo | undefined,
  ) {}

  acquire(): boolean {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.path, 'wx', 0o600);
        writeSync(fd, `${this.owner?.pid ?? 0}\n`);
        closeSync(fd);
        this.held = true;
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (!this.isStale()) return false;
        try {
          unlinkSync(this.path);
        } catch (unlinkError) {
          if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') return false;
        }
      }
    }
    return false;
  }

  /**
   * A lock is stale when its process is gone (killed mid-build, say) or when it is older than any
   * build takes. A lock without a readable pid (or a run that cannot ask) is judged by its age alone.
   */
  private isStale(): boolean {
    try {
      const age = Date.now() - statSync(this.path).mtimeMs;
      if (age >= STALE_LOCK_MS) return true;
      const pid = Number(readFileSync(this.path, 'utf8').trim());
      if (this.owner === undefined || !Number.isInteger(pid) || pid <= 0 || pid === this.owner.pid) return false;
      return !this.owner.isRunning(pid);
    } catch (error) {
      // The lock went away meanwhile: try again.
      return (error as NodeJS.ErrnoException).code === 'ENOENT';
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}

/** A file name no other process picks: time, then enough randomness that pids are not needed. */
function uniqueName(prefix: string, suffix: string): string {
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `${prefix}-${Date.now().toString(36)}-${random}${suffix}`;
}

/** Writes `bytes` to `dir/name` so that no reader ever sees a partial file. */
function writeAtomically(dir: string, name: string, bytes: Uint8Array | string): void {
  const temporary = join(dir, uniqueName('tmp', ''));
  writeFileSync(temporary, bytes, { mode: 0o600 });
  renameSync(temporary, join(dir, name));
}

function writeManifest(dir: string, manifest: Manifest): void {
  const body = JSON.stringify(manifest);
  writeAtomically(dir, 'manifest', `${checksum(Buffer.from(body))}\n${body}`);
}

/** Removes segment and temporary files the manifest no longer names (only while holding the lock). */
function removeUnused(dir: string, manifest: Manifest): void {
  const keep = new Set(manifest.segments.map((segment) => segment.file));
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

interface Loaded {
  manifest: Manifest;
  segments: Segment[];
}

function loadCached(dir: string, realFolder: string): Loaded | undefined {
  // A writer may replace the manifest and remove the segments it named between our two reads: try again.
  for (let attempt = 0; ; attempt++) {
    const manifest = readManifest(dir, realFolder);
    if (manifest === undefined) return undefined;
    try {
      const segments = manifest.segments.map((segment) => openSegment(dir, segment.file));
      segments.forEach((segment, index) => {
        if ((manifest.segments[index] as ManifestSegment).deleted.some((doc) => doc >= segment.count)) {
          throw new CorruptIndexError('deleted document out of range');
        }
      });
      return { manifest, segments };
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}

/** The manifest file's identity (replaced by rename, so a new inode), or 'none'. */
function manifestStamp(dir: string): string {
  try {
    const stat = statSync(join(dir, 'manifest'));
    return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
  } catch {
    // Missing, or the cache cannot be reached (ENOTDIR, EACCES).
    return 'none';
  }
}

function damaged(folder: Folder, error: unknown): string {
  return `the search index of ${folder.path} was damaged (${(error as Error).message}); rebuilding it`;
}

function cannotWrite(settings: IndexSettings, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return `cannot write the search index in ${settings.cacheDir} (${code}); searching without it; set NEWS_CACHE_DIR to a writable folder or pass --no-cache`;
}

function folderFiles(folder: Folder, names: Iterable<string>): ArticleFile[] {
  return [...names].sort().map((name) => ({ slug: name.slice(0, -3), path: join(folder.path, name), folder }));
}

interface FolderDiff {
  /** Per segment, its documents that no longer count (deleted, changed, or gone). */
  deleted: Set<number>[];
  /** Files to (re-)read: new or changed. */
  toRead: Set<string>;
  /** How many documents were newly dropped. */
  dropped: number;
  /** What the manifest should record about the folder; the old record when nothing changed. */
  dirRecord: Manifest['dir'];
  /** Entries that cannot be articles, as [file name, reason]. */
  problems: [string, string][];
  /** Whether an indexed file was missing without the folder listing having been read. */
  vanished: boolean;
}

/**
 * Compares the index with the folder: each file's size and mtime (lstat, and stat through a
 * link) unless only folders are checked, and with a fresh listing (`list`) which files came and went.
 */
function compareWithFolder(
  folder: Folder,
  dirStat: Stats,
  loaded: Loaded | undefined,
  list: boolean,
  checkFiles: boolean,
): FolderDiff {
  let names = new Set<string>();
  let problems: [string, string][] = loaded?.manifest.problems ?? [];
  let dirRecord = loaded?.manifest.dir ?? { mtimeMs: -1, ino: dirStat.ino };
  if (list) {
    const listed: ArticleError[] = [];
    const files = listFolder(folder, listed);
    names = new Set(files.map((file) => `${file.slug}.md`));
    problems = listed.map((problem) => [basename(problem.path), problem.problem]);
    dirRecord = { mtimeMs: settledMtime(dirStat.mtimeMs, Date.now()), ino: dirStat.ino };
  }
  const deleted = (loaded?.manifest.segments ?? []).map((segment) => new Set(segment.deleted));
  const toRead = new Set<string>();
  let dropped = 0;
  let vanished = false;
  const prefix = folder.path.endsWith(sep) ? folder.path : folder.path + sep;
  const check = (segment: Segment, index: number, doc: number, name: string) => {
    let stat = lstatSync(prefix + name, { throwIfNoEntry: false });
    // The mode bits, not isSymbolicLink(): ten thousand method calls on cold code cost milliseconds.
    if (stat !== undefined && (stat.mode & constants.S_IFMT) === constants.S_IFLNK) {
      stat = statSync(prefix + name, { throwIfNoEntry: false });
    }
    if (stat !== undefined && segment.isIndexedFrom(doc, stat.size, stat.mtimeMs)) return;
    (deleted[index] as Set<number>).add(doc);
    dropped += 1;
    if (stat !== undefined) toRead.add(name);
    else if (!list) vanished = true;
  };
  loaded?.segments.forEach((segment, index) => {
    if (!list && !checkFiles) return;
    const gone = deleted[index] as Set<number>;
    const { names: docNames } = segment;
    for (let doc = 0; doc < docNames.length; doc++) {
      if (gone.has(doc)) continue;
      const name = docNames[doc] as string;
      if (!list) {
        check(segment, index, doc, name);
      } else if (names.delete(name)) {
        check(segment, index, doc, name);
      } else {
        gone.add(doc);
        dropped += 1;
      }
    }
  });
  // With a fresh listing, the names left over are new files.
  for (const name of names) toRead.add(name);
  return { deleted, toRead, dropped, dirRecord, problems, vanished };
}

/**
 * The folder's index from the cache, brought up to date with the folder. Throws the same
 * UsageError as listing when the folder itself is missing or unreadable.
 */
export async function openFolderIndex(folder: Folder, settings: IndexSettings): Promise<FolderIndex> {
  if (settings.cacheDir === undefined) return indexInMemory(folder, settings);
  const listed: ArticleError[] = [];
  let dirStat: Stats;
  try {
    dirStat = statSync(folder.path);
    if (!dirStat.isDirectory()) throw new Error('not a folder');
  } catch {
    // listFolder words the error exactly as list and read do.
    listFolder(folder, listed);
    throw new Error('unreachable: listFolder accepted a folder stat refused');
  }
  const realFolder = realpathSync(folder.path);
  const dir = cachePath(settings.cacheDir, realFolder);
  const notes: string[] = [];
  // Which manifest this run starts from: taken before reading it, so that a writer who replaces it
  // in between makes this run decline to write (it would undo that writer's work).
  const startedFrom = manifestStamp(dir);
  let loaded: Loaded | undefined;
  try {
    loaded = loadCached(dir, realFolder);
  } catch (error) {
    notes.push(damaged(folder, error));
  }

  const dirChanged =
    loaded === undefined || loaded.manifest.dir.mtimeMs !== dirStat.mtimeMs || loaded.manifest.dir.ino !== dirStat.ino;
  const checkFiles = settings.check !== 'folders';
  let diff: FolderDiff;
  try {
    diff = compareWithFolder(folder, dirStat, loaded, dirChanged, checkFiles);
    // A file gone although the folder's mtime says nothing changed (a clock tick too coarse, a
    // segment not of this folder): list the folder after all, so nothing it holds goes missing.
    if (diff.vanished && !dirChanged) diff = compareWithFolder(folder, dirStat, loaded, true, checkFiles);
  } catch (error) {
    // Damage found while comparing (a file name that fails its checksum): start from nothing.
    if (!(error instanceof CorruptIndexError)) throw error;
    notes.push(damaged(folder, error));
    loaded = undefined;
    diff = compareWithFolder(folder, dirStat, undefined, true, checkFiles);
  }
  const { deleted, toRead, dropped, dirRecord, problems } = diff;
  const unchanged = loaded !== undefined && dropped === 0 && toRead.size === 0 && dirRecord === loaded.manifest.dir;
  const problemErrors = problems.map(([name, message]) => new ArticleError(join(folder.path, name), message));
  const result = (segments: Segment[], gone: Set<number>[]): FolderIndex => ({
    folder,
    segments: segments.map((segment, index) => ({ segment, deleted: gone[index] ?? new Set() })),
    problems: problemErrors,
    notes,
    cachedIn: dir,
  });
  if (unchanged && loaded) return result(loaded.segments, deleted);

  // Something changed: merge when segments pile up, then index what is new.
  let segments = loaded?.segments ?? [];
  // Small segments (recent changes) are merged once a few pile up: every segment costs each run
  // an open and a read. A segment that has lost half its documents is rewritten too.
  const liveCount = (index: number) => (segments[index] as Segment).count - (deleted[index] as Set<number>).size;
  const smallSegments = segments.filter((_, index) => liveCount(index) < SMALL_SEGMENT).length;
  const keepSegment = segments.map((segment, index) => {
    const halfGone = liveCount(index) * 2 < segment.count;
    return !(halfGone || (smallSegments >= MAX_SMALL_SEGMENTS && liveCount(index) < SMALL_SEGMENT));
  });
  const reread = new Set(toRead);
  segments.forEach((segment, index) => {
    if (keepSegment[index]) return;
    segment.names.forEach((name, doc) => {
      if (!(deleted[index] as Set<number>).has(doc)) reread.add(name);
    });
  });
  const lock = new WriteLock(join(dir, 'lock'), settings.owner);
  let writable = true;
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writable = lock.acquire();
    // Another process updated the index since this one read it: leave its work alone; this run
    // answers from memory, and the next one starts from the newer index.
    if (writable && manifestStamp(dir) !== startedFrom) writable = false;
  } catch (error) {
    notes.push(cannotWrite(settings, error));
    writable = false;
  }
  try {
    const newFiles: string[] = [];
    const store = (bytes: Uint8Array): Segment => {
      if (!writable) return inMemory(bytes);
      try {
        const name = uniqueName('seg', '.idx');
        writeAtomically(dir, name, bytes);
        newFiles.push(name);
        return openSegment(dir, name);
      } catch (error) {
        if (error instanceof CorruptIndexError) throw error;
        notes.push(cannotWrite(settings, error));
        writable = false;
        return inMemory(bytes);
      }
    };
    const fresh = reread.size > 0 ? await buildSegments(folderFiles(folder, reread), settings, store) : [];
    const kept = segments.filter((_, index) => keepSegment[index]);
    const keptDeleted = deleted.filter((_, index) => keepSegment[index]);
    const keptFiles = (loaded?.manifest.segments ?? []).filter((_, index) => keepSegment[index]).map((s) => s.file);
    segments = [...kept, ...fresh];
    const allDeleted = [...keptDeleted, ...fresh.map(() => new Set<number>())];
    if (writable && newFiles.length === fresh.length) {
      const manifest: Manifest = {
        format: MANIFEST_FORMAT,
        folder: realFolder,
        dir: dirRecord,
        segments: segments.map((_, index) => ({
          file: index < kept.length ? (keptFiles[index] as string) : (newFiles[index - kept.length] as string),
          deleted: [...(allDeleted[index] as Set<number>)].sort((a, b) => a - b),
        })),
        problems,
      };
      try {
        writeManifest(dir, manifest);
        removeUnused(dir, manifest);
      } catch (error) {
        notes.push(cannotWrite(settings, error));
      }
    }
    return result(segments, allDeleted);
  } finally {
    lock.release();
  }
}
