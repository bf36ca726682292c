// What a page says about its article (title, dates, authors, publisher, section, tags…), read from its markup.
//
// Each field is taken from the first of these sources that has it, most deliberate first:
//   1. JSON-LD (schema.org Article and its subtypes, also inside @graph and nested arrays);
//   2. Open Graph and article:* meta (og:title, og:site_name, article:published_time…);
//   3. plain named meta (author, description, keywords, date, pubdate…);
//   4. Dublin Core, Parse.ly and Sailthru meta;
//   5. the page itself: <time datetime> in the article area, itemprop microdata, rel=canonical,
//      <html lang>, and <title> with a " | Site" or " - Site" suffix removed.
// Dates are returned as the raw strings found; `calendarDate` reads the day as written.

import { decodeHTML } from 'entities/decode';
import { isCalendarDate } from '../article/dates.js';

export interface PageMetadata {
  title?: string;
  /** Publication date as written on the page (ISO 8601 in most pages). */
  date?: string;
  /** Last modification date as written on the page. */
  modified?: string;
  authors: string[];
  /** The publisher or site name. */
  source?: string;
  section?: string;
  tags: string[];
  summary?: string;
  canonicalUrl?: string;
  lang?: string;
  /** The article's text as the page's JSON-LD gives it, when it does. */
  articleBody?: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'analysisnewsarticle',
  'askpublicnewsarticle',
  'backgroundnewsarticle',
  'opinionnewsarticle',
  'reportagenewsarticle',
  'reviewnewsarticle',
  'satiricalarticle',
  'scholarlyarticle',
  'medicalscholarlyarticle',
  'advertisercontentarticle',
  'socialmediaposting',
  'blogposting',
  'liveblogposting',
  'discussionforumposting',
  'techarticle',
  'report',
]);

/** JSON-LD nesting deeper than this is not followed: a page's graph is shallow, a hostile one need not be. */
const MAX_JSON_DEPTH = 8;

/** Reads the page's metadata; `url` (the page's address) resolves a relative canonical link. */
export function readPageMetadata(document: Document, url?: string): PageMetadata {
  const ld = readJsonLdArticle(document);
  const meta = collectMeta(document);
  const first = (...names: string[]): string | undefined => {
    for (const name of names) {
      const value = meta.get(name)?.find((content) => content.trim() !== '');
      if (value !== undefined) return value.trim();
    }
    return undefined;
  };
  const all = (...names: string[]): string[] => names.flatMap((name) => meta.get(name) ?? []);

  const source = pickText(
    ld.publisher,
    first('og:site_name', 'application-name', 'dc.publisher', 'dcterms.publisher', 'publisher'),
  );
  const rawTitle = pickText(
    ld.headline,
    first('og:title', 'twitter:title', 'dc.title', 'dcterms.title', 'parsely-title', 'sailthru.title', 'title'),
    itempropText(document, 'headline'),
    document.querySelector('title')?.textContent ?? undefined,
  );
  const date = pickText(
    ld.datePublished,
    first(
      'article:published_time',
      'og:article:published_time',
      'article:published',
      'og:published_time',
      'published_time',
      'datepublished',
      'date',
      'pubdate',
      'publishdate',
      'publish_date',
      'publish-date',
      'publication_date',
      'dc.date',
      'dc.date.issued',
      'dc.date.created',
      'dcterms.date',
      'dcterms.issued',
      'dcterms.created',
      'parsely-pub-date',
      'sailthru.date',
    ),
    timeInArticle(document),
  );
  const modified = pickText(
    ld.dateModified,
    first(
      'article:modified_time',
      'og:updated_time',
      'datemodified',
      'last-modified',
      'dcterms.modified',
      'dc.date.modified',
    ),
  );
  const authors = ld.authors.length
    ? ld.authors
    : cleanAuthors(
        firstNonEmpty([
          all('article:author'),
          all('author'),
          all('dc.creator', 'dcterms.creator'),
          all('parsely-author'),
          all('sailthru.author'),
          all('byl'),
        ]),
      );
  const tags = ld.keywords.length
    ? ld.keywords
    : splitKeywords(
        firstNonEmpty([
          all('article:tag'),
          all('news_keywords'),
          all('keywords'),
          all('parsely-tags'),
          all('sailthru.tags'),
        ]),
      );
  const canonical = pickText(
    document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ?? undefined,
    first('og:url'),
    ld.url,
  );
  const lang = pickText(
    ld.inLanguage,
    document.documentElement?.getAttribute('lang') ?? undefined,
    first('content-language', 'dc.language'),
    first('og:locale')?.replace('_', '-'),
  );

  const metadata: PageMetadata = { authors, tags };
  const title = rawTitle === undefined ? undefined : removeSiteFromTitle(rawTitle, source);
  if (title) metadata.title = title;
  if (date) metadata.date = date;
  if (modified) metadata.modified = modified;
  if (source) metadata.source = source;
  const section = pickText(ld.section, first('article:section', 'parsely-section', 'section', 'dc.subject'));
  if (section) metadata.section = section;
  const summary = pickText(
    ld.description,
    first('og:description', 'description', 'twitter:description', 'dc.description'),
  );
  if (summary) metadata.summary = summary;
  const canonicalUrl = canonical === undefined ? undefined : resolveUrl(canonical, url);
  if (canonicalUrl) metadata.canonicalUrl = canonicalUrl;
  if (lang) metadata.lang = lang;
  if (ld.articleBody) metadata.articleBody = ld.articleBody;
  return metadata;
}

