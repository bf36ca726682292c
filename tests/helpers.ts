// Test doubles for the CLI's io, and small helpers shared by the tests.

import { fileURLToPath } from 'node:url';
import type { Io, Sink } from '../src/io.js';
import { main } from '../src/main.js';
import type { Env } from '../src/output.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLED_DIR = fileURLToPath(new URL('../articles/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

class MemorySink implements Sink {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns: number | undefined,
  ) {}
  write(text: string): void {
    this.text += text;
  }
}

export interface FakeIo extends Io {
  stdout: MemorySink;
  stderr: MemorySink;
}

/** An Io that records what was written; `tty` and `columns` describe the pretend terminal. */
export function fakeIo(options: { tty?: boolean; columns?: number; writeError?: NodeJS.ErrnoException } = {}): FakeIo {
  const tty = options.tty ?? false;
  return {
    stdout: new MemorySink(tty, tty ? (options.columns ?? 80) : undefined),
    stderr: new MemorySink(tty, tty ? (options.columns ?? 80) : undefined),
    flush: async () => options.writeError,
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, exactly as bin/news.js does, with an empty environment by default. */
export async function runCli(
  argv: string[],
  options: { env?: Env; tty?: boolean; columns?: number; bundledDir?: string } = {},
): Promise<RunResult> {
  const io = fakeIo({ tty: options.tty ?? false, ...(options.columns ? { columns: options.columns } : {}) });
  const code = await main(argv, io, options.env ?? {}, { bundledDir: options.bundledDir ?? BUNDLED_DIR });
  return { code, stdout: io.stdout.text, stderr: io.stderr.text };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: tests look for escape bytes on purpose.
export const ESCAPE = /[\u001b\u009b]/;

export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing our own SGR codes.
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
