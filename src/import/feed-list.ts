// The subscription list as `news feed list`, `remove` and `export` see it: each feed with what the
// fetch state says of it.

import type { Subscription } from '../feeds/subscription.js';
import type { FeedFiles } from './feed-files.js';
import { pickSubscription } from './feed-names.js';

/** `feed remove`: takes a feed off the list. Its articles stay in the library, and its items stay seen. */
export async function removeFeed(name: string, files: FeedFiles): Promise<Subscription> {
  return files.editSubscriptions((list) => {
    const subscription = pickSubscription(list.feeds, name);
    list.remove(subscription.url);
    return subscription;
  });
}

/** One row of `feed list`. */
export interface FeedRow {
  url: string;
  title: string | undefined;
  /** When it last answered (ISO 8601), if ever. */
  fetched: string | undefined;
  /** Articles written from it. */
  articles: number;
  /** When it answered 410 Gone, if it did. */
  gone: string | undefined;
  /** Why the last fetch failed, if it did. */
  error: string | undefined;
  full: boolean;
  site: string | undefined;
}

/** Every subscription, with what the fetch state says of it. */
export async function listFeeds(files: FeedFiles): Promise<FeedRow[]> {
  const feeds = await files.readFeeds();
  const { state } = files.readState();
  return feeds.map((feed) => {
    const record = state.get(feed.url);
    return {
      url: feed.url,
      title: feed.title,
      fetched: record?.fetched,
      articles: record?.articles ?? 0,
      gone: record?.gone,
      error: record?.error,
      full: feed.full === true,
      site: record?.site,
    };
  });
}

/** `feed export`: OPML 2.0 of every subscription, with its site when a fetch has learned it. */
export async function exportFeeds(files: FeedFiles, now: Date): Promise<string> {
  const { exportOpml } = await import('../feeds/opml.js');
  const feeds = (await listFeeds(files)).map((row) => {
    const feed: { url: string; title?: string; htmlUrl?: string } = { url: row.url };
    if (row.title !== undefined) feed.title = row.title;
    if (row.site !== undefined) feed.htmlUrl = row.site;
    return feed;
  });
  return exportOpml(feeds, { title: 'news subscriptions', dateCreated: now });
}
