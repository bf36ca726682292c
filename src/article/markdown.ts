// Article bodies as sites write them → the sanitised document model (model.ts): GitHub-flavoured
// Markdown with footnotes, the HTML inside it, character references, and the shortcodes and
// Liquid tags of site generators, read with a private marked instance.
//
// The HTML parser (linkedom), the footnote extension and the table of named character references
// are loaded only for a body that needs them: most bodies have none of these, and linkedom alone
// costs tens of milliseconds to load. The bundled articles come precompiled, so reading them loads
// none of this.

import { Marked, type MarkedExtension, type Token, type Tokens } from 'marked';
import { type HtmlNode, HtmlWalker, SLOT_ELEMENT, safeAddress, tidySpans } from './html.js';
import type { Block, Span, SpanStyle } from './model.js';
import { lexPlainMarkdown, type PlainBlock } from './plain.js';
import { sanitizeText } from './sanitize.js';
import {
  highlightToFences,
  mayHaveSiteTags,
  resolveTagAttributes,
  type SiteTagToken,
  siteTagExtensions,
  splitSiteTags,
} from './shortcodes.js';
import { isSpaceCode } from './wordchars.js';

/** Longest run without whitespace marked gets: its email autolinking is quadratic in it (80 KB: 5 s). */
const MAX_UNBROKEN_RUN = 2000;
/** Deepest nesting of quotes, lists or emphasis marked gets: it recurses per level and overflows the stack. */
const MAX_NESTING = 100;

/**
 * True when Markdown has a shape that makes marked slow or overflow its stack: a run of more than
 * MAX_UNBROKEN_RUN characters without white space, or more than MAX_NESTING nesting markers in a
 * row, spaces allowed between them ('> > >', '- - -', '***', '[[['; a dash or plus nests only as a
 * list marker, before a space or tab: a table's `|-----|` row or a long rule does not). One pass,
 * as /\\S{2001}/ and /(?:(?:[>*_[\\]]|[+-](?=[ \\t]))[ \\t]*){101}/ would find (tests compare
 * them): every article is checked when it is indexed, and those expressions cost as much as
 * counting its words.
 */
export function isHostileMarkdown(markdown: string): boolean {
  let run = 0;
  let markers = 0;
  const length = markdown.length;
  for (let at = 0; at < length; at++) {
    const code = markdown.charCodeAt(at);
    // Spaces and tabs end a run but may stand between nesting markers.
    if (code === 0x20 || code === 0x09) {
      run = 0;
      continue;
    }
    // Code units, as /\S{2001}/ without the u flag counts them; no white space is outside the BMP.
    if (code < 0x80 ? code >= 0x0a && code <= 0x0d : isSpaceCode(code)) run = 0;
    else if (++run > MAX_UNBROKEN_RUN) return true;
    if (code === 0x3e || code === 0x2a || code === 0x5f || code === 0x5b || code === 0x5d) {
      if (++markers > MAX_NESTING) return true;
    } else if (code === 0x2b || code === 0x2d) {
      const next = markdown.charCodeAt(at + 1);
      markers = next === 0x20 || next === 0x09 ? markers + 1 : 0;
      if (markers > MAX_NESTING) return true;
    } else {
      markers = 0;
    }
  }
  return false;
}

/** Decodes named character references (`&mdash;`); the identity for a body that has none. */
type Decoder = (text: string) => string;

const NAMED_REFERENCE = /&[A-Za-z][A-Za-z0-9]{0,31};/;
/** Something that may be a footnote reference or definition, `[^label]`. */
const FOOTNOTE_REFERENCE = /\[\^[^\]\s]/;

/**
 * The decoder for a body: every HTML5 named reference, and only with its semicolon, as CommonMark
 * has it (`&copy` stays as written). marked decodes numeric references itself, leaving `&#38;` as
 * `&amp;`, so decoding its text once more gives `&` and never decodes anything twice.
 */
async function loadDecoder(needed: boolean): Promise<Decoder> {
  if (!needed) return (text) => text;
  const { decodeHTMLStrict } = await import('entities/decode');
  return decodeHTMLStrict;
}

/** Text made safe to print; a tab becomes a space so widths stay countable. */
function clean(text: string): string {
  return sanitizeText(text).replace(/\t/g, ' ');
}

