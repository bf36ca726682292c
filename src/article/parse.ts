// Turns an article file's text (optional front matter + Markdown body) into an Article, never
// refusing it for its metadata: what cannot be read is left out and noted in its warnings.

import type { Article } from './article.js';
import { parseDateText } from './dates.js';
import { cleanText, FieldReader, joinNames } from './fields.js';
import {
  type FrontMatter,
  type FrontMatterLibraries,
  loadFrontMatterLibraries,
  readFrontMatter,
} from './frontmatter.js';
import { sanitizeLine } from './sanitize.js';
import { isValidSlug } from './slug.js';
import { countWords } from './wordchars.js';

/** Where sites write the publication date, in the order they are tried. */
const DATE_FIELDS = ['date', 'publishDate', 'pubDate', 'published', 'created'];
const AUTHOR_FIELDS = ['author', 'authors'];
/** Hugo's `summary` and `description`, Jekyll's `excerpt`, and a `subtitle` or `lede` written as the standfirst. */
const SUMMARY_FIELDS = ['summary', 'description', 'excerpt', 'subtitle', 'lede'];
/** Hugo's `tags` and `categories` (and `tag`), Jekyll's `category`, `keywords`, and sites' own `topics`. */
const TAG_FIELDS = ['tags', 'tag', 'categories', 'category', 'topics', 'keywords'];
/** Jekyll names posts `2019-04-09-title.md`, and Zola reads a date there too (also `2019-04-09_title`). */
const FILE_NAME_DATE = /^(\d{4}-\d{1,2}-\d{1,2})(?:[-_]|$)/;
/** Where a post's address is written: Zola's `path`, Jekyll's `permalink`, Hugo's (and our) `url`. */
const ADDRESS_FIELDS = ['path', 'permalink', 'url'];
/** Year, month and day as consecutive segments of an address path (`2019/04/09/title`), as blogs date posts. */
const ADDRESS_DATE = /(?:^|\/)(\d{4}\/\d{1,2}\/\d{1,2})(?:\/|[?#]|$)/;
/** How much of the body's opening may name a weekday that decides an ambiguous numeric date. */
const WEEKDAY_TEXT_CHARS = 2000;

export { countWords } from './wordchars.js';

/** The text of the first level-one ATX heading (`# Title`), if the body has one. */
function findFirstHeading(body: string): string | undefined {
  return /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(body)?.[1];
}

/** The text as parsing expects it: no byte-order mark, `\n` line endings. */
function normaliseSource(source: string): string {
  return source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The date a Jekyll-style file name starts with, if any. */
function dateOfFileName(slug: string): string | undefined {
  const text = FILE_NAME_DATE.exec(slug)?.[1];
  return text === undefined ? undefined : parseDateText(text)?.date;
}

/** The date in a post's address (`path = "2019/04/09/title"`), if any: what dates a post that says nothing else. */
function dateOfAddress(fields: FieldReader): string | undefined {
  for (const name of ADDRESS_FIELDS) {
    const text = ADDRESS_DATE.exec(fields.text([name], { decode: false, quiet: true }) ?? '')?.[1];
    const date = text === undefined ? undefined : parseDateText(text)?.date;
    if (date !== undefined) return date;
  }
  return undefined;
}

function readArticle(
  frontMatter: FrontMatter,
  slug: string,
  path: string,
  decodeHtml: FrontMatterLibraries['decodeHtml'],
): Article {
  const { body } = frontMatter;
  const fields = new FieldReader(frontMatter.data, decodeHtml);
  const heading = findFirstHeading(body);
  const title =
    fields.text(['title']) ??
    (heading === undefined ? undefined : cleanText(heading, decodeHtml)) ??
    sanitizeLine(slug);
  const hints = { weekdayText: body.slice(0, WEEKDAY_TEXT_CHARS) };
  const date = fields.date(DATE_FIELDS, hints) ?? dateOfFileName(slug) ?? dateOfAddress(fields);
  const authors = fields.list(AUTHOR_FIELDS, { people: true });
  const summary = fields.text(SUMMARY_FIELDS);
  const tags = fields.list(TAG_FIELDS);
  const name = fields.text(['slug'], { decode: false });
  const draft = fields.flag('draft') === true || fields.flag('published', { quiet: true }) === false;
  const article: Article = {
    slug,
    path,
    title,
    tags,
    breadcrumb: fields.list(['breadcrumb'], { path: true }),
    body,
    words: countWords(body),
    warnings: [],
  };
  const optional = {
    date,
    source: fields.text(['source']),
    section: fields.text(['section']),
    author: authors.length > 0 ? joinNames(authors) : undefined,
    agency: fields.text(['agency']),
    url: fields.text(['url'], { decode: false }),
    summary,
    banner: fields.banner('banner'),
    draft: draft || undefined,
    alias: name !== undefined && name !== slug && isValidSlug(name) ? name : undefined,
  };
  if (name !== undefined && !isValidSlug(name)) {
    fields.warnings.push(
      `front matter 'slug' is not a name news can use ('${name.slice(0, 40)}': letters, digits, '.', '_' and '-'); ignored it`,
    );
  }
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(article, { [key]: value });
  }
  article.warnings = [...frontMatter.warnings, ...fields.warnings];
  return article;
}

/**
 * Parses an article file's text. Never throws for what the text holds: front matter that cannot
 * be read, in whole or in part, is left out and described in `warnings`, and every text field is
 * sanitised here, so an Article holds safe text. TOML front matter and character references
 * (`&rsquo;`) in fields or the first heading need `libraries`; a text that needs one that is
 * missing throws a plain Error, a caller's mistake. So every caller says what it loaded:
 * loadFrontMatterLibraries(text) for one text, loadAllFrontMatterLibraries() for any, `{}` for
 * text known to need neither; or it calls loadAndParseArticle, which loads what a text needs.
 */
export function parseArticle(source: string, slug: string, path: string, libraries: FrontMatterLibraries): Article {
  const text = normaliseSource(source);
  return readArticle(readFrontMatter(text, libraries), slug, path, libraries.decodeHtml);
}

/** Parses an article file's text as parseArticle does, first loading the libraries it needs. */
export async function loadAndParseArticle(source: string, slug: string, path: string): Promise<Article> {
  const text = normaliseSource(source);
  const libraries = await loadFrontMatterLibraries(text);
  return readArticle(readFrontMatter(text, libraries), slug, path, libraries.decodeHtml);
}
