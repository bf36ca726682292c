// Bodies written as plain prose: paragraphs and ATX headings with no character that Markdown could
// read as anything else, recognised in one pass so that they need not go through marked.
//
// Most news copy is exactly that, and marked's lexer is the largest cost of indexing it (its GFM
// inline text rule alone, which scans for autolinks, costs more than the rest of the parse). What
// this accepts, marked reads as one text token per paragraph or heading; everything else is left to
// marked. A property test compares the blocks both paths give for generated Markdown.

import { isSpaceCode } from './wordchars.js';

/** A paragraph (depth 0) or an ATX heading (depth 1–6), and its text as marked's text token holds it. */
export interface PlainBlock {
  depth: number;
  text: string;
}

/**
 * ASCII characters by what they may be in a plain body: 0 never (Markdown syntax, a character
 * reference, an autolink's `@`, a table's `|`, a site generator's `{`, controls), 1 inside a line,
 * 2 also at the start of one (where `#`, `-`, `+`, `=`, `>`, digits and spaces start other blocks).
 */
const ASCII = new Uint8Array(128);
for (let code = 0x41; code <= 0x5a; code++) ASCII[code] = 2;
for (let code = 0x61; code <= 0x7a; code++) ASCII[code] = 2;
for (let code = 0x30; code <= 0x39; code++) ASCII[code] = 1;
for (const char of '"\'($') ASCII[char.charCodeAt(0)] = 2;
for (const char of ' !#%)+,-./:;=?^') ASCII[char.charCodeAt(0)] = 1;

/**
 * Whether a character from U+0080 on may be in a plain body: not white space (marked's block rules
 * read `\s` as blank), and not a C1 control, a bidi control or an invisible character, which no
 * article needs and sanitising rewrites.
 */
function isPlainWide(code: number): boolean {
  if (code <= 0x9f || isSpaceCode(code)) return false;
  if (code >= 0x200b && code <= 0x200f) return false;
  if (code >= 0x2028 && code <= 0x202e) return false;
  if (code >= 0x2060 && code <= 0x206f) return false;
  return code !== 0x061c && code !== 0xfeff;
}

/** Where a line of text from `start` ends, or -1 if it holds a character a plain body may not. */
function endOfPlainLine(markdown: string, start: number, end: number, hash: boolean): number {
  for (let at = start; at < end; at++) {
    const code = markdown.charCodeAt(at);
    if (code < 0x80) {
      if (ASCII[code] === 0 || (hash && code === 0x23)) return -1;
    } else if (!isPlainWide(code)) {
      return -1;
    }
  }
  // A space at the end of a line would be a hard break (two) or trimmed (one): left to marked.
  return markdown.charCodeAt(end - 1) === 0x20 ? -1 : end;
}

/** Whether a line may start a paragraph line here: no list item (`1.`, `2)`), no other block. */
function startsPlainLine(markdown: string, start: number, end: number): boolean {
  const code = markdown.charCodeAt(start);
  if (code >= 0x80) return isPlainWide(code);
  if (ASCII[code] === 2) return true;
  if (code < 0x30 || code > 0x39) return false;
  let at = start + 1;
  while (at < end && markdown.charCodeAt(at) >= 0x30 && markdown.charCodeAt(at) <= 0x39) at++;
  const next = markdown.charCodeAt(at);
  return next !== 0x2e && next !== 0x29;
}

/** Addresses marked would link (`https://…`, `www.…`); e-mail addresses need an `@`, never plain. */
const AUTOLINK = /:\/\/|www\./i;

/**
 * The paragraphs and headings of a body that holds nothing else, as marked would read them; or
 * undefined for a body that may hold any other Markdown, HTML, character references, autolinks or
 * site tags. Lines are separated by `\n` alone; a paragraph is a run of lines that are not blank,
 * each starting with a letter, a quote, a bracket or a digit that starts no list item, with no
 * space at either end; a heading is `#` to `######`, one space and text without `#`.
 */
export function lexPlainMarkdown(markdown: string): PlainBlock[] | undefined {
  if (AUTOLINK.test(markdown)) return undefined;
  const blocks: PlainBlock[] = [];
  const length = markdown.length;
  let paragraphStart = -1;
  let paragraphEnd = -1;
  const endParagraph = () => {
    if (paragraphStart >= 0) blocks.push({ depth: 0, text: markdown.slice(paragraphStart, paragraphEnd) });
    paragraphStart = -1;
  };
  let at = 0;
  while (at < length) {
    let end = markdown.indexOf('\n', at);
    if (end === -1) end = length;
    if (end === at) {
      endParagraph();
    } else if (markdown.charCodeAt(at) === 0x23) {
      let depth = 1;
      while (depth < 7 && markdown.charCodeAt(at + depth) === 0x23) depth++;
      const textStart = at + depth + 1;
      if (depth > 6 || markdown.charCodeAt(at + depth) !== 0x20 || textStart >= end) return undefined;
      if (markdown.charCodeAt(textStart) === 0x20) return undefined;
      if (endOfPlainLine(markdown, textStart, end, true) < 0) return undefined;
      endParagraph();
      blocks.push({ depth, text: markdown.slice(textStart, end) });
    } else {
      if (!startsPlainLine(markdown, at, end) || endOfPlainLine(markdown, at, end, false) < 0) return undefined;
      if (paragraphStart < 0) paragraphStart = at;
      paragraphEnd = end;
    }
    at = end + 1;
  }
  endParagraph();
  return blocks;
}