/** The body as plain paragraphs, no Markdown: for bodies marked cannot handle safely. */
function plainBlocks(markdown: string, decode: Decoder): Block[] {
  return markdown
    .split(/\n[ \t]*\n/)
    .map((paragraph) => clean(decode(paragraph)).replace(/\s+/g, ' ').trim())
    .filter((text) => text !== '')
    .map((text) => ({ kind: 'paragraph', spans: [{ text, style: 'plain' }] }));
}

/** Reads HTML into a DOM: linkedom's parser, loaded for bodies with HTML in them. */
type HtmlParser = (html: string) => HtmlNode;

/** An HTML fragment that is only comments: shows nothing, needs no parser. */
function isOnlyComments(html: string): boolean {
  let at = 0;
  for (;;) {
    while (at < html.length && /\s/.test(html[at] as string)) at++;
    if (at === html.length) return true;
    if (!html.startsWith('<!--', at)) return false;
    const end = html.indexOf('-->', at + 4);
    if (end === -1) return false;
    at = end + 3;
  }
}

const BREAK_TAG = /^<br\s*\/?>$/i;

/** Elements that only group blocks, or quote them, opened by one HTML block and closed by a later one. */
const CONTAINERS = new Set([
  'article',
  'aside',
  'blockquote',
  'center',
  'details',
  'div',
  'figure',
  'footer',
  'header',
  'main',
  'nav',
  'section',
]);

const TAG = /<(\/?)([A-Za-z][\w-]*)(?:\s[^<>]*)?>/y;

/**
 * The tags of an HTML block that is nothing but opening or closing tags of containers (and
 * comments), as when a `<div>` wraps Markdown: `<div class="note">`, blank line, Markdown, blank
 * line, `</div>`. Undefined for any other HTML.
 */
function containerTags(html: string): { name: string; closing: boolean }[] | undefined {
  const tags: { name: string; closing: boolean }[] = [];
  let at = 0;
  for (;;) {
    while (at < html.length && /\s/.test(html[at] as string)) at++;
    if (at === html.length) return tags;
    if (html.startsWith('<!--', at)) {
      const end = html.indexOf('-->', at + 4);
      if (end === -1) return undefined;
      at = end + 3;
      continue;
    }
    TAG.lastIndex = at;
    const match = TAG.exec(html);
    const name = match?.[2]?.toLowerCase();
    if (!match || name === undefined || !CONTAINERS.has(name)) return undefined;
    tags.push({ name, closing: match[1] === '/' });
    at = TAG.lastIndex;
  }
}

/** Whether an HTML token needs the HTML parser: anything but comments, a line break or bare container tags. */
function needsParser(token: Token): boolean {
  if (token.type !== 'html') return false;
  const text = token.text as string;
  return !isOnlyComments(text) && !BREAK_TAG.test(text.trim()) && containerTags(text) === undefined;
}

/** Calls `visit` on every token, nested ones too (lists, tables, footnotes), until it returns true. */
function someToken(tokens: readonly Token[] | undefined, visit: (token: Token) => boolean): boolean {
  for (const token of tokens ?? []) {
    if (visit(token)) return true;
    const generic = token as Tokens.Generic;
    if (someToken(generic.tokens, visit)) return true;
    if (token.type === 'list' && token.items.some((item: Tokens.ListItem) => someToken(item.tokens, visit)))
      return true;
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      const cells = [...table.header, ...table.rows.flat()];
      if (cells.some((cell) => someToken(cell.tokens, visit))) return true;
    }
    if (Array.isArray(generic.content) && someToken(generic.content as Token[], visit)) return true;
    if (Array.isArray(generic.rawItems) && someToken(generic.rawItems as Token[], visit)) return true;
  }
  return false;
}

/** A footnote as marked-footnote gives it. */
interface FootnoteToken {
  type: 'footnote';
  label: string;
  content: Token[];
}

/** Containers open at once from HTML blocks; more are ignored, so deep nesting stays cheap and shallow. */
const MAX_OPEN_CONTAINERS = 20;

