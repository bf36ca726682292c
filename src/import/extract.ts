// A web page's article: metadata, clean HTML, Markdown and text, found with Readability and general boilerplate rules.

import { Readability } from '@mozilla/readability';
import { removeBoilerplate } from './boilerplate.js';
import { cleanDocument, MAX_DEPTH, treeDepth } from './clean.js';
import { parseDocument } from './dom.js';
import { htmlToMarkdown } from './markdown.js';
import { type PageMetadata, readPageMetadata } from './metadata.js';
import { renderText } from './text.js';
import { tidyArticle } from './tidy.js';

export interface ExtractedArticle {
  title: string;
  /** Publication date as written on the page. */
  date?: string;
  authors: string[];
  /** The publisher or site name. */
  source?: string;
  section?: string;
  tags: string[];
  summary?: string;
  /** The page's address: the one given, else its canonical URL. */
  url?: string;
  lang?: string;
  /** Clean article HTML (structural tags only, absolute links). */
  html: string;
  markdown: string;
  /** The article's plain text, one line per block. */
  text: string;
  /** Length of the article's plain text, in characters. */
  textLength: number;
}

export interface ExtractOptions {
  /** The page's address, for relative links and the result's url. */
  url?: string;
  /** Switches rules off by name (BOILERPLATE_RULES' names and `jsonLdBody`); for measuring what each is worth. */
  disabledRules?: readonly string[];
}

/** The recovery rule: the page's JSON-LD articleBody stands in for what Readability could not find. */
const JSON_LD_BODY_RULE = 'jsonLdBody';

/** Articles shorter than this (in characters of text) are not articles: a menu, a login page, an error. */
const MIN_ARTICLE_LENGTH = 140;

/**
 * When the page's JSON-LD gives an articleBody at least this many times longer than what was found
 * (pages that render their text with scripts), the articleBody is the article.
 */
const JSON_LD_BODY_RATIO = 4;

/** The article in `html`, or undefined when the page holds none. */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle | undefined {
  // The document is this call's own: Readability may consume it, no copy is needed.
  const document = parseDocument(html);
  const metadata = readPageMetadata(document, options.url);
  cleanDocument(document);
  if (!document.documentElement || treeDepth(document.documentElement) > MAX_DEPTH) return undefined;
  const disabled = new Set(options.disabledRules ?? []);
  const enabled = (name: string): boolean => !disabled.has(name);
  const context = { ...(metadata.title ? { title: metadata.title } : {}), tags: metadata.tags };
  if (document.body) removeBoilerplate('page', document.body, context, enabled);

  const found = findArticleBody(document);
  let element = found?.element;
  if (element) removeBoilerplate('article', element, context, enabled);
  const url = options.url ?? metadata.canonicalUrl;
  if (element) tidyArticle(element, url);
  let text = element ? renderText(element) : '';
  if (
    metadata.articleBody &&
    enabled(JSON_LD_BODY_RULE) &&
    metadata.articleBody.length > JSON_LD_BODY_RATIO * text.length
  ) {
    element = paragraphsOf(document, metadata.articleBody, url);
    text = renderText(element);
  }
  if (!element || text.length < MIN_ARTICLE_LENGTH) return undefined;
  const articleHtml = element.innerHTML;
  const markdown = htmlToMarkdown(element, url === undefined ? {} : { baseUrl: url });
  return assembleArticle(metadata, found?.title, url, articleHtml, markdown, text);
}

interface ArticleBody {
  element: Element;
  title: string | undefined;
}

function findArticleBody(document: Document): ArticleBody | undefined {
  // Classes are kept for the article rules; tidyArticle drops them afterwards.
  const reader = new Readability<Element>(document, { serializer: (node) => node as Element, keepClasses: true });
  const result = reader.parse();
  if (!result?.content) return undefined;
  return { element: result.content, title: result.title ?? undefined };
}

/** JSON-LD articleBody as an element: its HTML when it is HTML, else one paragraph per line. */
function paragraphsOf(document: Document, text: string, url: string | undefined): Element {
  if (/<\/?(?:p|br|div|h[2-6]|ul|ol|li|blockquote)\b/i.test(text)) {
    const root = parseDocument(text).body;
    cleanDocument(root.ownerDocument);
    tidyArticle(root, url);
    return root;
  }
  const root = document.createElement('div');
  for (const line of text.split(/\n+/)) {
    if (!line.trim()) continue;
    const paragraph = document.createElement('p');
    paragraph.textContent = line.trim();
    root.appendChild(paragraph);
  }
  return root;
}

function assembleArticle(
  metadata: PageMetadata,
  fallbackTitle: string | undefined,
  url: string | undefined,
  html: string,
  markdown: string,
  text: string,
): ExtractedArticle {
  const article: ExtractedArticle = {
    title: metadata.title ?? fallbackTitle?.trim() ?? '',
    authors: metadata.authors,
    tags: metadata.tags,
    html,
    markdown,
    text,
    textLength: text.length,
  };
  if (metadata.date) article.date = metadata.date;
  if (metadata.source) article.source = metadata.source;
  if (metadata.section) article.section = metadata.section;
  if (metadata.summary) article.summary = metadata.summary;
  if (url) article.url = url;
  if (metadata.lang) article.lang = metadata.lang;
  return article;
}
