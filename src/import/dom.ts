// The DOM the extractor works on: parsing HTML with linkedom and the small node helpers every stage shares.

import { parseHTML } from 'linkedom';

/** Elements that start a new line of text; everything else flows inline. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const HAS_DOCUMENT_ELEMENT = /<(?:html|body|head)[\s>]/i;

/**
 * Parses a page or a fragment into a document with <html>, <head> and <body>.
 * linkedom makes a fragment's first element the document element (no body around it), so a
 * fragment is wrapped first; a page that has <html>, <head> or <body> tags is parsed as it is.
 */
export function parseDocument(html: string): Document {
  const source = HAS_DOCUMENT_ELEMENT.test(html)
    ? html
    : `<!doctype html><html><head></head><body>${html}</body></html>`;
  let { document } = parseHTML(source);
  if (document.documentElement?.localName !== 'html' || !document.body) {
    document = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
  }
  lowerCaseCreatedElements(document);
  return document;
}

/**
 * In an HTML document createElement("DIV") makes a <div>; linkedom keeps the case given, and
 * Readability creates its containers as "DIV" and "P". This document follows the standard, so
 * `localName` is lower case everywhere.
 */
function lowerCaseCreatedElements(document: Document): void {
  const create = document.createElement.bind(document);
  const createElement = (name: string, options?: ElementCreationOptions): HTMLElement =>
    create(name.toLowerCase(), options);
  Object.defineProperty(document, 'createElement', { value: createElement, configurable: true });
}

/** True for element nodes; linkedom has no `instanceof Element` across documents we can rely on. */
export function isElement(node: Node | null | undefined): node is Element {
  return node?.nodeType === 1;
}

/** The element's text with runs of white space collapsed to one space and trimmed. */
export function normalizedText(node: Node): string {
  return (node.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The class and id of an element as one string, for naming-convention tests. */
export function classAndId(element: Element): string {
  return `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
}

/** Replaces an element by its children (keeps the text, drops the tag). */
export function unwrapElement(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  element.remove();
}

/** Renames an element, keeping its attributes and children. */
export function renameElement(element: Element, tag: string): Element {
  const document = element.ownerDocument;
  const renamed = document.createElement(tag);
  for (const attribute of Array.from(element.attributes)) renamed.setAttribute(attribute.name, attribute.value);
  while (element.firstChild) renamed.appendChild(element.firstChild);
  element.replaceWith(renamed);
  return renamed;
}

/** The text inside links divided by all the text: near 1 for menus and story lists. */
export function linkDensity(element: Element): number {
  const total = normalizedText(element).length;
  if (total === 0) return 0;
  let linked = 0;
  for (const link of Array.from(element.getElementsByTagName('a'))) linked += normalizedText(link).length;
  return linked / total;
}

/** `href` made absolute against `base`; undefined when it cannot be. */
export function absoluteUrl(href: string | null, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}
