// Reads and parses article files into index segments, on this thread and, for big jobs, a worker.

import type { Stats } from 'node:fs';
import { join } from 'node:path';
import type { Article } from '../../article/article.js';
import { type Block, blocksToParagraphs } from '../../article/model.js';
import { ArticleError } from '../../errors.js';
import { type ArticleFile, readArticleFile, statArticleFile } from '../files.js';
import type { Folder } from '../folders.js';
import { ArticleLoader } from '../loader.js';
import { checksum } from './bytes.js';
import { FileSink, SegmentWriteError, writeSegmentFile } from './cache.js';
import { combineSegments } from './combine.js';
import type { DocInput } from './format.js';
import type { Segment } from './reader.js';
import { MemorySink, SegmentBuilder } from './writer.js';

/**
 * Documents per segment, and bytes of postings and metadata a segment may hold in memory before it
 * is written: together they bound a build's memory (two of them at once, on two threads).
 */
export const SEGMENT_DOCS = 5000;
/** The most documents a build combines its segments into: one segment up to here, then a few. */
const COMBINED_DOCS = 50_000;
const SEGMENT_HELD_BYTES = 8 * 1024 * 1024;
/** Fewer files than this are read on this thread alone: a worker takes longer to start than they take. */
const PARALLEL_MIN = 400;
/**
 * The worker's young generation: V8's default (up to 48 MB) holds little more than garbage from
 * parsing, and the worker's memory counts against the build's bound.
 */
const WORKER_YOUNG_MB = 8;
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

/** Whitespace other than a single space: where squeezeSpaces has anything to squeeze. */
const UNSQUEEZED = /[^\S ]| {2}/;

/**
 * `text.replace(/\s+/g, ' ').trim()`, without the replace where it would change nothing: with a
 * global pattern, every single space between words is a match to replace (about 8% of a build's
 * CPU, measured). Text whose only whitespace is single spaces just loses its ends.
 */
