// Article Markdown → the sanitised document model (model.ts), with a private marked instance.

import { Marked, type Token, type Tokens } from 'marked';
import type { Block, Span, SpanStyle } from './model.js';
import { sanitizeText } from './sanitize.js';

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/** marked decodes numeric entities but leaves `&amp;` and friends for an HTML renderer; we are not one. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Decoded, sanitised inline text; a tab becomes a space so widths stay countable. */
function clean(text: string): string {
  return sanitizeText(decodeEntities(text)).replace(/\t/g, ' ');
}

function inlineSpans(tokens: Token[] | undefined, style: SpanStyle = 'plain'): Span[] {
  const spans: Span[] = [];
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
      case 'em':
      case 'del':
        spans.push(...inlineSpans(token.tokens, style === 'plain' ? token.type : style));
        break;
      case 'codespan':
        spans.push({ text: clean(token.text), style: 'code' });
        break;
      case 'br':
        spans.push({ text: '\n', style });
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const label = inlineSpans(link.tokens, 'link');
        spans.push(...label);
        const href = clean(link.href);
        // A link whose text is its address needs no reference.
        if (label.map((span) => span.text).join('') !== href) spans.push({ text: href, style: 'url' });
        break;
      }
      case 'image': {
        const image = token as Tokens.Image;
        const alt = clean(image.text);
        spans.push({ text: alt === '' ? '[image]' : `[image: ${alt}]`, style: 'em' });
        spans.push({ text: clean(image.href), style: 'url' });
        break;
      }
      case 'html':
        spans.push({ text: clean(token.text.replace(/<[^>]*>/g, '')), style });
        break;
      default:
        if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
          spans.push(...inlineSpans(token.tokens, style));
        } else if ('text' in token && typeof token.text === 'string') {
          // A soft line break inside a paragraph is a space once the text is re-wrapped.
          spans.push({ text: clean(token.text).replace(/\s*\n\s*/g, ' '), style });
        }
    }
  }
  return spans;
}

function toBlocks(tokens: Token[]): Block[] {
  const blocks: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        blocks.push({ kind: 'heading', depth: token.depth, spans: inlineSpans(token.tokens) });
        break;
      case 'paragraph':
      case 'text':
        blocks.push({
          kind: 'paragraph',
          spans: inlineSpans(token.tokens ?? [{ type: 'text', raw: token.raw, text: token.text }]),
        });
        break;
      case 'blockquote':
        blocks.push({ kind: 'quote', blocks: toBlocks(token.tokens ?? []) });
        break;
      case 'list': {
        const list = token as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        blocks.push({
          kind: 'list',
          ordered: list.ordered,
          loose: list.loose,
          start,
          items: list.items.map((item) => toBlocks(item.tokens)),
        });
        break;
      }
      case 'code':
        blocks.push({ kind: 'code', text: sanitizeText(token.text).replace(/\t/g, '    ') });
        break;
      case 'table': {
        const table = token as Tokens.Table;
        const rows = [table.header, ...table.rows].map((row) => row.map((cell) => inlineSpans(cell.tokens)));
        blocks.push({ kind: 'table', rows });
        break;
      }
      case 'hr':
        blocks.push({ kind: 'rule' });
        break;
      case 'html': {
        const text = clean(token.text.replace(/<[^>]*>/g, '')).trim();
        if (text !== '')
          blocks.push({ kind: 'paragraph', spans: [{ text: text.replace(/\s+/g, ' '), style: 'plain' }] });
        break;
      }
      default:
        break;
    }
  }
  return blocks;
}

/** Longest run without whitespace marked gets: its email autolinking is quadratic in it (80 KB: 5 s). */
const MAX_UNBROKEN_RUN = 2000;
/** Deepest nesting of quotes, lists or emphasis marked gets: it recurses per level and overflows the stack. */
const MAX_NESTING = 100;

/** True when Markdown has a shape that makes marked slow or overflow its stack. */
export function isHostileMarkdown(markdown: string): boolean {
  if (new RegExp(`\\S{${MAX_UNBROKEN_RUN + 1}}`).test(markdown)) return true;
  // Runs of nesting markers, spaces allowed between them: '> > >', '- - -', '***', '[[['.
  return new RegExp(`(?:[>*_[\\]+-][ \\t]*){${MAX_NESTING + 1}}`).test(markdown);
}

/** The body as plain paragraphs, no Markdown: for bodies marked cannot handle safely. */
function plainBlocks(markdown: string): Block[] {
  return markdown
    .split(/\n[ \t]*\n/)
    .map((paragraph) => clean(paragraph).replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '')
    .map((text) => ({ kind: 'paragraph', spans: [{ text, style: 'plain' }] }));
}

/**
 * Lexes Markdown with a private marked instance, so no global option can change the result.
 * A body shaped to make marked slow or overflow its stack is shown as plain paragraphs instead:
 * every word still appears, only the formatting is lost.
 */
export function parseBody(markdown: string): Block[] {
  if (isHostileMarkdown(markdown)) return plainBlocks(markdown);
  try {
    return toBlocks(new Marked({ gfm: true }).lexer(markdown));
  } catch (error) {
    if (error instanceof RangeError) return plainBlocks(markdown);
    throw error;
  }
}
