// Reads Atom 1.0 documents (RFC 4287), and the Atom 0.3 elements that differ from it.
import { buildItem, joinNames, plainTitle } from './item.js';
import { collapseWhitespace, htmlToText, textToHtml } from './text.js';
import type { Feed } from './types.js';
import { isWebUrl, resolveUrl } from './urls.js';
import { childElements, firstChild, serializeChildrenAsHtml, textContent, type XmlElement } from './xml.js';

/** Reads a document whose root is <feed>; `url` is the feed's own URL, the base of its links. */
export function readAtomFeed(root: XmlElement, url: string | undefined): Feed {
  const ns = root.ns;
  const feedLinkRef = alternateLink(root, ns);
  const feedLink = feedLinkRef && resolveUrl(feedLinkRef.href, feedLinkRef.base, url);
  const feedAuthors = authorNames(root, ns);

  const items = childElements(root, ns, 'entry').map((entry) => {
    const linkRef = alternateLink(entry, ns);
    const content = firstChild(entry, ns, 'content');
    const summary = firstChild(entry, ns, 'summary');
    const source = firstChild(entry, ns, 'source');
    return buildItem({
      id: text(entry, ns, 'id'),
      title: textConstructAsText(firstChild(entry, ns, 'title')),
      // RFC 4287 §1.2 and RFC 3986 §5.1: xml:base, else the document's URL; the feed's own
      // alternate link only when the URL is unknown.
      link: linkRef && resolveUrl(linkRef.href, linkRef.base, url, feedLink),
      date:
        text(entry, ns, 'published') ??
        text(entry, ns, 'updated') ??
        text(entry, ns, 'issued') ??
        text(entry, ns, 'modified') ??
        text(entry, ns, 'created'),
      // An entry without an author has its source's, else the feed's (RFC 4287 §4.2.1).
      author: authorNames(entry, ns) ?? (source && authorNames(source, ns)) ?? feedAuthors,
      categories: childElements(entry, ns, 'category').map((el) => el.attrs.get('label') || el.attrs.get('term')),
      contentHtml: content && textConstructAsHtml(content),
      summaryHtml: summary && textConstructAsHtml(summary),
      enclosures: childElements(entry, ns, 'link')
        .filter((el) => el.attrs.get('rel')?.trim() === 'enclosure')
        .map((el) => ({
          url: resolveUrl(el.attrs.get('href'), el.xmlBase, url, feedLink),
          type: el.attrs.get('type'),
          length: el.attrs.get('length'),
        })),
    });
  });

  const feed: Feed = { format: 'atom1.0', title: textConstructAsText(firstChild(root, ns, 'title')), items };
  if (feedLink !== undefined) feed.link = feedLink;
  const self = selfLink(root, ns, url);
  if (self !== undefined) feed.self = self;
  const description = textConstructAsText(firstChild(root, ns, 'subtitle') ?? firstChild(root, ns, 'tagline'));
  if (description !== '') feed.description = description;
  return feed;
}

type ConstructType = 'text' | 'html' | 'xhtml' | 'other';

/**
 * The kind of an Atom text construct or content element: "text", "html" and "xhtml" (RFC 4287
 * §3.1), the MIME types Atom 0.3 used for them ("text/html" with mode="escaped"), and anything else.
 */
function constructType(el: XmlElement): ConstructType {
  const type = el.attrs.get('type')?.trim().toLowerCase() ?? 'text';
  const mode = el.attrs.get('mode')?.trim().toLowerCase();
  if (mode === 'base64') return 'other';
  if (mode === 'xml' || type === 'xhtml' || type === 'application/xhtml+xml') return 'xhtml';
  if (mode === 'escaped' || type === 'html' || type === 'text/html') return type === 'text/plain' ? 'text' : 'html';
  if (type === 'text' || type === 'text/plain') return 'text';
  return type.startsWith('text/') ? 'text' : 'other';
}

/** A title or subtitle as one line of plain text. */
function textConstructAsText(el: XmlElement | undefined): string {
  if (el === undefined) return '';
  switch (constructType(el)) {
    case 'html':
      return htmlToText(textContent(el));
    case 'xhtml':
      return htmlToText(serializeChildrenAsHtml(xhtmlWrapper(el)));
    case 'text':
      return collapseWhitespace(textContent(el));
    default:
      return plainTitle(textContent(el));
  }
}

/**
 * Content or summary as HTML: html as written, xhtml serialised with its markup (inside the
 * wrapping <div> the spec requires), text escaped into paragraphs. Content given by reference
 * (src=) or in another media type has no HTML to offer.
 */
function textConstructAsHtml(el: XmlElement): string | undefined {
  if (el.attrs.has('src')) return undefined;
  switch (constructType(el)) {
    case 'html':
      return textContent(el);
    case 'xhtml':
      return serializeChildrenAsHtml(xhtmlWrapper(el));
    case 'text':
      return textToHtml(textContent(el));
    default:
      return undefined;
  }
}

/** xhtml content sits in one <div> that is not part of it (RFC 4287 §4.1.3.3); tolerate its absence. */
function xhtmlWrapper(el: XmlElement): XmlElement {
  const elements = el.children.filter((child) => child.kind === 'element');
  const onlyText = el.children.every((child) => child.kind === 'element' || child.text.trim() === '');
  const [first] = elements;
  return elements.length === 1 && onlyText && first?.local === 'div' ? first : el;
}

interface LinkRef {
  href: string;
  /** The xml:base in scope at the link element. */
  base: string | undefined;
}

/**
 * The alternate link: rel="alternate" or no rel (the default), preferring an HTML page when
 * several alternates are given in different media types.
 */
function alternateLink(el: XmlElement, ns: string): LinkRef | undefined {
  const alternates = childElements(el, ns, 'link').filter((link) => {
    const rel = link.attrs.get('rel')?.trim() ?? 'alternate';
    return (
      (rel === 'alternate' || rel === 'http://www.iana.org/assignments/relation/alternate') &&
      link.attrs.get('href')?.trim()
    );
  });
  const html = alternates.find((link) => {
    const type = link.attrs.get('type')?.trim().toLowerCase();
    return type === undefined || type === 'text/html' || type === 'application/xhtml+xml';
  });
  const chosen = html ?? alternates[0];
  return chosen && { href: chosen.attrs.get('href') as string, base: chosen.xmlBase };
}

/** The feed's `<link rel="self">`, resolved, when it is an http(s) address. */
export function selfLink(el: XmlElement, ns: string, url: string | undefined): string | undefined {
  const link = childElements(el, ns, 'link').find((candidate) => candidate.attrs.get('rel')?.trim() === 'self');
  const href = link && resolveUrl(link.attrs.get('href'), link.xmlBase, url);
  return isWebUrl(href) ? href : undefined;
}

function authorNames(el: XmlElement, ns: string): string | undefined {
  return joinNames(
    childElements(el, ns, 'author').map((author) => text(author, ns, 'name') ?? text(author, ns, 'email')),
  );
}

function text(el: XmlElement, ns: string, local: string): string | undefined {
  const child = firstChild(el, ns, local);
  const value = child && textContent(child).trim();
  return value ? value : undefined;
}
