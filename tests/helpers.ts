// Test doubles for the CLI's io, and small helpers shared by the tests.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { afterAll, onTestFinished } from 'vitest';
import type { Article } from '../src/article/article.js';
import { loadBodyLibraries, parseBody, parseBodyWith } from '../src/article/markdown.js';
import type { Block } from '../src/article/model.js';
import type { Env } from '../src/cli/settings.js';
import { main } from '../src/main.js';
import { renderArticle } from '../src/render/article.js';
import { createMetrics } from '../src/render/width.js';
import type { Io, PagerLaunch, Sink } from '../src/terminal/io.js';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BUNDLED_DIR = fileURLToPath(new URL('../articles/', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
/** Synthetic articles written for the tests, and broken ones. */
export const ARTICLES = join(FIXTURES, 'articles');
export const BROKEN = join(FIXTURES, 'broken');

/** The non-empty lines of some output. */
export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

class MemorySink implements Sink {
  text = '';
  constructor(
    readonly isTTY: boolean,
    readonly columns: number | undefined,
    readonly rows: number | undefined = undefined,
  ) {}
  write(text: string | Uint8Array): void {
    this.text += typeof text === 'string' ? text : new TextDecoder().decode(text);
  }
}

export interface FakeIo extends Io {
  stdout: MemorySink;
  stderr: MemorySink;
  /** Every pager started, with the text it was given. */
  paged: { text: string; pager: PagerLaunch }[];
}

export interface FakeIoOptions {
  tty?: boolean;
  columns?: number;
  rows?: number;
  writeError?: NodeJS.ErrnoException;
  /** Whether a pager starts; false stands for a pager command that does not exist. */
  pagerStarts?: boolean;
  /** What standard input holds, for `news read -`. */
  input?: string;
}

/** An Io that records what was written; `tty`, `columns` and `rows` describe the pretend terminal. */
export function fakeIo(options: FakeIoOptions = {}): FakeIo {
  const tty = options.tty ?? false;
  const paged: FakeIo['paged'] = [];
  return {
    stdout: new MemorySink(tty, tty ? (options.columns ?? 80) : undefined, tty ? (options.rows ?? 24) : undefined),
    stderr: new MemorySink(tty, tty ? (options.columns ?? 80) : undefined),
    flush: async () => options.writeError,
    paged,
    page: async (text, pager) => {
      if (options.pagerStarts === false) return false;
      paged.push({ text, pager });
      return true;
    },
    readInput: async (maxBytes) => {
      const bytes = Buffer.from(options.input ?? '', 'utf8');
      return bytes.length > maxBytes ? undefined : bytes;
    },
  };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process, exactly as bin/news.cjs does, with an empty environment by default. */
export async function runCli(
  argv: string[],
  options: { env?: Env; bundledDir?: string; catalog?: string } & FakeIoOptions = {},
): Promise<RunResult & { paged: FakeIo['paged'] }> {
  const io = fakeIo(options);
  const bundled = { dir: options.bundledDir ?? BUNDLED_DIR, ...(options.catalog ? { catalog: options.catalog } : {}) };
  const code = await main(argv, io, options.env ?? {}, { bundled });
  return { code, stdout: io.stdout.text, stderr: io.stderr.text, paged: io.paged };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: tests look for escape bytes on purpose.
export const ESCAPE = /[\u001b\u009b]/;

export function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing our own SGR codes.
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}

/** Exact metrics, as a command gets them for text beyond the fast path. */
export const exactMetrics = createMetrics(stringWidth);

/** Renders an article exactly as `news read` does when piped: the same printer, `width` columns. */
export async function renderPlain(article: Article, width: number): Promise<string> {
  return renderArticle(article, article.blocks ?? (await parseBody(article.body)), {
    color: false,
    styled: false,
    width,
    tableWidth: width,
  });
}

/** Renders an article exactly as `news read` does on a terminal; colour on unless `color` is false. */
export async function renderStyled(article: Article, width: number, color = true): Promise<string> {
  return renderArticle(article, article.blocks ?? (await parseBody(article.body)), {
    color,
    styled: true,
    width,
    tableWidth: width,
  });
}

/** A fresh temporary folder, removed when the current test finishes. */
export function temporaryFolder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A folder for one test file's search indexes, removed after the file's tests: call it at top level. */
export function privateCacheDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'news-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const bodyLibraries = await loadBodyLibraries();

/** parseBody, synchronously: every library a body may need is loaded once, for the tests. */
export function parseBodyNow(markdown: string): Block[] {
  return parseBodyWith(markdown, bodyLibraries);
}
