// `news __complete-values`: the values the completion scripts offer for --tag, --section and --speaker, which those options accept.

import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES, BROKEN, ESCAPE, lines, runCli, temporaryFolder } from '../helpers.js';

/** The values alone, without the descriptions after a tab. */
function values(stdout: string): string[] {
  return lines(stdout).map((line) => line.split('\t')[0] as string);
}

describe('__complete-values tags', () => {
  it('lists every tag once, A to Z, with how many articles carry it', async () => {
    const { code, stdout, stderr } = await runCli(['__complete-values', 'tags', '--dir', ARTICLES]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines(stdout)).toEqual([
      'diplomacy\t1 article',
      'fixture\t2 articles',
      'Japan\t1 article',
      'Kuril Islands\t1 article',
      'Russia\t1 article',
      'synthetic\t1 article',
    ]);
  });

  it('counts tags that differ only in case as one, spelt as the first folder has it', async () => {
    const folder = temporaryFolder('news-values-');
    writeFileSync(join(folder, 'a.md'), '---\ntitle: A\ntags: [RUSSIA, Fresh start]\n---\nBody.\n');
    const { stdout } = await runCli(['__complete-values', 'tags', '--dir', folder]);
    expect(lines(stdout)).toContain('RUSSIA\t2 articles');
    expect(values(stdout)).not.toContain('Russia');
    expect(values(stdout)).toContain('Fresh start');
  });

  it("lists one article's tags when given its slug", async () => {
    const { stdout } = await runCli(['__complete-values', 'tags', 'abe-putin']);
    expect(values(stdout)).toEqual(['diplomacy', 'Japan', 'Kuril Islands', 'Russia']);
  });

  it('offers only tags that list --tag finds', async () => {
    for (const tag of values((await runCli(['__complete-values', 'tags', '--dir', ARTICLES])).stdout)) {
      const { code, stdout } = await runCli(['list', '--dir', ARTICLES, '--tag', tag]);
      expect(code, tag).toBe(0);
      expect(stdout, tag).not.toBe('');
    }
  });

  it('prints no control character, and what it prints for a tag holding one list --tag still finds', async () => {
    const folder = temporaryFolder('news-values-');
    writeFileSync(join(folder, 'a.md'), '---\ntitle: A\ntags: ["bad\\x1b[31mred", "tab\\tbed"]\n---\nBody.\n');
    const { stdout } = await runCli(['__complete-values', 'tags', '--dir', folder]);
    expect(stdout).not.toMatch(ESCAPE);
    const odd = values(stdout).filter((tag) => /bad|tab/.test(tag));
    expect(odd).toHaveLength(2);
    for (const tag of odd) expect((await runCli(['list', '--dir', folder, '--tag', tag])).code, tag).toBe(0);
  });
});

describe('__complete-values sections', () => {
  it("lists an article's subheadings as read --section takes them, in order, with the heading as written", async () => {
    const { code, stdout, stderr } = await runCli(['__complete-values', 'sections', 'abe-putin']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines(stdout)).toEqual([
      'symbol-of-warming-ties\tSymbol of warming ties',
      'lingering-tensions\tLingering tensions',
    ]);
  });

  it('gives punctuated and accented headings a value that needs no quoting and that read --section finds', async () => {
    const folder = temporaryFolder('news-values-');
    const headings = ['Q&A: what’s next?', 'Économie — «prix» (2024)', '“Quoted” heading', '***', 'Q & A: What’s next'];
    const body = headings.map((heading, index) => `## ${heading}\n\nParagraph ${index}.\n`).join('\n');
    writeFileSync(join(folder, 'odd.md'), `---\ntitle: Odd\n---\n${body}`);
    const { stdout } = await runCli(['__complete-values', 'sections', 'odd', '--dir', folder]);
    // A heading of symbols only has no words to match; two headings with the same words, one value.
    expect(values(stdout)).toEqual(['q-a-what-s-next', 'économie-prix-2024', 'quoted-heading']);
    for (const value of values(stdout)) {
      expect(value).toMatch(/^[\p{L}\p{N}-]+$/u);
      const { code, stdout: shown } = await runCli(['read', 'odd', '--dir', folder, '--section', value]);
      expect(code, value).toBe(0);
      expect(shown).toContain('Paragraph');
    }
  });

  it("lists every article's subheadings without a slug", async () => {
    const { stdout } = await runCli(['__complete-values', 'sections', '--dir', ARTICLES]);
    expect(values(stdout)).toEqual(expect.arrayContaining(['lingering-tensions', 'first-subheading']));
  });
});

