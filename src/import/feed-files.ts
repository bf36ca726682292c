// The subscription list and the fetch state on disk: read, written whole (temporary file, sync, rename)
// and private, each edited under a lock so that no two news processes lose each other's changes.

import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  type Stats,
  statSync,
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { NewsError, UsageError } from '../errors.js';
import { type FetchState, formatFetchState, parseFetchState, STATE_FILE } from '../feeds/state.js';
import { normalizeFeedUrl, SUBSCRIPTIONS_FILE, type Subscription } from '../feeds/subscription.js';
import type { SubscriptionList } from '../feeds/subscriptions.js';
import { type ProcessInfo, WriteLock } from '../library/index/lock.js';

/** How long an edit of the list or the state waits for another process's edit: they take milliseconds. */
const EDIT_LOCK_WAIT_MS = 30_000;
/** How long `news fetch` waits for another fetch to end before giving up. */
const FETCH_LOCK_WAIT_MS = 5 * 60_000;
const LOCK_RETRY_MS = 25;

const FETCH_LOCK = 'fetch.lock';
const STATE_LOCK = 'state.lock';
const SUBSCRIPTIONS_LOCK = 'subscriptions.lock';
/** The subscription list as last parsed, in the state folder (see FeedFiles.readFeeds). */
const PARSED_FILE = 'feeds.parsed.json';
const PARSED_VERSION = 1;
/**
 * How long ago the list must have changed for its parse to be kept: an edit within the same tick of
 * the file system's clock as the one parsed would leave size and mtime as they were.
 */
const SETTLED_MS = 2000;

export interface FeedFolders {
  /** Where feeds.yaml is. */
  configDir: string;
  /** Where the fetch state and the locks are. */
  stateDir: string;
  owner?: ProcessInfo | undefined;
  /** The clock that tells whether the list changed too recently to keep its parse (tests move it). */
  now?: () => number;
}

/** The files of `news feed` and `news fetch`, in the folders the settings found; a UsageError when there are none. */
export function openFeedFiles(folders: {
  configDir: string | undefined;
  stateDir: string | undefined;
  owner?: ProcessInfo | undefined;
  now?: () => number;
}): FeedFiles {
  const { configDir, stateDir, owner, now } = folders;
  if (configDir === undefined) {
    throw new UsageError('there is no folder for the subscriptions; set NEWS_CONFIG_DIR, XDG_CONFIG_HOME or HOME');
  }
  if (stateDir === undefined) {
    throw new UsageError('there is no folder for the fetch state; set NEWS_STATE_DIR, XDG_STATE_HOME or HOME');
  }
  return new FeedFiles({ configDir, stateDir, owner, ...(now === undefined ? {} : { now }) });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function describeWriteError(path: string, error: unknown): NewsError {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  const advice = code === 'ENOSPC' ? 'free some space' : 'check its permissions';
  return new NewsError(`cannot write '${path}' (${code}); ${advice}`);
}

/**
 * Writes `text` to `path` whole or not at all: a temporary file beside it, synced, renamed over it,
 * private to the user. A path that is a symbolic link (a dotfiles repository's) has its target
 * replaced, so the link stays. A cache news can always make again is not synced (`sync: false`).
 */
function writeFileAtomically(path: string, text: string, sync = true): void {
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // Not there yet: written where it was asked for.
  }
  // Not crypto's random bytes: node:crypto costs a fetch with nothing new 5 ms to load, and 'wx'
  // refuses a name that is taken, which is all a temporary name needs.
  const temp = join(dirname(target), `.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}.tmp`);
  try {
    const fd = openSync(temp, 'wx', 0o600);
    try {
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
      if (sync) fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // Never created, or already renamed.
    }
    throw describeWriteError(path, error);
  }
}

/** The parser of the subscription list, with the YAML library: loaded only to parse or edit the file. */
async function subscriptionLists(): Promise<typeof SubscriptionList> {
  return (await import('../feeds/subscriptions.js')).SubscriptionList;
}

/** What identifies one version of the list's file: where it is, and its size, times and inode. */
interface ListStamp {
  path: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
}

function stampOf(path: string, stat: Stats): ListStamp {
  return { path, size: stat.size, mtimeMs: stat.mtimeMs, ctimeMs: stat.ctimeMs, ino: stat.ino };
}

/** A feed as the parsed copy holds it, checked as the list's parser would have made it. */
function isParsedFeed(value: unknown): value is Subscription {
  if (typeof value !== 'object' || value === null) return false;
  const { url, title, full, ...rest } = value as Record<string, unknown>;
  return (
    Object.keys(rest).length === 0 &&
    typeof url === 'string' &&
    normalizeFeedUrl(url) === url &&
    (title === undefined || (typeof title === 'string' && title !== '' && title === title.trim())) &&
    (full === undefined || full === true)
  );
}

/** The feeds of a parsed copy made from the file `stamp` describes; undefined for any other, or damage. */
function parsedFeeds(text: string | undefined, stamp: ListStamp): Subscription[] | undefined {
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  if (record.version !== PARSED_VERSION) return undefined;
  for (const [key, value] of Object.entries(stamp)) if (record[key] !== value) return undefined;
  const feeds = record.feeds;
  return Array.isArray(feeds) && feeds.every(isParsedFeed) ? feeds : undefined;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return undefined;
    throw new NewsError(`cannot read '${path}' (${code ?? 'error'}); check its permissions`);
  }
}

/** The fetch state as read, and whether a file was there that news could not read (it starts afresh). */
export interface ReadState {
  state: FetchState;
  damaged: boolean;
}

export class FeedFiles {
  constructor(private readonly folders: FeedFolders) {}

