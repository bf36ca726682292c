// Turns the fields a format reader found into a FeedItem: trimmed, empty fields dropped, an id always.
import { createHash } from 'node:crypto';
import { collapseWhitespace, htmlToText, looksLikeHtml } from './text.js';
import type { Enclosure, FeedItem } from './types.js';

/** What a reader found for one item, before clean-up; any field may be missing or blank. */
export interface ItemFields {
  id?: string | undefined;
  title?: string | undefined;
  link?: string | undefined;
  date?: string | undefined;
  author?: string | undefined;
  categories?: (string | undefined)[];
  contentHtml?: string | undefined;
  summaryHtml?: string | undefined;
  enclosures?: EnclosureFields[];
}

export interface EnclosureFields {
  url?: string | undefined;
  type?: string | undefined;
  length?: string | number | undefined;
}

/**
 * Builds the item. The id is the feed's own, else the link, else the sha1 (hex) of title, date and
 * content: stable across fetches of an unchanged item, which is all the app's dedupe needs.
 */
export function buildItem(fields: ItemFields): FeedItem {
  const title = fields.title === undefined ? '' : collapseWhitespace(fields.title);
  const link = nonEmpty(fields.link);
  const date = nonEmpty(fields.date);
  const contentHtml = nonEmpty(fields.contentHtml);
  const summaryHtml = nonEmpty(fields.summaryHtml);
  const id = nonEmpty(fields.id) ?? link ?? sha1(`${title}\n${date ?? ''}\n${contentHtml ?? summaryHtml ?? ''}`);

  const item: FeedItem = { id, title, categories: uniqueTexts(fields.categories ?? []) };
  if (link !== undefined) item.link = link;
  if (date !== undefined) item.date = date;
  const author = fields.author === undefined ? '' : collapseWhitespace(fields.author);
  if (author !== '') item.author = author;
  if (contentHtml !== undefined) item.contentHtml = contentHtml;
  if (summaryHtml !== undefined) item.summaryHtml = summaryHtml;
  const enclosures = buildEnclosures(fields.enclosures ?? []);
  if (enclosures.length > 0) item.enclosures = enclosures;
  return item;
}

/**
 * A title as plain text. Titles are text, but feeds often put HTML in them (escaped tags,
 * references such as "&#8217;" that survive one round of decoding): those are read as HTML.
 */
export function plainTitle(raw: string | undefined): string {
  if (raw === undefined) return '';
  return looksLikeHtml(raw) ? htmlToText(raw) : collapseWhitespace(raw);
}

/** Joins several names into one author line, skipping blanks and repeats. */
export function joinNames(names: (string | undefined)[]): string | undefined {
  const unique = uniqueTexts(names);
  return unique.length === 0 ? undefined : unique.join(', ');
}

function buildEnclosures(found: EnclosureFields[]): Enclosure[] {
  const seen = new Set<string>();
  const out: Enclosure[] = [];
  for (const fields of found) {
    const url = nonEmpty(fields.url);
    if (url === undefined || seen.has(url)) continue;
    seen.add(url);
    const enclosure: Enclosure = { url };
    const type = nonEmpty(fields.type);
    if (type !== undefined) enclosure.type = type;
    const length = typeof fields.length === 'number' ? fields.length : Number(nonEmpty(fields.length) ?? Number.NaN);
    if (Number.isSafeInteger(length) && length >= 0) enclosure.length = length;
    out.push(enclosure);
  }
  return out;
}

function uniqueTexts(values: (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (value === undefined) continue;
    const text = collapseWhitespace(value);
    if (text !== '' && !out.includes(text)) out.push(text);
  }
  return out;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function sha1(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/**
 * What an item says, as (half) a SHA-256: its title and the text of its content, else its summary.
 * Markup, white space, the link and the dates are left out, so a feed that only rewrites its markup or
 * its tracking parameters updates no article.
 */
export function itemFingerprint(item: FeedItem): string {
  const text = htmlToText(item.contentHtml ?? item.summaryHtml ?? '');
  return createHash('sha256').update(`${item.title}\n${text}`).digest('hex').slice(0, 32);
}
