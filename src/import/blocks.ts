// Where the rules cut: the article's text blocks, and the guards that keep a rule from taking the story with the boilerplate.

import { BLOCK_ELEMENTS } from '../article/elements.js';
import { normalizedText } from './dom.js';

/** No single removal may take more than this share of the article's text: a rule that would is wrong here. */
const MAX_REMOVED_SHARE = 0.4;

/** Block elements whose text a reader sees as one unit: a paragraph, a list item, a heading… */
const TEXT_BLOCK_TAGS = new Set([
  'p',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dt',
  'dd',
  'figcaption',
  'blockquote',
  'pre',
  'td',
  'th',
  'div',
  'section',
  'header',
  'footer',
  'aside',
  'span',
  'center',
  'caption',
  'address',
]);

/** Characters of the article's text, white space collapsed: the measure the guards compare against. */
export function articleTextLength(root: Element): number {
  return normalizedText(root).length;
}

/** Removes `element` unless it holds too much of the article for a boilerplate rule to be right. */
export function removeGuarded(element: Element, total: number): boolean {
  if (total > 0 && normalizedText(element).length > total * MAX_REMOVED_SHARE) return false;
  element.remove();
  return true;
}

/** The article's own container, as pages mark it; page rules never remove it or what holds it. */
const MAIN_CONTAINER = 'main, [role="main"], [itemprop~="articleBody"]';

export interface PageShape {
  /** Characters of paragraph text under each element that holds any, counted once per page. */
  paragraphText: Map<Element, number>;
  total: number;
  articles: number;
}

/**
 * Removes `element` from the page unless it may be (or hold) the article: the page's main
 * container, its only <article>, or an element holding this much of the page's paragraph text.
 * The counts are taken before any removal, which can only make this more careful.
 */
export function removeFromPage(element: Element, page: PageShape): boolean {
  if (element.localName === 'body' || element.localName === 'html') return false;
  if (element.matches(MAIN_CONTAINER) || element.querySelector(MAIN_CONTAINER)) return false;
  if (page.articles === 1 && (element.localName === 'article' || element.querySelector('article'))) return false;
  if (page.total > 0 && (page.paragraphText.get(element) ?? 0) > page.total * MAX_REMOVED_SHARE) return false;
  element.remove();
  return true;
}

export function describePage(root: Element): PageShape {
  const paragraphText = new Map<Element, number>();
  let total = 0;
  for (const paragraph of Array.from(root.getElementsByTagName('p'))) {
    const length = normalizedText(paragraph).length;
    total += length;
    for (let element: Element | null = paragraph; element && element !== root; element = element.parentElement) {
      paragraphText.set(element, (paragraphText.get(element) ?? 0) + length);
    }
  }
  return { paragraphText, total, articles: root.getElementsByTagName('article').length };
}

/**
 * The text blocks of the article in reading order: block elements holding no other block. A data
 * table (cells of plain text) is one block: its cells are judged with it, never one by one.
 */
export function textBlocks(root: Element): Element[] {
  const blocks: Element[] = [];
  // Appends the leaf blocks under `element` and says whether it holds any block at all; a
  // child holding none is itself a leaf (when it is a block with text), so what it appended goes.
  const visit = (element: Element): boolean => {
    let holdsBlock = false;
    for (const child of Array.from(element.children)) {
      const tag = child.localName;
      const mark = blocks.length;
      const childHoldsBlock = tag === 'table' && isDataTable(child) ? false : visit(child);
      if (BLOCK_ELEMENTS.has(tag) || childHoldsBlock) holdsBlock = true;
      if (childHoldsBlock) continue;
      blocks.length = mark;
      if ((TEXT_BLOCK_TAGS.has(tag) || BLOCK_ELEMENTS.has(tag)) && /\S/.test(child.textContent ?? ''))
        blocks.push(child);
    }
    return holdsBlock;
  };
  visit(root);
  return blocks;
}

function isDataTable(table: Element): boolean {
  return table.querySelector('td p, td div, td ul, td ol, td table, th table') === null;
}

/** The outermost ancestor of `block` (up to `root`) whose text is the block's text and nothing more. */
export function outermostWrapper(block: Element, root: Element): Element {
  let current = block;
  const text = normalizedText(block);
  while (current.parentElement && current.parentElement !== root && normalizedText(current.parentElement) === text) {
    current = current.parentElement;
  }
  return current;
}

/**
 * The article's text blocks with their text, found once and then kept up to date: the block
 * rules remove whole blocks, so each run only drops those no longer in the article. A rule that
 * removes other structure (a list, a section) calls `invalidate`.
 */
export class BlockList {
  private entries: { element: Element; text: string }[] | undefined;
  private readonly root: Element;

  constructor(root: Element) {
    this.root = root;
  }

  current(): { element: Element; text: string }[] {
    if (this.entries === undefined) {
      this.entries = textBlocks(this.root).map((element) => ({ element, text: normalizedText(element) }));
    } else {
      this.entries = this.entries.filter(({ element }) => this.root.contains(element));
    }
    return this.entries;
  }

  invalidate(): void {
    this.entries = undefined;
  }
}

export function removeBlocks(
  blocks: BlockList,
  root: Element,
  test: (block: Element, text: string, index: number, count: number) => boolean,
): void {
  const total = articleTextLength(root);
  const entries = blocks.current();
  entries.forEach(({ element, text }, index) => {
    if (test(element, text, index, entries.length)) removeGuarded(outermostWrapper(element, root), total);
  });
}

/** Removes, among the last six blocks, the short ones that `test` accepts. */
export function removeTailBlocks(blocks: BlockList, root: Element, test: (text: string) => boolean): void {
  removeBlocks(blocks, root, (_block, text, index, count) => index >= count - 6 && text.length <= 400 && test(text));
}