/** Escapes text for an HTML attribute value; `&` stays, so character references in it still decode. */
function attribute(text: string): string {
  return text.replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/** Reads one body; holds what its reading shares: the marked instance, footnote numbers, prepared spans. */
class BodyReader {
  private readonly marked = new Marked({ gfm: true });
  /** Spans prepared while rendering Markdown to HTML, which the HTML stands for by a placeholder element. */
  private readonly slots: Span[][] = [];
  /** Footnote numbers by label, note 1 first referenced. */
  private readonly noteNumbers = new Map<string, number>();
  private readonly walker: HtmlWalker;
  parseHtml: HtmlParser | undefined;

  constructor(
    private readonly decode: Decoder,
    footnotes: BodyLibraries['footnotes'],
    siteTags: boolean,
  ) {
    this.walker = new HtmlWalker({
      text: (text, style) => this.htmlText(text, style, siteTags),
      clean,
      slot: (index) => this.slots[index],
    });
    if (siteTags) this.marked.use({ extensions: siteTagExtensions((token) => this.renderSiteTag(token)) });
    if (footnotes) this.marked.use(this.numberedFootnotes(footnotes()));
    this.marked.use({
      renderer: {
        // marked's own percent-encode the address; the HTML walk wants it as written, as the Markdown path has it.
        link(token) {
          const href = token.autolink ? token.href.replace(/&/g, '&amp;') : token.href;
          return `<a href="${attribute(href)}">${this.parser.parseInline(token.tokens)}</a>`;
        },
        image(token) {
          return `<img src="${attribute(token.href)}" alt="${attribute(token.text)}">`;
        },
        checkbox() {
          return '';
        },
      },
    });
  }

  /** marked-footnote, its reference rendered as a placeholder for our own marker. */
  private numberedFootnotes(extension: MarkedExtension): MarkedExtension {
    const extensions = (extension.extensions ?? []).map((each) =>
      each.name === 'footnoteRef' && 'renderer' in each
        ? { ...each, renderer: (token: Tokens.Generic) => this.slot([this.noteSpan(token.label as string)]) }
        : each,
    );
    return { extensions };
  }

  private noteSpan(label: string): Span {
    return { text: String(this.noteNumbers.get(label) ?? '?'), style: 'note' };
  }

  /** A placeholder element for spans, and the spans kept for the HTML walk to find. */
  private slot(spans: Span[]): string {
    return `<${SLOT_ELEMENT} data-slot="${this.slots.push(spans) - 1}"></${SLOT_ELEMENT}>`;
  }

  private renderSiteTag(token: SiteTagToken): string {
    if (token.shows === undefined) return '';
    return this.slot([{ text: clean(token.shows), style: token.image ? 'em' : 'plain' }]);
  }

  /** A text node's text from the DOM (already decoded by the parser): tags resolved, made safe. */
  private htmlText(text: string, style: SpanStyle, siteTags: boolean): Span[] {
    if (!siteTags) return [{ text: clean(text), style }];
    return splitSiteTags(text).map((piece) =>
      'image' in piece ? { text: clean(piece.image), style: 'em' } : { text: clean(piece.text), style },
    );
  }

  lex(markdown: string): Token[] {
    return this.marked.lexer(markdown);
  }

  /** The body's blocks, then its footnotes. */
  read(tokens: Token[]): Block[] {
    const footnotes = tokens.find((token) => token.type === 'footnotes') as
      | { items: FootnoteToken[]; rawItems: FootnoteToken[] }
      | undefined;
    const notes: FootnoteToken[] = [];
    for (const note of [...(footnotes?.items ?? []), ...(footnotes?.rawItems ?? [])]) {
      if (this.noteNumbers.has(note.label)) continue;
      notes.push(note);
      this.noteNumbers.set(note.label, notes.length);
    }
    const blocks = this.blocks(tokens);
    if (notes.length > 0) blocks.push({ kind: 'notes', notes: notes.map((note) => this.blocks(note.content)) });
    return blocks;
  }

  /**
   * Block tokens → blocks. An HTML block that only opens containers (`<div>`, `<blockquote>`)
   * wraps the Markdown blocks after it until the HTML block that closes them: a blockquote quotes
   * them, the other containers only group them.
   */
  private blocks(tokens: readonly Token[]): Block[] {
    const root: Block[] = [];
    const open: { name: string; blocks: Block[]; quote: boolean }[] = [];
    const target = () => open[open.length - 1]?.blocks ?? root;
    const closeFrom = (index: number) => {
      while (open.length > index) {
        const frame = open.pop() as (typeof open)[number];
        if (frame.quote && frame.blocks.length > 0) target().push({ kind: 'quote', blocks: frame.blocks });
      }
    };
    for (const token of tokens) {
      if (token.type === 'html') {
        const tags = containerTags(token.text);
        if (tags === undefined) {
          target().push(...this.htmlBlocks(token.text));
          continue;
        }
        for (const tag of tags) {
          if (tag.closing) {
            const index = open.map((frame) => frame.name).lastIndexOf(tag.name);
            if (index !== -1) closeFrom(index);
          } else if (open.length < MAX_OPEN_CONTAINERS) {
            const quote = tag.name === 'blockquote';
            open.push({ name: tag.name, blocks: quote ? [] : target(), quote });
          }
        }
        continue;
      }
      target().push(...this.block(token));
    }
    closeFrom(0);
    return root;
  }

  private block(token: Token): Block[] {
    switch (token.type) {
      case 'heading': {
        const spans = this.inline(token.tokens).map((span) =>
          span.text.includes('\n') ? { ...span, text: span.text.replace(/\n/g, ' ') } : span,
        );
        return [{ kind: 'heading', depth: token.depth, spans: trimSpans(spans) }];
      }
      case 'paragraph':
      case 'text':
        return this.paragraph(token.tokens ?? [{ type: 'text', raw: token.raw, text: token.text }]);
      case 'blockquote':
        return [{ kind: 'quote', blocks: this.blocks(token.tokens ?? []) }];
      case 'list': {
        const list = token as Tokens.List;
        const start = typeof list.start === 'number' ? list.start : 1;
        const block: Block = {
          kind: 'list',
          ordered: list.ordered,
          loose: list.loose,
          start,
          items: list.items.map((item) => this.blocks(item.tokens)),
        };
        if (list.items.some((item) => item.task))
          block.tasks = list.items.map((item) => (item.task ? !!item.checked : null));
        return [block];
      }
      case 'code':
        return [{ kind: 'code', text: sanitizeText(token.text).replace(/\t/g, '    ') }];
      case 'table': {
        const table = token as Tokens.Table;
        const rows = [table.header, ...table.rows].map((row) => row.map((cell) => trimSpans(this.inline(cell.tokens))));
        return [{ kind: 'table', rows }];
      }
      case 'hr':
        return [{ kind: 'rule' }];
      case 'html':
        return this.htmlBlocks(token.text);
      default:
        return [];
    }
  }

  /** A paragraph; one with HTML in it may hold blocks too (`text <div>…</div>`), so it may give several. */
  private paragraph(tokens: Token[]): Block[] {
    if (this.hasHtml(tokens)) return this.walker.blocks(this.renderToDom(tokens).childNodes);
    const spans = trimSpans(this.inline(tokens));
    return hasText(spans) ? [{ kind: 'paragraph', spans }] : [];
  }

  private htmlBlocks(html: string): Block[] {
    if (isOnlyComments(html)) return [];
    if (this.parseHtml === undefined) return [];
    return this.walker.blocks(this.parseHtml(resolveTagAttributes(html)).childNodes);
  }

  private hasHtml(tokens: readonly Token[] | undefined): boolean {
    return this.parseHtml !== undefined && someToken(tokens, needsParser);
  }

  /** Inline tokens rendered to HTML by marked, then read back as a DOM: inline HTML nests with Markdown. */
  private renderToDom(tokens: Token[]): HtmlNode {
    const html = this.marked.Parser.parseInline(tokens, this.marked.defaults);
    return (this.parseHtml as HtmlParser)(html);
  }

  /** Inline tokens → spans; nested styles keep the outer one, as a span has one style. */
  private inline(tokens: Token[] | undefined, style: SpanStyle = 'plain'): Span[] {
    if (this.hasHtml(tokens)) return tidySpans(this.walker.spans(this.renderToDom(tokens ?? []).childNodes, style, 0));
    const spans: Span[] = [];
    for (const token of tokens ?? []) {
      switch (token.type) {
        case 'strong':
        case 'em':
        case 'del':
          spans.push(...this.inline(token.tokens, style === 'plain' ? token.type : style));
          break;
        case 'codespan':
          // Code is shown as written: character references in it are not decoded.
          spans.push({ text: clean(token.text), style: 'code' });
          break;
        case 'br':
          spans.push({ text: '\n', style });
          break;
        case 'escape':
          spans.push({ text: clean(token.text), style });
          break;
        case 'link': {
          const link = token as Tokens.Link;
          const label = this.inline(link.tokens, 'link');
          spans.push(...label);
          // An autolink's address is literal; a link's may hold character references.
          const href = safeAddress(link.autolink ? link.href : this.decode(link.href));
          // A link whose text is its address needs no reference.
          if (href !== undefined && label.map((span) => span.text).join('') !== clean(href)) {
            spans.push({ text: clean(href), style: 'url' });
          }
          break;
        }
        case 'image': {
          const image = token as Tokens.Image;
          const alt = clean(this.decode(image.text)).replace(/\s+/g, ' ').trim();
          spans.push({ text: alt === '' ? '[image]' : `[image: ${alt}]`, style: 'em' });
          const href = safeAddress(this.decode(image.href));
          if (href !== undefined) spans.push({ text: clean(href), style: 'url' });
          break;
        }
        case 'html':
          // Without the HTML parser only comments and line breaks get here (see needsParser).
          if (BREAK_TAG.test(token.text.trim())) spans.push({ text: '\n', style });
          break;
        case 'siteTag': {
          const tag = token as unknown as SiteTagToken;
          if (tag.shows !== undefined) spans.push({ text: clean(tag.shows), style: tag.image ? 'em' : style });
          break;
        }
        case 'footnoteRef':
          spans.push(this.noteSpan((token as Tokens.Generic).label as string));
          break;
        case 'checkbox':
          break;
        default:
          if ('tokens' in token && Array.isArray(token.tokens) && token.tokens.length > 0) {
            spans.push(...this.inline(token.tokens, style));
          } else if ('text' in token && typeof token.text === 'string') {
            spans.push(textSpan(token.text, style, this.decode));
          }
      }
    }
    return spans;
  }
}

/** A text token's span: decoded, made safe, and a soft line break inside a paragraph a space, as it is once re-wrapped. */
function textSpan(raw: string, style: SpanStyle, decode: Decoder): Span {
  const text = clean(decode(raw));
  // Most text tokens hold no line break: the replace is skipped for them.
  return { text: text.includes('\n') ? text.replace(/\s*\n\s*/g, ' ') : text, style };
}

/**
 * The blocks of a body of plain paragraphs and headings (lexPlainMarkdown), made as BodyReader
 * makes them from marked's tokens for it: one text token each.
 */
function plainBodyBlocks(plain: readonly PlainBlock[], decode: Decoder): Block[] {
  const blocks: Block[] = [];
  for (const { depth, text } of plain) {
    const span = textSpan(text, 'plain', decode);
    if (depth > 0) {
      const spans = [span.text.includes('\n') ? { ...span, text: span.text.replace(/\n/g, ' ') } : span];
      blocks.push({ kind: 'heading', depth, spans: trimSpans(spans) });
      continue;
    }
    const spans = trimSpans([span]);
    if (hasText(spans)) blocks.push({ kind: 'paragraph', spans });
  }
  return blocks;
}

/** Whether spans show any text at all (a paragraph of only tags that show nothing does not). */
function hasText(spans: readonly Span[]): boolean {
  return spans.some((span) => span.style !== 'url' && span.style !== 'note' && span.text.trim() !== '');
}

/**
 * `text` without the spaces and line breaks at its end. The pattern runs only where the last
 * character is one: an end-anchored pattern tries every space of the text, and most paragraphs
 * end in a full stop.
 */
export function trimEndBlanks(text: string): string {
  const last = text.charCodeAt(text.length - 1);
  return last === 0x20 || last === 0x0a ? text.replace(/[ \n]+$/, '') : text;
}

/** Spans without the whitespace a dropped tag or comment leaves at either end. */
function trimSpans(spans: Span[]): Span[] {
  const out = spans.filter((span) => span.text !== '');
  const first = out.findIndex((span) => span.style !== 'url' && span.style !== 'note');
  if (first !== -1 && out[first]?.style !== 'code') {
    out[first] = { ...(out[first] as Span), text: (out[first] as Span).text.replace(/^[ \n]+/, '') };
  }
  for (let index = out.length - 1; index >= 0; index--) {
    const span = out[index] as Span;
    if (span.style === 'url' || span.style === 'note') continue;
    if (span.style !== 'code') out[index] = { ...span, text: trimEndBlanks(span.text) };
    break;
  }
  return out.filter((span) => span.text !== '');
}

/** The libraries a body may need beyond marked; each is loaded only for a body that needs it. */
export interface BodyLibraries {
  decode: Decoder;
  /** marked-footnote, for a body with footnotes. */
  footnotes: (() => MarkedExtension) | undefined;
  /** linkedom's parser, for a body with HTML in it. */
  parseHtml: HtmlParser | undefined;
}

async function loadFootnotes(needed: boolean): Promise<BodyLibraries['footnotes']> {
  return needed ? (await import('marked-footnote')).default : undefined;
}

async function loadHtmlParser(): Promise<HtmlParser> {
  const { parseHTML } = await import('linkedom');
  return (html) => parseHTML(html).document as unknown as HtmlNode;
}

/** Every library a body may need, loaded: for parsing many bodies with parseBodyWith. */
export async function loadBodyLibraries(): Promise<BodyLibraries> {
  return { decode: await loadDecoder(true), footnotes: await loadFootnotes(true), parseHtml: await loadHtmlParser() };
}

/**
 * Parses a body: lexes it, then reads the tokens into blocks, asking `parserFor` for the HTML
 * parser when some token needs it. A body shaped to make marked slow or overflow its stack is
 * shown as plain paragraphs instead: every word still appears, only the formatting is lost.
 */
function readBody<T extends Block[] | Promise<Block[]>>(
  markdown: string,
  libraries: BodyLibraries,
  then: (reader: BodyReader, tokens: Token[]) => T,
  plainPath = true,
): T | Block[] {
  if (isHostileMarkdown(markdown)) return plainBlocks(markdown, libraries.decode);
  // Plain prose gives the blocks marked's tokens would, without marked (see plain.ts).
  if (plainPath) {
    const plain = lexPlainMarkdown(markdown);
    if (plain !== undefined) return plainBodyBlocks(plain, libraries.decode);
  }
  const siteTags = mayHaveSiteTags(markdown);
  const reader = new BodyReader(libraries.decode, libraries.footnotes, siteTags);
  reader.parseHtml = libraries.parseHtml;
  try {
    return then(reader, reader.lex(siteTags ? highlightToFences(markdown) : markdown));
  } catch (error) {
    if (error instanceof RangeError) return plainBlocks(markdown, libraries.decode);
    throw error;
  }
}

/**
 * Parses a body into blocks with a private marked instance, so no global option can change the
 * result, loading only the libraries this body needs.
 */
export async function parseBody(markdown: string): Promise<Block[]> {
  const libraries: BodyLibraries = {
    decode: await loadDecoder(NAMED_REFERENCE.test(markdown)),
    footnotes: await loadFootnotes(FOOTNOTE_REFERENCE.test(markdown)),
    parseHtml: undefined,
  };
  return readBody(markdown, libraries, async (reader, tokens) => {
    // Whether the body has HTML is known only once it is lexed: `<https://…>` and `a < b` are not HTML.
    if (someToken(tokens, needsParser)) reader.parseHtml = await loadHtmlParser();
    try {
      return reader.read(tokens);
    } catch (error) {
      if (error instanceof RangeError) return plainBlocks(markdown, libraries.decode);
      throw error;
    }
  });
}

/**
 * Parses a body with libraries already loaded (loadBodyLibraries), synchronously. `plainPath:
 * false` sends even plain prose through marked: for tests that compare the two paths.
 */
export function parseBodyWith(markdown: string, libraries: BodyLibraries, plainPath = true): Block[] {
  return readBody(
    markdown,
    libraries,
    (reader, tokens) => {
      if (reader.parseHtml === undefined && someToken(tokens, needsParser)) {
        throw new Error('this body has HTML in it: parse it with the HTML parser loaded');
      }
      return reader.read(tokens);
    },
    plainPath,
  );
}
