// Turns an article file's text (optional front matter + Markdown body) into a validated Article.

import type { Article } from './article.js';
import { FieldReader, splitFrontMatter } from './frontmatter.js';
import { sanitizeLine } from './sanitize.js';

/** Counts words the way a reader would: runs of letters or digits, Markdown syntax ignored. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

/** The text of the first level-one ATX heading (`# Title`), if the body has one. */
function findFirstHeading(body: string): string | undefined {
  const match = /^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/m.exec(body);
  return match?.[1] ? sanitizeLine(match[1]).trim() : undefined;
}

/**
 * Parses an article file. Throws ArticleError (naming `path`) when the front matter is not
 * valid; never prints. Every text field is sanitised here, so an Article holds safe text.
 */
export function parseArticle(source: string, slug: string, path: string): Article {
  const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const { data, body } = splitFrontMatter(path, text);
  const fields = new FieldReader(path, data);
  const article: Article = {
    slug,
    path,
    title: fields.text('title') ?? findFirstHeading(body) ?? slug,
    tags: fields.list('tags'),
    breadcrumb: fields.list('breadcrumb'),
    body,
    words: countWords(body),
  };
  const optional = {
    date: fields.date('date'),
    source: fields.text('source'),
    section: fields.text('section'),
    author: fields.text('author'),
    agency: fields.text('agency'),
    url: fields.text('url'),
    summary: fields.text('summary'),
    banner: fields.banner('banner'),
  };
  for (const [key, value] of Object.entries(optional)) {
    if (value !== undefined) Object.assign(article, { [key]: value });
  }
  return article;
}
