// The clean article HTML: structural tags only, a few attributes (href, src, alt, colspan…), absolute http(s) links.

import { absoluteUrl, isElement, renameElement, unwrapElement } from './dom.js';

/** Tags the clean HTML keeps; any other element is unwrapped (its text stays) or dropped. */
const KEPT_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'dd',
  'del',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'pre',
  'q',
  's',
  'samp',
  'small',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
]);

/** Elements dropped with their content: nothing in them is article text. */
const DROPPED_TAGS = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'button',
  'input',
  'select',
  'textarea',
  'form',
  'nav',
  'link',
  'meta',
]);

/** Block containers that carry no meaning of their own in the clean HTML. */
const RENAMED_TO_DIV = new Set([
  'article',
  'section',
  'main',
  'header',
  'footer',
  'aside',
  'center',
  'details',
  'summary',
  'address',
  'hgroup',
]);

const KEPT_ATTRIBUTES: Record<string, string[]> = {
  a: ['href'],
  img: ['src', 'alt'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan'],
  ol: ['start'],
  time: ['datetime'],
  pre: ['class'],
  code: ['class'],
};

/**
 * Reduces `root` in place to clean article HTML: h1 becomes h2 (the title is shown apart), links
 * are made absolute against `baseUrl` (or unwrapped when they cannot be, or are not http(s) or
 * mailto), images keep only an absolute http(s) src and their alt text, and empty blocks go.
 */
export function tidyArticle(root: Element, baseUrl: string | undefined): void {
  for (const element of Array.from(root.querySelectorAll('*')).reverse()) tidyElement(element, baseUrl);
  for (const attribute of Array.from(root.attributes)) root.removeAttribute(attribute.name);
  removeEmptyBlocks(root);
}

function tidyElement(element: Element, baseUrl: string | undefined): void {
  const tag = element.localName;
  if (DROPPED_TAGS.has(tag)) {
    element.remove();
    return;
  }
  let current = element;
  if (tag === 'h1') current = renameElement(element, 'h2');
  else if (RENAMED_TO_DIV.has(tag)) current = renameElement(element, 'div');
  else if (!KEPT_TAGS.has(tag)) {
    unwrapElement(element);
    return;
  }
  const kept = KEPT_ATTRIBUTES[current.localName] ?? [];
  for (const attribute of Array.from(current.attributes)) {
    if (!kept.includes(attribute.name)) current.removeAttribute(attribute.name);
  }
  if (current.localName === 'pre' || current.localName === 'code') keepLanguageClass(current);
  if (current.localName === 'a') {
    const href = absoluteUrl(current.getAttribute('href'), baseUrl);
    if (href && /^(?:https?|mailto):/i.test(href)) current.setAttribute('href', href);
    else unwrapElement(current);
  } else if (current.localName === 'img') {
    const src = absoluteUrl(current.getAttribute('src'), baseUrl);
    if (src && /^https?:/i.test(src)) current.setAttribute('src', src);
    else current.removeAttribute('src');
    if (!current.getAttribute('src') && !current.getAttribute('alt')?.trim()) current.remove();
  }
}

/** Only a language-* class is worth keeping on code: the Markdown fence names it. */
function keepLanguageClass(element: Element): void {
  const language = /(?:^|\s)((?:language|lang)-[\w+#-]+)/.exec(element.getAttribute('class') ?? '')?.[1];
  if (language) element.setAttribute('class', language);
  else element.removeAttribute('class');
}

/** Elements that mean nothing once they hold no text and no image. */
const EMPTY_WHEN_BLANK = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'blockquote',
  'figure',
  'figcaption',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dd',
  'dt',
  'strong',
  'em',
  'b',
  'i',
  'span',
  'a',
  'table',
  'tr',
  'td',
  'th',
  'tbody',
  'thead',
  'tfoot',
  'caption',
]);

const INLINE = new Set(['strong', 'em', 'b', 'i', 'span', 'a']);

function removeEmptyBlocks(root: Element): void {
  for (const element of Array.from(root.querySelectorAll('*')).reverse()) {
    if (!EMPTY_WHEN_BLANK.has(element.localName)) continue;
    const text = element.textContent ?? '';
    if (text.trim() !== '') continue;
    if (element.querySelector('img')) continue;
    // An inline element holding only a space still separates two words.
    if (INLINE.has(element.localName) && text !== '') {
      unwrapElement(element);
      continue;
    }
    // An empty cell holds its column in place.
    if ((element.localName === 'td' || element.localName === 'th') && element.parentElement?.children.length !== 1)
      continue;
    element.remove();
  }
  // A leading or trailing <br> in a block draws nothing.
  for (const br of Array.from(root.querySelectorAll('br'))) {
    const parent = br.parentElement;
    if (parent && (isEdge(br, 'previousSibling') || isEdge(br, 'nextSibling')) && parent.localName !== 'pre')
      br.remove();
  }
}

function isEdge(node: Node, direction: 'previousSibling' | 'nextSibling'): boolean {
  for (let sibling = node[direction]; sibling; sibling = sibling[direction]) {
    if (isElement(sibling)) return false;
    if ((sibling.textContent ?? '').trim() !== '') return false;
  }
  return true;
}
