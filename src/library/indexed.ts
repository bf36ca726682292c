// The library as the search index holds it: every folder's index, with folder precedence applied.

import { join, sep } from 'node:path';
import type { Article, ArticleInfo } from '../article/article.js';
import { type Block, sanitizeBlocks } from '../article/model.js';
import { sanitizeLine } from '../article/sanitize.js';
import { ArticleError } from '../errors.js';
import type { Folder } from './folders.js';
import { articleDoc } from './index/build.js';
import { MemorySource, Segment } from './index/reader.js';
import {
  discardFolderIndex,
  type FolderIndex,
  type IndexSettings,
  indexInMemory,
  openFolderIndex,
} from './index/store.js';
import { MemorySink, SegmentBuilder } from './index/writer.js';
import { articleInfo, articleMeta, type SegmentView } from './view.js';

export interface Shadowed {
  hidden: { slug: string; path: string };
  winner: { slug: string; path: string };
}

export interface IndexedLibrary {
  views: SegmentView[];
  /** Articles that were skipped (unreadable, bad front matter, not regular files), sorted by path. */
  problems: ArticleError[];
  /** Articles hidden by an article of the same slug in an earlier folder. */
  shadowed: Shadowed[];
  /** One-line notes about the index itself, for stderr. */
  notes: string[];
  /** Front matter warnings of the files this run (re)indexed, as `path: message`. */
  warnings: string[];
  /** Forgets every cached index this library came from, so the next open rebuilds them. */
  discard(): void;
}

/**
 * Opens every folder's index: the bundled articles' from dist/bundled.idx (made at build time; in
 * memory if they changed since), user folders through the cache unless `settings.cacheDir` is undefined. An
 * article whose slug an earlier folder already has is hidden, as everywhere else in news.
 */
export async function openIndexedLibrary(folders: readonly Folder[], settings: IndexSettings): Promise<IndexedLibrary> {
  const views: SegmentView[] = [];
  const problems: ArticleError[] = [];
  const shadowed: Shadowed[] = [];
  const notes: string[] = [];
  const warnings: string[] = [];
  const indexes: FolderIndex[] = [];
  for (const folder of folders) {
    const index =
      folder.origin === 'bundled' ? await indexInMemory(folder, settings) : await openFolderIndex(folder, settings);
    indexes.push(index);
    problems.push(...index.problems);
    notes.push(...index.notes);
    warnings.push(...index.warnings);
    const earlier = [...views];
    for (const { segment, deleted } of index.segments) {
      const live = new Uint8Array(segment.count).fill(1);
      for (const doc of deleted) live[doc] = 0;
      for (const doc of segment.problems) {
        if (!live[doc]) continue;
        live[doc] = 0;
        const reason = segment.meta(doc);
        problems.push(new ArticleError(join(folder.path, segment.name(doc)), String(reason)));
      }
      // An article whose file name an earlier folder has is hidden by it (checked only when there
      // is one), looked up from the smaller side: the bundled folder's one article against ten
      // thousand is one lookup, not ten thousand.
      if (earlier.length > 0) {
        const earlierCount = earlier.reduce((sum, view) => sum + view.documents, 0);
        const hidden =
          earlierCount < segment.count ? hiddenByLookup(segment, live, earlier) : hiddenByScan(segment, live, earlier);
        for (const { doc, winner } of hidden) {
          live[doc] = 0;
          const name = segment.name(doc);
          const slug = name.slice(0, -3);
          shadowed.push({
            hidden: { slug, path: join(folder.path, name) },
            winner: { slug, path: join(winner.folder, name) },
          });
        }
      }
      views.push(withStats({ segment, live, folder: folder.path }));
    }
  }
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { views, problems, shadowed, notes, warnings, discard: () => indexes.forEach(discardFolderIndex) };
}

/** A document hidden by one in an earlier folder, and that folder's view. */
interface Hidden {
  doc: number;
  winner: SegmentView;
}

/** The live documents of `segment` that an earlier view also holds live: each of its names looked up in the earlier views. */
function hiddenByScan(segment: Segment, live: Uint8Array, earlier: readonly SegmentView[]): Hidden[] {
  const hidden: Hidden[] = [];
  segment.forEachName((name, doc) => {
    if (!live[doc]) return;
    for (const view of earlier) {
      const other = view.segment.find(name);
      if (other < 0 || !view.live[other]) continue;
      hidden.push({ doc, winner: view });
      return;
    }
  });
  return hidden;
}

