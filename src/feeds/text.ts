// Text and HTML conversions feed fields need: HTML to one line of text, text to HTML, escaping.
import { decodeHTML } from 'entities/decode';

/** Runs of whitespace (including no-break spaces) become one space; ends are trimmed. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Whether a string carries HTML: a tag ("<b", "</", "<!--") or a character reference ("&amp;",
 * "&#8217;"). A lone "<" or "&" in prose ("3 < 4", "Q & A") does not count.
 */
export function looksLikeHtml(text: string): boolean {
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    const next = text.charCodeAt(i + 1);
    if (isAsciiLetter(next) || next === 0x2f || next === 0x21) return true;
  }
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    let j = i + 1;
    if (text[j] === '#') j++;
    const start = j;
    while (j < text.length && j - start <= 32 && isAsciiAlphanumeric(text.charCodeAt(j))) j++;
    if (j > start && text[j] === ';') return true;
  }
  return false;
}

/**
 * One line of plain text from an HTML fragment: tags and comments dropped (line-breaking tags
 * become spaces), references decoded the way a browser would, whitespace collapsed.
 */
export function htmlToText(html: string): string {
  let out = '';
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      out += html.slice(i);
      break;
    }
    out += html.slice(i, lt);
    const next = html.charCodeAt(lt + 1);
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close === -1 ? html.length : close + 3;
    } else if (isAsciiLetter(next) || next === 0x2f || next === 0x21 || next === 0x3f) {
      const close = tagEnd(html, lt + 1);
      if (close === -1) {
        // An unclosed "<word" is prose, not a tag.
        out += '<';
        i = lt + 1;
      } else {
        if (breaksLine(html.slice(lt + 1, close))) out += ' ';
        i = close + 1;
      }
    } else {
      out += '<';
      i = lt + 1;
    }
  }
  return collapseWhitespace(decodeHTML(out));
}

/**
 * Plain text as HTML paragraphs: blank lines separate paragraphs, single line breaks become <br>,
 * and every character is escaped, so nothing in the text can become markup.
 */
export function textToHtml(text: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  return paragraphs.map((p) => `<p>${escapeHtmlText(p).replace(/[ \t]*\n[ \t]*/g, '<br>')}</p>`).join('\n');
}

export function escapeHtmlText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function escapeHtmlAttribute(text: string): string {
  return escapeHtmlText(text).replaceAll('"', '&quot;');
}

/** The index of the ">" closing a tag that starts at `from`, skipping quoted attribute values. */
function tagEnd(html: string, from: number): number {
  let quote = '';
  for (let i = from; i < html.length; i++) {
    const ch = html[i] as string;
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '>') {
      return i;
    } else if (ch === '<') {
      return -1;
    }
  }
  return -1;
}

const LINE_BREAKING = new Set(['br', 'p', 'div', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr']);

function breaksLine(tagBody: string): boolean {
  let name = tagBody.startsWith('/') ? tagBody.slice(1) : tagBody;
  const end = name.search(/[\s/>]/);
  if (end !== -1) name = name.slice(0, end);
  return LINE_BREAKING.has(name.toLowerCase());
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiAlphanumeric(c: number): boolean {
  return isAsciiLetter(c) || (c >= 0x30 && c <= 0x39);
}
