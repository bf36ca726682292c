// Clean article HTML → Markdown with turndown: ATX headings, "-" bullets, fenced code, GFM tables, no raw HTML.

import { tables } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { absoluteUrl, isElement, parseDocument, unwrapElement } from './dom.js';

export interface MarkdownOptions {
  /** The page's address: relative links are resolved against it, and dropped without it. */
  baseUrl?: string;
}

/**
 * Source text must never be re-read as Markdown. turndown escapes backslashes, `*`, `_`, backticks,
 * brackets, and `#`, `>`, `-`, `+ `, `=` and `1. ` at the start of a text; these complete it:
 * table pipes, tags and entities a renderer would interpret as HTML, `~~` strike-through and
 * `1)` list markers.
 */
const EXTRA_ESCAPES: [RegExp, string][] = [
  [/\|/g, '\\|'],
  [/<(?=[A-Za-z/!?])/g, '\\<'],
  [/&(?=#?[A-Za-z0-9]+;)/g, '\\&'],
  [/~/g, '\\~'],
  [/^(\d+)\)(?=\s|$)/, '$1\\)'],
  [/^\+(?=\s|$)/, '\\+'],
];

const SAFE_LINK = /^(?:https?:|mailto:)/i;

/** Converts clean article HTML (a string or an element of a throwaway tree) to Markdown. */
export function htmlToMarkdown(html: string | Element, options: MarkdownOptions = {}): string {
  const root = typeof html === 'string' ? parseDocument(html).body : html;
  prepareForMarkdown(root, options.baseUrl);
  // The parser leaves text split at entities ("a ", "&", "b"), and images became text: escaping
  // works on whole text nodes.
  root.normalize();
  const service = createTurndown();
  // turndown clones its input before converting. The tree handed in is already a private copy,
  // and the clone would lose the `rows` given to its tables (see prepareTable), so it is used as is.
  Object.defineProperty(root, 'cloneNode', { value: () => root, configurable: true });
  const markdown = service.turndown(root as unknown as HTMLElement);
  return markdown.replace(/\n{3,}/g, '\n\n').trim();
}

function createTurndown(): TurndownService {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    fence: '```',
    emDelimiter: '_',
    strongDelimiter: '**',
    hr: '---',
    // Whatever a rule would keep as HTML is written as its Markdown content instead.
    keepReplacement: (content, node) => ((node as { isBlock?: boolean }).isBlock ? `\n\n${content}\n\n` : content),
  });
  service.use(tables);
  const escapeMarkdown = service.escape.bind(service);
  service.escape = (text: string): string =>
    EXTRA_ESCAPES.reduce(
      (escaped, [pattern, replacement]) => escaped.replace(pattern, replacement),
      escapeMarkdown(text),
    );
  service.addRule('safeLink', {
    filter: 'a',
    replacement: (content, node) => {
      const href = (node as Element).getAttribute('href') ?? '';
      if (!content.trim()) return '';
      if (!SAFE_LINK.test(href)) return content;
      return `[${content}](${href.replace(/[()\s<>]/g, percentEncode)})`;
    },
  });
  // "- item" rather than turndown's "-   item"; continuation lines are indented to match.
  service.addRule('listItem', {
    filter: 'li',
    replacement: (content, node) => {
      const item = node as Element;
      const list = item.parentElement;
      let marker = '- ';
      if (list?.localName === 'ol') {
        const start = Number.parseInt(list.getAttribute('start') ?? '1', 10);
        marker = `${(Number.isFinite(start) ? start : 1) + Array.from(list.children).indexOf(item)}. `;
      }
      const isParagraph = /\n$/.test(content);
      const body = content.replace(/^\n+/, '').replace(/\n+$/, '') + (isParagraph ? '\n' : '');
      const indented = body.replace(/\n(?=.)/g, `\n${' '.repeat(marker.length)}`);
      return marker + indented + (item.nextElementSibling ? '\n' : '');
    },
  });
  // One cell, one line. Replaces the plugin's cell rule, which would escape the pipes that
  // escape() already escaped a second time and write line breaks as <br>.
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content, node) => {
      const cell = node as Element;
      const first = cell.parentElement?.firstElementChild === cell;
      const text = content.replace(/\s+/g, ' ').trim().padEnd(3, ' ');
      const span = Number.parseInt(cell.getAttribute('colspan') ?? '1', 10);
      const extra = Number.isFinite(span) && span > 1 ? ' |    '.repeat(Math.min(span, 50) - 1) : '';
      return `${first ? '| ' : ' '}${text}${extra} |`;
    },
  });
  // Fenced blocks must be longer than any run of backticks in the code they hold.
  service.addRule('fencedCode', {
    filter: (node) => node.nodeName === 'PRE',
    replacement: (_content, node) => {
      const code = (node.textContent ?? '').replace(/\n$/, '');
      const longest = (code.match(/`+/g) ?? []).reduce((most, run) => Math.max(most, run.length), 0);
      const fence = '`'.repeat(Math.max(3, longest + 1));
      const language = /(?:^|\s)(?:language|lang)-([\w+#-]+)/.exec(classOfCode(node as Element))?.[1] ?? '';
      return `\n\n${fence}${language}\n${code}\n${fence}\n\n`;
    },
  });
  return service;
}

function percentEncode(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`;
}

function classOfCode(pre: Element): string {
  return `${pre.getAttribute('class') ?? ''} ${pre.querySelector('code')?.getAttribute('class') ?? ''}`;
}

let wordCharacter: RegExp | undefined;

/**
 * Readies the tree for turndown: images reduced to symbols or nothing, links made absolute or unwrapped, tables flattened
 * to one line per cell (GFM cells cannot hold blocks; the plugin would write <br>), layout tables unwrapped.
 */
function prepareForMarkdown(root: Element, baseUrl: string | undefined): void {
  // A news photo's alt text describes the picture, and repeats its caption, which the boilerplate
  // rules take out: it is not the story's text, and measured on the extraction benchmark it costs
  // precision. An image whose alt text has no letters or digits is an emoji or a symbol drawn as
  // a picture, part of the sentence: it stays, as text, so that it is escaped.
  wordCharacter ??= /[\p{L}\p{N}]/u;
  for (const image of Array.from(root.querySelectorAll('img'))) {
    const alt = image.getAttribute('alt')?.replace(/\s+/g, ' ').trim() ?? '';
    image.replaceWith(root.ownerDocument.createTextNode(wordCharacter.test(alt) ? '' : alt));
  }
  // turndown collapses only ASCII white space; a no-break space left at a line's start would hide
  // a "#" or "-" from the escaping, and at its end it is invisible trailing space.
  replaceNoBreakSpaces(root);
  for (const link of Array.from(root.querySelectorAll('a'))) {
    const href = absoluteUrl(link.getAttribute('href'), baseUrl);
    if (href && SAFE_LINK.test(href)) link.setAttribute('href', href);
    else unwrapElement(link);
  }
  for (const table of Array.from(root.querySelectorAll('table')).reverse()) prepareTable(table);
}

function replaceNoBreakSpaces(root: Element): void {
  const walker = root.ownerDocument.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.includes('\u00a0') && !node.parentElement?.closest('pre, code'))
      node.nodeValue = text.replace(/\u00a0/g, ' ');
  }
}

const CELL_BLOCKS = 'p, div, ul, ol, li, h1, h2, h3, h4, h5, h6, blockquote, pre, hr, br, table, dl, dt, dd, figure';

function prepareTable(table: Element): void {
  const rows = Array.from(table.querySelectorAll('tr')).filter((row) => row.closest('table') === table);
  const nested = table.querySelector('table');
  const cells = rows.reduce((count, row) => count + row.querySelectorAll('td, th').length, 0);
  if (rows.length === 0 || nested || cells < 2) {
    unwrapLayoutTable(table);
    return;
  }
  promoteBoldHeaderRow(table, rows[0]);
  for (const row of rows) {
    for (const child of Array.from(row.childNodes)) {
      if (!isElement(child) || (child.localName !== 'td' && child.localName !== 'th')) child.remove();
    }
    for (const cell of Array.from(row.children)) {
      for (const block of Array.from(cell.querySelectorAll(CELL_BLOCKS)).reverse()) {
        block.before(' ');
        block.after(' ');
        if (block.localName === 'br' || block.localName === 'hr') block.remove();
        else unwrapElement(block);
      }
    }
  }
  Object.defineProperty(table, 'rows', { value: rows, configurable: true });
}

/**
 * Many pages set a table's header as a first row of bold <td> cells. With no <th> or <thead> in
 * the table, such a row becomes the header row, so the GFM table gets it instead of an empty one.
 */
function promoteBoldHeaderRow(table: Element, first: Element | undefined): void {
  if (!first || table.querySelector('th, thead')) return;
  const cells = Array.from(first.children);
  const squeeze = (text: string | null): string => (text ?? '').replace(/\s+/g, '');
  // Bold when all its text is inside <strong> or <b> (an empty cell counts as bold).
  const bold = (cell: Element): boolean =>
    Array.from(cell.querySelectorAll('strong, b'))
      .map((element) => squeeze(element.textContent))
      .join('') === squeeze(cell.textContent);
  if (cells.length < 2 || !cells.every((cell) => cell.localName === 'td' && bold(cell))) return;
  for (const cell of cells) {
    const header = table.ownerDocument.createElement('th');
    for (const strong of Array.from(cell.querySelectorAll('strong, b'))) unwrapElement(strong);
    while (cell.firstChild) header.appendChild(cell.firstChild);
    for (const attribute of Array.from(cell.attributes)) header.setAttribute(attribute.name, attribute.value);
    cell.replaceWith(header);
  }
}

/** A table around a table is page layout, not data: its cells become plain blocks. */
function unwrapLayoutTable(table: Element): void {
  for (const part of Array.from(table.querySelectorAll('caption, thead, tbody, tfoot, tr, td, th'))) {
    if (part.closest('table') !== table) continue;
    if (part.localName === 'td' || part.localName === 'th' || part.localName === 'caption') {
      const block = table.ownerDocument.createElement('div');
      while (part.firstChild) block.appendChild(part.firstChild);
      part.replaceWith(block);
    } else {
      unwrapElement(part);
    }
  }
  const block = table.ownerDocument.createElement('div');
  while (table.firstChild) block.appendChild(table.firstChild);
  table.replaceWith(block);
}
