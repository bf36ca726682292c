// HTML in article bodies, as a parsed DOM, → the blocks and spans Markdown would have given.
//
// Block elements become blocks (paragraphs, headings, lists, tables, quotes, code, rules), the
// containers around them (div, section, figure, details, …) only group them; inline elements
// become spans: links keep their address as a Markdown link does, images show their alt text as
// a Markdown image does, and bold, italic, code and deleted text keep their style. What a reader
// of the page never sees as text — scripts, styles, comments, embedded frames and objects, forms,
// hidden elements — is dropped. Attribute values never become text, except an image's alt and a
// link's address (which the layout lists apart from the text). The DOM comes from linkedom; this
// module needs only the few node properties below, so it loads nothing itself.

import { BLOCK_ELEMENTS, NOT_TEXT_ELEMENTS } from './elements.js';
import type { Block, Span, SpanStyle } from './model.js';

/** The part of a DOM node the walk reads (linkedom's nodes have it, as browsers' do). */
export interface HtmlNode {
  nodeType: number;
  /** The lower-case tag name of an element. */
  localName?: string;
  /** The text of a text node. */
  data?: string;
  childNodes: ArrayLike<HtmlNode>;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
}

/** What the walk needs from the Markdown side: text made safe, and spans marked prepared. */
export interface HtmlContext {
  /** A text node's text as spans: tags resolved, controls neutralised; whitespace is left alone. */
  text(text: string, style: SpanStyle): Span[];
  /** Text made safe to print, for code and addresses. */
  clean(text: string): string;
  /** The spans a placeholder element stands for (`<news-slot data-slot="n">`), from marked's rendering. */
  slot(index: number): Span[] | undefined;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

/** Elements whose content a reader never sees as text, in a body: forms and the document's head too. */
const DROPPED = new Set([
  ...NOT_TEXT_ELEMENTS,
  'param',
  'form',
  'option',
  'optgroup',
  'datalist',
  'output',
  'label',
  'fieldset',
  'legend',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'math',
  'area',
]);

/** Elements that end a paragraph: everything that is not inline. */
const BLOCKS = BLOCK_ELEMENTS;

const INLINE_STYLES: Record<string, SpanStyle> = {
  strong: 'strong',
  b: 'strong',
  em: 'em',
  i: 'em',
  cite: 'em',
  dfn: 'em',
  var: 'em',
  del: 'del',
  s: 'del',
  strike: 'del',
};

const CODE = new Set(['code', 'kbd', 'samp', 'tt']);

/** The elements a table is made of; anything else in it stands outside its cells. */
const TABLE_PARTS = new Set(['caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);

/** Deeper than this, an element's text is kept without its structure, so the walk never overflows. */
const MAX_DEPTH = 100;

/** The place-holder element marked's rendering uses for spans it prepared; see HtmlContext.slot. */
export const SLOT_ELEMENT = 'news-slot';

/**
 * The addresses a link or image may keep: web and mail addresses, and relative ones (a page of
 * the same site). `javascript:`, `data:` and every other scheme are dropped, and so is an address
 * that is only `#fragment`, a place in a page that a terminal does not have.
 */
export function safeAddress(address: string): string | undefined {
  const trimmed = address.trim();
  if (trimmed === '' || trimmed.startsWith('#')) return undefined;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(trimmed)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'http' || scheme === 'https' || scheme === 'mailto') return trimmed;
  return undefined;
}

function isHidden(element: HtmlNode): boolean {
  if (element.hasAttribute?.('hidden')) return true;
  if (element.getAttribute?.('aria-hidden')?.trim().toLowerCase() === 'true') return true;
  const style = element.getAttribute?.('style');
  return style != null && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function nameOf(node: HtmlNode): string {
  return node.localName?.toLowerCase() ?? '';
}

/** Whitespace as HTML shows it: any run is one space. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ');
}

/**
 * Spans tidied as a browser lays out inline text: same-style neighbours joined, no space next to
 * another space or a line break, one line break at most in a row, and none of either at the ends.
 */
export function tidySpans(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  /** The last character shown so far; a line break before anything is shown. */
  let tail = '\n';
  let previous: Span | undefined;
  for (const span of spans) {
    if (span.style === 'url' || span.style === 'note') {
      out.push({ ...span });
      continue;
    }
    let text = span.text;
    if (span.style !== 'code') {
      text = text.replace(/ *\n[ \n]*/g, '\n').replace(/ {2,}/g, ' ');
      if (tail === '\n') text = text.replace(/^[ \n]+/, '');
      else if (tail === ' ' && text.startsWith(' ')) text = text.slice(1);
      if (text.startsWith('\n') && tail === ' ' && previous) previous.text = previous.text.slice(0, -1);
    }
    if (text === '') continue;
    const last = out[out.length - 1];
    if (last && last === previous && last.style === span.style) last.text += text;
    else out.push({ text, style: span.style });
    previous = out[out.length - 1];
    tail = text[text.length - 1] as string;
  }
  // Trailing spaces and line breaks end nothing.
  for (let index = out.length - 1; index >= 0; index--) {
    const span = out[index] as Span;
    if (span.style === 'url' || span.style === 'note') continue;
    if (span.style !== 'code') span.text = span.text.replace(/[ \n]+$/, '');
    if (span.text !== '') break;
    out.splice(index, 1);
  }
  return out.filter((span) => span.text !== '');
}

/** Whether spans show any text at all. */
function hasText(spans: readonly Span[]): boolean {
  return spans.some((span) => span.style !== 'url' && span.text.trim() !== '');
}

/** Walks a DOM into the document model; one per body, as slots belong to one rendering. */
export class HtmlWalker {
  constructor(private readonly context: HtmlContext) {}

  /** The blocks of a run of sibling nodes: inline content between block elements makes paragraphs. */
  blocks(nodes: ArrayLike<HtmlNode>, depth = 0): Block[] {
    const out: Block[] = [];
    let inline: Span[] = [];
    const flush = () => {
      const spans = tidySpans(inline);
      if (hasText(spans)) out.push({ kind: 'paragraph', spans });
      inline = [];
    };
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index] as HtmlNode;
      if (isText(node)) {
        const { text, next } = joinText(nodes, index);
        inline.push(...this.context.text(collapse(text), 'plain'));
        index = next - 1;
        continue;
      }
      if (node.nodeType !== ELEMENT) continue;
      const name = nameOf(node);
      if (!BLOCKS.has(name)) {
        inline.push(...this.inline(node, 'plain', depth));
        continue;
      }
      flush();
      out.push(...this.block(node, name, depth + 1));
    }
    flush();
    return out;
  }

  /** The spans of a run of sibling nodes, any blocks among them run together with line breaks. */
  spans(nodes: ArrayLike<HtmlNode>, style: SpanStyle, depth: number): Span[] {
    const spans: Span[] = [];
    for (let index = 0; index < nodes.length; index++) {
      const node = nodes[index] as HtmlNode;
      if (isText(node)) {
        const { text, next } = joinText(nodes, index);
        spans.push(...this.context.text(collapse(text), style));
        index = next - 1;
      } else {
        spans.push(...this.inline(node, style, depth));
      }
    }
    return spans;
  }

  private block(element: HtmlNode, name: string, depth: number): Block[] {
    if (isHidden(element)) return [];
    if (depth > MAX_DEPTH) return this.flatText(element);
    const children = element.childNodes;
    switch (name) {
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6': {
        const spans = tidySpans(this.spans(children, 'plain', depth).map(withoutBreaks));
        return hasText(spans) ? [{ kind: 'heading', depth: Number(name[1]), spans }] : [];
      }
      case 'summary':
      case 'dt': {
        const spans = tidySpans(this.spans(children, 'strong', depth));
        return hasText(spans) ? [{ kind: 'paragraph', spans }] : [];
      }
      case 'blockquote': {
        const blocks = this.blocks(children, depth);
        return blocks.length > 0 ? [{ kind: 'quote', blocks }] : [];
      }
      case 'ul':
      case 'ol':
      case 'menu':
      case 'dir':
        return this.list(element, name === 'ol', depth);
      case 'pre':
        return [{ kind: 'code', text: this.codeText(element) }];
      case 'hr':
        return [{ kind: 'rule' }];
      case 'table':
        return this.table(element, depth);
      case 'dialog':
        return element.hasAttribute?.('open') ? this.blocks(children, depth) : [];
      default:
        // Containers (div, section, figure, details, li outside a list, …) only group their blocks.
        return this.blocks(children, depth);
    }
  }

