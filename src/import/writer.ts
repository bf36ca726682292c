// Writing drafts into the library folder: duplicates found by address or body, free slugs chosen,
// files written atomically and never over another, one importer at a time.

import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { FieldReader } from '../article/fields.js';
import { loadFrontMatterLibraries, readFrontMatter } from '../article/frontmatter.js';
import { NewsError } from '../errors.js';
import { readArticleFile } from '../library/files.js';
import { type ProcessInfo, WriteLock } from '../library/index/lock.js';
import { type ArticleDraft, bodyFingerprint, comparableUrl, formatArticleFile } from './draft.js';

/** The lock file importers take in the library folder; not a `.md` file, so never listed as an article. */
export const IMPORT_LOCK = '.news-import.lock';
/**
 * What importers know of the folder's articles (each file's size, mtime, url and text fingerprint),
 * so that an import reads only the files that changed since, not every article, to find duplicates.
 */
export const IMPORT_INDEX = '.news-import-index.json';
const IMPORT_INDEX_VERSION = 1;
/** How long an import waits for another to finish writing before giving up. */
const LOCK_WAIT_MS = 30_000;
const LOCK_RETRY_MS = 20;

export interface WriterOptions {
  /** The library folder; created (private to the user) on the first write. */
  dir: string;
  /** Replace a duplicate or an article of the same slug instead of keeping it. */
  force: boolean;
  /** Decide everything, write nothing. */
  dryRun: boolean;
  /** Existing articles larger than this are not read for duplicates, and no larger one is written. */
  maxArticleBytes: number;
  owner?: ProcessInfo | undefined;
  /** The clock for the `imported` field. */
  now: () => Date;
}

export type PlacementStatus = 'imported' | 'replaced' | 'duplicate' | 'would-import' | 'would-replace';

export interface Placement {
  status: PlacementStatus;
  slug: string;
  path: string;
  /** For a duplicate: what it duplicates ("the same url as …"). */
  reason?: string;
  /** The article file as written (or as it would be). */
  text: string;
}

/** What the library already holds, per file, for finding duplicates. */
interface Known {
  size: number;
  mtimeMs: number;
  slug: string;
  url?: string | undefined;
  fingerprint?: string | undefined;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

function describeWriteError(dir: string, error: unknown): NewsError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const advice = code === 'ENOSPC' ? 'free some space' : 'check its permissions';
  return new NewsError(`cannot write to the library folder '${dir}' (${code}); ${advice}`);
}

/** Flushes a folder's entries to disk, so a written article survives a crash. Not every file system can. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // Some file systems refuse fsync on a folder; the file itself was synced.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The saved index, or an empty one when there is none or it is not one this version wrote. */
function loadIndex(dir: string): Map<string, Known> {
  const known = new Map<string, Known>();
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(join(dir, IMPORT_INDEX), 'utf8'));
  } catch {
    return known;
  }
  if (typeof data !== 'object' || data === null) return known;
  const { version, files } = data as { version?: unknown; files?: unknown };
  if (version !== IMPORT_INDEX_VERSION || typeof files !== 'object' || files === null) return known;
  for (const [name, entry] of Object.entries(files as Record<string, Partial<Known>>)) {
    if (!name.endsWith('.md') || typeof entry?.size !== 'number' || typeof entry.mtimeMs !== 'number') continue;
    known.set(name, {
      size: entry.size,
      mtimeMs: entry.mtimeMs,
      slug: name.slice(0, -3),
      url: typeof entry.url === 'string' ? entry.url : undefined,
      fingerprint: typeof entry.fingerprint === 'string' ? entry.fingerprint : undefined,
    });
  }
  return known;
}

export class LibraryWriter {
  private known = new Map<string, Known>();
  private folderMtime: number | undefined;
  /** Whether `known` holds what the saved index does not. */
  private changed = false;
  private loaded = false;

  constructor(private readonly options: WriterOptions) {}

  /**
   * Places one draft: a duplicate of an article already there (same url, or same body) is
   * reported and nothing written, unless `force` replaces it; otherwise the file is written under
   * `wanted` or, when another article has that slug, `wanted-2`, `wanted-3`… (`force`: over it).
   * Holds the folder's lock from the duplicate check to the link, so two imports at once never
   * lose an article or take one slug twice.
   */
  async place(draft: ArticleDraft, wanted: string, provenance: { fileName?: string | undefined }): Promise<Placement> {
    const text = this.format(draft, provenance);
    if (this.options.dryRun) return this.decide(draft, wanted, text);
    this.createFolder();
    const lock = await this.lock();
    try {
      const placement = await this.decide(draft, wanted, text);
      if (placement.status !== 'duplicate') this.writeFile(placement);
      this.saveIndex();
      return placement;
    } finally {
      lock.release();
    }
  }

