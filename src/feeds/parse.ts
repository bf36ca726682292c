// parseFeed: fetched bytes to a Feed, deciding the format and enforcing the limits on hostile input.
import { readAtomFeed } from './atom.js';
import { decodeFeedBytes } from './decode.js';
import { FeedError } from './errors.js';
import { formatSize } from './http.js';
import { isJsonFeed, readJsonFeed } from './jsonfeed.js';
import { NS } from './namespaces.js';
import { readRssFeed } from './rss.js';
import type { Feed } from './types.js';
import { DEFAULT_MAX_DEPTH, parseXmlDocument, scanProlog } from './xml.js';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface ParseFeedOptions {
  /** The URL the feed was fetched from (after redirects): the last base for relative links. */
  url?: string;
  /** The HTTP Content-Type header as received: its charset decides the encoding first. */
  contentType?: string;
  /** Larger documents are refused before any decoding; 10 MiB by default. */
  maxBytes?: number;
  /** XML elements nested deeper are refused; 200 by default. */
  maxDepth?: number;
}

/**
 * Reads an RSS 0.9x/1.0/2.0, Atom 1.0 or JSON Feed 1.x document. Throws FeedError with a
 * one-line reason when the bytes are not a feed, are malformed, or break a safety limit.
 */
export function parseFeed(bytes: Uint8Array, options: ParseFeedOptions = {}): Feed {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new FeedError('too-large', `over the ${formatSize(maxBytes)} limit (${formatSize(bytes.length)})`);
  }
  const { text } = decodeFeedBytes(bytes, options.contentType);
  return parseFeedText(text, options);
}

/** parseFeed for a document already decoded to text. */
function parseFeedText(text: string, options: Omit<ParseFeedOptions, 'contentType'> = {}): Feed {
  const first = firstSignificantChar(text);
  if (first === undefined) throw new FeedError('empty', 'not a feed: the document is empty');
  if (first === '{' || first === '[') return parseJsonFeedText(text, options.url);
  if (first === '<') return parseXmlFeedText(text, options);
  throw new FeedError('not-a-feed', 'not a feed: the document is neither XML nor JSON');
}

function parseXmlFeedText(text: string, options: Omit<ParseFeedOptions, 'contentType'>): Feed {
  const prolog = scanProlog(text);
  // Feeds never need entity declarations, and they are how entity bombs and external-entity
  // (XXE) attacks begin: refuse them outright rather than parse around them. A DOCTYPE without
  // them, such as RSS 0.91's public one, is read past and never fetched.
  if (prolog.doctype?.declaresEntities) {
    throw new FeedError('refused', 'declares a DTD/entity: refused');
  }
  const root = prolog.root;
  if (root === undefined) {
    throw new FeedError('malformed', 'malformed XML at line 1: no document element');
  }
  const local = root.slice(root.indexOf(':') + 1);
  if (local.toLowerCase() === 'html') {
    throw new FeedError('html', "not a feed: the document's root is <html> (a web page)");
  }
  if (local !== 'rss' && local !== 'RDF' && local !== 'feed') {
    throw new FeedError('not-a-feed', `not a feed: the document's root is <${root}>`);
  }

  const tree = parseXmlDocument(text, { url: options.url, maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH });
  if (tree.local === 'rss') return readRssFeed(tree, options.url);
  if (tree.local === 'RDF' && (tree.ns === NS.rdf || tree.ns === NS.none)) return readRssFeed(tree, options.url);
  if (tree.local === 'feed' && (tree.ns === NS.atom || tree.ns === NS.atom03 || tree.ns === NS.none)) {
    return readAtomFeed(tree, options.url);
  }
  throw new FeedError('not-a-feed', `not a feed: the document's root is <${root}> in namespace ${tree.ns}`);
}

function parseJsonFeedText(text: string, url: string | undefined): Feed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new FeedError('malformed', jsonErrorMessage(text, error));
  }
  if (!isJsonFeed(doc)) throw new FeedError('not-a-feed', 'not a feed: JSON without a JSON Feed version or items');
  return readJsonFeed(doc, url);
}

/** V8 reports a character position; a line number is what a person can find. */
function jsonErrorMessage(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  // V8 quotes the document after the reason ('…, "{ \"a\": [,]" is not valid JSON'): drop it.
  const reason = message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/\s+/g, ' ');
  if (!position) return `malformed JSON: ${reason}`;
  const offset = Number(position[1]);
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 0x0a) line++;
  return `malformed JSON at line ${line}: ${reason}`;
}

function firstSignificantChar(text: string): string | undefined {
  for (const ch of text) {
    if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r' && ch !== '\ufeff') return ch;
  }
  return undefined;
}
