// Reads and parses article files into index segments, on this thread and, for big jobs, a worker.

import { type Stats, statSync } from 'node:fs';
import type { Article } from '../article.js';
import { ArticleError } from '../errors.js';
import { type ArticleFile, ArticleLoader, loadBlocks, readArticleFile } from '../library.js';
import { type Block, blocksToParagraphs } from '../render/model.js';
import { checksum } from './bytes.js';
import { type DocInput, SegmentBuilder } from './segment.js';

/** Documents per segment: bounds the builder's memory. */
export const SEGMENT_DOCS = 5000;
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
}

/** A stored mtime: -1 when the file or folder changed so recently that it may change again unseen. */
export function settledMtime(mtimeMs: number, now: number): number {
  return now - mtimeMs < RACY_MS ? -1 : mtimeMs;
}

/** An ArticleError's message without the path in front: the index stores file names, not paths. */
export function problemOf(error: ArticleError): string {
  return error.message.startsWith(`${error.path}: `) ? error.message.slice(error.path.length + 2) : error.message;
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
  };
  for (const key of ['date', 'source', 'section', 'author', 'agency', 'url', 'summary'] as const) {
    const value = article[key];
    if (value !== undefined) content.meta[key] = value;
  }
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
      onEach(
        articleDoc(article, await loadBlocks(article), {
          name,
          size: stat.size,
          mtimeMs: settledMtime(stat.mtimeMs, now),
          sourceSum: checksum(Buffer.from(text)),
        }),
      );
    } catch (error) {
      if (!(error instanceof ArticleError)) throw error;
      onEach({
        name,
        size: stat?.size ?? -1,
        mtimeMs: stat ? settledMtime(stat.mtimeMs, now) : -1,
        sourceSum: 0,
        problem: problemOf(error),
      });
    }
    done += 1;
    settings.progress?.(done, files.length);
    // Let a worker's messages in now and then: the loop above never waits on anything else.
    if (done % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** One segment's bytes from a batch of files: what this thread and the worker both run. */
export async function buildChunk(files: readonly ArticleFile[], settings: BuildSettings): Promise<Uint8Array> {
  const builder = new SegmentBuilder();
  await readDocs(files, settings, (doc) => builder.add(doc));
  return builder.toBytes();
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
  type: 'progress' | 'done' | 'failed';
  count?: number;
  bytes?: Uint8Array;
  message?: string;
}

/**
 * Builds segments of `files`, `keep` storing each as it is ready. Big jobs share the batches with
 * a worker thread; if the worker cannot start or fails, this thread reads what it left.
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
  let worker: import('node:worker_threads').Worker | undefined;
  let workerFinished: Promise<void> = Promise.resolve();
  if (settings.workerScript !== undefined && total >= PARALLEL_MIN && queue.length > 1) {
    const { Worker } = await import('node:worker_threads');
    const started = new Worker(settings.workerScript);
    worker = started;
    workerFinished = new Promise<void>((resolve) => {
      let current: ArticleFile[] | undefined;
      const next = () => {
        current = queue.pop();
        if (current === undefined) {
          void started.terminate();
          resolve();
        } else {
          started.postMessage({ files: current, maxBytes: settings.maxBytes });
        }
      };
      const giveBack = () => {
        // The worker is gone: its batch goes back to this thread, and its progress is undone.
        if (current !== undefined) queue.push(current);
        current = undefined;
        workerDone = 0;
        resolve();
      };
      started.on('message', (reply: WorkerReply) => {
        if (reply.type === 'progress') {
          workerDone += reply.count ?? 0;
          report();
        } else if (reply.type === 'done' && reply.bytes) {
          kept.push(keep(reply.bytes));
          next();
        } else {
          giveBack();
          void started.terminate();
        }
      });
      started.on('error', giveBack);
      started.on('exit', () => {
        if (current !== undefined) giveBack();
      });
      next();
    });
  }
  for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) {
    const before = mainDone;
    const bytes = await buildChunk(chunk, {
      maxBytes: settings.maxBytes,
      progress: (done) => {
        mainDone = before + done;
        report();
      },
    });
    kept.push(keep(bytes));
  }
  await workerFinished;
  // Batches the worker handed back after this thread had finished its own.
  for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift())
    kept.push(keep(await buildChunk(chunk, settings)));
  void worker;
  return kept;
}
