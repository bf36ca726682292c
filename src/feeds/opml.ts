// OPML subscription lists: reading any OPML 1.0/2.0 file's feeds, and writing OPML 2.0.
import { decodeFeedBytes } from './decode.js';
import { FeedError } from './errors.js';
import { collapseWhitespace } from './text.js';
import {
  DEFAULT_MAX_DEPTH,
  elementChildren,
  firstChild,
  parseXmlDocument,
  scanProlog,
  textContent,
  type XmlElement,
} from './xml.js';

export interface OpmlFeed {
  url: string;
  title?: string;
  htmlUrl?: string;
}

export interface Opml {
  title?: string;
  feeds: OpmlFeed[];
}

export interface ExportOpmlOptions {
  title: string;
  /** Written as an RFC 822 date, as OPML 2.0 asks; a string is written as given. */
  dateCreated?: Date | string;
}

/**
 * Reads the feeds of an OPML file: every <outline> with an xmlUrl, at any depth, in document order
 * (folders are flattened; type="rss" is not required, since exporters disagree on it). Bytes are
 * decoded like a feed; the same safety rules apply (no entity declarations, depth capped).
 */
export function parseOpml(input: string | Uint8Array): Opml {
  const text = typeof input === 'string' ? input : decodeFeedBytes(input).text;
  const prolog = scanProlog(text);
  if (prolog.doctype?.declaresEntities) throw new FeedError('refused', 'declares a DTD/entity: refused');
  if (prolog.root === undefined) throw new FeedError('not-a-feed', 'not OPML: the document is not XML');
  if (prolog.root.toLowerCase() !== 'opml') {
    throw new FeedError('not-a-feed', `not OPML: the document's root is <${prolog.root}>`);
  }

  const opml = parseXmlDocument(text, { maxDepth: DEFAULT_MAX_DEPTH });
  const head = firstChildNamed(opml, 'head');
  const body = firstChildNamed(opml, 'body');
  const feeds: OpmlFeed[] = [];
  if (body) collectFeeds(body, feeds);

  const result: Opml = { feeds };
  const titleEl = head && firstChildNamed(head, 'title');
  const title = titleEl && collapseWhitespace(textContent(titleEl));
  if (title) result.title = title;
  return result;
}

/**
 * Writes an OPML 2.0 document with one <outline type="rss"> per feed. Values are trimmed and
 * escaped so that parseOpml gives the same list back; characters XML 1.0 cannot carry at all
 * (most C0 controls, lone surrogates) are dropped.
 */
export function exportOpml(feeds: readonly OpmlFeed[], options: ExportOpmlOptions): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">', '  <head>'];
  lines.push(`    <title>${escapeXmlText(options.title.trim())}</title>`);
  if (options.dateCreated !== undefined) {
    const date = typeof options.dateCreated === 'string' ? options.dateCreated : options.dateCreated.toUTCString();
    lines.push(`    <dateCreated>${escapeXmlText(date)}</dateCreated>`);
  }
  lines.push('  </head>', '  <body>');
  for (const feed of feeds) {
    const url = feed.url.trim();
    const title = feed.title?.trim();
    // text is required by OPML 2.0; without a title the URL stands in, and parseOpml knows it.
    const attrs: [string, string][] = [
      ['type', 'rss'],
      ['text', title || url],
    ];
    if (title) attrs.push(['title', title]);
    attrs.push(['xmlUrl', url]);
    const htmlUrl = feed.htmlUrl?.trim();
    if (htmlUrl) attrs.push(['htmlUrl', htmlUrl]);
    lines.push(`    <outline ${attrs.map(([name, value]) => `${name}="${escapeXmlAttribute(value)}"`).join(' ')}/>`);
  }
  lines.push('  </body>', '</opml>', '');
  return lines.join('\n');
}

function collectFeeds(parent: XmlElement, feeds: OpmlFeed[]): void {
  for (const outline of elementChildren(parent)) {
    if (outline.local.toLowerCase() !== 'outline') continue;
    const url = attr(outline, 'xmlUrl');
    if (url) {
      const feed: OpmlFeed = { url };
      // A text that only repeats the URL is a placeholder, not a title.
      const text = attr(outline, 'text');
      const title = attr(outline, 'title') ?? (text !== url ? text : undefined);
      if (title) feed.title = title;
      const htmlUrl = attr(outline, 'htmlUrl');
      if (htmlUrl) feed.htmlUrl = htmlUrl;
      feeds.push(feed);
    }
    collectFeeds(outline, feeds);
  }
}

/** Attribute names are matched without regard to case: exporters write "xmlurl" and "xmlURL" too. */
function attr(el: XmlElement, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of el.attrs) {
    if (key.toLowerCase() === wanted) return value.trim() || undefined;
  }
  return undefined;
}

function firstChildNamed(el: XmlElement, local: string): XmlElement | undefined {
  return firstChild(el, el.ns, local) ?? elementChildren(el).find((child) => child.local.toLowerCase() === local);
}

/** Drops what XML 1.0 cannot represent, even escaped (§2.2 Char): most C0 controls, lone surrogates, U+FFFE/F. */
function xmlChars(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    const allowed =
      c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
    if (allowed) out += ch;
  }
  return out;
}

function escapeXmlText(text: string): string {
  return xmlChars(text).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Tabs and line breaks as references too: a parser would otherwise turn them into spaces. */
function escapeXmlAttribute(text: string): string {
  return escapeXmlText(text)
    .replaceAll('"', '&quot;')
    .replaceAll('\t', '&#9;')
    .replaceAll('\n', '&#10;')
    .replaceAll('\r', '&#13;');
}
