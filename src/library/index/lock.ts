// The write lock of a folder's cached index: one writer at a time; a lock left by a dead process is taken over.

import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';

/** A lock older than this was left by a process that died. */
const STALE_LOCK_MS = 10 * 60 * 1000;

/** This process, as bin/news.cjs describes it: its pid, and whether another pid still runs. */
export interface ProcessInfo {
  pid: number;
  isRunning(pid: number): boolean;
}

/** Holds the folder's write lock while it exists; a second process gets none and writes nothing. */
export class WriteLock {
  private held = false;
  constructor(
    private readonly path: string,
    private readonly owner: ProcessInfo | undefined,
  ) {}

  acquire(): boolean {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(this.path, 'wx', 0o600);
        writeSync(fd, `${this.owner?.pid ?? 0}\n`);
        closeSync(fd);
        this.held = true;
        return true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        if (!this.isStale()) return false;
        try {
          unlinkSync(this.path);
        } catch (unlinkError) {
          if ((unlinkError as NodeJS.ErrnoException).code !== 'ENOENT') return false;
        }
      }
    }
    return false;
  }

  /**
   * A lock is stale when its process is gone (killed mid-build, say) or when it is older than any
   * build takes. A lock without a readable pid (or a run that cannot ask) is judged by its age alone.
   */
  private isStale(): boolean {
    try {
      const age = Date.now() - statSync(this.path).mtimeMs;
      if (age >= STALE_LOCK_MS) return true;
      const pid = Number(readFileSync(this.path, 'utf8').trim());
      if (this.owner === undefined || !Number.isInteger(pid) || pid <= 0 || pid === this.owner.pid) return false;
      return !this.owner.isRunning(pid);
    } catch (error) {
      // The lock went away meanwhile: try again.
      return (error as NodeJS.ErrnoException).code === 'ENOENT';
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    try {
      unlinkSync(this.path);
    } catch {
      // Already gone: nothing to release.
    }
  }
}
