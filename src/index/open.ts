// The library as list and search see it: every folder's index, with folder precedence applied.

import { join } from 'node:path';
import type { Article, ArticleInfo } from '../article.js';
import { ArticleError } from '../errors.js';
import type { Folder } from '../folders.js';
import type { Block } from '../render/model.js';
import { articleInfo, type SegmentView } from './engine.js';
import { MemorySource, Segment, SegmentBuilder } from './segment.js';
import {
  articleDoc,
  discardFolderIndex,
  type FolderIndex,
  type IndexSettings,
  indexInMemory,
  openFolderIndex,
} from './store.js';

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
  /** Forgets every cached index this library came from, so the next open rebuilds them. */
  discard(): void;
}

/**
 * Opens every folder's index: the bundled articles are indexed in memory (from the catalog compiled
 * at build time), user folders through the cache unless `settings.cacheDir` is undefined. An
 * article whose slug an earlier folder already has is hidden, as everywhere else in news.
 */
export async function openLibrary(folders: readonly Folder[], settings: IndexSettings): Promise<IndexedLibrary> {
  const views: SegmentView[] = [];
  const problems: ArticleError[] = [];
  const shadowed: Shadowed[] = [];
  const notes: string[] = [];
  const winners = new Map<string, string>();
  const indexes: FolderIndex[] = [];
  for (const folder of folders) {
    const index =
      folder.origin === 'bundled' ? await indexInMemory(folder, settings) : await openFolderIndex(folder, settings);
    indexes.push(index);
    problems.push(...index.problems);
    notes.push(...index.notes);
    for (const { segment, deleted } of index.segments) {
      const live = new Uint8Array(segment.count);
      segment.names.forEach((name, doc) => {
        if (deleted.has(doc)) return;
        const slug = name.slice(0, -3);
        const path = join(folder.path, name);
        const winner = winners.get(slug);
        if (winner !== undefined) {
          shadowed.push({ hidden: { slug, path }, winner: { slug, path: winner } });
          return;
        }
        winners.set(slug, path);
        // A skipped file is indexed without a title (every article has one): its metadata says why.
        if (segment.titleEnd(doc) === 0) {
          const row = segment.meta(doc);
          if (typeof row === 'string') {
            problems.push(new ArticleError(path, row));
            return;
          }
        }
        live[doc] = 1;
      });
      views.push({ segment, live, folder: folder.path });
    }
  }
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { views, problems, shadowed, notes, discard: () => indexes.forEach(discardFolderIndex) };
}

/** Articles already in memory as a one-folder library, indexed exactly as folders are. */
export function libraryOfArticles(
  documents: readonly { article: Article; blocks: readonly Block[] }[],
  folder = '.',
): IndexedLibrary {
  const builder = new SegmentBuilder();
  for (const { article, blocks } of documents) {
    builder.add(articleDoc(article, blocks, { name: `${article.slug}.md`, size: 0, mtimeMs: 0, sourceSum: 0 }));
  }
  const segment = new Segment(new MemorySource(builder.toBytes()));
  const live = new Uint8Array(segment.count).fill(1);
  return { views: [{ segment, live, folder }], problems: [], shadowed: [], notes: [], discard: () => {} };
}

/** Every live article's metadata, in no particular order. */
export function libraryArticles(library: IndexedLibrary): ArticleInfo[] {
  const out: ArticleInfo[] = [];
  for (const view of library.views) {
    const rows = view.segment.allMeta();
    rows.forEach((row, doc) => {
      if (view.live[doc] && typeof row !== 'string') out.push(articleInfo(view, doc, row));
    });
  }
  return out;
}
