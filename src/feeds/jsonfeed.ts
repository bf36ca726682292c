// Reads JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/), trusting no value's type.
import { buildItem, joinNames, plainTitle } from './item.js';
import { collapseWhitespace, textToHtml } from './text.js';
import type { Feed } from './types.js';
import { isWebUrl, resolveUrl } from './urls.js';

/** Whether a parsed JSON value is a JSON Feed: an object with a jsonfeed.org version, or at least an items array. */
export function isJsonFeed(doc: unknown): doc is Record<string, unknown> {
  if (!isRecord(doc)) return false;
  const version = doc.version;
  if (typeof version === 'string') return version.includes('jsonfeed.org/version/');
  return Array.isArray(doc.items);
}

export function readJsonFeed(doc: Record<string, unknown>, url: string | undefined): Feed {
  const feedLink = resolveUrl(str(doc.home_page_url), url);
  // JSON Feed defines no base: relative item URLs are read against the home page, then the feed URL.
  const linkBase = isWebUrl(feedLink) ? feedLink : undefined;
  const feedAuthors = authors(doc);

  const rawItems = Array.isArray(doc.items) ? doc.items : [];
  const items = rawItems.filter(isRecord).map((item) => {
    const contentText = str(item.content_text);
    const summary = str(item.summary);
    return buildItem({
      id: typeof item.id === 'number' ? String(item.id) : str(item.id),
      title: plainTitle(str(item.title)),
      link: resolveUrl(str(item.url) ?? str(item.external_url), linkBase, url),
      date: str(item.date_published) ?? str(item.date_modified),
      // Items without authors have the feed's (JSON Feed 1.1, "authors").
      author: authors(item) ?? feedAuthors,
      categories: Array.isArray(item.tags) ? item.tags.map(str) : [],
      contentHtml: str(item.content_html) ?? (contentText === undefined ? undefined : textToHtml(contentText)),
      summaryHtml: summary === undefined ? undefined : textToHtml(summary),
      enclosures: (Array.isArray(item.attachments) ? item.attachments : []).filter(isRecord).map((attachment) => ({
        url: resolveUrl(str(attachment.url), linkBase, url),
        type: str(attachment.mime_type),
        length: typeof attachment.size_in_bytes === 'number' ? attachment.size_in_bytes : undefined,
      })),
    });
  });

  const feed: Feed = { format: 'jsonfeed1.x', title: plainTitle(str(doc.title)), items };
  if (feedLink !== undefined) feed.link = feedLink;
  const self = resolveUrl(str(doc.feed_url), url);
  if (isWebUrl(self)) feed.self = self;
  const description = collapseWhitespace(str(doc.description) ?? '');
  if (description !== '') feed.description = description;
  return feed;
}

/** "authors" (1.1) or "author" (1.0), as one line of names. */
function authors(record: Record<string, unknown>): string | undefined {
  const list = Array.isArray(record.authors) ? record.authors : isRecord(record.author) ? [record.author] : [];
  return joinNames(list.filter(isRecord).map((author) => str(author.name)));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