/** The calendar date an ISO 8601 string names as written, offset ignored: `2019-04-09T23:30:00-05:00` → `2019-04-09`. */
export function calendarDate(iso: string): string | undefined {
  const date = /^\s*(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(iso)?.[1];
  return date !== undefined && isCalendarDate(date) ? date : undefined;
}

/**
 * Drops the site name that <title> often carries: "Story | Site", "Story - Site", "Site: Story".
 * Only a part equal to the site name goes, so a title that merely contains a dash is left whole.
 */
export function removeSiteFromTitle(title: string, site: string | undefined): string {
  const clean = title.replace(/\s+/g, ' ').trim();
  if (!site) return clean;
  const siteKey = comparable(site);
  const separators = /\s+[|\-–—·•:»/]\s+|\s*[|·•»]\s*|:\s+/g;
  const parts: { text: string; start: number; end: number }[] = [];
  let last = 0;
  for (const match of clean.matchAll(separators)) {
    parts.push({ text: clean.slice(last, match.index), start: last, end: match.index });
    last = match.index + match[0].length;
  }
  parts.push({ text: clean.slice(last), start: last, end: clean.length });
  if (parts.length < 2) return clean;
  const lastPart = parts[parts.length - 1];
  const firstPart = parts[0];
  if (lastPart && comparable(lastPart.text) === siteKey) {
    const penultimate = parts[parts.length - 2];
    return penultimate ? clean.slice(0, penultimate.end).trim() : clean;
  }
  if (firstPart && comparable(firstPart.text) === siteKey) {
    const second = parts[1];
    return second ? clean.slice(second.start).trim() : clean;
  }
  return clean;
}

interface JsonLdArticle {
  headline?: string;
  datePublished?: string;
  dateModified?: string;
  authors: string[];
  publisher?: string;
  section?: string;
  keywords: string[];
  description?: string;
  articleBody?: string;
  url?: string;
  inLanguage?: string;
}

/** The page's JSON-LD article; malformed blocks are skipped, never thrown. */
function readJsonLdArticle(document: Document): JsonLdArticle {
  const nodes: JsonObject[] = [];
  for (const script of Array.from(document.querySelectorAll('script[type]'))) {
    if (!/^\s*application\/ld\+json\s*(;|$)/i.test(script.getAttribute('type') ?? '')) continue;
    const parsed = parseJsonLoosely(script.textContent ?? '');
    if (parsed !== undefined) collectNodes(parsed, nodes, 0);
  }
  const byId = new Map<string, JsonObject>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && Object.keys(node).length > 1) byId.set(id, node);
  }
  const articles = nodes.filter(isArticleNode);
  // A page that lists other stories can describe them as articles too: its own has the most to say.
  const article = articles.sort((a, b) => articleWeight(b) - articleWeight(a))[0];
  if (!article) return { authors: [], keywords: [] };
  const resolve = (value: Json | undefined): Json | undefined => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const id = value['@id'];
      if (typeof id === 'string' && Object.keys(value).length === 1) return byId.get(id) ?? value;
    }
    return value;
  };
  const result: JsonLdArticle = {
    authors: cleanAuthors(namesOf(article.author ?? article.creator, resolve)),
    keywords: splitKeywords(stringsOf(article.keywords)),
  };
  const set = (key: Exclude<keyof JsonLdArticle, 'authors' | 'keywords'>, value: string | undefined): void => {
    if (value) result[key] = value;
  };
  set('headline', textOf(article.headline) ?? textOf(article.name));
  set('datePublished', textOf(article.datePublished) ?? textOf(article.dateCreated));
  set('dateModified', textOf(article.dateModified));
  set('publisher', namesOf(article.publisher, resolve)[0] ?? namesOf(article.sourceOrganization, resolve)[0]);
  set('section', stringsOf(article.articleSection)[0]);
  set('description', textOf(article.description));
  set('articleBody', multilineTextOf(article.articleBody));
  set('url', textOf(article.url));
  set('inLanguage', textOf(article.inLanguage));
  return result;
}

