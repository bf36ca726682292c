// Strips from a parsed page what no reader sees or should get: code, hidden elements, embeds, tracking pixels, script links.

import { NOT_TEXT_ELEMENTS } from '../article/elements.js';
import { classAndId, normalizedText, unwrapElement } from './dom.js';

/** Elements that carry no article text, and on a page also fallbacks for scripts and pop-up dialogs. */
const REMOVED_TAGS = [...NOT_TEXT_ELEMENTS, 'noscript', 'dialog'];

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)/i;
const SCRIPT_URL = /^\s*(?:javascript|vbscript|data):/i;

/**
 * Cleans `document` in place. Run it after reading the metadata (JSON-LD lives in scripts) and
 * before looking for the article, so nothing below can be chosen as, or leak into, the article.
 */
export function cleanDocument(document: Document): void {
  const root = document.documentElement;
  if (!root) return;
  for (const element of Array.from(root.querySelectorAll(REMOVED_TAGS.join(',')))) element.remove();
  removeComments(root);
  for (const element of Array.from(root.querySelectorAll('[hidden], [aria-hidden], [style]'))) {
    if (isHidden(element)) element.remove();
  }
  for (const form of Array.from(root.querySelectorAll('form'))) {
    if (wrapsContent(form)) unwrapElement(form);
    else form.remove();
  }
  for (const image of Array.from(root.querySelectorAll('img'))) {
    if (isTrackingPixel(image)) image.remove();
  }
  for (const link of Array.from(root.querySelectorAll('a[href]'))) {
    if (SCRIPT_URL.test(link.getAttribute('href') ?? '')) unwrapElement(link);
  }
  flattenDeepWrappers(root);
}

/** Deeper than this, wrappers (one child element, no text of their own) are unwrapped. */
const WRAPPER_DEPTH = 100;

/** A page still nested deeper than this after flattening is refused: no real page is, hostile ones are. */
export const MAX_DEPTH = 400;

/**
 * Readability walks the tree recursively and compares every node with its ancestors: a page of
 * thousands of nested wrappers overflows the stack or takes seconds. Real pages are a few dozen
 * levels deep; beyond WRAPPER_DEPTH, elements that only wrap one element are unwrapped.
 * Iterative, so that this very step cannot overflow.
 */
function flattenDeepWrappers(root: Element): void {
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [Element, number];
    let current = element;
    if (depth > WRAPPER_DEPTH) {
      while (current.children.length === 1 && !hasOwnText(current) && current.parentElement) {
        const child = current.firstElementChild as Element;
        current.replaceWith(child);
        current = child;
      }
    }
    for (const child of Array.from(current.children)) stack.push([child, depth + 1]);
  }
}

function hasOwnText(element: Element): boolean {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && (node.nodeValue ?? '').trim() !== '') return true;
  }
  return false;
}

/** How deep the tree under `root` goes, counted without recursion. */
export function treeDepth(root: Element): number {
  let deepest = 0;
  const stack: [Element, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [element, depth] = stack.pop() as [Element, number];
    deepest = Math.max(deepest, depth);
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Hidden by the `hidden` attribute, aria-hidden="true" or an inline display:none/visibility:hidden.
 * Pages hide lazy-loaded or duplicate content this way; a reader never sees it. Readability makes
 * one exception, kept here: math images marked "fallback-image" stand in for formulas.
 */
export function isHidden(element: Element): boolean {
  if (element.hasAttribute('hidden')) return true;
  const ariaHidden = element.getAttribute('aria-hidden');
  if (ariaHidden?.trim().toLowerCase() === 'true' && !classAndId(element).includes('fallback-image')) return true;
  const style = element.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** A 1×1 (or 0×0) image: a tracking pixel, never part of the story. */
export function isTrackingPixel(image: Element): boolean {
  const size = (name: 'width' | 'height'): number | undefined => {
    const attribute = image.getAttribute(name);
    const style = new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*(\\d+(?:\\.\\d+)?)px`, 'i').exec(
      image.getAttribute('style') ?? '',
    );
    const text = attribute ?? style?.[1];
    if (text === undefined || !/^\s*\d+(?:\.\d+)?\s*(?:px)?\s*$/.test(text)) return undefined;
    return Number.parseFloat(text);
  };
  const width = size('width');
  const height = size('height');
  return width !== undefined && height !== undefined && width <= 1 && height <= 1;
}

/**
 * A form is removed (search boxes, newsletter sign-ups, comment boxes) unless it wraps the page's
 * content, as ASP.NET pages do with one <form> around the whole body: then only the tag goes.
 */
function wrapsContent(form: Element): boolean {
  if (form.querySelector('article, main, [role="main"]')) return true;
  return form.querySelectorAll('p').length >= 3 && normalizedText(form).length >= 500;
}

function removeComments(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, 128);
  const comments: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) comments.push(node);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}
