// What a source is — a web page, a text scrape, Markdown or a feed — from its Content-Type, its name and its first bytes.

import { asciiHead } from '../feeds/decode.js';
import type { SourceBytes } from './source.js';

export type SourceKind = 'page' | 'scrape' | 'markdown' | 'feed';

/** How much of a source its first bytes mean: enough for a doctype, an XML prolog or front matter. */
const SNIFF_BYTES = 2048;

const EXTENSIONS: Record<string, SourceKind> = {
  html: 'page',
  htm: 'page',
  xhtml: 'page',
  shtml: 'page',
  md: 'markdown',
  markdown: 'markdown',
  mdown: 'markdown',
  mkd: 'markdown',
  txt: 'scrape',
  text: 'scrape',
  xml: 'feed',
  rss: 'feed',
  atom: 'feed',
  rdf: 'feed',
  json: 'feed',
};

const MEDIA_TYPES: Record<string, SourceKind> = {
  'text/html': 'page',
  'application/xhtml+xml': 'page',
  'application/rss+xml': 'feed',
  'application/rdf+xml': 'feed',
  'application/atom+xml': 'feed',
  'application/feed+json': 'feed',
  'text/markdown': 'markdown',
  'text/x-markdown': 'markdown',
};

/** What the first bytes say for sure, whatever the name: markup of a page, the root of a feed. */
function sniffMarkup(head: string): SourceKind | undefined {
  const start = head.replace(/^\uFEFF?(?:\s|<!--[\s\S]*?-->)*/, '');
  if (/^<!doctype\s+html\b|^<(?:html|head|body)\b/i.test(start)) return 'page';
  if (/^<\?xml\b/i.test(start)) {
    return /<(?:[\w-]+:)?(?:rss|feed|RDF)\b/.test(start) ? 'feed' : /<html\b/i.test(start) ? 'page' : undefined;
  }
  if (/^<(?:rss|feed|rdf:RDF)\b/.test(start)) return 'feed';
  if (/^\{\s*"(?:version|title|items|home_page_url)"/.test(start) && /jsonfeed\.org\/version/.test(head)) return 'feed';
  return undefined;
}

/** Signs of Markdown in a text that has no name to tell: front matter, `#` headings, links, fences. */
function looksLikeMarkdown(head: string): boolean {
  if (/^(?:\s*\n)*(?:---|\+\+\+)[ \t]*\n/.test(head)) return true;
  return /^#{1,6}[ \t]+\S/m.test(head) || /\]\((?:https?:|\/|\.)/.test(head) || /^(?:```|~~~)/m.test(head);
}

/** Tags a page fragment saved without its `<html>` starts with. */
function looksLikeHtml(head: string): boolean {
  return /^\s*<(?:div|article|main|section|p|h[1-6]|meta|title|link|script|style)\b/i.test(head);
}

function extensionOf(name: string): string {
  const path = name.replace(/[?#].*$/, '');
  const dot = path.lastIndexOf('.');
  return dot === -1 || dot < path.lastIndexOf('/') ? '' : path.slice(dot + 1).toLowerCase();
}

/**
 * The source's kind. The first bytes win when they are sure (a doctype or `<html>`, a feed's
 * root), except for a `.md` file; then the server's media type; then the name's extension; then
 * signs in the text: HTML tags, else Markdown (front matter, headings, links), else a text scrape.
 */
export function detectKind(source: SourceBytes, name: string): SourceKind {
  const head = asciiHead(source.bytes, SNIFF_BYTES);
  const extension = EXTENSIONS[extensionOf(source.url === undefined ? name : new URL(source.url).pathname)];
  if (extension === 'markdown' && source.saved) return 'markdown';
  const sniffed = sniffMarkup(head);
  if (sniffed !== undefined) return sniffed;
  const mediaType = source.contentType?.split(';')[0]?.trim().toLowerCase();
  const byMedia = mediaType === undefined ? undefined : MEDIA_TYPES[mediaType];
  if (byMedia !== undefined) return byMedia;
  if (extension !== undefined && (extension !== 'feed' || /^\s*[<{]/.test(head))) return extension;
  if (looksLikeHtml(head)) return 'page';
  return looksLikeMarkdown(head) ? 'markdown' : 'scrape';
}