/**
 * JSON.parse, after removing what pages wrap their JSON-LD in (HTML comments, CDATA markers) and
 * the raw line breaks and tabs that some put inside strings; undefined when it still does not parse.
 */
function parseJsonLoosely(text: string): Json | undefined {
  const stripped = text
    .replace(/^\s*(?:<!--|\/\*\s*<!\[CDATA\[\s*\*\/|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\*\s*\]\]>\s*\*\/|\]\]>)\s*$/, '');
  for (const candidate of [stripped, stripped.replace(/[\n\r\t]+/g, ' ')]) {
    try {
      return JSON.parse(candidate) as Json;
    } catch {
      // Try the next, looser form.
    }
  }
  return undefined;
}

/** Every object in a JSON-LD value, walking arrays, @graph and nested objects. */
function collectNodes(value: Json, into: JsonObject[], depth: number): void {
  if (depth > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, into, depth + 1);
    return;
  }
  into.push(value);
  for (const [key, child] of Object.entries(value)) {
    if (key !== '@context' && child !== null && typeof child === 'object') collectNodes(child, into, depth + 1);
  }
}

function typesOf(node: JsonObject): string[] {
  const type = node['@type'];
  const list = Array.isArray(type) ? type : [type];
  return list
    .filter((item): item is string => typeof item === 'string')
    .map((item) => item.replace(/^.*[/:#]/, '').toLowerCase());
}

function isArticleNode(node: JsonObject): boolean {
  return typesOf(node).some((type) => ARTICLE_TYPES.has(type));
}

function articleWeight(node: JsonObject): number {
  let weight = 0;
  if (node.articleBody) weight += 4;
  if (node.headline) weight += 2;
  if (node.datePublished) weight += 1;
  if (node.author) weight += 1;
  return weight;
}

/** A JSON-LD string value with entities decoded and white space collapsed. */
function textOf(value: Json | undefined): string | undefined {
  if (Array.isArray(value)) return textOf(value[0]);
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return undefined;
  const decoded = value.includes('&') ? decodeHTML(value) : value;
  const text = decoded.replace(/\s+/g, ' ').trim();
  return text || undefined;
}

/** A JSON-LD text that may hold paragraphs: line breaks are kept, other white space collapsed. */
function multilineTextOf(value: Json | undefined): string | undefined {
  if (typeof value !== 'string') return textOf(value);
  const decoded = value.includes('&') ? decodeHTML(value) : value;
  const text = decoded
    .split(/\s*\n\s*/)
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return text || undefined;
}

function stringsOf(value: Json | undefined): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => textOf(item)).filter((item): item is string => item !== undefined);
}

/** Names from a string, a {name} object, an @id reference or an array of those. */
function namesOf(value: Json | undefined, resolve: (value: Json | undefined) => Json | undefined): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names: string[] = [];
  for (const item of list) {
    const resolved = resolve(item);
    if (typeof resolved === 'string') {
      const name = textOf(resolved);
      if (name) names.push(name);
    } else if (resolved && typeof resolved === 'object' && !Array.isArray(resolved)) {
      const name = textOf(resolved.name) ?? textOf(resolved.legalName);
      if (name) names.push(name);
    }
  }
  return names;
}