  get subscriptionsPath(): string {
    return join(this.folders.configDir, SUBSCRIPTIONS_FILE);
  }

  get statePath(): string {
    return join(this.folders.stateDir, STATE_FILE);
  }

  /**
   * The subscribed feeds; none when there is no file yet. What the list's parser made of the file
   * is kept in the state folder with the file's size, times and inode, and used while they are
   * unchanged, as the search index trusts an article's stat: a fetch whose feeds all answer 304
   * then loads no YAML library, about a quarter of such a run. A list that does not parse is an
   * error every time (only a good parse is kept), and a file changed within SETTLED_MS of being
   * read is parsed again next time.
   */
  async readFeeds(): Promise<readonly Subscription[]> {
    const path = this.subscriptionsPath;
    let stat: Stats | undefined;
    try {
      stat = statSync(path, { throwIfNoEntry: false });
    } catch (error) {
      throw new NewsError(
        `cannot read '${path}' (${(error as NodeJS.ErrnoException).code ?? 'error'}); check its permissions`,
      );
    }
    if (stat === undefined) return [];
    const stamp = stampOf(path, stat);
    const parsedPath = join(this.folders.stateDir, PARSED_FILE);
    let kept: string | undefined;
    try {
      kept = readText(parsedPath);
    } catch {
      // An unreadable copy is no copy: the list is parsed.
    }
    const feeds = parsedFeeds(kept, stamp);
    if (feeds !== undefined) return feeds;
    const text = readText(path);
    if (text === undefined) return [];
    const list = (await subscriptionLists()).parse(text, path);
    const now = this.folders.now ?? Date.now;
    if (now() - Math.max(stat.mtimeMs, stat.ctimeMs) >= SETTLED_MS) {
      try {
        writeFileAtomically(
          parsedPath,
          JSON.stringify({ version: PARSED_VERSION, ...stamp, feeds: list.feeds }),
          false,
        );
      } catch {
        // Only a copy: without it the next run parses the list again.
      }
    }
    return list.feeds;
  }

  /**
   * Reads the list, lets `edit` change it, and writes it back if its text changed, all under the
   * list's lock: two processes editing at once both keep their edits.
   */
  async editSubscriptions<T>(edit: (list: SubscriptionList) => T): Promise<T> {
    const SubscriptionList = await subscriptionLists();
    return this.withLock(SUBSCRIPTIONS_LOCK, EDIT_LOCK_WAIT_MS, () => {
      const before = readText(this.subscriptionsPath);
      const list =
        before === undefined ? SubscriptionList.empty() : SubscriptionList.parse(before, this.subscriptionsPath);
      const result = edit(list);
      const after = list.toString();
      if (after !== before && (before !== undefined || list.feeds.length > 0)) {
        this.createFolder(this.folders.configDir);
        writeFileAtomically(this.subscriptionsPath, after);
      }
      return result;
    });
  }

  /** The fetch state; empty when there is none yet, or when the file is not one news can read. */
  readState(): ReadState {
    const text = readText(this.statePath);
    if (text === undefined) return { state: new Map(), damaged: false };
    const state = parseFetchState(text);
    return state === undefined ? { state: new Map(), damaged: true } : { state, damaged: false };
  }

  /** Reads the state, lets `edit` change it and writes it back, under the state's lock. */
  async updateState(edit: (state: FetchState) => void): Promise<void> {
    await this.withLock(STATE_LOCK, EDIT_LOCK_WAIT_MS, () => {
      const { state } = this.readState();
      edit(state);
      writeFileAtomically(this.statePath, formatFetchState(state));
    });
  }

  /**
   * Takes the fetch lock, waiting up to FETCH_LOCK_WAIT_MS for another `news fetch` to end (after
   * telling `onWait` once whose it is). A lock whose process is gone is taken over.
   */
  async lockFetch(onWait?: (pid: number | undefined) => void): Promise<{ release(): void; renew(): void }> {
    const path = join(this.folders.stateDir, FETCH_LOCK);
    const lock = await this.acquire(FETCH_LOCK, FETCH_LOCK_WAIT_MS, () => onWait?.(this.holder(path)));
    return {
      release: () => lock.release(),
      // A lock untouched for ten minutes counts as left by a dead process: a long fetch renews it.
      renew: () => {
        try {
          const now = new Date();
          utimesSync(path, now, now);
        } catch {
          // Gone or not ours any more: nothing to renew.
        }
      },
    };
  }

  private holder(path: string): number | undefined {
    const pid = Number(readText(path)?.trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  }

  private createFolder(dir: string): void {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
    } catch (error) {
      throw describeWriteError(dir, error);
    }
  }

  private async acquire(name: string, waitMs: number, onWait: () => void): Promise<WriteLock> {
    this.createFolder(this.folders.stateDir);
    const path = join(this.folders.stateDir, name);
    const lock = new WriteLock(path, this.folders.owner);
    const deadline = Date.now() + waitMs;
    let told = false;
    for (;;) {
      let acquired: boolean;
      try {
        acquired = lock.acquire();
      } catch (error) {
        throw describeWriteError(path, error);
      }
      if (acquired) return lock;
      if (!told) {
        told = true;
        onWait();
      }
      if (Date.now() > deadline) {
        const what = name === FETCH_LOCK ? 'another news fetch' : 'another news process';
        throw new NewsError(
          `${what} has held '${path}' for ${Math.round(waitMs / 1000)} s; if none runs, remove that file`,
        );
      }
      await sleep(LOCK_RETRY_MS);
    }
  }

  private async withLock<T>(name: string, waitMs: number, work: () => T): Promise<T> {
    const lock = await this.acquire(name, waitMs, () => undefined);
    try {
      return work();
    } finally {
      lock.release();
    }
  }
}
