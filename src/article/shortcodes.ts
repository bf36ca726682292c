// Hugo shortcodes and Liquid tags in article bodies: recognised, so that none is ever shown raw.
//
// Sites built with Hugo write `{{< name params >}}` and `{{% name params %}}` (paired ones close with
// `{{< /name >}}`), Jekyll sites Liquid tags, `{% name params %}` … `{% endname %}`. What a tag
// stands for is decided by the site's templates, which news does not have, so a tag's parameters
// are never shown: the marker goes, the text between a pair of markers stays (the Markdown lexer
// reads it as Markdown, since sites' templates render it so). Three kinds of tag say enough to
// keep something: an image-like one (named figure, img or image, or with an `alt`, `caption` or
// `title` parameter) shows as `[image: alt]`, as a Markdown image does; one used as a link's
// address (`[text]({{< ref "page.md" >}})`, `href="{% post_url name %}"`) gives the link its
// first parameter, the page it names, as a relative address; and a paired `highlight` tag is a
// code block. Code blocks and inline code are never looked into: the marked extensions here only
// see text that the lexer has not already taken as code. `{{ expressions }}` are not tags.

import type { TokenizerAndRendererExtension, Tokens } from 'marked';

/** A tag longer than this is not taken for one: the longest in real sites is under a thousand characters. */
const MAX_TAG_LENGTH = 2000;

/** A shortcode or Liquid tag, as found in text. */
export interface SiteTag {
  /** Where it ends in the text it was read from. */
  end: number;
  /** Its name, lower-cased; a closing tag's without the slash or the `end`. */
  name: string;
  closing: boolean;
  /** Parameters without a name, in order. */
  positional: string[];
  /** Parameters given as `name=value`, by lower-cased name. */
  named: Map<string, string>;
  /** Hugo's escaped shortcode (a comment between the delimiters) is shown as the shortcode it holds: this text. */
  literal?: string;
}

const NAME = /^\s*(\/)?\s*([A-Za-z_][\w./-]*)/;
const PARAMETER = /\s*(?:([A-Za-z_][\w-]*)\s*=\s*)?("(?:\\[\s\S]|[^"\\])*"|'[^']*'|`[^`]*`|[^\s"'`=]+)/y;

/** A parameter's value without its quotes; backslash escapes in a double-quoted one are undone. */
function unquote(value: string): string {
  const quote = value[0];
  if (quote === '"') return value.slice(1, -1).replace(/\\([\s\S])/g, '$1');
  if (quote === "'" || quote === '`') return value.slice(1, -1);
  return value;
}

/** Reads the shortcode or Liquid tag that starts at `at` in `text`, or undefined when none does. */
export function readSiteTag(text: string, at: number): SiteTag | undefined {
  let open: number;
  let closer: string;
  if (text.startsWith('{{<', at)) [open, closer] = [3, '>}}'];
  else if (text.startsWith('{{%', at)) [open, closer] = [3, '%}}'];
  else if (text.startsWith('{%', at)) [open, closer] = [2, '%}'];
  else return undefined;
  // The closer is looked for in a bounded stretch, and before the next opener of the same kind (a
  // tag's parameters hold none), so a body full of unclosed openers is read in linear time.
  let window = text.slice(at + open, at + open + MAX_TAG_LENGTH + closer.length);
  const next = window.indexOf(open === 3 ? '{{' : '{%');
  if (next !== -1) window = window.slice(0, next);
  const close = window.indexOf(closer);
  if (close === -1) return undefined;
  let inner = window.slice(0, close);
  const end = at + open + close + closer.length;
  if (open === 3 && /^\s*\/\*[\s\S]*\*\/\s*$/.test(inner)) {
    // Hugo's escaped shortcode: `{{</* x */>}}` is shown as `{{< x >}}`.
    const shown = inner.trim().slice(2, -2).trim();
    return {
      end,
      name: '',
      closing: false,
      positional: [],
      named: new Map(),
      literal: `${text.slice(at, at + 3)} ${shown} ${closer}`,
    };
  }
  if (open === 2) inner = inner.replace(/^-/, '').replace(/-$/, '');
  const name = NAME.exec(inner);
  if (!name?.[2]) return undefined;
  let tagName = name[2].toLowerCase();
  let closing = name[1] === '/';
  if (open === 2 && tagName.startsWith('end') && tagName.length > 3) {
    closing = true;
    tagName = tagName.slice(3);
  }
  const positional: string[] = [];
  const named = new Map<string, string>();
  const rest = inner.slice(name[0].length).replace(/\/\s*$/, '');
  PARAMETER.lastIndex = 0;
  for (let match = PARAMETER.exec(rest); match !== null; match = PARAMETER.exec(rest)) {
    const value = unquote(match[2] ?? '');
    if (match[1] === undefined) positional.push(value);
    else named.set(match[1].toLowerCase(), value);
  }
  return { end, name: tagName, closing, positional, named };
}

