import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, lines, runCli } from '../helpers.js';

const _ARTICLES = join(FIXTURES, 'articles');
const _BROKEN = join(FIXTURES, 'broken');

describe('news search', () => {
  it('prints slug, date, title and snippet tab-separated when piped', async () => {
    const { code, stdout } = await runCli(['search', 'peace', 'treaty']);
    expect(code).toBe(0);
    const [row] = lines(stdout).map((line) => line.split('\t'));
    expect(row?.slice(0, 2)).toEqual(['abe-putin', '2016-05-06']);
    expect(row?.[3]).toMatch(/peace treaty/);
  });

  it('highlights every query word on a terminal, and nothing else', async () => {
    const { stdout } = await runCli(['search', 'peace', 'treaty'], { tty: true });
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding our own highlight codes.
    const highlighted = [...stdout.matchAll(/\u001b\[1m\u001b\[33m([^\u001b]*)\u001b/g)].map((match) => match[1]);
    expect(new Set(highlighted)).toEqual(new Set(['peace', 'treaty']));
  });

  it('gives JSON hits with a score', async () => {
    const { stdout } = await runCli(['search', 'Putin', '--json']);
    expect(JSON.parse(stdout)).toEqual([
      {
        slug: 'abe-putin',
        title: expect.any(String),
        date: '2016-05-06',
        score: expect.any(Number),
        snippet: expect.stringContaining('Putin'),
        matches: expect.any(Array),
        path: expect.stringContaining('abe-putin.md'),
      },
    ]);
  });

  it('gives match offsets in code points that point at the query words', async () => {
    const { stdout } = await runCli(['search', 'Putin', 'Abe', '--json']);
    const [hit] = JSON.parse(stdout) as { snippet: string; matches: [number, number][] }[];
    const points = [...(hit?.snippet ?? '')];
    const found = (hit?.matches ?? []).map(([start, end]) => points.slice(start, end).join(''));
    expect(found.length).toBeGreaterThan(0);
    for (const word of found) expect(['Putin', 'Abe']).toContain(word);
  });

  it('honours --limit', async () => {
    const { stdout } = await runCli(['search', 'fixture', '--limit', '1', '--dir', join(FIXTURES, 'ranking')]);
    expect(lines(stdout)).toHaveLength(1);
  });

  it('exits 1 when nothing matches', async () => {
    const { code, stdout, stderr } = await runCli(['search', 'zzzz']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(lines(stderr)).toHaveLength(1);
  });
});

describe('news search, query words that look like options', () => {
  it.each([
    [['search', 'Putin', '-zebra'], 1],
    [['search', 'Putin', '-sanctions'], 0],
    [['search', 'Putin', '-Abe'], 0],
    [['search', 'treat*', '-Abe'], 0],
    [['search', '-Abe', 'Putin', '--json'], 0],
    [['search', '-n', '1', 'Putin', '-nato'], 1],
  ])('%j excludes the word without needing --', async (argv, hits) => {
    const { code, stdout, stderr } = await runCli(argv);
    if (hits === 0) {
      expect(code).toBe(1);
      expect(stderr).toMatch(/no article matches/);
    } else {
      expect(code).toBe(0);
      expect(lines(stdout)).toHaveLength(hits);
    }
  });

  it('still takes its own options among the words: -n 1, --json, -h', async () => {
    expect(JSON.parse((await runCli(['search', 'Putin', '--json', '-n', '1'])).stdout)).toHaveLength(1);
    expect((await runCli(['search', 'Putin', '-h'])).stdout).toMatch(/^Usage: news search/);
    const unknown = await runCli(['search', 'Putin', '--bogus']);
    expect(unknown.code).toBe(2);
  });
});

describe('news search section:', () => {
  it('matches the front matter section or a subheading, like read --section', async () => {
    expect(lines((await runCli(['search', 'section:news'])).stdout)).toHaveLength(1);
    expect(lines((await runCli(['search', 'section:tensions'])).stdout)).toHaveLength(1);
    const none = await runCli(['search', 'section:Kuril']);
    expect(none.code).toBe(1);
  });
});
