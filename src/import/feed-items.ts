// A fetched feed's items as articles: the new ones written into the library folder, the changed ones
// rewritten in place, with `--full` the page of each item that carries only a summary. Loaded by
// `news fetch` only for a feed that answered with a document (a 304 needs none of this).

import { isNewsError } from '../errors.js';
import { type HttpAnswer, type HttpOptions, httpGet, PAGE_ACCEPT } from '../feeds/http.js';
import { itemFingerprint } from '../feeds/item.js';
import { parseFeed } from '../feeds/parse.js';
import type { FeedRecord, SeenItem } from '../feeds/state.js';
import { htmlToText } from '../feeds/text.js';
import type { Feed, FeedItem } from '../feeds/types.js';
import { isWebUrl } from '../feeds/urls.js';
import type { ProcessInfo } from '../library/index/lock.js';
import { draftOfPage } from './convert.js';
import { checkText, decodePage } from './decode.js';
import type { ArticleDraft } from './draft.js';
import { draftOfFeedItem } from './feed.js';
import { chooseSlug } from './slug.js';
import { LibraryWriter } from './writer.js';

/**
 * `--full`: an item whose text (its full content, else its summary) is shorter than this many
 * words carries only a summary, and its page is fetched. A summary or standfirst runs to a few
 * dozen words; the shortest news stories to a hundred and more.
 */
const FULL_TEXT_WORDS = 100;

/** A summary longer than this is a second copy of the text, not a standfirst (as for feed imports). */
const MAX_SUMMARY_CHARS = 500;

/** An article a fetch wrote or found. */
export interface FetchedArticle {
  /** `new`: written now; `updated`: its item changed, and it was rewritten; `duplicate`: the library had it. */
  status: 'new' | 'updated' | 'duplicate';
  slug: string;
  /** Empty for an item without a title (news shows its slug). */
  title: string;
  /** The feed's title: the article's source. */
  feed: string;
  date?: string;
  url?: string;
  path: string;
}

export interface ItemWriterOptions {
  libraryDir: string;
  maxArticleBytes: number;
  /** For pages fetched with `--full`. */
  http: Omit<HttpOptions, 'accept' | 'etag' | 'lastModified'>;
  owner?: ProcessInfo | undefined;
  now: () => Date;
}

/** What writing one feed's items did. */
export interface WrittenItems {
  feed: Feed;
  articles: FetchedArticle[];
  /** What a person may want to know: an item that could not be written, a page that could not be read. */
  notes: string[];
  /** Whether every item went through (else the next fetch must see the whole feed again). */
  complete: boolean;
}

/** A page fetched for `--full`, or why it could not be. */
type PageFetch = { answer: Extract<HttpAnswer, { status: 'ok' }> } | { note: string };