/** Name parts that make a shortcode an image: `figure`, `img-right`, `legacy_image`. */
const IMAGE_NAMES = new Set(['figure', 'img', 'image']);

/**
 * What an image-like tag shows, as a Markdown image would (`[image: alt]`, or `[image]` without
 * text), taking its alt, else its caption, else its title; undefined for a tag that is not one.
 */
export function tagImageText(tag: SiteTag): string | undefined {
  if (tag.closing || tag.literal !== undefined) return undefined;
  const imageNamed = tag.name.split(/[-_./]/).some((part) => IMAGE_NAMES.has(part));
  const described = ['alt', 'caption', 'title'].some((name) => tag.named.has(name));
  if (!imageNamed && !described) return undefined;
  const text = ['alt', 'caption', 'title']
    .map((name) => tag.named.get(name)?.trim() ?? '')
    .find((value) => value !== '');
  return text === undefined ? '[image]' : `[image: ${text.replace(/\s+/g, ' ')}]`;
}

/** The address a tag gives where a link's address goes: its first positional parameter, the page it names. */
export function tagAddress(tag: SiteTag): string {
  return tag.positional[0] ?? '';
}

/** True when a body has something that may be a shortcode or a Liquid tag (or output, in a link); a cheap test before any work. */
export function mayHaveSiteTags(markdown: string): boolean {
  return markdown.includes('{{') || markdown.includes('{%');
}

/** A piece of text with its tags resolved: text as written, or what an image-like tag shows. */
export type TextPiece = { text: string } | { image: string };

/**
 * Splits text (an HTML text node's) at its tags: each tag is dropped, but an image-like one
 * gives its `[image: …]` and an escaped Hugo shortcode the text it shows.
 */
export function splitSiteTags(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let from = 0;
  let at = text.indexOf('{', from);
  while (at !== -1) {
    const tag = readSiteTag(text, at);
    if (tag === undefined) {
      at = text.indexOf('{', at + 1);
      continue;
    }
    if (at > from) pieces.push({ text: text.slice(from, at) });
    const image = tagImageText(tag);
    if (image !== undefined) pieces.push({ image });
    else if (tag.literal !== undefined) pieces.push({ text: tag.literal });
    from = tag.end;
    at = text.indexOf('{', from);
  }
  if (from < text.length) pieces.push({ text: text.slice(from) });
  return pieces;
}

/** An attribute value written as a tag: `="{{< ref "page" >}}"`, whose inner quotes break HTML. */
const TAG_VALUE = /=(\s*)(["'])(?=\{[{%])/g;

/** Escapes what ends or starts something in an HTML attribute value. */
function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * HTML with each attribute value that is a tag (`href="{{< ref "page.md" >}}"`) replaced by the
 * address the tag gives, so the HTML parser sees the address rather than broken quoting.
 */
export function resolveTagAttributes(html: string): string {
  if (!mayHaveSiteTags(html)) return html;
  let out = '';
  let from = 0;
  TAG_VALUE.lastIndex = 0;
  for (let match = TAG_VALUE.exec(html); match !== null; match = TAG_VALUE.exec(html)) {
    const start = match.index + match[0].length;
    const tag = readSiteTag(html, start);
    const quote = match[2] as string;
    if (tag === undefined || html[tag.end] !== quote) continue;
    out += `${html.slice(from, match.index)}="${escapeAttribute(tagAddress(tag))}"`;
    from = tag.end + 1;
    TAG_VALUE.lastIndex = from;
  }
  return out + html.slice(from);
}

/** The inline token for a tag in Markdown text: what it shows, if anything. */
export interface SiteTagToken {
  type: 'siteTag';
  raw: string;
  /** `[image: …]` for an image-like tag, the shortcode for an escaped one; undefined shows nothing. */
  shows?: string;
  /** Whether `shows` is an image's text (shown as a Markdown image's is) rather than text as written. */
  image: boolean;
}

/** Characters before which marked ends a run of plain text anyway (its inline `text` rule). */
const MARKED_STOPS = new Set(['\\', '<', '!', '[', '`', '*', '~', '_']);

/**
 * Where a tag may start in `src`, for marked to end plain text there and try the extension; the
 * search stops where marked ends plain text anyway, since it asks again from there, so the text
 * of a paragraph is searched once in all rather than once per token.
 */
function tagStart(src: string): number | undefined {
  for (let at = 0; at < src.length; at++) {
    const char = src[at] as string;
    if (char === '{') {
      const next = src[at + 1];
      if (next === '%' || (next === '{' && (src[at + 2] === '<' || src[at + 2] === '%'))) return at;
    } else if (MARKED_STOPS.has(char)) {
      return undefined;
    }
  }
  return undefined;
}

const TAGGED_ATTRIBUTE = /\s+[^\s"'>/=]+\s*=\s*(["'])(?=\{[{%])/y;
const PLAIN_ATTRIBUTE = /\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]{0,2000}"|'[^']{0,2000}'|[^\s"'=<>`]+))?/y;
const TAG_END = /\s*\/?>/y;

/** A Liquid output tag, `{{ site.baseurl }}` or `{{ "/img/x.png" | relative_url }}`: no `<` or `%` after the braces. */
const OUTPUT_TAG = /^\{\{(?![<%])([^{}]{0,500})\}\}/;
const STRING_LITERAL = /"([^"]*)"|'([^']*)'/;