export function squeezeSpaces(text: string): string {
  return UNSQUEEZED.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** An article as builder input: its metadata, and its title, tags and paragraphs to index. */
export function articleDoc(
  article: Article,
  blocks: readonly Block[],
  file: Pick<DocInput, 'name' | 'size' | 'mtimeMs' | 'sourceSum'>,
): DocInput {
  const paragraphs: { text: string; heading: boolean }[] = [];
  // A plain paragraph whose text is exactly its line of the document's text is stored as that
  // line's number (see StoredDocument): the text is kept once, not twice.
  const stored: (Block | number)[] = [];
  let line = 0;
  for (const block of blocks) {
    let reference: number | undefined;
    for (const paragraph of blocksToParagraphs([block])) {
      const text = squeezeSpaces(paragraph.text);
      paragraphs.push({ heading: paragraph.heading, text });
      if (paragraph.heading) continue;
      if (block.kind === 'paragraph' && block.spans.length === 1) {
        const [span] = block.spans;
        if (span?.style === 'plain' && span.text === text && Object.keys(span).length === 2) reference = line;
      }
      line += 1;
    }
    stored.push(reference ?? block);
  }
  const content: NonNullable<DocInput['content']> = {
    meta: { title: article.title, tags: article.tags, words: article.words },
    fields: {
      title: article.title,
      tags: article.summary === undefined ? article.tags : [...article.tags, article.summary],
      paragraphs,
    },
    document: { blocks: stored, breadcrumb: article.breadcrumb },
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

/**
 * Files of one folder to build from, by name (`<slug>.md`). A build holds and hands out names, not
 * an `ArticleFile` per file: at 100,000 files the objects, their paths and their copies in the
 * workers' batches were ~50 MB of the main thread's heap for the whole build (measured).
 */
export interface FileNames {
  folder: Folder;
  names: readonly string[];
}

/** Reads and parses article files into builder input; a bad file becomes a document with a problem. */
async function readDocs(
  { folder, names }: FileNames,
  settings: BuildSettings,
  onEach: (doc: DocInput) => void,
): Promise<void> {
  const loader = new ArticleLoader(settings.maxBytes);
  let done = 0;
  for (const name of names) {
    // The file's object lives as long as its document is read, not the whole build.
    const file: ArticleFile = { slug: name.slice(0, -3), path: join(folder.path, name), folder };
    const now = Date.now();
    let stat: Stats | undefined;
    try {
      stat = statArticleFile(file.path);
      const text = readArticleFile(file.path, settings.maxBytes);
      const article = await loader.load(file, text);
      for (const warning of article.warnings) settings.warn?.(name, warning);
      onEach(
        articleDoc(article, await loader.blocks(article), {
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
    settings.progress?.(done, names.length);
    // Let a worker's messages in now and then: the loop above never waits on anything else.
    if (done % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

/** A finished segment: the temporary file it was written to in the output folder, or its bytes. */
export type BuiltSegment = { file: string; bytes?: undefined } | { bytes: Uint8Array; file?: undefined };

/**
 * Segments from a batch of files, handed to `emit` as they fill: what this thread and the worker
 * both run. Each segment streams its text and bodies to a file in `dir` (or to memory without
 * one) and is finished once it holds SEGMENT_DOCS documents or `heldLimit` bytes of postings and
 * metadata, so a build's memory stays bounded whatever the size of the folder.
 */
export async function buildChunkInto(
  files: FileNames,
  settings: BuildSettings,
  dir: string | undefined,
  emit: (segment: BuiltSegment) => void,
  heldLimit = SEGMENT_HELD_BYTES,
): Promise<void> {
  interface Open {
    builder: SegmentBuilder;
    finish(): BuiltSegment;
    discard(): void;
  }
  const start = (): Open => {
    if (dir === undefined) {
      const sink = new MemorySink();
      const builder = new SegmentBuilder(sink);
      return {
        builder,
        finish: () => {
          builder.finish();
          return { bytes: sink.bytes() };
        },
        discard: () => {},
      };
    }
    const sink = new FileSink(dir);
    try {
      const builder = new SegmentBuilder(sink);
      return {
        builder,
        finish: () => {
          builder.finish();
          sink.close();
          return { file: sink.name };
        },
        discard: () => sink.discard(),
      };
    } catch (error) {
      sink.discard();
      throw error;
    }
  };
  let current: Open | undefined;
  try {
    await readDocs(files, settings, (doc) => {
      current ??= start();
      current.builder.add(doc);
      if (current.builder.count >= SEGMENT_DOCS || current.builder.heldBytes >= heldLimit) {
        const done = current;
        current = undefined;
        emit(done.finish());
      }
    });
    if (current !== undefined) {
      const done: Open = current;
      current = undefined;
      emit(done.finish());
    } else if (files.names.length === 0) emit(start().finish());
  } catch (error) {
    (current as Open | undefined)?.discard();
    throw error;
  }
}

/** Segments of a batch of files, in memory: for the bundled articles' index and for tests. */
export async function buildChunk(
  files: FileNames,
  settings: BuildSettings,
  emit: (bytes: Uint8Array) => void,
  heldLimit = SEGMENT_HELD_BYTES,
): Promise<void> {
  await buildChunkInto(files, settings, undefined, (segment) => emit(segment.bytes as Uint8Array), heldLimit);
}

/** Splits file names into segment-sized batches, at least two when two workers will read them. */
function chunksOf(unsorted: Iterable<string>, parallel: boolean): string[][] {
  // A segment holds its documents in order of file name (slug order differs: "a-b.md" < "a.md").
  const names = [...unsorted].sort();
  const size = Math.min(SEGMENT_DOCS, Math.max(1, Math.ceil(names.length / (parallel ? 2 : 1))));
  const chunks: string[][] = [];
  for (let start = 0; start < names.length; start += size) chunks.push(names.slice(start, start + size));
  return chunks;
}

interface WorkerReply {
  type: 'progress' | 'segment' | 'warning' | 'done' | 'failed' | 'combined';
  count?: number;
  bytes?: Uint8Array;
  file?: string;
  name?: string;
  message?: string;
}

/** Where built segments go: files in a folder (the cache) or memory, and what becomes of each. */
export interface SegmentStore<T> {
  /** The folder to write segment files into, asked before each batch; undefined: memory. */
  dir(): string | undefined;
  /** Takes a finished segment. */
  keep(segment: BuiltSegment): T;
  /** Writing into dir() failed: the batch is built again in memory, and so is every later one. */
  failed(error: unknown): void;
  /** The segment a kept one reads from, to combine it with others. */
  segmentOf(kept: T): Segment;
  /** The file in dir() a kept segment is stored in, if it is: a worker can then combine it. */
  fileOf(kept: T): string | undefined;
}

/**
 * Builds segments of the files `names` of `folder` into `store`. Big jobs go to two worker threads; if a worker cannot
 * start or fails, its batch goes back to the queue for the other or for this thread, and the
 * segments the worker had sent of that batch are dropped (a stored one is never named in a manifest, and is removed as
 * unused by the next writer).
 */
export async function buildSegments<T>(
  folder: Folder,
  names: ReadonlySet<string> | readonly string[],
  settings: BuildSettings,
  store: SegmentStore<T>,
): Promise<T[]> {
  const total = names instanceof Set ? names.size : (names as readonly string[]).length;
  const parallel = settings.workerScript !== undefined && total >= PARALLEL_MIN;
  const chunks = chunksOf(names, parallel);
  if (chunks.length === 0) chunks.push([]);
  let mainDone = 0;
  let workerDone = 0;
  const report = () => settings.progress?.(mainDone + workerDone, total);
  const queue = [...chunks];
  const kept: T[] = [];
  const onThisThread = async (chunk: string[]) => {
    const before = mainDone;
    const progress = (done: number) => {
      mainDone = before + done;
      report();
    };
    const chunkSettings: BuildSettings = { maxBytes: settings.maxBytes, progress };
    if (settings.warn) chunkSettings.warn = settings.warn;
    const mine: T[] = [];
    try {
      await buildChunkInto({ folder, names: chunk }, chunkSettings, store.dir(), (segment) =>
        mine.push(store.keep(segment)),
      );
    } catch (error) {
      if (!(error instanceof SegmentWriteError)) throw error;
      store.failed(error.cause);
      mainDone = before;
      const quiet: BuildSettings = { maxBytes: settings.maxBytes, progress };
      await buildChunkInto({ folder, names: chunk }, quiet, undefined, (segment) => mine.push(store.keep(segment)));
    }
    kept.push(...mine);
  };
  if (parallel && settings.workerScript !== undefined && queue.length > 1) {
    const { Worker } = await import('node:worker_threads');
    const script = settings.workerScript;
    // Two workers read while this thread only gathers their segments: its heap, which no option
    // can bound once the process runs, stays small, and each worker's is bounded.
    const runWorker = () =>
      new Promise<void>((resolve) => {
        const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
        let current: string[] | undefined;
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
            worker.postMessage({ folder, names: current, maxBytes: settings.maxBytes, dir: store.dir() });
          }
        };
        const giveBack = () => {
          // The worker is gone: its batch goes back to the queue, and that batch's progress is undone.
          if (current !== undefined) queue.push(current);
          current = undefined;
          workerDone -= pendingDone;
          pending = [];
          void worker.terminate();
          resolve();
        };
        worker.on('message', (reply: WorkerReply) => {
          if (reply.type === 'progress') {
            pendingDone += reply.count ?? 0;
            workerDone += reply.count ?? 0;
            report();
          } else if (reply.type === 'segment' && (reply.bytes || reply.file)) {
            try {
              const built: BuiltSegment =
                reply.file !== undefined ? { file: reply.file } : { bytes: reply.bytes as Uint8Array };
              pending.push(store.keep(built));
            } catch (error) {
              if (!(error instanceof SegmentWriteError)) throw error;
              store.failed(error.cause);
              giveBack();
            }
          } else if (reply.type === 'warning') {
            settings.warn?.(reply.name ?? '', reply.message ?? '');
          } else if (reply.type === 'done') {
            next();
          } else {
            giveBack();
          }
        });
        worker.on('error', giveBack);
        worker.on('exit', () => {
          if (current !== undefined) giveBack();
        });
        next();
      });
    await Promise.all([runWorker(), runWorker()]);
  }
  // Everything, without workers; else the batches a worker handed back.
  for (let chunk = queue.shift(); chunk !== undefined; chunk = queue.shift()) await onThisThread(chunk);
  const combined = await combineBuilt(kept.splice(0), store, parallel ? settings.workerScript : undefined);
  return combined;
}

/**
 * Combines segment files of `dir` into one temporary file there, on a thread of its own: its young
 * generation is bounded as a build worker's is, where the main thread's grows to V8's default while
 * combining (measured at 50,000 articles: 91 -> 149 MB resident over the postings, 13 MB of it heap),
 * and the runs of a build of more than COMBINED_DOCS articles are combined side by side. Resolves to
 * the file's name, or undefined when the worker failed (the caller then combines on this thread).
 */
async function combineInWorker(script: string, dir: string, files: readonly string[]): Promise<string | undefined> {
  const { Worker } = await import('node:worker_threads');
  return new Promise((resolve) => {
    const worker = new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    let result: string | undefined;
    worker.on('message', (reply: WorkerReply) => {
      if (reply.type === 'combined') result = reply.file;
      void worker.terminate();
    });
    worker.on('error', () => {
      void worker.terminate();
    });
    worker.on('exit', () => resolve(result));
    worker.postMessage({ combine: files, dir });
  });
}

/**
 * The build's segments combined into as few as COMBINED_DOCS allows (they hold consecutive ranges
 * of names): queries open fewer segments and look each word up fewer times. Stored segments are
 * combined in worker threads when there is a worker script (see combineInWorker), else here. A
 * segment that cannot be written stays as the pieces it was made of. Takes the segments out of
 * `built`, so that the inputs, and the tables combining read from them, are garbage once combined.
 */
async function combineBuilt<T>(built: T[], store: SegmentStore<T>, workerScript?: string): Promise<T[]> {
  if (built.length < 2) return built.splice(0);
  const ordered = built
    .splice(0)
    .map((item) => ({ item, segment: store.segmentOf(item) }))
    .filter(({ segment }) => segment.count > 0)
    .sort((a, b) => (a.segment.name(0) < b.segment.name(0) ? -1 : 1));
  const runs: (typeof ordered)[] = [];
  let docs = COMBINED_DOCS + 1;
  for (const entry of ordered) {
    if (docs + entry.segment.count > COMBINED_DOCS) {
      runs.push([]);
      docs = 0;
    }
    (runs[runs.length - 1] as typeof ordered).push(entry);
    docs += entry.segment.count;
  }
  ordered.length = 0;
  const combineHere = (run: typeof ordered): T[] => {
    const inputs = run.map(({ segment }) => segment);
    const dir = store.dir();
    try {
      if (dir === undefined) {
        const sink = new MemorySink();
        combineSegments(inputs, sink);
        return [store.keep({ bytes: sink.bytes() })];
      }
      return [store.keep({ file: writeSegmentFile(dir, (sink) => combineSegments(inputs, sink)) })];
    } catch (error) {
      if (!(error instanceof SegmentWriteError)) throw error;
      store.failed(error.cause);
      return run.map(({ item }) => item);
    }
  };
  const combineRun = async (run: typeof ordered): Promise<T[]> => {
    if (run.length < 2) return run.map(({ item }) => item);
    const dir = store.dir();
    const files = run.map(({ item }) => store.fileOf(item));
    if (workerScript !== undefined && dir !== undefined && files.every((file) => file !== undefined)) {
      const file = await combineInWorker(workerScript, dir, files as string[]);
      if (file !== undefined) {
        try {
          return [store.keep({ file })];
        } catch (error) {
          if (!(error instanceof SegmentWriteError)) throw error;
          store.failed(error.cause);
          return run.map(({ item }) => item);
        }
      }
    }
    return combineHere(run);
  };
  const combined = await Promise.all(runs.map(combineRun));
  return combined.flat();
}
