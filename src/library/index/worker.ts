// The index worker: builds one segment per batch of files it is sent, so big indexes use two cores.
// Started by build.ts from dist/index-worker.cjs; replies with progress counts, each segment as it
// fills (the temporary file it wrote in the cache folder, or its bytes), front matter warnings as
// files are read, and 'done' at the end of the batch. Sent segment files to combine instead, it
// combines them and replies with the file it wrote.

import { parentPort } from 'node:worker_threads';
import type { Folder } from '../folders.js';
import { buildChunkInto } from './build.js';
import { openSegment, writeSegmentFile } from './cache.js';
import { combineSegments } from './combine.js';

const PROGRESS_EVERY = 100;

interface Job {
  /** The folder, and the names of its files in this batch. */
  folder: Folder;
  names: string[];
  maxBytes: number;
  /** The cache folder to write segment files into; undefined: send their bytes. */
  dir: string | undefined;
}

/** Segment files of the cache folder to combine into one: the reply names the temporary file written. */
interface CombineJob {
  combine: string[];
  dir: string;
}

function combineFiles({ combine, dir }: CombineJob): void {
  let file: string;
  try {
    file = writeSegmentFile(dir, (sink) =>
      combineSegments(
        combine.map((name) => openSegment(dir, name)),
        sink,
      ),
    );
  } catch (error) {
    parentPort?.postMessage({ type: 'failed', message: (error as Error).message });
    return;
  }
  parentPort?.postMessage({ type: 'combined', file });
}

parentPort?.on('message', async (job: Job | CombineJob) => {
  if ('combine' in job) {
    combineFiles(job);
    return;
  }
  const { folder, names, maxBytes, dir } = job;
  try {
    let reported = 0;
    const progress = (done: number) => {
      if (done - reported < PROGRESS_EVERY) return;
      parentPort?.postMessage({ type: 'progress', count: done - reported });
      reported = done;
    };
    const warn = (name: string, message: string) => parentPort?.postMessage({ type: 'warning', name, message });
    await buildChunkInto({ folder, names }, { maxBytes, progress, warn }, dir, (segment) => {
      if (segment.file !== undefined) parentPort?.postMessage({ type: 'segment', file: segment.file });
      else parentPort?.postMessage({ type: 'segment', bytes: segment.bytes }, [segment.bytes.buffer as ArrayBuffer]);
    });
    parentPort?.postMessage({ type: 'progress', count: names.length - reported });
    parentPort?.postMessage({ type: 'done' });
  } catch (error) {
    parentPort?.postMessage({ type: 'failed', message: (error as Error).message });
  }
});
