// Subscribing: feeds added (each fetched once to learn its title and that it is a feed) and OPML
// lists imported.

import { isNewsError, UsageError } from '../errors.js';
import { asciiHead } from '../feeds/decode.js';
import { FeedError } from '../feeds/errors.js';
import { FEED_ACCEPT, HttpError, type HttpOptions, httpGet } from '../feeds/http.js';
import { parseOpml } from '../feeds/opml.js';
import { parseFeed } from '../feeds/parse.js';
import { emptyRecord } from '../feeds/state.js';
import { normalizeFeedUrl, type Subscription } from '../feeds/subscription.js';
import type { Feed } from '../feeds/types.js';
import { checkText, decodePage } from './decode.js';
import type { FeedFiles } from './feed-files.js';
import { looksLikeAddress } from './fetch.js';
import { readSourceFile, SourceError } from './source.js';

/** What became of one feed given to `feed add` or `feed import`. */
export interface SubscribeResult {
  /** The argument (or the OPML outline's address) it came from. */
  input: string;
  status: 'added' | 'already' | 'failed';
  url?: string;
  title?: string;
  /** Why it failed. */
  message?: string;
  /** Added, but something is worth knowing: it was found on a page, it moved, it had gone. */
  notes: string[];
  /** Added, but it could not be reached now: why (news fetch tries again). */
  warning?: string;
}

export interface AddOptions {
  files: FeedFiles;
  http: Omit<HttpOptions, 'accept'>;
}

/** Feed media types a page's `<link rel="alternate">` may name. */
const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/feed+json',
  'application/rdf+xml',
  'application/json',
]);

/**
 * The feeds a web page names in its `<link rel="alternate" type="…">` elements, as absolute
 * addresses. The HTML parser is loaded only for a page.
 */
async function discoverFeeds(html: string, pageUrl: string): Promise<string[]> {
  const { parseDocument } = await import('./dom.js');
  const document = parseDocument(html);
  const found: string[] = [];
  for (const link of Array.from(document.querySelectorAll('link[href]'))) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const type = (link.getAttribute('type') ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
    if (!rel.includes('alternate') || !FEED_TYPES.has(type)) continue;
    const href = link.getAttribute('href') ?? '';
    const url = URL.canParse(href, pageUrl) ? normalizeFeedUrl(new URL(href, pageUrl).href) : undefined;
    if (url !== undefined && !found.includes(url)) found.push(url);
  }
  return found;
}

/** A feed found at an address: where to subscribe, its title, and what is worth saying about it. */
interface Probed {
  url: string;
  feed?: Feed;
  notes: string[];
  warning?: string;
}

/**
 * Fetches an address once to see that it is a feed and learn its title. A page that names a feed
 * leads to that feed; a permanent redirect to where the feed now lives. A failure that may pass
 * (no connection, a timeout, a 5xx) still gives the address, with a note; one that will not (a
 * 404, a page without a feed, a document that is no feed) is an error.
 */
async function probeFeed(url: string, options: AddOptions, fromPage = false): Promise<Probed> {
  let answer: Awaited<ReturnType<typeof httpGet>>;
  try {
    answer = await httpGet(url, { ...options.http, accept: FEED_ACCEPT });
  } catch (error) {
    if (error instanceof HttpError && error.transient) {
      return { url, notes: [], warning: `${error.message}; subscribed all the same, news fetch will try again` };
    }
    throw error;
  }
  if (answer.status !== 'ok') throw new SourceError('the server answered 410 Gone: the feed is no more');
  const notes: string[] = [];
  const at = answer.movedTo ?? url;
  if (answer.movedTo !== undefined) notes.push(`moved permanently to ${answer.movedTo}; subscribed there`);
  checkText(answer.bytes);
  try {
    const feed = parseFeed(answer.bytes, {
      url: answer.url,
      maxBytes: options.http.maxBytes,
      ...(answer.contentType === undefined ? {} : { contentType: answer.contentType }),
    });
    return { url: at, feed, notes };
  } catch (error) {
    if (!(error instanceof FeedError) || error.kind !== 'html' || fromPage) throw error;
  }
  const [found] = await discoverFeeds(
    decodePage(answer.bytes, { contentType: answer.contentType, saved: false }),
    answer.url,
  );
  if (found === undefined)
    throw new SourceError('is a web page that names no feed (no <link rel="alternate">); give the feed\'s address');
  const probed = await probeFeed(found, options, true);
  return { ...probed, notes: [`is a web page; its feed is ${probed.url}`, ...probed.notes] };
}

/** The feeds a file holds: an OPML list's, or a saved feed's own address (its rel="self" link). */
function feedsOfFile(path: string, maxBytes: number): { url: string; title?: string }[] {
  const source = readSourceFile(path, maxBytes);
  checkText(source.bytes);
  const head = asciiHead(source.bytes, 2048);
  if (/<opml\b/i.test(head)) return parseOpml(source.bytes).feeds;
  const feed = parseFeed(source.bytes, { maxBytes });
  if (feed.self === undefined) {
    throw new SourceError('is a feed that names no address of its own (no rel="self" link); give its address instead');
  }
  return [feed.title === '' ? { url: feed.self } : { url: feed.self, title: feed.title }];
}

