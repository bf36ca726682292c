// The pager: long output on a terminal is shown through less (or the user's choice), like git and bat.

import type { Io, PagerLaunch } from './io.js';

/** Runs the pager with `text` on its standard input and the terminal as its output. */
export async function runPager(text: string, pager: PagerLaunch): Promise<boolean> {
  const { spawn } = await import('node:child_process');
  const [command, ...args] = pager.argv;
  if (command === undefined) return false;
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['pipe', 'inherit', 'inherit'], env: pager.env });
    let started = false;
    child.on('spawn', () => {
      started = true;
    });
    // ENOENT and friends: the pager does not exist or cannot run; the caller prints directly.
    child.on('error', () => resolve(started));
    child.on('close', () => resolve(true));
    // The reader quitting before reading everything closes the pipe: that is not an error.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text);
  });
}

/** Output that fits on the screen is printed; taller output goes through the pager, or is printed if it will not start. */
export async function showPaged(io: Io, text: string, pager: PagerLaunch): Promise<void> {
  const lines = text.split('\n').length - 1;
  // A terminal that reports no height (0 under some pseudo-terminals) is taken to have 24 lines.
  const rows = io.stdout.rows && io.stdout.rows > 0 ? io.stdout.rows : 24;
  if (lines < rows || !(await io.page(text, pager))) io.stdout.write(text);
}
