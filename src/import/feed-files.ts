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
  unlinkSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { NewsError, UsageError } from '../errors.js';
import { type FetchState, formatFetchState, parseFetchState, STATE_FILE } from '../feeds/state.js';
import { SUBSCRIPTIONS_FILE, SubscriptionList } from '../feeds/subscriptions.js';
import { type ProcessInfo, WriteLock } from '../library/index/lock.js';

/** How long an edit of the list or the state waits for another process's edit: they take milliseconds. */
const EDIT_LOCK_WAIT_MS = 30_000;
/** How long `news fetch` waits for another fetch to end before giving up. */
export const FETCH_LOCK_WAIT_MS = 5 * 60_000;
const LOCK_RETRY_MS = 25;

const FETCH_LOCK = 'fetch.lock';
const STATE_LOCK = 'state.lock';
const SUBSCRIPTIONS_LOCK = 'subscriptions.lock';

export interface FeedFolders {
  /** Where feeds.yaml is. */
  configDir: string;
  /** Where the fetch state and the locks are. */
  stateDir: string;
  owner?: ProcessInfo | undefined;
}

/** The files of `news feed` and `news fetch`, in the folders the settings found; a UsageError when there are none. */
export function openFeedFiles(folders: {
  configDir: string | undefined;
  stateDir: string | undefined;
  owner?: ProcessInfo | undefined;
}): FeedFiles {
  const { configDir, stateDir, owner } = folders;
  if (configDir === undefined) {
    throw new UsageError('there is no folder for the subscriptions; set NEWS_CONFIG_DIR, XDG_CONFIG_HOME or HOME');
  }
  if (stateDir === undefined) {
    throw new UsageError('there is no folder for the fetch state; set NEWS_STATE_DIR, XDG_STATE_HOME or HOME');
  }
  return new FeedFiles({ configDir, stateDir, owner });
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
 * replaced, so the link stays.
 */
export function writeFileAtomically(path: string, text: string): void {
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
      fsyncSync(fd);
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

  /** The subscriptions; an empty list when there is no file yet. */
  readSubscriptions(): SubscriptionList {
    const text = readText(this.subscriptionsPath);
    return text === undefined ? SubscriptionList.empty() : SubscriptionList.parse(text, this.subscriptionsPath);
  }

  /**
   * Reads the list, lets `edit` change it, and writes it back if its text changed, all under the
   * list's lock: two processes editing at once both keep their edits.
   */
  async editSubscriptions<T>(edit: (list: SubscriptionList) => T): Promise<T> {
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