function describeError(error: unknown): string {
  if (isNewsError(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `could not be written (${detail}); please report this as a bug`;
}

/** The calendar day of `date` where the reader is: what an item without a date is dated. */
function localDay(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

function wordCount(html: string | undefined): number {
  return html === undefined ? 0 : (htmlToText(html).match(/\S+/g)?.length ?? 0);
}

/** Whether `--full` fetches this item's page: it has a link, and too few words of its own. */
function wantsPage(item: FeedItem): boolean {
  return isWebUrl(item.link) && wordCount(item.contentHtml ?? item.summaryHtml) < FULL_TEXT_WORDS;
}

export class ItemWriter {
  private readonly writer: LibraryWriter;

  constructor(private readonly options: ItemWriterOptions) {
    this.writer = new LibraryWriter({
      dir: options.libraryDir,
      force: false,
      dryRun: false,
      maxArticleBytes: options.maxArticleBytes,
      owner: options.owner,
      now: options.now,
    });
  }

  /**
   * Reads the feed the answer holds (a FeedError when it is none), and writes its items that are
   * new or changed since `record` saw them, recording each. `source` is the articles' source;
   * `full`, whether summary-only items are fetched from their links. `serial` runs the writing
   * one feed at a time (pages are fetched before, outside it).
   */
  async writeFeed(
    answer: Extract<HttpAnswer, { status: 'ok' }>,
    record: FeedRecord,
    source: (feed: Feed) => string,
    full: boolean,
    serial: <T>(work: () => Promise<T>) => Promise<T>,
  ): Promise<WrittenItems> {
    checkText(answer.bytes);
    const feed = parseFeed(answer.bytes, {
      url: answer.url,
      maxBytes: this.options.http.maxBytes,
      ...(answer.contentType === undefined ? {} : { contentType: answer.contentType }),
    });
    const title = source(feed);
    const ids = new Set<string>();
    const changed = feed.items.flatMap((item) => {
      // The same id twice in one document is one item.
      if (ids.has(item.id)) return [];
      ids.add(item.id);
      const fingerprint = itemFingerprint(item);
      const seen = record.items.get(item.id);
      return seen?.fingerprint === fingerprint ? [] : [{ item, fingerprint, seen }];
    });
    const written: WrittenItems = { feed, articles: [], notes: [], complete: true };
    const pages = new Map<FeedItem, PageFetch>();
    // One page at a time: each is on its site's host, asked once.
    if (full) for (const { item } of changed) if (wantsPage(item)) pages.set(item, await this.fetchPage(item));
    await serial(async () => {
      for (const { item, fingerprint, seen } of changed) {
        try {
          const draft = this.draftOf(feed, item, pages.get(item), written.notes);
          draft.source = title;
          const article = await this.place(draft, seen, title);
          record.items.set(item.id, { ...seen, fingerprint, ...(article ? { slug: article.slug } : {}) });
          if (article === undefined) continue;
          written.articles.push(article);
          if (article.status === 'new') record.articles += 1;
        } catch (error) {
          written.complete = false;
          written.notes.push(
            `the item '${item.title || item.id}' ${describeError(error)}; it is tried again next time`,
          );
        }
      }
    });
    return written;
  }

  private async fetchPage(item: FeedItem): Promise<PageFetch> {
    try {
      const answer = await httpGet(item.link as string, { ...this.options.http, accept: PAGE_ACCEPT });
      if (answer.status !== 'ok') return { note: `${item.link}: the server answered 410 Gone; kept the feed's text` };
      return { answer };
    } catch (error) {
      return { note: `${item.link}: ${describeError(error)}; kept the feed's text` };
    }
  }

  /**
   * The article of an item: its content (or summary) from the feed, or with `--full` the article
   * found on its page, the feed's fields (title, link, date, author, categories) kept over the
   * page's. An item without a date is dated the day it was fetched.
   */
  private draftOf(feed: Feed, item: FeedItem, page: PageFetch | undefined, notes: string[]): ArticleDraft {
    const draft = draftOfFeedItem(feed, item);
    if (page !== undefined && 'note' in page) notes.push(page.note);
    const found = page !== undefined && 'answer' in page ? this.articleOfPage(item, page.answer, notes) : undefined;
    if (found !== undefined) {
      draft.body = found.body;
      if (draft.title === '') draft.title = found.title;
      if (draft.date === undefined && found.date !== undefined) draft.date = found.date;
      if (draft.author === undefined && found.author !== undefined) draft.author = found.author;
      const summary = htmlToText(item.summaryHtml ?? '');
      if (draft.summary === undefined && summary !== '' && summary.length <= MAX_SUMMARY_CHARS) draft.summary = summary;
    }
    draft.date ??= localDay(this.options.now());
    return draft;
  }

  /** The article on an item's page, or undefined (with a note) when there is none to be found. */
  private articleOfPage(
    item: FeedItem,
    answer: Extract<HttpAnswer, { status: 'ok' }>,
    notes: string[],
  ): ArticleDraft | undefined {
    try {
      checkText(answer.bytes);
      const html = decodePage(answer.bytes, { contentType: answer.contentType, saved: false });
      const found = draftOfPage(html, answer.url);
      if (found === undefined) notes.push(`${item.link}: no article found on the page; kept the feed's text`);
      return found;
    } catch (error) {
      notes.push(`${item.link}: ${describeError(error)}; kept the feed's text`);
      return undefined;
    }
  }

  /** Writes a new item's article, or rewrites a changed item's; undefined when there is nothing to write. */
  private async place(
    draft: ArticleDraft,
    seen: SeenItem | undefined,
    feedTitle: string,
  ): Promise<FetchedArticle | undefined> {
    const describe = (status: FetchedArticle['status'], slug: string, path: string): FetchedArticle => {
      const article: FetchedArticle = { status, slug, title: draft.title, feed: feedTitle, path };
      if (draft.date !== undefined) article.date = draft.date;
      if (draft.url !== undefined) article.url = draft.url;
      return article;
    };
    if (seen !== undefined) {
      // A changed item: its article is rewritten in place, unless its reader removed it.
      if (seen.slug === undefined) return undefined;
      const placement = await this.writer.replace(draft, seen.slug);
      return placement && describe('updated', placement.slug, placement.path);
    }
    const wanted = chooseSlug({ title: draft.title, url: draft.url, date: draft.date });
    const placement = await this.writer.place(draft, wanted, {});
    return describe(placement.status === 'duplicate' ? 'duplicate' : 'new', placement.slug, placement.path);
  }
}