/** The same, each live name of the earlier views looked up in `segment`: for earlier folders smaller than it. */
function hiddenByLookup(segment: Segment, live: Uint8Array, earlier: readonly SegmentView[]): Hidden[] {
  const winners = new Map<number, SegmentView>();
  for (const view of earlier) {
    view.segment.forEachName((name, other) => {
      if (!view.live[other]) return;
      const doc = segment.find(name);
      // The first earlier folder that holds it wins, as in the scan.
      if (doc >= 0 && live[doc] && !winners.has(doc)) winners.set(doc, view);
    });
  }
  return [...winners].sort(([a], [b]) => a - b).map(([doc, winner]) => ({ doc, winner }));
}

/** Adds the live document count and field totals: the segment's totals less its documents that do not count. */
function withStats(view: Omit<SegmentView, 'documents' | 'totals' | 'prefix'>): SegmentView {
  const { segment, live } = view;
  const totals = [...segment.totals];
  let documents = segment.count;
  // Few documents are not live (deleted, hidden, skipped): subtracting them beats summing the rest.
  for (let doc = live.indexOf(0); doc >= 0; doc = live.indexOf(0, doc + 1)) {
    documents -= 1;
    for (let field = 0; field < totals.length; field++)
      totals[field] = (totals[field] as number) - segment.fieldLength(doc, field);
  }
  return { ...view, documents, totals, prefix: join(view.folder, sep) };
}

/** Articles already in memory as a one-folder library, indexed exactly as folders are. */
export function libraryOfArticles(
  documents: readonly { article: Article; blocks: readonly Block[] }[],
  folder = '.',
): IndexedLibrary {
  const sink = new MemorySink();
  const builder = new SegmentBuilder(sink);
  const sorted = [...documents].sort((a, b) => (`${a.article.slug}.md` < `${b.article.slug}.md` ? -1 : 1));
  for (const { article, blocks } of sorted) {
    builder.add(articleDoc(article, blocks, { name: `${article.slug}.md`, size: 0, mtimeMs: 0, sourceSum: 0 }));
  }
  builder.finish();
  const segment = new Segment(new MemorySource(sink.bytes()));
  const live = new Uint8Array(segment.count).fill(1);
  return {
    views: [withStats({ segment, live, folder })],
    problems: [],
    shadowed: [],
    notes: [],
    warnings: [],
    discard: () => {},
  };
}

/** Every live article's metadata, in no particular order. */
export function libraryArticles(library: IndexedLibrary): ArticleInfo[] {
  const out: ArticleInfo[] = [];
  for (const view of library.views) {
    // Every name is needed: decoding (and checking) them in one go beats ten thousand one by one.
    void view.segment.names;
    const rows = view.segment.allMeta();
    rows.forEach((row, doc) => {
      if (view.live[doc] && typeof row !== 'string') out.push(articleInfo(view, doc, row));
    });
  }
  return out;
}

/** Where the library holds the article called `slug`: the first folder's live document of that name. */
export function findDocument(library: IndexedLibrary, slug: string): { view: SegmentView; doc: number } | undefined {
  const name = `${slug}.md`;
  for (const view of library.views) {
    const doc = view.segment.find(name);
    if (doc >= 0 && view.live[doc]) return { view, doc };
  }
  return undefined;
}

/** Every live document, folder by folder, in file-name order. */
export function* liveDocuments(library: IndexedLibrary): Generator<{ view: SegmentView; doc: number }> {
  for (const view of library.views) {
    for (let doc = 0; doc < view.segment.count; doc++) if (view.live[doc]) yield { view, doc };
  }
}

/**
 * The article a live document holds, as `read` shows it: its metadata and its stored body. The
 * index holds text already made safe; it is sanitised again on the way out, so a tampered cache
 * stays inert too.
 */
export function documentArticle(view: SegmentView, doc: number): { article: Article; blocks: Block[] } {
  const info = articleInfo(view, doc, articleMeta(view, doc));
  const stored = view.segment.document(doc);
  const blocks = sanitizeBlocks(stored.blocks);
  const article: Article = {
    ...info,
    breadcrumb: stored.breadcrumb.map((crumb) => sanitizeLine(crumb)),
    body: '',
    blocks,
    warnings: (stored.warnings ?? []).map((warning) => sanitizeLine(warning)),
  };
  if (stored.banner) {
    article.banner = { title: sanitizeLine(stored.banner.title), text: sanitizeLine(stored.banner.text) };
  }
  return { article, blocks };
}

/** The library with its drafts left out, as `list`, `search` and `quotes` show it unless asked for drafts. */
export function withoutDrafts(library: IndexedLibrary): IndexedLibrary {
  if (library.views.every((view) => view.segment.drafts.length === 0)) return library;
  const views = library.views.map((view) => {
    if (view.segment.drafts.length === 0) return view;
    const live = view.live.slice();
    for (const doc of view.segment.drafts) live[doc] = 0;
    return withStats({ segment: view.segment, live, folder: view.folder });
  });
  return { ...library, views };
}
