// Reads and parses article files into index segments, on this thread and, for big jobs, a worker.

import { type Stats, statSync } from 'node:fs';
import type { Article } from '../../article/article.js';
import { type Block, blocksToParagraphs } from '../../article/model.js';
import { ArticleError } from '../../errors.js';
import { type ArticleFile, readArticleFile } from '../files.js';
import { ArticleLoader, loadBlocks } from '../loader.js';
import { checksum } from './bytes.js';
import type { DocInput } from './format.js';
import { SegmentBuilder } from './writer.js';

/** Documents per segment, and text per segment: together they bound the builder's memory. */
export const SEGMENT_DOCS = 5000;
const SEGMENT_TEXT_BYTES = 64 * 1024 * 1024;
/** Fewer files than this are read on this thread alone: a worker takes longer to start than they take. */
const PARALLEL_MIN = 400;
/** A timestamp this close to the moment it was read may still change within the same clock tick. */
const RACY_MS = 1000;

export interface BuildSettings {
  maxBytes: number;
  /** Called while articles are read, with how many of how many are done. */
  progress?: (done: number, total: number) => void;
  /** dist/index-worker.cjs, to read half the files on a second core; without it, one thread reads all. */
  workerScript?: string;
  /** Told what could not be read in a file's front matter, as the file is (re)indexed. */
  warn?: (name: string, message: string) => void;
}

/** A stored mtime: -1 when the file or folder changed so recently that it may change again unseen. */
export function settledMtime(mtimeMs: number, now: number): number {
  return now - mtimeMs < RACY_MS ? -1 : mtimeMs;
}

/** The checksum of an article file's text, by which an index tells whether the text changed. */
export function sourceChecksum(text: string): number {
  return checksum(Buffer.from(text));
}

/** An article as builder input: its metadata, and its title, tags and paragraphs to index. */
export function articleDoc(
  article: Article,
  blocks: readonly Block[],
  file: Pick<DocInput, 'name' | 'size' | 'mtimeMs' | 'sourceSum'>,
): DocInput {
  const paragraphs = blocksToParagraphs(blocks).map((paragraph) => ({
    heading: paragraph.heading,
    text: paragraph.text.replace(/\s+/g, ' ').trim(),
  }));
  const content: NonNullable<DocInput['content']> = {
    meta: { title: article.title, tags: article.tags, words: article.words },
    fields: {
      title: article.title,
      tags: article.summary === undefined ? article.tags : [...article.tags, article.summary],
      paragraphs,
    },
    document: { blocks: [...blocks], breadcrumb: article.breadcrumb },
  };
  if (article.banner !== undefined) content.document.banner = article.banner;
  if (article.warnings.length > 0) content.document.warnings = article.warnings;
  for (const key of ['date', 'source', 'section', 'author', 'agency', 'url', 'summary', 'alias'] as const) {
    const value = article[key];
    if (value !== undefined) content.meta[key] = value;
  }
  if (article.draft) content.meta.draft = true;
  return { ...file, content };
}

