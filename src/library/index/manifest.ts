// The manifest of a folder's cached index: which segment files make it, what each has lost, and the folder it describes.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorruptIndexError, checksum, parseIndexJson } from './bytes.js';
import { openSegment, removeUnused, writeAtomically } from './cache.js';
import type { Segment } from './reader.js';

/** Bump when the manifest changes shape: old caches are then rebuilt, never misread. */
export const MANIFEST_FORMAT = 'news-index-2';

export interface ManifestSegment {
  file: string;
  deleted: number[];
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  folder: string;
  /** The folder's mtime and inode when its entries were last listed; mtime -1 forces a new listing. */
  dir: { mtimeMs: number; ino: number };
  segments: ManifestSegment[];
  problems: [name: string, message: string][];
}

function isManifest(value: unknown, realFolder: string): value is Manifest {
  if (typeof value !== 'object' || value === null) return false;
  const manifest = value as Manifest;
  return (
    manifest.format === MANIFEST_FORMAT &&
    manifest.folder === realFolder &&
    typeof manifest.dir?.mtimeMs === 'number' &&
    typeof manifest.dir.ino === 'number' &&
    Array.isArray(manifest.segments) &&
    manifest.segments.every(
      (segment) =>
        typeof segment?.file === 'string' &&
        /^seg-[\w.-]+\.idx$/.test(segment.file) &&
        Array.isArray(segment.deleted) &&
        segment.deleted.every((doc) => Number.isInteger(doc) && doc >= 0),
    ) &&
    Array.isArray(manifest.problems) &&
    manifest.problems.every(
      (problem) => Array.isArray(problem) && typeof problem[0] === 'string' && typeof problem[1] === 'string',
    )
  );
}

/** The manifest, undefined when there is none, or CorruptIndexError when it does not check out. */
export function readManifest(dir: string, realFolder: string): Manifest | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, 'manifest'), 'utf8');
  } catch (error) {
    // Missing, or the cache folder cannot be reached (ENOTDIR, EACCES): there is no index to trust
    // or distrust; writing one will say if that fails too. Only a manifest that is a folder is odd.
    if ((error as NodeJS.ErrnoException).code !== 'EISDIR') return undefined;
    throw new CorruptIndexError('manifest is a folder');
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  if (newline < 0 || text.slice(0, newline) !== String(checksum(Buffer.from(body)))) {
    throw new CorruptIndexError('manifest checksum');
  }
  const value = parseIndexJson(body, 'manifest');
  if (!isManifest(value, realFolder)) throw new CorruptIndexError('manifest is not one of ours');
  return value;
}

/** Replaces the manifest (atomically) and removes the segment files it no longer names. */
export function writeManifest(dir: string, manifest: Manifest): void {
  const body = JSON.stringify(manifest);
  writeAtomically(dir, 'manifest', `${checksum(Buffer.from(body))}\n${body}`);
  removeUnused(dir, new Set(manifest.segments.map((segment) => segment.file)));
}

export interface Loaded {
  manifest: Manifest;
  segments: Segment[];
}

/** The cached index: its manifest and every segment it names, opened; undefined when there is none. */
export function loadCached(dir: string, realFolder: string): Loaded | undefined {
  // A writer may replace the manifest and remove the segments it named between our two reads: try again.
  for (let attempt = 0; ; attempt++) {
    const manifest = readManifest(dir, realFolder);
    if (manifest === undefined) return undefined;
    try {
      const segments = manifest.segments.map((segment) => openSegment(dir, segment.file));
      segments.forEach((segment, index) => {
        if ((manifest.segments[index] as ManifestSegment).deleted.some((doc) => doc >= segment.count)) {
          throw new CorruptIndexError('deleted document out of range');
        }
      });
      return { manifest, segments };
    } catch (error) {
      if (attempt >= 2) throw error;
    }
  }
}
