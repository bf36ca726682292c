import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, lines, runCli, stripAnsi, temporaryFolder } from '../helpers.js';

const _ARTICLES = join(FIXTURES, 'articles');
const _BROKEN = join(FIXTURES, 'broken');

describe('news quotes', () => {
  it('prints slug, speaker and quote tab-separated, in article order', async () => {
    const { code, stdout } = await runCli(['quotes', 'abe-putin']);
    expect(code).toBe(0);
    const rows = lines(stdout).map((line) => line.split('\t'));
    expect(rows).toHaveLength(16);
    expect(rows[0]).toEqual([
      'abe-putin',
      'Yasuhisa Kawamura',
      'The prime minister said that today he could feel a breakthrough, he could make a breakthrough in the currently stagnated negotiation',
    ]);
  });

  it('filters by speaker and gives JSON with the paragraph number', async () => {
    const { stdout } = await runCli(['quotes', '--speaker', 'LAVROV', '--json']);
    expect(JSON.parse(stdout)).toEqual([
      {
        slug: 'abe-putin',
        speaker: 'Sergei Lavrov',
        quote: 'discussed the problem of the peace treaty',
        paragraph: 14,
      },
      { slug: 'abe-putin', speaker: 'Sergei Lavrov', quote: 'move forward', paragraph: 15 },
      { slug: 'abe-putin', speaker: 'Sergei Lavrov', quote: 'result of World War II', paragraph: 15 },
    ]);
  });

  it('marks unattributed quotations on a terminal and leaves the speaker empty when piped', async () => {
    const folder = temporaryFolder('news-quotes-');
    writeFileSync(join(folder, 'q.md'), 'A sign read “Closed for the season” all week.\n\nA synthetic paragraph.\n');
    const piped = await runCli(['quotes', 'q', '--dir', folder]);
    expect(piped.stdout).toBe('q\t\tClosed for the season\n');
    const styled = await runCli(['quotes', 'q', '--dir', folder, '--no-pager'], { tty: true });
    expect(stripAnsi(styled.stdout)).toContain('(unattributed): “Closed for the season”');
  });

  it('exits 1 with a note when nothing matches', async () => {
    const { code, stdout, stderr } = await runCli(['quotes', '--speaker', 'nobody']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe("news: note: no quotations by 'nobody' found\n");
  });
});