  /**
   * Writes `draft` over the article `slug`, which a feed item became and whose text has changed
   * since (`news fetch`): the same file, renamed into place whole. Undefined, having written
   * nothing, when that article is no longer there (its reader removed it: it is not brought back).
   */
  async replace(draft: ArticleDraft, slug: string): Promise<Placement | undefined> {
    const text = this.format(draft, {});
    const path = join(this.options.dir, `${slug}.md`);
    if (this.options.dryRun) return exists(path) ? { status: 'would-replace', slug, path, text } : undefined;
    const lock = await this.lock();
    try {
      if (!exists(path)) return undefined;
      await this.refresh();
      const placement: Placement = { status: 'replaced', slug, path, text };
      this.writeFile(placement);
      this.saveIndex();
      return placement;
    } finally {
      lock.release();
    }
  }

  /** The article file of a draft; news refuses to read one over its size cap, so writing it would only hide it. */
  private format(draft: ArticleDraft, provenance: { fileName?: string | undefined }): string {
    const text = formatArticleFile(draft, { imported: this.options.now().toISOString(), ...provenance });
    const bytes = Buffer.byteLength(text);
    if (bytes > this.options.maxArticleBytes) {
      throw new NewsError(
        `its article would be ${bytes} bytes, over the ${this.options.maxArticleBytes} news reads; raise NEWS_MAX_ARTICLE_BYTES to import it`,
      );
    }
    return text;
  }

  /**
   * Saves what is known of the folder (under the lock: a temporary file renamed into place). An
   * index that cannot be written only costs the next import time, so a failure is not an error.
   */
  private saveIndex(): void {
    if (!this.changed) return;
    const files: Record<string, Omit<Known, 'slug'>> = {};
    for (const [name, { size, mtimeMs, url, fingerprint }] of this.known)
      files[name] = { size, mtimeMs, url, fingerprint };
    const temp = join(this.options.dir, `.import-${randomBytes(8).toString('hex')}.tmp`);
    try {
      writeFileSync(temp, JSON.stringify({ version: IMPORT_INDEX_VERSION, files }), { mode: 0o600 });
      renameSync(temp, join(this.options.dir, IMPORT_INDEX));
      this.changed = false;
    } catch {
      try {
        unlinkSync(temp);
      } catch {
        // Never written.
      }
    }
  }

  /** What would happen: a duplicate, a new file under a free slug, or (forced) a file replaced. */
  private async decide(draft: ArticleDraft, wanted: string, text: string): Promise<Placement> {
    await this.refresh();
    const url = comparableUrl(draft.url);
    const fingerprint = bodyFingerprint(draft.body, draft.title);
    const same = [...this.known.values()].find(
      (known) =>
        (url !== undefined && known.url === url) || (fingerprint !== undefined && known.fingerprint === fingerprint),
    );
    const { force, dryRun, dir } = this.options;
    if (same && !force) {
      const reason = url !== undefined && same.url === url ? 'the same url' : 'the same text';
      return { status: 'duplicate', slug: same.slug, path: join(dir, `${same.slug}.md`), reason, text };
    }
    if (force) {
      const slug = same?.slug ?? wanted;
      const path = join(dir, `${slug}.md`);
      const replaces = exists(path);
      const status = replaces ? (dryRun ? 'would-replace' : 'replaced') : dryRun ? 'would-import' : 'imported';
      return { status, slug, path, text };
    }
    const slug = this.freeSlug(wanted);
    return { status: dryRun ? 'would-import' : 'imported', slug, path: join(dir, `${slug}.md`), text };
  }

  private freeSlug(wanted: string): string {
    for (let number = 1; ; number++) {
      const slug = number === 1 ? wanted : `${wanted}-${number}`;
      if (!exists(join(this.options.dir, `${slug}.md`))) return slug;
    }
  }

  private createFolder(): void {
    try {
      mkdirSync(this.options.dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw describeWriteError(this.options.dir, error);
    }
  }

  private async lock(): Promise<WriteLock> {
    const lock = new WriteLock(join(this.options.dir, IMPORT_LOCK), this.options.owner);
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      let acquired: boolean;
      try {
        acquired = lock.acquire();
      } catch (error) {
        throw describeWriteError(this.options.dir, error);
      }
      if (acquired) return lock;
      if (Date.now() > deadline) {
        throw new NewsError(
          `another import has held '${join(this.options.dir, IMPORT_LOCK)}' for ${LOCK_WAIT_MS / 1000} s; if none runs, remove that file`,
        );
      }
      await sleep(LOCK_RETRY_MS);
    }
  }

