// Compares a folder with its cached index: which indexed documents no longer count, which files to (re-)read.

import { constants, lstatSync, type Stats, statSync } from 'node:fs';
import { sep } from 'node:path';
import { listArticleNames, listMarkdownNames, nameProblem, refuseByMode } from '../files.js';
import type { Folder } from '../folders.js';
import { settledMtime } from './build.js';
import type { Loaded, Manifest } from './manifest.js';
import type { Segment } from './reader.js';

/** lstat's options for the sweep: one object, not one per file. */
const QUIET = { throwIfNoEntry: false } as const;

export interface FolderDiff {
  /** Per segment, its documents that no longer count (deleted, changed, or gone). */
  deleted: Set<number>[];
  /** Files to (re-)read: new or changed. */
  toRead: Set<string>;
  /** How many documents were newly dropped. */
  dropped: number;
  /** What the manifest should record about the folder; the old record when nothing changed. */
  dirRecord: Manifest['dir'];
  /** Entries that cannot be articles, as [file name, reason]. */
  problems: [string, string][];
  /** Whether an indexed file was missing without the folder listing having been read. */
  vanished: boolean;
}

/**
 * Compares the index with the folder: each file's size and mtime (lstat, and stat through a
 * link) unless only folders are checked, and with a fresh listing (`list`) which files came and went.
 * With `only`, just those files' size and mtime are checked: all `read` needs of a library is that
 * the one article it shows is the file as it is now.
 *
 * A listing of a folder the index already holds is by name alone: every name the index holds gets
 * its lstat anyway, which says what the entry is as well as a directory entry would, so only the
 * names it does not hold (files added) are looked at once more. A first listing, or one for `only`,
 * which lstats no more than a file or two, takes the directory entries' types instead.
 */
export function compareWithFolder(
  folder: Folder,
  dirStat: Stats,
  loaded: Loaded | undefined,
  list: boolean,
  checkFiles: boolean,
  only?: ReadonlySet<string>,
): FolderDiff {
  let names = new Set<string>();
  let problems: [string, string][] = loaded?.manifest.problems ?? [];
  let dirRecord = loaded?.manifest.dir ?? { mtimeMs: -1, ino: dirStat.ino };
  const byName = list && loaded !== undefined && only === undefined;
  if (list) {
    problems = [];
    names = byName ? listMarkdownNames(folder) : listArticleNames(folder, problems);
    dirRecord = { mtimeMs: settledMtime(dirStat.mtimeMs, Date.now()), ino: dirStat.ino };
  }
  const deleted = (loaded?.manifest.segments ?? []).map((segment) => new Set(segment.deleted));
  const toRead = new Set<string>();
  let dropped = 0;
  let vanished = false;
  const prefix = folder.path.endsWith(sep) ? folder.path : folder.path + sep;
  /**
   * An entry that is not a regular file: the stat of a link's target, or, when the listing was by
   * name, undefined with a problem for what cannot be an article (as listing would refuse it).
   */
  const follow = (name: string, stat: Stats): Stats | undefined => {
    if (byName) {
      const refusal = refuseByMode(folder, stat.mode, prefix + name);
      if (refusal !== undefined) {
        problems.push([name, refusal]);
        return undefined;
      }
    }
    return (stat.mode & constants.S_IFMT) === constants.S_IFLNK ? statSync(prefix + name, QUIET) : stat;
  };
  const check = (segment: Segment, index: number, doc: number, name: string) => {
    let stat = lstatSync(prefix + name, QUIET);
    // The mode bits, not isFile(): ten thousand method calls on cold code cost milliseconds.
    if (stat !== undefined && (stat.mode & constants.S_IFMT) !== constants.S_IFREG) stat = follow(name, stat);
    if (stat !== undefined && segment.isIndexedFrom(doc, stat.size, stat.mtimeMs)) return;
    (deleted[index] as Set<number>).add(doc);
    dropped += 1;
    if (stat !== undefined) toRead.add(name);
    else if (!list) vanished = true;
  };
  loaded?.segments.forEach((segment, index) => {
    if (!list && !checkFiles) return;
    const gone = deleted[index] as Set<number>;
    if (!list && only !== undefined) {
      for (const name of only) {
        const doc = segment.find(name);
        if (doc >= 0 && !gone.has(doc)) check(segment, index, doc, name);
      }
      return;
    }
    segment.forEachName((name, doc) => {
      if (gone.has(doc)) return;
      if (!list) {
        check(segment, index, doc, name);
      } else if (names.delete(name)) {
        if (only === undefined || only.has(name)) check(segment, index, doc, name);
      } else {
        gone.add(doc);
        dropped += 1;
      }
    });
  });
  // With a fresh listing, the names left over are new files: what each is (when listed by name)
  // and its name are checked now; the names the index holds were checked when they were indexed.
  for (const name of names) {
    let problem: string | undefined;
    if (byName) {
      const stat = lstatSync(prefix + name, QUIET);
      // Gone since the listing: as if it had not been listed.
      if (stat === undefined) continue;
      problem = refuseByMode(folder, stat.mode, prefix + name);
    }
    problem ??= nameProblem(name);
    if (problem === undefined) toRead.add(name);
    else problems.push([name, problem]);
  }
  return { deleted, toRead, dropped, dirRecord, problems, vanished };
}