/**
 * The address a link's destination gives when it starts with tags: each shortcode or Liquid tag
 * gives the page it names, a Liquid output tag the string it quotes (`{{ "/x.png" | relative_url }}`
 * → `/x.png`) or nothing (`{{ site.baseurl }}`, the site's root), and plain characters stay, up to
 * the first space or parenthesis. Undefined when the destination holds no tag after all.
 */
function readTaggedAddress(src: string, start: number): { href: string; end: number } | undefined {
  let href = '';
  let at = start;
  let tags = 0;
  while (at < src.length && at - start < MAX_TAG_LENGTH) {
    const output = OUTPUT_TAG.exec(src.slice(at, at + 510));
    if (output) {
      const literal = STRING_LITERAL.exec(output[1] ?? '');
      href += literal ? (literal[1] ?? literal[2] ?? '') : '';
      at += output[0].length;
      tags += 1;
      continue;
    }
    const tag = src[at] === '{' ? readSiteTag(src, at) : undefined;
    if (tag !== undefined) {
      href += tagAddress(tag);
      at = tag.end;
      tags += 1;
      continue;
    }
    const char = src[at] as string;
    if (/[\s()]/.test(char)) break;
    href += char;
    at += 1;
  }
  return tags > 0 ? { href, end: at } : undefined;
}