  private inline(node: HtmlNode, style: SpanStyle, depth: number): Span[] {
    if (node.nodeType !== ELEMENT) return [];
    const name = nameOf(node);
    if (DROPPED.has(name) || isHidden(node)) return [];
    if (depth > MAX_DEPTH) return this.context.text(collapse(textOf(node)), style);
    const children = node.childNodes;
    if (name === SLOT_ELEMENT) return this.context.slot(Number(node.getAttribute?.('data-slot'))) ?? [];
    if (name === 'br') return [{ text: '\n', style }];
    if (name === 'img') return this.image(node);
    if (name === 'a') return this.link(node, depth);
    // Code keeps its spaces; only line breaks in it become spaces, as the line is re-wrapped.
    if (CODE.has(name)) return [{ text: this.context.clean(textOf(node).replace(/[\t\n\r\f]/g, ' ')), style: 'code' }];
    const own = INLINE_STYLES[name];
    const inner = style === 'plain' && own !== undefined ? own : style;
    if (name === 'td' || name === 'th') return [...this.spans(children, inner, depth + 1), { text: ' ', style }];
    if (BLOCKS.has(name) || name === 'tr') {
      // A block inside inline content (a div in a link, a paragraph in a table cell) starts a line.
      return [{ text: '\n', style }, ...this.spans(children, inner, depth + 1), { text: '\n', style }];
    }
    return this.spans(children, inner, depth + 1);
  }