  /**
   * Writes to a temporary file, syncs it, then links it to its name, which fails rather than
   * replace a file that appeared meanwhile (then the next free slug is taken); `force` renames
   * over instead. Either way the article appears whole or not at all.
   */
  private writeFile(placement: Placement): void {
    const { dir } = this.options;
    const temp = join(dir, `.import-${randomBytes(8).toString('hex')}.tmp`);
    try {
      const fd = openSync(temp, 'wx', 0o600);
      try {
        const bytes = Buffer.from(placement.text, 'utf8');
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      if (placement.status === 'replaced') {
        renameSync(temp, placement.path);
      } else {
        this.linkFree(temp, placement);
        unlinkSync(temp);
      }
    } catch (error) {
      try {
        unlinkSync(temp);
      } catch {
        // Never created, or already renamed.
      }
      throw describeWriteError(dir, error);
    }
    syncFolder(dir);
    this.remember(`${placement.slug}.md`, placement.text);
  }

  /** Links `temp` to the placement's name, or the next free one if a file took it meanwhile. */
  private linkFree(temp: string, placement: Placement): void {
    const base = placement.slug;
    for (let number = 2; ; number++) {
      try {
        linkSync(temp, placement.path);
        return;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') {
          placement.slug = `${base}-${number}`;
          placement.path = join(this.options.dir, `${placement.slug}.md`);
          continue;
        }
        // File systems without hard links (FAT, some network shares): under the lock, a name
        // checked free stays free for other imports, so renaming is safe there.
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') {
          if (exists(placement.path)) {
            placement.slug = `${base}-${number}`;
            placement.path = join(this.options.dir, `${placement.slug}.md`);
            continue;
          }
          renameSync(temp, placement.path);
          return;
        }
        throw error;
      }
    }
  }

  /**
   * Reads what changed in the folder: files whose size or mtime differ from what the saved index or
   * an earlier look in this run recorded. Within a run, a folder whose own mtime has not changed
   * since the last look has had no file added, removed or replaced by rename.
   */
  private async refresh(): Promise<void> {
    const { dir } = this.options;
    if (!this.loaded) {
      this.known = loadIndex(dir);
      this.loaded = true;
    }
    let mtime: number;
    try {
      mtime = statSync(dir).mtimeMs;
    } catch {
      this.known.clear();
      return;
    }
    if (mtime === this.folderMtime) return;
    const names = new Set<string>();
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.name.endsWith('.md') || !entry.isFile()) continue;
      names.add(entry.name);
      let stat: { size: number; mtimeMs: number };
      try {
        stat = statSync(join(dir, entry.name));
      } catch {
        continue;
      }
      const known = this.known.get(entry.name);
      if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) continue;
      await this.read(entry.name, stat);
    }
    for (const name of this.known.keys()) {
      if (names.has(name)) continue;
      this.known.delete(name);
      this.changed = true;
    }
    this.folderMtime = mtime;
  }

  private async read(name: string, stat: { size: number; mtimeMs: number }): Promise<void> {
    let text: string;
    try {
      text = readArticleFile(join(this.options.dir, name), this.options.maxArticleBytes);
    } catch {
      // An article news cannot read is no duplicate of anything.
      this.known.set(name, { ...stat, slug: name.slice(0, -3) });
      this.changed = true;
      return;
    }
    const libraries = await loadFrontMatterLibraries(text);
    this.known.set(name, { ...stat, ...this.describe(name, text, libraries) });
    this.changed = true;
  }

  private remember(name: string, text: string): void {
    const path = join(this.options.dir, name);
    const stat = statSync(path);
    this.known.set(name, { size: stat.size, mtimeMs: stat.mtimeMs, ...this.describe(name, text, {}) });
    this.changed = true;
    this.folderMtime = statSync(this.options.dir).mtimeMs;
  }

  private describe(name: string, text: string, libraries: Parameters<typeof readFrontMatter>[1]) {
    const { data, body } = readFrontMatter(text.replace(/\r\n?/g, '\n'), libraries);
    const fields = new FieldReader(data, libraries?.decodeHtml);
    const url = fields.text(['url'], { decode: false, quiet: true });
    const title = fields.text(['title'], { decode: false, quiet: true }) ?? '';
    return { slug: name.slice(0, -3), url: comparableUrl(url), fingerprint: bodyFingerprint(body, title) };
  }
}
