// Test helper: what a Markdown string means to marked (the renderer `news` uses), as blocks of literal text.

import { Marked, type Token } from 'marked';

/** What the renderer decodes in text (src/article/markdown.ts): numeric and a few named entities. */
function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#')) {
      const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    return named[name.toLowerCase()] ?? whole;
  });
}

export interface LiteralBlock {
  type: 'paragraph' | 'heading' | 'list';
  /** The text a reader sees, whitespace collapsed; list items joined by a newline. */
  text: string;
}

/** The text of inline tokens, or an error naming the first token that is syntax, not text. */
function inlineText(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'text') return decodeEntities(token.text);
      if (token.type === 'escape') return token.text;
      // GFM turns a bare address into a link showing the address itself: the text is unchanged.
      if (token.type === 'link' && token.raw === token.text) return token.text;
      throw new Error(`syntax, not text: ${token.type} ${JSON.stringify(token.raw)}`);
    })
    .join('');
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Markdown → its blocks as literal text; throws when any part is read as other syntax. */
export function readLiteralMarkdown(markdown: string): LiteralBlock[] {
  const blocks: LiteralBlock[] = [];
  for (const token of new Marked({ gfm: true }).lexer(markdown)) {
    if (token.type === 'space') continue;
    if (token.type === 'paragraph' || token.type === 'heading') {
      blocks.push({ type: token.type, text: collapse(inlineText(token.tokens ?? [])) });
    } else if (token.type === 'list') {
      const items = (token.items as { tokens: Token[] }[]).map((item) =>
        collapse(
          item.tokens.map((inner) => inlineText(inner.type === 'text' ? (inner.tokens ?? []) : [inner])).join(''),
        ),
      );
      blocks.push({ type: 'list', text: items.join('\n') });
    } else {
      throw new Error(`syntax, not text: ${token.type} ${JSON.stringify(token.raw)}`);
    }
  }
  return blocks;
}
