// The index worker: builds one segment per batch of files it is sent, so big indexes use two cores.
// Started by build.ts from dist/index-worker.cjs; replies with progress counts, each segment's
// bytes as it fills, front matter warnings as files are read, and 'done' at the end of the batch.

import { parentPort } from 'node:worker_threads';
import type { ArticleFile } from '../files.js';
import { buildChunk } from './build.js';

const PROGRESS_EVERY = 100;

parentPort?.on('message', async ({ files, maxBytes }: { files: ArticleFile[]; maxBytes: number }) => {
  try {
    let reported = 0;
    const progress = (done: number) => {
      if (done - reported < PROGRESS_EVERY) return;
      parentPort?.postMessage({ type: 'progress', count: done - reported });
      reported = done;
    };
    const warn = (name: string, message: string) => parentPort?.postMessage({ type: 'warning', name, message });
    await buildChunk(files, { maxBytes, progress, warn }, (bytes) => {
      parentPort?.postMessage({ type: 'segment', bytes }, [bytes.buffer as ArrayBuffer]);
    });
    parentPort?.postMessage({ type: 'progress', count: files.length - reported });
    parentPort?.postMessage({ type: 'done' });
  } catch (error) {
    parentPort?.postMessage({ type: 'failed', message: (error as Error).message });
  }
});
