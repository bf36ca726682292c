// Test support for the search index: synthetic article folders, runs with and without the cache, what the cache holds.

import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Env } from '../../../src/cli/settings.js';
import { runCli, temporaryFolder } from '../../helpers.js';

/** An hour ago, in seconds: mtimes set from here are never "racy", so every run judges them alike. */
export const PAST = Math.floor(Date.now() / 1000) - 3600;
export const SEGMENT = /^seg-.*\.idx$/;
export const DAMAGED_NOTE =
  /^news: note: (the search index of .+ was damaged \(.+\); rebuilding it|a search index was damaged \(.+\); rebuilt it)$/;

export interface FakeArticle {
  title: string;
  date?: string;
  tags?: string[];
  body: string;
}

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function articleText({ title, date, tags, body }: FakeArticle): string {
  const front = [`title: ${title}`];
  if (date !== undefined) front.push(`date: ${date}`);
  if (tags !== undefined) front.push(`tags: [${tags.join(', ')}]`);
  return `---\n${front.join('\n')}\n---\n\n${body}\n`;
}

/** Writes `<slug>.md` with its mtime set to `at` (seconds), an hour ago unless told otherwise. */
export function writeArticle(folder: string, slug: string, article: FakeArticle | string, at = PAST): string {
  const path = join(folder, `${slug}.md`);
  writeFileSync(path, typeof article === 'string' ? article : articleText(article));
  utimesSync(path, at, at);
  return path;
}

/** Dates the folder itself an hour back, as if nothing had been added or removed since. */
export function settleFolder(folder: string, at = PAST): void {
  utimesSync(folder, at, at);
}

export const MARSH: Record<string, FakeArticle> = {
  'quokka-one': {
    title: 'Synthetic quokka report one',
    date: '2021-03-01',
    body: 'The glorbix flarned over the synthetic marsh.',
  },
  'quokka-two': {
    title: 'Synthetic quokka report two',
    date: '2021-02-01',
    body: 'A glorbix and a wuzzle met in the synthetic dunes at dawn.',
  },
  'wombat-three': {
    title: 'Synthetic wombat digest three',
    date: '2021-01-01',
    tags: ['fauna', 'marsh'],
    body: 'Nothing but synthetic wuzzle chatter here.\n\n## Synthetic heading\n\nMore wuzzle, said the synthetic clerk.',
  },
};

/** A fresh folder of a few synthetic articles, every mtime (the folder's too) an hour back. */
export function marshFolder(articles: Record<string, FakeArticle> = MARSH): string {
  const folder = temporaryFolder('news-index-');
  for (const [slug, article] of Object.entries(articles)) writeArticle(folder, slug, article);
  settleFolder(folder);
  return folder;
}

export function outcome({ code, stdout, stderr }: Run): Run {
  return { code, stdout, stderr };
}

/** `news` in-process with a private cache; globals such as --dir go first in `argv`. */
export async function cached(cache: string, argv: string[], env: Env = {}): Promise<Run> {
  return outcome(await runCli(argv, { env: { NEWS_CACHE_DIR: cache, ...env } }));
}

/** `news --no-cache`: the articles read straight from their files, the reference for every cached run. */
export async function uncached(argv: string[]): Promise<Run> {
  return outcome(await runCli(['--no-cache', ...argv]));
}

export function lines(text: string): string[] {
  return text.split('\n').filter((line) => line !== '');
}

/** The first column of piped `list` or `search` output. */
export function slugsOf(stdout: string): string[] {
  return lines(stdout).map((line) => line.split('\t')[0] as string);
}

/** The one folder index under the cache: `<cache>/v1/<16 hex>`. */
export function indexDir(cache: string): string {
  const keys = readdirSync(join(cache, 'v1'));
  expect(keys).toEqual([expect.stringMatching(/^[0-9a-f]{16}$/)]);
  return join(cache, 'v1', keys[0] as string);
}

export function segmentFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => SEGMENT.test(name))
    .sort();
}

/** Every file under `root` with its size and mtime: equal snapshots mean nothing was written. */
export function snapshot(root: string): Record<string, [number, number]> {
  const out: Record<string, [number, number]> = {};
  for (const name of readdirSync(root, { recursive: true }) as string[]) {
    const stat = statSync(join(root, name));
    if (stat.isFile()) out[name] = [stat.size, stat.mtimeMs];
  }
  return out;
}

/** Files under `root` that a finished run must not leave behind: temporaries and locks. */
export function leftovers(root: string): string[] {
  return (readdirSync(root, { recursive: true }) as string[]).filter((name) => /(^|\/)(tmp-[^/]*|lock)$/.test(name));
}

export const QUERIES = ['glorbix', 'wuzzle', 'synthetic', '"synthetic marsh"', 'title:quokka', 'nothingmatchesthis'];

/** Asserts that list and search over `folder` through the cache print exactly what they print without it. */
export async function expectSameAsUncached(cache: string, folder: string, queries = QUERIES): Promise<void> {
  const commands = [
    ['list'],
    ['list', '--json'],
    ...queries.flatMap((query) => [
      ['search', query],
      ['search', '--json', query],
    ]),
  ];
  for (const command of commands) {
    const argv = ['--dir', folder, ...command];
    expect(await cached(cache, argv), command.join(' ')).toEqual(await uncached(argv));
  }
}

export const SYLLABLES = ['bla', 'zor', 'quin', 'vep', 'mip', 'tral', 'gon', 'fup', 'yel', 'dris', 'kav', 'plo'];

/** A made-up word for each number; none contains an x, so a planted word with one never collides. */
export function fakeWord(n: number): string {
  let word = '';
  let rest = n;
  do {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  } while (rest > 0);
  return word;
}

export const PLANTED = 'xyloquent';

/** `count` generated articles; those for which `planted(i)` holds mention PLANTED once. */
export function generatedFolder(count: number, planted: (index: number) => boolean): string {
  const folder = temporaryFolder('news-many-');
  for (let i = 0; i < count; i++) {
    const words = Array.from({ length: 40 }, (_, k) => fakeWord((i * 31 + k * 17) % 700));
    if (planted(i)) words.splice(i % 40, 0, PLANTED);
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 28) + 1).padStart(2, '0');
    writeArticle(folder, `article-${String(i).padStart(4, '0')}`, {
      title: `Synthetic ${fakeWord(i)} report ${i}`,
      date: `${2000 + (i % 20)}-${month}-${day}`,
      body: `${words.slice(0, 20).join(' ')}.\n\n${words.slice(20).join(' ')}.`,
    });
  }
  settleFolder(folder);
  return folder;
}
