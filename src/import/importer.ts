// `news import` without the terminal: each source read, recognised and turned into articles in the
// library folder; one source that fails never stops the others.

import { isNewsError, NewsError } from '../errors.js';
import { FeedError } from '../feeds/errors.js';
import { type ParseFeedOptions, parseFeed } from '../feeds/parse.js';
import type { ProcessInfo } from '../library/index/lock.js';
import { draftOfMarkdown, draftOfPage, draftOfScrape } from './convert.js';
import { checkText, decodePage, decodeText } from './decode.js';
import type { ArticleDraft } from './draft.js';
import { articlesOfFeed } from './feed.js';
import { type FetchOptions, fetchSource, looksLikeAddress } from './fetch.js';
import { chooseSlug } from './slug.js';
import { detectKind } from './sniff.js';
import { readSourceFile, type SourceBytes, tooLarge } from './source.js';
import { LibraryWriter, type PlacementStatus } from './writer.js';

export type ImportStatus = PlacementStatus | 'failed' | 'no-article';

/** What became of one article of a source (a feed gives several), or of a source that gave none. */
export interface ImportResult {
  /** The source as given on the command line. */
  input: string;
  status: ImportStatus;
  slug?: string;
  title?: string;
  date?: string;
  url?: string;
  /** Where the article is (or would be) in the library; a duplicate's is the article it duplicates. */
  path?: string;
  /** Why it failed, why no article was found, or what a duplicate duplicates. */
  message?: string;
  /** What a person may want to check, one line each (a date read day-first). */
  notes: string[];
  /** The article file `--dry-run` would write. */
  text?: string;
}

