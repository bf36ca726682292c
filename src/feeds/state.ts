// Fetch state: what news keeps of each feed between fetches (its validators, the items seen and what
// they said, when it answered, whether it is gone) and the JSON it is kept in.

/** The state file's name in the state folder. */
export const STATE_FILE = 'fetch-state.json';
const STATE_VERSION = 1;

/** An item news has seen in a feed. */
export interface SeenItem {
  /** What the item said (title and text) when it was last written: a change means its article is updated. */
  fingerprint: string;
  /** Its article's slug in the library: the one written, or the one it duplicated. */
  slug?: string;
}

/** What news knows of one feed, by its address. */
export interface FeedRecord {
  /** Validators of the last answer with a feed, sent back so that an unchanged feed answers 304. */
  etag?: string;
  lastModified?: string;
  /** When the feed last answered with a feed or a 304 (ISO 8601). */
  fetched?: string;
  /** Why the last fetch failed; cleared by the next that works. */
  error?: string;
  /** When the feed answered 410 Gone (ISO 8601): it is not fetched again until it is added again. */
  gone?: string;
  /** The site the feed belongs to, for `feed export`. */
  site?: string;
  /** How many articles were written from it (updates are not counted again). */
  articles: number;
  /** Every item seen, by id; kept after the feed drops an item, so it is never imported twice. */
  items: Map<string, SeenItem>;
}

export type FetchState = Map<string, FeedRecord>;

export function emptyRecord(): FeedRecord {
  return { articles: 0, items: new Map() };
}

const TEXT_FIELDS = ['etag', 'lastModified', 'fetched', 'error', 'gone', 'site'] as const;

function readRecord(value: unknown): FeedRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const data = value as Record<string, unknown>;
  const record = emptyRecord();
  for (const field of TEXT_FIELDS) {
    const text = data[field];
    if (typeof text === 'string') record[field] = text;
  }
  if (typeof data.articles === 'number' && Number.isSafeInteger(data.articles)) record.articles = data.articles;
  if (typeof data.items === 'object' && data.items !== null) {
    for (const [id, item] of Object.entries(data.items as Record<string, unknown>)) {
      const { fingerprint, slug } = (item ?? {}) as { fingerprint?: unknown; slug?: unknown };
      if (typeof fingerprint !== 'string') continue;
      record.items.set(id, typeof slug === 'string' ? { fingerprint, slug } : { fingerprint });
    }
  }
  return record;
}

/**
 * The state in a state file's text; undefined when it is not a state file this version wrote (or
 * damaged). Keys are ids and addresses from the network, so they live in Maps, never as object
 * properties (an id of `__proto__` is just an id).
 */
export function parseFetchState(text: string): FetchState | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { version, feeds } = data as { version?: unknown; feeds?: unknown };
  if (version !== STATE_VERSION || typeof feeds !== 'object' || feeds === null) return undefined;
  const state: FetchState = new Map();
  for (const [url, value] of Object.entries(feeds as Record<string, unknown>)) {
    const record = readRecord(value);
    if (record !== undefined) state.set(url, record);
  }
  return state;
}

/** The state file's text: one feed a line, so a diff of two states stays readable. */
export function formatFetchState(state: FetchState): string {
  const lines = [...state].map(([url, record]) => {
    const data: Record<string, unknown> = {};
    for (const field of TEXT_FIELDS) if (record[field] !== undefined) data[field] = record[field];
    data.articles = record.articles;
    data.items = Object.fromEntries(record.items);
    return `${JSON.stringify(url)}:${JSON.stringify(data)}`;
  });
  return `{"version":${STATE_VERSION},"feeds":{\n${lines.join(',\n')}\n}}\n`;
}
