// Reads RSS 0.9x, 1.0 (RDF) and 2.0 documents, with the content:, dc: and media: extensions.
import { selfLink } from './atom.js';
import { buildItem, type EnclosureFields, joinNames, plainTitle } from './item.js';
import { NS } from './namespaces.js';
import { collapseWhitespace, htmlToText, looksLikeHtml, textToHtml } from './text.js';
import type { Feed, FeedFormat } from './types.js';
import { isWebUrl, resolveUrl } from './urls.js';
import { attrByLocalName, childElements, elementChildren, firstChild, textContent, type XmlElement } from './xml.js';

/**
 * Reads a document whose root is <rss> or <rdf:RDF>. The RSS vocabulary is whatever namespace
 * the channel is in: none for RSS 2.0, the RSS 1.0 or 0.90 namespace for RDF, and any default
 * namespace a feed declares on <rss> (some declare one of their own).
 */
export function readRssFeed(root: XmlElement, url: string | undefined): Feed {
  const isRdf = root.local === 'RDF';
  const channel = elementChildren(root).find((el) => el.local === 'channel' && isRssVocabulary(el.ns, root));
  const vocab = channel?.ns ?? (isRdf ? NS.rss10 : root.ns);
  const format = rssFormat(root, vocab);

  const text = (el: XmlElement | undefined, local: string, ns: string = vocab): string | undefined =>
    el && childText(el, ns, local);

  const feedLink = channel && resolveUrl(channelLink(channel, vocab), channel.xmlBase, url);
  // RSS has no base of its own: links are most often relative to the site, so the channel link
  // comes before the feed URL; an xml:base in scope comes first of all.
  const linkBase = isWebUrl(feedLink) ? feedLink : undefined;

  // RSS 1.0 puts items beside the channel; RSS 2.0 inside it. Some feeds do the other: take both.
  const itemElements = [
    ...(channel ? childElements(channel, vocab, 'item') : []),
    ...childElements(root, vocab, 'item'),
  ];

  const items = itemElements.map((item) => {
    return buildItem({
      id: text(item, 'guid') ?? attrByLocalName(item, 'about'),
      title: plainTitle(text(item, 'title') ?? text(item, 'title', NS.dc) ?? mediaText(item, 'title')),
      link: resolveUrl(itemLink(item, vocab), item.xmlBase, linkBase, url),
      date:
        text(item, 'pubDate') ??
        text(item, 'date', NS.dc) ??
        text(item, 'issued', NS.dcterms) ??
        text(item, 'modified', NS.dcterms),
      author: joinNames(childElements(item, NS.dc, 'creator').map(textContent)) ?? text(item, 'author'),
      categories: [
        ...childElements(item, vocab, 'category').map(textContent),
        ...childElements(item, NS.dc, 'subject').map(textContent),
      ],
      contentHtml: text(item, 'encoded', NS.content),
      summaryHtml: text(item, 'description') ?? text(item, 'description', NS.dc) ?? mediaDescriptionHtml(item),
      enclosures: enclosures(item, vocab, item.xmlBase ?? linkBase ?? url),
    });
  });

  const feed: Feed = { format, title: plainTitle(text(channel, 'title')), items };
  if (feedLink !== undefined) feed.link = feedLink;
  const self = channel && selfLink(channel, NS.atom, url);
  if (self !== undefined) feed.self = self;
  const description = text(channel, 'description') ?? text(channel, 'description', NS.dc);
  if (description !== undefined) {
    const plain = looksLikeHtml(description) ? htmlToText(description) : collapseWhitespace(description);
    if (plain !== '') feed.description = plain;
  }
  return feed;
}

function rssFormat(root: XmlElement, vocab: string): FeedFormat {
  if (root.local === 'RDF') return vocab === NS.rss090 ? 'rss0.9x' : 'rss1.0';
  const version = root.attrs.get('version')?.trim() ?? '';
  return version.startsWith('0.9') ? 'rss0.9x' : 'rss2.0';
}

function isRssVocabulary(ns: string, root: XmlElement): boolean {
  return ns === root.ns || ns === NS.none || ns === NS.rss10 || ns === NS.rss090;
}

/** The channel's site link; an <atom:link rel="alternate"> stands in when <link> is missing. */
function channelLink(channel: XmlElement, vocab: string): string | undefined {
  return childText(channel, vocab, 'link') ?? atomAlternateHref(channel);
}

/**
 * The item's link: <link>, else <atom:link rel="alternate">, else a guid that is a permalink (the
 * default unless isPermaLink="false") and a web URL, else an RSS 1.0 rdf:about that is a web URL.
 */
function itemLink(item: XmlElement, vocab: string): string | undefined {
  const link = firstChild(item, vocab, 'link');
  const linkText = link && (textContent(link).trim() || link.attrs.get('href')?.trim());
  if (linkText) return linkText;
  const atom = atomAlternateHref(item);
  if (atom) return atom;
  const guid = firstChild(item, vocab, 'guid');
  if (guid && guid.attrs.get('isPermaLink')?.trim().toLowerCase() !== 'false') {
    const value = textContent(guid).trim();
    if (isWebUrl(value)) return value;
  }
  const about = attrByLocalName(item, 'about');
  return isWebUrl(about) ? about : undefined;
}

function atomAlternateHref(el: XmlElement): string | undefined {
  for (const link of childElements(el, NS.atom, 'link')) {
    const rel = link.attrs.get('rel')?.trim() ?? 'alternate';
    const href = link.attrs.get('href')?.trim();
    if (rel === 'alternate' && href) return href;
  }
  return undefined;
}

/** A media: element of the item, or of its media:group or media:content, in that order. */
function mediaElement(item: XmlElement, local: string): XmlElement | undefined {
  const direct = firstChild(item, NS.media, local);
  if (direct) return direct;
  for (const container of [...childElements(item, NS.media, 'group'), ...childElements(item, NS.media, 'content')]) {
    const nested = firstChild(container, NS.media, local) ?? mediaElement(container, local);
    if (nested) return nested;
  }
  return undefined;
}

function mediaText(item: XmlElement, local: string): string | undefined {
  const el = mediaElement(item, local);
  return el && nonEmptyText(el);
}

/** media:description is plain text unless it says type="html" (Media RSS 1.5). */
function mediaDescriptionHtml(item: XmlElement): string | undefined {
  const el = mediaElement(item, 'description');
  const text = el && nonEmptyText(el);
  if (el === undefined || text === undefined) return undefined;
  return el.attrs.get('type')?.trim().toLowerCase() === 'html' ? text : textToHtml(text);
}

function enclosures(item: XmlElement, vocab: string, base: string | undefined): EnclosureFields[] {
  const found: EnclosureFields[] = childElements(item, vocab, 'enclosure').map((el) => ({
    url: resolveUrl(el.attrs.get('url'), base),
    type: el.attrs.get('type'),
    length: el.attrs.get('length'),
  }));
  const media = [
    ...childElements(item, NS.media, 'content'),
    ...childElements(item, NS.media, 'group').flatMap((group) => childElements(group, NS.media, 'content')),
  ];
  for (const el of media) {
    found.push({
      url: resolveUrl(el.attrs.get('url'), base),
      type: el.attrs.get('type'),
      length: el.attrs.get('fileSize'),
    });
  }
  return found;
}

function childText(el: XmlElement, ns: string, local: string): string | undefined {
  const child = firstChild(el, ns, local);
  return child && nonEmptyText(child);
}

function nonEmptyText(el: XmlElement): string | undefined {
  const text = textContent(el).trim();
  return text === '' ? undefined : text;
}