/** Reads and parses article files into builder input; a bad file becomes a document with a problem. */
async function readDocs(
  files: readonly ArticleFile[],
  settings: BuildSettings,
  onEach: (doc: DocInput) => void,
): Promise<void> {
  const loader = new ArticleLoader(settings.maxBytes);
  let done = 0;
  for (const file of files) {
    const name = `${file.slug}.md`;
    const now = Date.now();
    let stat: Stats | undefined;
    try {
      stat = statSync(file.path);
      const text = readArticleFile(file.path, settings.maxBytes);
      const article = await loader.load(file, text);
      for (const warning of article.warnings) settings.warn?.(name, warning);
      onEach(
        articleDoc(article, await loadBlocks(article), {
          name,
          size: stat.size,
          mtimeMs: settledMtime(stat.mtimeMs, now),
          sourceSum: sourceChecksum(text),
        }),
      );
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      onEach({
        name,
        size: stat?.size ?? -1,
        mtimeMs: stat ? settledMtime(stat.mtimeMs, now) : -1,
        sourceSum: 0,
        problem: error.problem,
      });
    }
    done += 1;
    settings.progress?.(done, files.length);
    // Let a worker's messages in now and then: the loop above never waits on anything else.
    if (done % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/**
 * Segments from a batch of files, handed to `emit` as they fill: what this thread and the worker
 * both run. A segment is written once it holds SEGMENT_TEXT_BYTES of text, so a batch of huge
 * articles never has to fit in memory at once.
 */
export async function buildChunk(
  files: readonly ArticleFile[],
  settings: BuildSettings,
  emit: (bytes: Uint8Array) => void,
  textLimit = SEGMENT_TEXT_BYTES,
): Promise<void> {
  let builder = new SegmentBuilder();
  await readDocs(files, settings, (doc) => {
    builder.add(doc);
    if (builder.textBytes >= textLimit) {
      emit(builder.toBytes());
      builder = new SegmentBuilder();
    }
  });
  if (builder.count > 0) emit(builder.toBytes());
}

/** Splits files into segment-sized batches, at least two when there is a second core to use. */
function chunksOf(unsorted: readonly ArticleFile[]): ArticleFile[][] {
  // A segment holds its documents in order of file name (slug order differs: "a-b.md" < "a.md").
  const named = unsorted.map((file) => ({ file, name: `${file.slug}.md` }));
  const files = named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(({ file }) => file);
  const size = Math.min(SEGMENT_DOCS, Math.max(1, Math.ceil(files.length / 2)));
  const chunks: ArticleFile[][] = [];
  for (let start = 0; start < files.length; start += size) chunks.push(files.slice(start, start + size));
  return chunks;
}

interface WorkerReply {
  type: 'progress' | 'segment' | 'warning' | 'done' | 'failed';
  count?: number;
  bytes?: Uint8Array;
  name?: string;
  message?: string;
}

/**
 * Builds segments of `files`, `keep` storing each as it is ready. Big jobs share the batches with
 * a worker thread; if the worker cannot start or fails, this thread reads what it left, and the
 * segments the worker had sent of that batch are dropped (a stored one is never named in a
 * manifest, and is removed as unused by the next writer).
 */
export async function buildSegments<T>(
  files: readonly ArticleFile[],
  settings: BuildSettings,
  keep: (bytes: Uint8Array) => T,
): Promise<T[]> {
  const chunks = chunksOf(files);
  if (chunks.length === 0) return [keep(new SegmentBuilder().toBytes())];
  const total = files.length;
  let mainDone = 0;
  let workerDone = 0;
  const report = () => settings.progress?.(mainDone + workerDone, total);
  const queue = [...chunks];
  const kept: T[] = [];
  const onThisThread = async (chunk: ArticleFile[]) => {
    const before = mainDone;
    const progress = (done: number) => {
      mainDone = before + done;
      report();
    };
    const chunkSettings: BuildSettings = { maxBytes: settings.maxBytes, progress };
    if (settings.warn) chunkSettings.warn = settings.warn;
    await buildChunk(chunk, chunkSettings, (bytes) => kept.push(keep(bytes)));
  };
  let workerFinished: Promise<void> = Promise.resolve();
  if (settings.workerScript !== undefined && total >= PARALLEL_MIN && queue.length > 1) {
    const { Worker } = await import('node:worker_threads');
    const worker = new Worker(settings.workerScript);
    workerFinished = new Promise<void>((resolve) => {
      let current: ArticleFile[] | undefined;
      // The current batch's segments and progress count only once the whole batch is done.
      let pending: T[] = [];
      let pendingDone = 0;
      const next = () => {
        kept.push(...pending);
        pending = [];
        pendingDone = 0;
        current = queue.pop();
        if (current === undefined) {
          void worker.terminate();
          resolve();
        } else {
          worker.postMessage({ files: current, maxBytes: settings.maxBytes });
        }
      };
      const giveBack = () => {
        // The worker is gone: its batch goes back to this thread, and that batch's progress is undone.
        if (current !== undefined) queue.push(current);
        current = undefined;
        workerDone -= pendingDone;
        pending = [];
        resolve();
      };
      worker.on('message', (reply: WorkerReply) => {
        if (reply.type === 'progress') {
          pendingDone += reply.count ?? 0;
          workerDone += reply.count ?? 0;
          report();
        } else if (reply.type === 'segment' && reply.bytes) {
          pending.push(keep(reply.bytes));
        } else if (reply.type === 'warning') {
          settings.warn?.(reply.name ?? '', reply.message ?? '');
        } else if (reply.type === 'done') {
          next();
        } else {
          giveBack();
          void worker.terminate();
        }
      });
      worker.on('error', giveBack);
      worker.on('exit', () => {
        if (current !== undefined) giveBack();
      });
      next();
    });
  }
  for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) await onThisThread(chunk);
  await workerFinished;
  // Batches the worker handed back after this thread had finished its own.
  for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) await onThisThread(chunk);
  return kept;
}
