// A web page, a text scrape or a Markdown file as an article draft: its front matter fields and its Markdown body.

import { parseDateText } from '../article/dates.js';
import { joinNames } from '../article/fields.js';
import { loadFrontMatterLibraries, readFrontMatter } from '../article/frontmatter.js';
import { parseArticle } from '../article/parse.js';
import { measureMarkup } from './dom.js';
import type { ArticleDraft } from './draft.js';
import { extractArticle } from './extract.js';
import { calendarDate } from './metadata.js';
import { parseScrape } from './scrape.js';
import { checkMarkup } from './source.js';

/** How much of an article's text may name the weekday that settles an ambiguous numeric date. */
const WEEKDAY_TEXT_CHARS = 2000;

/**
 * A date note worth showing: the guess of a numeric date's order, or only an updated date. A note
 * that says a weekday in the text decided is not: the text settled it.
 */
export function isDoubtfulDate(note: string): boolean {
  return !/^the (?:text says|date names) /.test(note);
}

/** A page's date text (ISO 8601 in most pages, but not all) as YYYY-MM-DD, with a note when it was a guess. */
function pageDate(text: string | undefined, body: string, notes: string[]): string | undefined {
  if (text === undefined) return undefined;
  const parsed = parseDateText(text, { weekdayText: body.slice(0, WEEKDAY_TEXT_CHARS) });
  if (parsed?.note !== undefined && isDoubtfulDate(parsed.note)) notes.push(`date: ${parsed.note}`);
  return parsed?.date ?? calendarDate(text);
}

/**
 * A saved or fetched web page's article, or undefined when the page holds none. A page too large
 * or too deeply nested to parse in reasonable time is refused (SourceError) before it is parsed.
 */
export function draftOfPage(html: string, url: string | undefined): ArticleDraft | undefined {
  checkMarkup(measureMarkup(html));
  const article = extractArticle(html, url === undefined ? {} : { url });
  if (!article) return undefined;
  const notes: string[] = [];
  const draft: ArticleDraft = {
    title: article.title,
    tags: article.tags,
    breadcrumb: [],
    body: article.markdown,
    notes,
  };
  const date = pageDate(article.date, article.text, notes);
  const optional = {
    date,
    author: article.authors.length > 0 ? joinNames(article.authors) : undefined,
    source: article.source,
    section: article.section,
    summary: article.summary,
    url: article.url,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined && value !== '') Object.assign(draft, { [key]: value });
  }
  return draft;
}

/** A page copied as plain text (see scrape.ts for the rules): never undefined, the text is the body at worst. */
export function draftOfScrape(text: string): ArticleDraft {
  const scrape = parseScrape(text);
  const draft: ArticleDraft = {
    title: scrape.title,
    tags: [],
    breadcrumb: scrape.breadcrumb,
    body: scrape.body,
    notes: scrape.dateNote !== undefined && isDoubtfulDate(scrape.dateNote) ? [`date: ${scrape.dateNote}`] : [],
  };
  if (scrape.date !== undefined) draft.date = scrape.date;
  if (scrape.author !== undefined) draft.author = scrape.author;
  if (scrape.section !== undefined) draft.section = scrape.section;
  if (scrape.banner !== undefined) draft.banner = scrape.banner;
  return draft;
}

/** Front matter fields news reads (src/article/parse.ts), by their lower-case names; the rest are kept as written. */
const READ_FIELDS = new Set([
  'title',
  'date',
  'publishdate',
  'pubdate',
  'published',
  'created',
  'author',
  'authors',
  'summary',
  'description',
  'tags',
  'tag',
  'categories',
  'category',
  'topics',
  'keywords',
  'draft',
  'slug',
  'source',
  'section',
  'agency',
  'url',
  'breadcrumb',
  'banner',
  'imported',
  'file',
]);

/** How deep kept fields are copied: front matter is a handful of fields, a few tables deep. */
const MAX_EXTRA_DEPTH = 8;

/** A front matter value as YAML can write it: TOML dates as the text they were, big integers as text. */
function plainValue(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (depth >= MAX_EXTRA_DEPTH || typeof value !== 'object') return undefined;
  if (Array.isArray(value))
    return value.map((item) => plainValue(item, depth + 1)).filter((item) => item !== undefined);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const plain = plainValue(item, depth + 1);
    if (plain !== undefined) Object.defineProperty(copy, key, { value: plain, enumerable: true, writable: true });
  }
  return copy;
}

/** The draft of a Markdown file and the slug its front matter asks for, if any. */
export interface MarkdownDraft {
  draft: ArticleDraft;
  slug?: string;
}

/**
 * A Markdown file, with or without front matter (YAML, TOML or JSON), as news reads it: the fields
 * news knows read and normalised (dates as YYYY-MM-DD, `authors` joined, tags merged), the others
 * kept as they were, all written back as YAML; the body as it is.
 */
export async function draftOfMarkdown(source: string, name: string): Promise<MarkdownDraft> {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const libraries = await loadFrontMatterLibraries(text);
  const base = name.replace(/\.[a-z0-9]{1,9}$/i, '');
  const article = parseArticle(text, base, name, libraries);
  const { data, body } = readFrontMatter(text, libraries);
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (READ_FIELDS.has(key.toLowerCase())) continue;
    const plain = plainValue(value, 0);
    if (plain !== undefined) Object.defineProperty(extra, key, { value: plain, enumerable: true, writable: true });
  }
  // Without a title field or a heading, news would show the file's name: the file need not say it.
  const titled = Object.keys(data).some((key) => key.toLowerCase() === 'title') || /^ {0,3}#[ \t]+\S/m.test(body);
  const draft: ArticleDraft = {
    title: titled ? article.title : '',
    tags: article.tags,
    breadcrumb: article.breadcrumb,
    body,
    notes: [...article.warnings],
  };
  if (Object.keys(extra).length > 0) draft.extra = extra;
  const optional = {
    date: article.date,
    author: article.author,
    source: article.source,
    section: article.section,
    agency: article.agency,
    summary: article.summary,
    url: article.url,
    banner: article.banner,
    draft: article.draft,
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(draft, { [key]: value });
  }
  return article.alias === undefined ? { draft } : { draft, slug: article.alias };
}