export interface ImportRequest {
  /** Files, http(s) addresses and `-`, as given. */
  inputs: readonly string[];
  /** Standard input, read when `-` is among the inputs: undefined when it holds more than `maxBytes`. */
  readStandardInput: (maxBytes: number) => Promise<Uint8Array | undefined>;
  /** The library folder. */
  dir: string;
  force: boolean;
  dryRun: boolean;
  /** The slug of the one article a single source gives. */
  slug?: string | undefined;
  /** Fields set on every article, over what the sources say. */
  fields: { source?: string | undefined; tags: readonly string[] };
  /** A source larger than this is refused. */
  maxBytes: number;
  /** Articles already in the library larger than this are not read for duplicates. */
  maxArticleBytes: number;
  fetch: Omit<FetchOptions, 'maxBytes'>;
  owner?: ProcessInfo | undefined;
  now?: () => Date;
  /** Called with each result as soon as it is known, and with the sources done so far. */
  onResult?: ((result: ImportResult) => void) | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** A draft and what the source says about naming it. */
interface Found {
  draft: ArticleDraft;
  slug?: string | undefined;
  fileName?: string | undefined;
}

async function readSource(input: string, request: ImportRequest): Promise<SourceBytes> {
  if (input === '-') {
    const bytes = await request.readStandardInput(request.maxBytes);
    if (bytes === undefined) throw tooLarge(request.maxBytes);
    return { bytes, saved: true };
  }
  if (looksLikeAddress(input)) return fetchSource(input, { ...request.fetch, maxBytes: request.maxBytes });
  return readSourceFile(input, request.maxBytes);
}

/** The articles in one source's bytes; none for a page without an article or a feed without items. */
async function findArticles(input: string, source: SourceBytes, maxBytes: number): Promise<Found[]> {
  checkText(source.bytes);
  const kind = detectKind(source, input);
  const decodeOptions = { contentType: source.contentType, saved: source.saved };
  const fileName = source.fileName;
  if (kind === 'feed') {
    try {
      const options: ParseFeedOptions = { maxBytes };
      if (source.url !== undefined) options.url = source.url;
      if (source.contentType !== undefined) options.contentType = source.contentType;
      const feed = parseFeed(source.bytes, options);
      if (feed.items.length === 0) throw new NoArticleError('the feed has no items');
      return articlesOfFeed(feed).map((draft) => ({ draft }));
    } catch (error) {
      // Named like a feed but a web page after all.
      if (!(error instanceof FeedError) || error.kind !== 'html') throw error;
    }
  }
  if (kind === 'page' || kind === 'feed') {
    const draft = draftOfPage(decodePage(source.bytes, decodeOptions), source.url);
    if (draft === undefined) {
      throw new NoArticleError('no article found on this page (a list of links, a login or an error page?)');
    }
    return [{ draft, fileName }];
  }
  const text = decodeText(source.bytes, decodeOptions);
  if (kind === 'markdown') {
    const { draft, slug } = await draftOfMarkdown(text, fileName ?? 'standard-input.md');
    return [{ draft, slug, fileName }];
  }
  return [{ draft: draftOfScrape(text), fileName }];
}

function applyFields(draft: ArticleDraft, fields: ImportRequest['fields']): void {
  if (fields.source !== undefined) draft.source = fields.source;
  const tags = [...draft.tags];
  for (const tag of fields.tags) if (!tags.some((known) => known.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  draft.tags = tags;
}

/** A source that holds nothing to import: not an error (exit 1 when nothing at all was imported). */
class NoArticleError extends NewsError {}

/**
 * The one-line cause of a failure. Errors other than news's own come from a library meeting input
 * it cannot handle (or from a bug): they fail that source only, so the others are still imported.
 */
function describeError(error: unknown): string {
  if (isNewsError(error)) return error.message;
  const detail = error instanceof Error ? error.message : String(error);
  return `could not be imported (${detail}); please report this as a bug`;
}

/**
 * Imports every source in order and returns what became of each article; `onResult` hears of each
 * as it happens. A source that cannot be read, decoded or parsed gives one `failed` result and the
 * next source is imported all the same; a page without an article gives `no-article`.
 */
export async function importSources(request: ImportRequest): Promise<ImportResult[]> {
  const writer = new LibraryWriter({
    dir: request.dir,
    force: request.force,
    dryRun: request.dryRun,
    maxArticleBytes: request.maxArticleBytes,
    owner: request.owner,
    now: request.now ?? (() => new Date()),
  });
  const results: ImportResult[] = [];
  const report = (result: ImportResult) => {
    results.push(result);
    request.onResult?.(result);
  };
  for (const [index, input] of request.inputs.entries()) {
    request.onProgress?.(index, request.inputs.length);
    let found: Found[];
    let source: SourceBytes;
    try {
      source = await readSource(input, request);
      found = await findArticles(input, source, request.maxBytes);
    } catch (error) {
      const status = error instanceof NoArticleError ? 'no-article' : 'failed';
      report({ input, status, message: describeError(error), notes: [] });
      continue;
    }
    if (request.slug !== undefined && found.length > 1) {
      const message = `--slug names one article, and this feed has ${found.length} items; leave --slug out`;
      report({ input, status: 'failed', message, notes: [] });
      continue;
    }
    for (const { draft, slug, fileName } of found) {
      applyFields(draft, request.fields);
      const wanted =
        request.slug ??
        slug ??
        chooseSlug({ title: draft.title, url: draft.url ?? source.url, fileName, date: draft.date });
      try {
        const placement = await writer.place(draft, wanted, { fileName });
        const result: ImportResult = {
          input,
          status: placement.status,
          slug: placement.slug,
          title: draft.title === '' ? placement.slug : draft.title,
          path: placement.path,
          notes: draft.notes,
        };
        if (request.dryRun) result.text = placement.text;
        if (draft.date !== undefined) result.date = draft.date;
        if (draft.url !== undefined) result.url = draft.url;
        if (placement.reason !== undefined) result.message = `${placement.reason} as ${placement.slug}`;
        report(result);
      } catch (error) {
        report({ input, status: 'failed', message: describeError(error), notes: [] });
      }
    }
  }
  request.onProgress?.(request.inputs.length, request.inputs.length);
  return results;
}
