// The DOM the extractor works on: parsing HTML with linkedom and the small node helpers every stage shares.

import { parseHTML } from 'linkedom';

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

/** Elements that never hold others, or whose end tag a parser implies: not counted as nesting. */
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta source track wbr p li dt dd option optgroup tr td th thead tbody tfoot colgroup caption rb rt rp rtc html head body'.split(
    ' ',
  ),
);
/** Elements whose content is text, not markup: skipped whole. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);

/**
 * How many elements a page's markup opens, and how deep its containers nest, read from the text
 * before parsing it (a tag at a time, script and style content skipped). The HTML parser takes
 * time quadratic in the nesting depth and memory in the element count, so a hostile page is
 * measured before it is parsed. Nesting counts only elements that need an end tag; an end tag
 * never met (`<div>` left open) counts as nesting, as the parser would nest it.
 */
export function measureMarkup(html: string): { elements: number; depth: number } {
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*?(\/?)>/g;
  const lower = html.toLowerCase();
  let elements = 0;
  let depth = 0;
  let deepest = 0;
  for (let match = tag.exec(html); match !== null; match = tag.exec(html)) {
    const name = (match[2] as string).toLowerCase();
    if (match[1] === '/') {
      if (!NOT_NESTING.has(name)) depth = Math.max(0, depth - 1);
      continue;
    }
    elements += 1;
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, tag.lastIndex);
      tag.lastIndex = end === -1 ? html.length : end;
      continue;
    }
    if (match[3] === '/' || NOT_NESTING.has(name)) continue;
    depth += 1;
    if (depth > deepest) deepest = depth;
  }
  return { elements, depth: deepest };
}
