// An imported article before it is a file, and the file it becomes: YAML front matter written by `yaml`, then the Markdown body.

import { createHash } from 'node:crypto';
import { decodeHTML } from 'entities/decode';
import { Document, isSeq } from 'yaml';
import type { Banner } from '../article/article.js';
import { wordRuns } from '../article/wordchars.js';

/** What one source (or one feed item) gave: the fields of its front matter and its Markdown body. */
export interface ArticleDraft {
  /** Empty when the source gives none: the file then has no title, and news shows its slug. */
  title: string;
  /** YYYY-MM-DD. */
  date?: string;
  author?: string;
  source?: string;
  section?: string;
  agency?: string;
  tags: string[];
  summary?: string;
  url?: string;
  breadcrumb: string[];
  banner?: Banner;
  /** From a Markdown file that marks itself a draft. */
  draft?: boolean;
  /** Fields of a Markdown file's front matter that news does not read, kept as they were. */
  extra?: Record<string, unknown>;
  /** Markdown, escaped where it came from plain text. */
  body: string;
  /** What a person may want to check (`06/05/2016` read day-first), one line each. */
  notes: string[];
}

/** Where the article came from, recorded in its front matter. */
export interface Provenance {
  /** When it was imported, as an ISO 8601 timestamp. */
  imported: string;
  /** The source file's name, recorded when the article has no url. */
  fileName?: string | undefined;
}

/**
 * Text as a front matter field holds it: news decodes character references in text fields (sites
 * write `&rsquo;` there), so text that would decode to something else (`AT&amp;T` as written on a
 * page, `&copy` in a scrape) has its `&` written as `&amp;`, and reads back as it was.
 */
function protectEntities(text: string): string {
  return text.includes('&') && decodeHTML(text) !== text ? text.replaceAll('&', '&amp;') : text;
}

/** Front matter fields in the order they are written; the README documents them. */
function frontMatterOf(draft: ArticleDraft, provenance: Provenance): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const text = (value: string | undefined) => (value === undefined ? undefined : protectEntities(value));
  const list = (values: readonly string[]) => (values.length > 0 ? values.map(protectEntities) : undefined);
  const banner = draft.banner && {
    title: protectEntities(draft.banner.title),
    text: protectEntities(draft.banner.text),
  };
  const optional: [string, unknown][] = [
    ['title', text(draft.title)],
    ['date', draft.date],
    ['author', text(draft.author)],
    ['source', text(draft.source)],
    ['section', text(draft.section)],
    ['agency', text(draft.agency)],
    ['tags', list(draft.tags)],
    ['summary', text(draft.summary)],
    ['url', draft.url],
    ['breadcrumb', list(draft.breadcrumb)],
    ['banner', banner],
    ['draft', draft.draft ? true : undefined],
  ];
  for (const [name, value] of optional) if (value !== undefined && value !== '') fields[name] = value;
  for (const [name, value] of Object.entries(draft.extra ?? {})) {
    if (!(name in fields) && name !== 'imported' && name !== 'file') fields[name] = value;
  }
  fields.imported = provenance.imported;
  if (draft.url === undefined && provenance.fileName !== undefined) fields.file = provenance.fileName;
  return fields;
}

/**
 * The article file: front matter written by `yaml` (never by concatenating strings, so no value can
 * break out of its field), a blank line, the body. Long values stay on one line.
 */
export function formatArticleFile(draft: ArticleDraft, provenance: Provenance): string {
  const document = new Document(frontMatterOf(draft, provenance));
  // Short lists of names read best on one line, as articles are written by hand: `tags: [Japan, Russia]`.
  for (const key of ['tags', 'breadcrumb']) {
    const node = document.get(key, true);
    if (isSeq(node)) node.flow = true;
  }
  const yaml = document.toString({ lineWidth: 0, minContentWidth: 0, flowCollectionPadding: false });
  const body = draft.body.trim();
  return `---\n${yaml}---\n${body === '' ? '' : `\n${body}\n`}`;
}

/** Bodies with fewer words than this are told apart by their title too: two short notices may well share their words. */
const MIN_FINGERPRINT_WORDS = 20;

function wordsOf(text: string): string[] {
  return wordRuns(text.toLowerCase());
}

/**
 * What makes two bodies the same article: their words in order, case ignored, Markdown syntax and
 * white space left out; as a SHA-256. A short body counts with its title; an empty one never
 * matches anything.
 */
export function bodyFingerprint(markdown: string, title = ''): string | undefined {
  const words = wordsOf(markdown);
  if (words.length === 0) return undefined;
  const text =
    words.length < MIN_FINGERPRINT_WORDS ? `${wordsOf(title).join(' ')}\n${words.join(' ')}` : words.join(' ');
  return createHash('sha256').update(text).digest('hex');
}

/** An address as compared for duplicates: parsed and re-written, without its #fragment. */
export function comparableUrl(url: string | undefined): string | undefined {
  if (url === undefined || url.trim() === '') return undefined;
  try {
    const parsed = new URL(url.trim());
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url.trim();
  }
}
