// `news fetch` without the terminal: each subscribed feed fetched politely (conditional requests, at
// most N at once and one per host), its new items written into the library folder and its changed
// items updated, what was seen kept in the fetch state; one feed that fails never stops the others.

import { EXIT_NOT_FOUND, isNewsError, UsageError } from '../errors.js';
import { FEED_ACCEPT, type HttpOptions, httpGet } from '../feeds/http.js';
import { hostKey, runScheduled } from '../feeds/schedule.js';
import { emptyRecord, type FeedRecord, type FetchState } from '../feeds/state.js';
import type { Subscription } from '../feeds/subscription.js';
import type { ProcessInfo } from '../library/index/lock.js';
import type { FeedFiles } from './feed-files.js';
import type { FetchedArticle, ItemWriter } from './feed-items.js';
import { pickSubscription } from './feed-names.js';

export interface FetchRequest {
  /** The feeds to fetch, by address or title; every subscription when empty. */
  names: readonly string[];
  files: FeedFiles;
  /** The library folder articles are written to. */
  libraryDir: string;
  /** Fetch the page of every item that carries only a summary (a subscription may ask for it too). */
  full: boolean;
  /** At most this many feeds at once. */
  jobs: number;
  /** User-Agent, the timeout for each feed (and each page), the size cap. */
  http: Omit<HttpOptions, 'accept' | 'etag' | 'lastModified'>;
  /** No article larger than this is written (news would not read it). */
  maxArticleBytes: number;
  owner?: ProcessInfo | undefined;
  now?: () => Date;
  /** Told, with its pid when known, that another fetch holds the lock and this one waits. */
  onWait?: ((pid: number | undefined) => void) | undefined;
  /** Feeds done so far, of how many. */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** Each feed's result, as soon as it is known. */
  onFeed?: ((result: FeedResult) => void) | undefined;
}

export type FeedStatus = 'fetched' | 'not-modified' | 'gone' | 'failed';

/** What became of one feed. */
export interface FeedResult {
  /** Its address as subscribed when the fetch began. */
  url: string;
  /** Its title (the subscription's, else the feed's, else its address). */
  title: string;
  status: FeedStatus;
  /** Where a permanent redirect took it: the subscription says so from now on. */
  movedTo?: string;
  /** Why it failed. */
  message?: string;
  /** What a person may want to know: it moved, it is gone, an item could not be written. */
  notes: string[];
  articles: FetchedArticle[];
}

export interface FetchOutcome {
  feeds: FeedResult[];
  /** About the run rather than one feed (a damaged state file). */
  notes: string[];
}

