// The article as news knows it: metadata and a Markdown body, already made safe to print.

import type { Block } from './model.js';

export interface Banner {
  title: string;
  text: string;
}

export interface Article {
  /** The file name without `.md`: the one identifier of an article. */
  slug: string;
  /** Where the article was loaded from, for messages. */
  path: string;
  title: string;
  /** A calendar date as YYYY-MM-DD; never a Date, so it reads the same in every time zone. */
  date?: string;
  source?: string;
  section?: string;
  author?: string;
  agency?: string;
  url?: string;
  /** A one- or two-sentence standfirst; searched with the weight of the tags. */
  summary?: string;
  tags: string[];
  breadcrumb: string[];
  banner?: Banner;
  /** The Markdown body, front matter removed, line endings normalised. */
  body: string;
  words: number;
  /** The body already parsed into the document model, when the article came precompiled. */
  blocks?: Block[];
  /** Marked as a draft in its front matter (`draft: true`, or Jekyll's `published: false`); absent otherwise. */
  draft?: boolean;
  /** Another name to read the article by: the front matter's `slug`, when valid and not the file's. */
  alias?: string;
  /**
   * What could not be read in the front matter and what was done instead, one line each, without
   * the path (`front matter 'date' is not a date ('next Tuesday'); ignored it`); empty when all was read.
   */
  warnings: string[];
}

/** What listing and searching need of an article: everything but its text. */
export type ArticleInfo = Pick<
  Article,
  | 'slug'
  | 'path'
  | 'title'
  | 'date'
  | 'source'
  | 'section'
  | 'author'
  | 'agency'
  | 'url'
  | 'summary'
  | 'tags'
  | 'words'
  | 'draft'
  | 'alias'
>;