  private link(element: HtmlNode, depth: number): Span[] {
    const label = this.spans(element.childNodes, 'link', depth + 1);
    const href = safeAddress(element.getAttribute?.('href') ?? '');
    if (href === undefined) return label;
    const address = this.context.clean(href);
    const text = label.map((span) => (span.style === 'url' ? '' : span.text)).join('');
    // A link whose text is its address needs no reference, as in Markdown.
    return text.trim() === address ? label : [...label, { text: address, style: 'url' }];
  }

  private image(element: HtmlNode): Span[] {
    const alt = this.context.clean(collapse(element.getAttribute?.('alt') ?? '')).trim();
    const spans: Span[] = [{ text: alt === '' ? '[image]' : `[image: ${alt}]`, style: 'em' }];
    const src = safeAddress(element.getAttribute?.('src') ?? '');
    if (src !== undefined) spans.push({ text: this.context.clean(src), style: 'url' });
    return spans;
  }

  private list(element: HtmlNode, ordered: boolean, depth: number): Block[] {
    const items: Block[][] = [];
    let loose = false;
    const children = element.childNodes;
    let stray: HtmlNode[] = [];
    const addStray = () => {
      const blocks = this.blocks(stray, depth);
      stray = [];
      if (blocks.length === 0) return;
      // Content between items belongs to the item before it, as a browser shows it.
      const last = items[items.length - 1];
      if (last) last.push(...blocks);
      else items.push(blocks);
    };
    for (let index = 0; index < children.length; index++) {
      const child = children[index] as HtmlNode;
      if (child.nodeType === ELEMENT && nameOf(child) === 'li') {
        addStray();
        if (isHidden(child)) continue;
        const blocks = this.blocks(child.childNodes, depth + 1);
        if (blocks.filter((block) => block.kind === 'paragraph').length > 1) loose = true;
        items.push(blocks);
      } else {
        stray.push(child);
      }
    }
    addStray();
    if (items.length === 0) return [];
    const start = Number.parseInt(element.getAttribute?.('start') ?? '', 10);
    return [{ kind: 'list', ordered, loose, start: Number.isFinite(start) ? start : 1, items }];
  }

