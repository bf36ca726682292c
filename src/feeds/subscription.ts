// A subscription and what tells subscriptions apart (addresses, titles): the part of the
// subscription list that needs no YAML, for runs that only read the list (`news fetch`, `feed list`).

/** The subscription file's name in the config folder. */
export const SUBSCRIPTIONS_FILE = 'feeds.yaml';

/** One subscribed feed. */
export interface Subscription {
  /** The feed's address, as `new URL` writes it. */
  url: string;
  /** The feed's title when it was added (or as the user wrote it): every article's `source`. */
  title?: string;
  /** Fetch each item that carries only a summary from its link, as `news fetch --full` does. */
  full?: boolean;
}

/** An address as subscriptions compare them: parsed and written back (host lowercased, default port dropped). */
export function normalizeFeedUrl(text: string): string | undefined {
  const trimmed = text.trim();
  if (!URL.canParse(trimmed)) return undefined;
  const url = new URL(trimmed);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/**
 * The subscriptions a name means: the one with this address, else those whose title is the name
 * (case and surrounding space ignored).
 */
export function findSubscriptions(feeds: readonly Subscription[], name: string): Subscription[] {
  const url = normalizeFeedUrl(name);
  const byUrl = url === undefined ? undefined : feeds.find((feed) => feed.url === url);
  if (byUrl !== undefined) return [byUrl];
  const wanted = name.trim().toLowerCase();
  return feeds.filter((feed) => feed.title !== undefined && feed.title.toLowerCase() === wanted);
}
