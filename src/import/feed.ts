// A parsed feed's items as article drafts: the path `news import feed.xml` takes, and `news fetch` too.

import { parseDateText } from '../article/dates.js';
import { htmlToText } from '../feeds/text.js';
import type { Feed, FeedItem } from '../feeds/types.js';
import { isWebUrl } from '../feeds/urls.js';
import { cleanDocument } from './clean.js';
import { isDoubtfulDate } from './convert.js';
import { measureMarkup, parseDocument } from './dom.js';
import type { ArticleDraft } from './draft.js';
import { htmlToMarkdown } from './markdown.js';
import { checkMarkup, SourceError } from './source.js';
import { renderText } from './text.js';
import { tidyArticle } from './tidy.js';

/** A summary longer than this is a second copy of the text, not a standfirst. */
const MAX_SUMMARY_CHARS = 500;

/**
 * An HTML fragment from a feed as Markdown: cleaned like a page (no scripts, styles, iframes,
 * hidden elements, tracking images or javascript:/data: links), reduced to structural tags, links
 * made absolute against `baseUrl`. No boilerplate rules: a feed's content is the article already.
 */
export function fragmentToMarkdown(html: string, baseUrl: string | undefined): { markdown: string; text: string } {
  const document = parseDocument(html);
  cleanDocument(document);
  const root = document.body;
  tidyArticle(root, baseUrl);
  const text = renderText(root);
  return { markdown: htmlToMarkdown(root, baseUrl === undefined ? {} : { baseUrl }), text };
}

/** One item of a feed as an article draft (see articlesOfFeed). */
export function draftOfFeedItem(feed: Feed, item: FeedItem): ArticleDraft {
  const link = isWebUrl(item.link) ? item.link : undefined;
  const base = link ?? feed.link;
  const html = item.contentHtml ?? item.summaryHtml ?? '';
  const notes: string[] = [];
  let converted = { markdown: '', text: '' };
  try {
    if (html !== '') {
      checkMarkup(measureMarkup(html));
      converted = fragmentToMarkdown(html, base);
    }
  } catch (error) {
    if (!(error instanceof SourceError)) throw error;
    notes.push(`the item's content ${error.message}; left it out`);
  }
  const { markdown, text } = converted;
  const draft: ArticleDraft = { title: item.title, tags: item.categories, breadcrumb: [], body: markdown, notes };
  if (item.date !== undefined) {
    const parsed = parseDateText(item.date, { weekdayText: text.slice(0, 2000) });
    if (parsed) draft.date = parsed.date;
    else notes.push(`date '${item.date.slice(0, 60)}' is not a date news can read; left it out`);
    if (parsed?.note !== undefined && isDoubtfulDate(parsed.note)) notes.push(`date: ${parsed.note}`);
  }
  if (item.author !== undefined) draft.author = item.author;
  if (feed.title !== '') draft.source = feed.title;
  if (link !== undefined) draft.url = link;
  if (item.contentHtml !== undefined && item.summaryHtml !== undefined) {
    const summary = htmlToText(item.summaryHtml);
    const opening = text.replace(/\s+/g, ' ').slice(0, summary.length);
    if (summary !== '' && summary.length <= MAX_SUMMARY_CHARS && summary !== opening) draft.summary = summary;
  }
  return draft;
}

/**
 * Every item of a feed as an article draft: the item's full content (content:encoded, Atom
 * content, content_html) before its summary as the body, the feed's title as `source`, the item's
 * link as `url`, its categories as `tags`, its date read as written (RFC 2822 or ISO 8601).
 */
export function articlesOfFeed(feed: Feed): ArticleDraft[] {
  return feed.items.map((item) => draftOfFeedItem(feed, item));
}