  /**
   * A table, after what a browser shows before it: whatever stands in the table outside any cell
   * (text between cells, a paragraph in a row), which HTML's parser moves out in front of the
   * table ("foster parenting"), then the caption. A parser that does not (linkedom's) leaves it
   * in the table, where only cells are read, and the text would be lost. Cells outside a row
   * make one, as in a browser.
   */
  private table(element: HtmlNode, depth: number): Block[] {
    const rows: HtmlNode[][] = [];
    let caption: Block[] = [];
    /** Runs of siblings outside any cell, each shown apart so that no two words run together. */
    const fostered: HtmlNode[][] = [];
    const collect = (parent: HtmlNode, inRow: boolean) => {
      let row: HtmlNode[] | undefined;
      let stray: HtmlNode[] | undefined;
      const children = parent.childNodes;
      for (let index = 0; index < children.length; index++) {
        const child = children[index] as HtmlNode;
        const name = child.nodeType === ELEMENT ? nameOf(child) : '';
        if (child.nodeType === ELEMENT && isHidden(child)) continue;
        if (child.nodeType !== ELEMENT || (inRow && name !== 'td' && name !== 'th') || !TABLE_PARTS.has(name)) {
          if (stray === undefined) {
            stray = [];
            fostered.push(stray);
          }
          stray.push(child);
          continue;
        }
        stray = undefined;
        if (name === 'td' || name === 'th') {
          if (row === undefined) {
            row = [];
            rows.push(row);
          }
          row.push(child);
        } else if (name === 'tr') {
          row = undefined;
          collect(child, true);
        } else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
          row = undefined;
          collect(child, false);
        } else if (name === 'caption') {
          caption = this.blocks(child.childNodes, depth + 1);
        }
      }
    };
    collect(element, false);
    const before = fostered.flatMap((nodes) => this.blocks(nodes, depth + 1));
    const cells = rows
      .map((row) => row.map((cell) => tidySpans(this.spans(cell.childNodes, 'plain', depth + 2))))
      .filter((row) => row.length > 0);
    if (cells.length === 0) return [...before, ...caption];
    return [...before, ...caption, { kind: 'table', rows: cells }];
  }

  /** A pre element's text: one newline right after `<pre>` is not content (HTML's rule), nor are trailing ones. */
  private codeText(element: HtmlNode): string {
    const text = textOf(element)
      .replace(/^\r?\n/, '')
      .replace(/\s+$/, '');
    return this.context.clean(text).replace(/\t/g, '    ');
  }

  /** An element nested too deeply: its text, as one paragraph. */
  private flatText(element: HtmlNode): Block[] {
    const spans = tidySpans(this.context.text(collapse(textOf(element)), 'plain'));
    return hasText(spans) ? [{ kind: 'paragraph', spans }] : [];
  }
}

function isText(node: HtmlNode): boolean {
  return node.nodeType === TEXT || node.nodeType === CDATA;
}

/**
 * The text of the text nodes from `index` on, taken together: the parser may split text at a `<`
 * that starts no tag, and a shortcode (`{{< name >}}`) must be read whole.
 */
function joinText(nodes: ArrayLike<HtmlNode>, index: number): { text: string; next: number } {
  let text = '';
  let next = index;
  while (next < nodes.length && isText(nodes[next] as HtmlNode)) {
    text += (nodes[next] as HtmlNode).data ?? '';
    next++;
  }
  return { text, next };
}

/** A heading is one line: its line breaks are spaces. */
function withoutBreaks(span: Span): Span {
  return span.text.includes('\n') ? { ...span, text: span.text.replace(/\n/g, ' ') } : span;
}

/**
 * The text of a node and everything in it, dropped elements left out, a table's cells apart and
 * blocks on lines of their own; without recursion, so any depth of nesting is safe.
 */
export function textOf(node: HtmlNode): string {
  let text = '';
  // Nodes still to visit, and text to add once an element's children are done.
  const stack: (HtmlNode | string)[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as HtmlNode | string;
    if (typeof current === 'string') {
      text += current;
      continue;
    }
    if (isText(current)) {
      text += current.data ?? '';
      continue;
    }
    if (current.nodeType !== ELEMENT && current !== node) continue;
    const name = nameOf(current);
    if (current !== node && (DROPPED.has(name) || isHidden(current))) continue;
    if (name === 'br') text += '\n';
    if (current !== node && (BLOCKS.has(name) || name === 'tr')) {
      if (text !== '' && !text.endsWith('\n')) text += '\n';
      stack.push('\n');
    } else if (name === 'td' || name === 'th') {
      stack.push(' ');
    }
    const children = current.childNodes;
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index] as HtmlNode);
  }
  return text;
}