function describeError(error: unknown): string {
  if (isNewsError(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `could not be fetched (${detail}); please report this as a bug`;
}

/** Runs one piece of work at a time, in the order asked: writing articles and the state. */
function serialize(): <T>(work: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * The subscriptions a fetch is about: those named (each once, gone or not), else all but those
 * gone. A name that is no subscription is an error (exit 2: `fetch` never exits 1).
 */
function selectFeeds(feeds: readonly Subscription[], names: readonly string[], state: FetchState): Subscription[] {
  if (names.length === 0) return feeds.filter((feed) => state.get(feed.url)?.gone === undefined);
  const picked: Subscription[] = [];
  for (const name of names) {
    let subscription: Subscription;
    try {
      subscription = pickSubscription(feeds, name);
    } catch (error) {
      if (isNewsError(error) && error.exitCode === EXIT_NOT_FOUND) throw new UsageError(error.message);
      throw error;
    }
    if (!picked.includes(subscription)) picked.push(subscription);
  }
  return picked;
}

class FeedFetch {
  private readonly serial = serialize();
  /** Loaded with the first feed that answers with a document: a run of 304s never reads it. */
  private items: Promise<ItemWriter> | undefined;
  /** Records changed and not yet saved, by address (undefined: remove it). */
  private readonly pending = new Map<string, FeedRecord | undefined>();

  constructor(
    private readonly request: FetchRequest,
    private readonly state: FetchState,
    private readonly now: () => Date,
  ) {}

  /** Fetches one feed and writes what is new; never throws: a failure is its result. */
  async fetch(subscription: Subscription): Promise<FeedResult> {
    const record = this.state.get(subscription.url) ?? emptyRecord();
    const result: FeedResult = {
      url: subscription.url,
      title: subscription.title ?? subscription.url,
      status: 'failed',
      notes: [],
      articles: [],
    };
    if (record.gone !== undefined) {
      result.message = `answered 410 Gone on ${record.gone.slice(0, 10)}; add it again (news feed add ${subscription.url}) to fetch it`;
      return result;
    }
    try {
      await this.fetchInto(subscription, record, result);
      delete record.error;
    } catch (error) {
      result.status = 'failed';
      result.message = describeError(error);
      record.error = result.message;
    }
    await this.serial(() => this.remember(subscription, record, result));
    return result;
  }

  private async fetchInto(subscription: Subscription, record: FeedRecord, result: FeedResult): Promise<void> {
    const answer = await httpGet(subscription.url, {
      ...this.request.http,
      accept: FEED_ACCEPT,
      etag: record.etag,
      lastModified: record.lastModified,
    });
    if (answer.movedTo !== undefined) result.movedTo = answer.movedTo;
    const fetched = this.now().toISOString();
    if (answer.status === 'gone') {
      record.gone = fetched;
      result.status = 'gone';
      result.notes.push(
        `answered 410 Gone: the feed is no more, and is not fetched again unless you add it again (news feed add ${subscription.url})`,
      );
      return;
    }
    if (answer.status === 'not-modified') {
      record.fetched = fetched;
      result.status = 'not-modified';
      return;
    }
    const items = await this.itemWriter();
    const full = this.request.full || subscription.full === true;
    const source = (feed: { title: string }) => {
      if (subscription.title === undefined && feed.title !== '') result.title = feed.title;
      return result.title;
    };
    const written = await items.writeFeed(answer, record, source, full, this.serial);
    result.articles.push(...written.articles);
    result.notes.push(...written.notes);
    // An item that could not be written is tried again next time: the validators would make the
    // next fetch a 304 that skips it, so they are kept only when every item went through.
    if (written.complete && answer.etag !== undefined) record.etag = answer.etag;
    else delete record.etag;
    if (written.complete && answer.lastModified !== undefined) record.lastModified = answer.lastModified;
    else delete record.lastModified;
    record.fetched = fetched;
    if (written.feed.link !== undefined) record.site = written.feed.link;
    result.status = 'fetched';
  }

  private itemWriter(): Promise<ItemWriter> {
    this.items ??= import('./feed-items.js').then(
      ({ ItemWriter }) =>
        new ItemWriter({
          libraryDir: this.request.libraryDir,
          maxArticleBytes: this.request.maxArticleBytes,
          http: this.request.http,
          owner: this.request.owner,
          now: this.now,
        }),
    );
    return this.items;
  }

  /**
   * Keeps what the fetch learned: the record (under the feed's new address when it moved), and in
   * the subscription list the new address and a title learned from the feed. The state is saved at
   * once when articles were written, so that a fetch cut short never writes them again.
   */
  private async remember(subscription: Subscription, record: FeedRecord, result: FeedResult): Promise<void> {
    const learnedTitle =
      subscription.title === undefined && result.title !== subscription.url ? result.title : undefined;
    const moved = result.movedTo !== subscription.url ? result.movedTo : undefined;
    let key = subscription.url;
    if (moved !== undefined || learnedTitle !== undefined) {
      const outcome = await this.request.files.editSubscriptions((list) => {
        if (list.find(subscription.url) === undefined) return 'removed';
        if (learnedTitle !== undefined) list.update(subscription.url, { title: learnedTitle });
        if (moved === undefined) return 'kept';
        if (list.find(moved) !== undefined) {
          list.remove(subscription.url);
          return 'merged';
        }
        list.update(subscription.url, { url: moved });
        return 'moved';
      });
      if (moved !== undefined && (outcome === 'moved' || outcome === 'merged')) {
        key = moved;
        for (const [id, item] of this.state.get(moved)?.items ?? [])
          if (!record.items.has(id)) record.items.set(id, item);
        this.state.delete(subscription.url);
        this.pending.set(subscription.url, undefined);
        result.notes.push(
          outcome === 'moved'
            ? `moved permanently to ${moved}; the subscription now says so`
            : `moved permanently to ${moved}, which is subscribed too; kept that one`,
        );
      }
    }
    this.state.set(key, record);
    this.pending.set(key, record);
    if (result.articles.length > 0) await this.save();
  }

  /** Writes the records changed so far into the state file (re-read under its lock). */
  private async save(): Promise<void> {
    if (this.pending.size === 0) return;
    const changes = [...this.pending];
    this.pending.clear();
    await this.request.files.updateState((state) => {
      for (const [url, record] of changes) {
        if (record === undefined) state.delete(url);
        else state.set(url, record);
      }
    });
  }

  /** Saves what is left to save, once every feed is done. */
  finish(): Promise<void> {
    return this.serial(() => this.save());
  }
}

/**
 * Fetches the subscribed feeds (or those named) and writes their new items into the library. Holds
 * the fetch lock throughout, so two fetches at once take turns and never write an item twice; a
 * name that is no subscription is an error before anything is fetched.
 */
export async function fetchFeeds(request: FetchRequest): Promise<FetchOutcome> {
  const now = request.now ?? (() => new Date());
  const lock = await request.files.lockFetch(request.onWait);
  try {
    const subscribed = await request.files.readFeeds();
    const { state, damaged } = request.files.readState();
    const notes = damaged
      ? [
          `${request.files.statePath} could not be read; starting afresh (items already in the library are found as duplicates)`,
        ]
      : [];
    if (subscribed.length === 0) notes.push(`no feeds yet; subscribe with 'news feed add <address>'`);
    const selected = selectFeeds(subscribed, request.names, state);
    const run = new FeedFetch(request, state, now);
    let done = 0;
    request.onProgress?.(0, selected.length);
    const feeds = await runScheduled(
      selected.map((subscription) => ({
        key: hostKey(subscription.url),
        run: async () => {
          const result = await run.fetch(subscription);
          done += 1;
          lock.renew();
          request.onProgress?.(done, selected.length);
          request.onFeed?.(result);
          return result;
        },
      })),
      request.jobs,
    );
    await run.finish();
    return { feeds, notes };
  } finally {
    lock.release();
  }
}