describe('__complete-values speakers', () => {
  it('lists who is quoted in an article, A to Z, with how often, each found by quotes --speaker', async () => {
    const { code, stdout, stderr } = await runCli(['__complete-values', 'speakers', 'abe-putin']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines(stdout)).toEqual([
      'Fumio Kishida\t1 quotation',
      'Rossiiskaya Gazeta\t1 quotation',
      'Sergei Lavrov\t3 quotations',
      'Shinzo Abe\t1 quotation',
      'Vladimir Putin\t3 quotations',
      'Yasuhisa Kawamura\t7 quotations',
    ]);
    for (const speaker of values(stdout)) {
      expect((await runCli(['quotes', 'abe-putin', '--speaker', speaker])).code, speaker).toBe(0);
    }
  });

  it('lists the speakers of every article without a slug, leaving out unattributed quotations', async () => {
    const { stdout } = await runCli(['__complete-values', 'speakers', '--dir', ARTICLES]);
    expect(values(stdout)).toContain('Vladimir Putin');
    expect(values(stdout)).not.toContain('');
  });
});

describe('__complete-values never fails', () => {
  it.each([
    ['an unknown slug', ['__complete-values', 'sections', 'no-such-article']],
    ['an unknown kind', ['__complete-values', 'colours']],
    ['a kind that is an Object property', ['__complete-values', 'constructor']],
  ])('%s: nothing, exit 0, nothing on stderr', async (_name, argv) => {
    const { code, stdout, stderr } = await runCli(argv);
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('');
  });

  it('skips a folder still being typed, a missing NEWS_PATH folder and a file that is not a folder', async () => {
    const folder = temporaryFolder('news-values-');
    writeFileSync(join(folder, 'file'), 'not a folder');
    const { code, stdout, stderr } = await runCli(
      ['__complete-values', 'tags', '--dir', '/no/such/fold', '--dir', join(folder, 'file')],
      { env: { NEWS_PATH: '/no/such/path' } },
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(values(stdout)).toEqual(['diplomacy', 'Japan', 'Kuril Islands', 'Russia']);
  });

  it('skips invalid articles and says nothing about them', async () => {
    for (const kind of ['tags', 'sections', 'speakers']) {
      const { code, stdout, stderr } = await runCli(['__complete-values', kind, '--dir', BROKEN]);
      expect(code, kind).toBe(0);
      expect(stderr, kind).toBe('');
      expect(stdout, kind).not.toBe('');
    }
  });

  it.skipIf(process.getuid?.() === 0)('skips a folder it may not read', async () => {
    const folder = temporaryFolder('news-values-');
    const locked = join(folder, 'locked');
    mkdirSync(locked);
    writeFileSync(join(locked, 'a.md'), '---\ntags: [secret]\n---\nBody.\n');
    chmodSync(locked, 0o000);
    try {
      const { code, stdout, stderr } = await runCli(['__complete-values', 'tags', '--dir', locked]);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(values(stdout)).toEqual(['diplomacy', 'Japan', 'Kuril Islands', 'Russia']);
    } finally {
      chmodSync(locked, 0o700);
    }
  });

  it('is kept out of the help', async () => {
    expect((await runCli(['--help'])).stdout).not.toContain('__complete-values');
  });
});
