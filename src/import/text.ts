// Plain text of clean article HTML as a reader sees it: one line per block, white space collapsed.

import { BLOCK_ELEMENTS } from '../article/elements.js';
import { isElement } from './dom.js';

/**
 * The visible text under `root`, one line per block element (paragraph, heading, list item,
 * table cell…), inline runs joined as the browser would, preformatted text kept as written.
 * textContent would glue "end.</p><p>Next" into one word; this keeps the words apart.
 */
export function renderText(root: Node): string {
  const lines: string[] = [];
  let line = '';
  const flush = (): void => {
    const trimmed = line.replace(/[ \t\f\r\n]+/g, ' ').trim();
    if (trimmed) lines.push(trimmed);
    line = '';
  };
  const visit = (node: Node, preformatted: boolean): void => {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      if (preformatted) {
        const parts = text.split('\n');
        parts.forEach((part, index) => {
          if (index > 0) {
            lines.push(line.replace(/\s+$/, ''));
            line = '';
          }
          line += part;
        });
      } else {
        line += text;
      }
      return;
    }
    if (!isElement(node)) return;
    const tag = node.localName;
    if (tag === 'br') {
      if (preformatted) {
        lines.push(line.replace(/\s+$/, ''));
        line = '';
      } else {
        flush();
      }
      return;
    }
    const block = BLOCK_ELEMENTS.has(tag);
    const pre = preformatted || tag === 'pre';
    if (block && !preformatted) flush();
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child, pre);
    if (tag === 'pre' && !preformatted) {
      if (line.trim()) lines.push(line.replace(/\s+$/, ''));
      line = '';
    } else if (block && !preformatted) {
      flush();
    }
  };
  visit(root, false);
  flush();
  return lines.join('\n');
}