/** Every meta element's content, keyed by its lower-cased property, name or itemprop. */
function collectMeta(document: Document): Map<string, string[]> {
  const meta = new Map<string, string[]>();
  for (const element of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = element.getAttribute('content') ?? '';
    const keys = [element.getAttribute('property'), element.getAttribute('name'), element.getAttribute('itemprop')];
    const httpEquiv = element.getAttribute('http-equiv');
    if (httpEquiv) keys.push(httpEquiv);
    for (const key of keys) {
      if (!key) continue;
      for (const name of key.toLowerCase().split(/\s+/)) {
        if (!name) continue;
        const list = meta.get(name);
        if (list) list.push(content);
        else meta.set(name, [content]);
      }
    }
  }
  return meta;
}

/** The publication time printed in the page: a pubdate or datePublished element, else the article's first <time>. */
function timeInArticle(document: Document): string | undefined {
  const marked = document.querySelector('[itemprop~="datePublished"], time[pubdate]');
  const markedValue = marked?.getAttribute('datetime') ?? marked?.getAttribute('content') ?? marked?.textContent;
  if (markedValue?.trim()) return markedValue.trim();
  const time = document.querySelector('article time[datetime], main time[datetime], [role="main"] time[datetime]');
  return time?.getAttribute('datetime')?.trim() || undefined;
}

function itempropText(document: Document, name: string): string | undefined {
  const element = document.querySelector(`[itemprop~="${name}"]`);
  return element?.getAttribute('content') ?? element?.textContent ?? undefined;
}

function pickText(...values: (string | undefined)[]): string | undefined {
  for (const value of values) {
    const text = value?.replace(/\s+/g, ' ').trim();
    if (text) return text;
  }
  return undefined;
}

function firstNonEmpty(lists: string[][]): string[] {
  return lists.find((list) => list.some((item) => item.trim() !== '')) ?? [];
}

/**
 * Author names without "By", profile URLs or duplicates. "A and B" or "A, B" is split when every
 * part looks like a name of two or more words, so "Doe, Jane" stays one author.
 */
export function cleanAuthors(values: string[]): string[] {
  const authors: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    const text = value
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^by\s+/i, '');
    if (!text || /^(?:https?:)?\/\//i.test(text) || text.length > 120) continue;
    const parts = text.split(/\s*(?:,|;|&|\band\b)\s*/i).filter(Boolean);
    const names = parts.length > 1 && parts.every((part) => part.includes(' ')) ? parts : [text];
    for (const name of names) {
      const key = name.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      authors.push(name);
    }
  }
  return authors;
}

/** Tags from keyword lists, which pages write as repeated values or as one comma-separated string. */
function splitKeywords(values: string[]): string[] {
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const value of values) {
    for (const part of value.split(/[,;]/)) {
      const tag = part.replace(/\s+/g, ' ').trim();
      const key = tag.toLowerCase();
      if (!tag || seen.has(key)) continue;
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/^(?:www\.)/, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

function resolveUrl(href: string, base: string | undefined): string | undefined {
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}