/** A link or image whose address is a tag: `[text]({{< ref "page.md" >}} "title")`. */
const TAG_LINK = /^(!?)\[((?:\\[\s\S]|[^\\[\]]){0,1000})\]\(\s*(?=\{[{%])/;
const LINK_END = /^([^\s()]*)(?:\s+(?:"(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*'))?\s*\)/;

/**
 * The marked extensions for tags in Markdown text. `render` gives the HTML a tag token stands for
 * when a paragraph is rendered to HTML (one with inline HTML in it); the HTML of the other tokens
 * is marked's own.
 */
export function siteTagExtensions(render: (token: SiteTagToken) => string): TokenizerAndRendererExtension[] {
  // `[`, `!` and `<` end marked's plain text, so it tries these two at each of them: they need no start.
  const tagLink: TokenizerAndRendererExtension = {
    name: 'siteTagLink',
    level: 'inline',
    tokenizer(src) {
      const head = TAG_LINK.exec(src);
      if (!head) return undefined;
      const address = readTaggedAddress(src, head[0].length);
      if (address === undefined) return undefined;
      const tail = LINK_END.exec(src.slice(address.end));
      if (!tail) return undefined;
      const raw = src.slice(0, address.end + tail[0].length);
      const href = address.href + (tail[1] ?? '');
      const text = head[2] ?? '';
      if (head[1] === '!') {
        const image: Tokens.Image = {
          type: 'image',
          raw,
          href,
          title: null,
          text,
          tokens: this.lexer.inlineTokens(text),
        };
        return image;
      }
      const link: Tokens.Link = { type: 'link', raw, href, title: null, text, tokens: this.lexer.inlineTokens(text) };
      return link;
    },
  };
  const tagInHtml: TokenizerAndRendererExtension = {
    name: 'siteTagHtml',
    level: 'inline',
    tokenizer(src) {
      // An HTML tag whose attribute value is a tag, `<a href="{{< ref "page" >}}">`, whose broken
      // quoting marked would take for text: read attribute by attribute, a tag value whole. Only
      // a short stretch is looked at first, so a body full of `<` is read in linear time.
      const head = src.slice(0, 1000);
      const value = head.search(/=\s*["']\{[{%]/);
      if (value === -1 || !/^<[A-Za-z]/.test(head) || head.slice(0, value).includes('>')) return undefined;
      const name = /^<[A-Za-z][\w-]*/.exec(head) as RegExpExecArray;
      let at = name[0].length;
      for (let count = 0; count < 100; count++) {
        TAGGED_ATTRIBUTE.lastIndex = at;
        const tagged = TAGGED_ATTRIBUTE.exec(src);
        if (tagged) {
          const tag = readSiteTag(src, TAGGED_ATTRIBUTE.lastIndex);
          if (tag === undefined || src[tag.end] !== tagged[1]) return undefined;
          at = tag.end + 1;
          continue;
        }
        PLAIN_ATTRIBUTE.lastIndex = at;
        if (!PLAIN_ATTRIBUTE.test(src)) break;
        at = PLAIN_ATTRIBUTE.lastIndex;
      }
      TAG_END.lastIndex = at;
      if (!TAG_END.test(src)) return undefined;
      const raw = src.slice(0, TAG_END.lastIndex);
      const html: Tokens.Tag = {
        type: 'html',
        raw,
        text: resolveTagAttributes(raw),
        inLink: false,
        inRawBlock: false,
        block: false,
      };
      return html;
    },
  };
  const tagInText: TokenizerAndRendererExtension = {
    name: 'siteTag',
    level: 'inline',
    start: tagStart,
    tokenizer(src) {
      const tag = readSiteTag(src, 0);
      if (tag === undefined) return undefined;
      const image = tagImageText(tag);
      const shows = image ?? tag.literal;
      const token: SiteTagToken = { type: 'siteTag', raw: src.slice(0, tag.end), image: image !== undefined };
      if (shows !== undefined) token.shows = shows;
      return token;
    },
    renderer: (token) => render(token as unknown as SiteTagToken),
  };
  return [tagLink, tagInHtml, tagInText];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HIGHLIGHT_OPEN =
  /^ {0,3}(?:\{\{<\s*highlight(?![\w-])(?:\s+"?([\w+#.-]+)"?)?[^\n{}]*>\}\}|\{%-?\s*highlight(?![\w-])(?:\s+([\w+#.-]+))?[^\n{}]*%\})[ \t]*$/;
const HIGHLIGHT_CLOSE = /^ {0,3}(?:\{\{<\s*\/\s*highlight\s*>\}\}|\{%-?\s*endhighlight\s*-?%\})[ \t]*$/;

/**
 * A paired `highlight` tag alone on its lines (Hugo's and Jekyll's way to write code) becomes a
 * fenced code block, so its code is shown as code. Lines inside fenced code blocks are left as
 * they are; one pass over the lines.
 */
export function highlightToFences(markdown: string): string {
  if (!markdown.includes('highlight')) return markdown;
  const lines = markdown.split('\n');
  let fence: string | undefined;
  let closers = -1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as string;
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence !== undefined) {
      if (
        fenceMark !== undefined &&
        fenceMark[0] === fence[0] &&
        fenceMark.length >= fence.length &&
        line.trim() === fenceMark
      ) {
        fence = undefined;
      }
      continue;
    }
    if (fenceMark !== undefined) {
      fence = fenceMark;
      continue;
    }
    const open = HIGHLIGHT_OPEN.exec(line);
    if (!open) continue;
    // The closer is looked for once past the last one found, so unclosed openers cost one pass in all.
    if (closers < index) {
      closers = lines.length;
      for (let next = index + 1; next < lines.length; next++) {
        if (HIGHLIGHT_CLOSE.test(lines[next] as string)) {
          closers = next;
          break;
        }
      }
    }
    if (closers >= lines.length) break;
    const code = lines.slice(index + 1, closers);
    const longest = Math.max(2, ...code.map((text) => /^ {0,3}(~+)/.exec(text)?.[1]?.length ?? 0));
    const marker = '~'.repeat(longest + 1);
    lines[index] = `${marker}${open[1] ?? open[2] ?? ''}`;
    lines[closers] = marker;
    index = closers;
  }
  return lines.join('\n');
}