function describe(error: unknown): string {
  if (isNewsError(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `could not be read (${detail}); please report this as a bug`;
}

/**
 * Subscribes to each address, or to the feeds each file holds (an OPML list, or a saved feed's own
 * address). An address is fetched once: a feed gives its title, a web page the feed it names. One
 * that cannot be reached now is still added, with a note; one that is no feed is not. A feed
 * already subscribed is left as it is, unless it had gone (410): then news fetches it again.
 */
export async function addFeeds(inputs: readonly string[], options: AddOptions): Promise<SubscribeResult[]> {
  const results: SubscribeResult[] = [];
  for (const input of inputs) {
    if (!looksLikeAddress(input)) {
      let feeds: { url: string; title?: string }[];
      try {
        feeds = feedsOfFile(input, options.http.maxBytes);
      } catch (error) {
        results.push({ input, status: 'failed', message: describe(error), notes: [] });
        continue;
      }
      results.push(...(await subscribeAll(feeds, options.files, input)));
      continue;
    }
    const url = normalizeFeedUrl(input);
    if (url === undefined) {
      results.push({ input, status: 'failed', message: 'is not an http or https address', notes: [] });
      continue;
    }
    // A feed already subscribed is not fetched again (unless it had gone: adding it revives it).
    const known = (await options.files.readFeeds()).find((feed) => feed.url === url);
    if (known !== undefined && options.files.readState().state.get(url)?.gone === undefined) {
      results.push({ input, status: 'already', url, ...titleOf(known), notes: [] });
      continue;
    }
    let probed: Probed;
    try {
      probed = await probeFeed(url, options);
    } catch (error) {
      results.push({ input, status: 'failed', message: describe(error), notes: [] });
      continue;
    }
    const subscription: Subscription = { url: probed.url };
    if (probed.feed && probed.feed.title !== '') subscription.title = probed.feed.title;
    const [result] = await subscribe([subscription], options.files, input, probed.feed?.link);
    if (result === undefined) continue;
    const added: SubscribeResult = { ...result, notes: [...probed.notes, ...result.notes] };
    if (probed.warning !== undefined && result.status === 'added') added.warning = probed.warning;
    results.push(added);
  }
  return results;
}

/** `feed import <opml>`: every feed of an OPML file not subscribed yet, with the title it gives; nothing is fetched. */
export async function importOpmlFile(path: string, options: AddOptions): Promise<SubscribeResult[]> {
  let feeds: { url: string; title?: string }[];
  try {
    const source = readSourceFile(path, options.http.maxBytes);
    checkText(source.bytes);
    feeds = parseOpml(source.bytes).feeds;
  } catch (error) {
    throw new UsageError(`${path}: ${describe(error)}`);
  }
  return subscribeAll(feeds, options.files, path);
}

async function subscribeAll(
  feeds: readonly { url: string; title?: string }[],
  files: FeedFiles,
  input: string,
): Promise<SubscribeResult[]> {
  const valid: Subscription[] = [];
  const results: SubscribeResult[] = [];
  for (const feed of feeds) {
    const url = normalizeFeedUrl(feed.url);
    if (url === undefined) {
      const message = `'${feed.url.slice(0, 80)}' is not an http or https address`;
      results.push({ input, status: 'failed', message, notes: [] });
    } else {
      valid.push(feed.title === undefined ? { url } : { url, title: feed.title });
    }
  }
  return [...results, ...(await subscribe(valid, files, input))];
}

/**
 * Adds the subscriptions not on the list yet (in one edit of the file), and marks each to be
 * fetched: a feed that had gone is fetched again from now on.
 */
async function subscribe(
  subscriptions: readonly Subscription[],
  files: FeedFiles,
  input: string,
  site?: string,
): Promise<SubscribeResult[]> {
  const results = await files.editSubscriptions((list) =>
    subscriptions.map((subscription): SubscribeResult => {
      const known = list.find(subscription.url);
      if (known) return { input, status: 'already', url: known.url, ...titleOf(known), notes: [] };
      // The same address twice in one OPML file is added once.
      list.add(subscription);
      return { input, status: 'added', url: subscription.url, ...titleOf(subscription), notes: [] };
    }),
  );
  const { state } = files.readState();
  const revived = results.filter((result) => result.url !== undefined && state.get(result.url)?.gone !== undefined);
  if (revived.length > 0 || site !== undefined) {
    await files.updateState((current) => {
      for (const result of results) {
        if (result.url === undefined) continue;
        const record = current.get(result.url) ?? emptyRecord();
        if (record.gone !== undefined) {
          delete record.gone;
          delete record.error;
          result.status = 'added';
          result.notes.push('had answered 410 Gone; news fetch tries it again from now on');
        }
        if (site !== undefined) record.site = site;
        current.set(result.url, record);
      }
    });
  }
  return results;
}

function titleOf(subscription: Subscription): { title?: string } {
  return subscription.title === undefined ? {} : { title: subscription.title };
}
