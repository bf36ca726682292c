import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTICLES, FIXTURES, lines, runCli, temporaryFolder } from '../helpers.js';

const _BROKEN = join(FIXTURES, 'broken');

describe('news completion', () => {
  it.each(['bash', 'zsh', 'fish'])('prints a %s script', async (shell) => {
    const { code, stdout, stderr } = await runCli(['completion', shell]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('__complete-slugs');
  });

  it('lists slug and title for every folder it can read, skipping one still being typed', async () => {
    const { code, stdout, stderr } = await runCli(['__complete-slugs', '--dir', ARTICLES, '--dir', '/no/such/fold']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(lines(stdout)).toEqual([
      'abe-putin\tJapan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official',
      'no-front-matter\tHeading becomes the title',
      'sample\tFixture: a synthetic article that uses every feature',
      'undated\tUndated fixture',
    ]);
  });

  it('keeps __complete-slugs out of the help', async () => {
    expect((await runCli(['--help'])).stdout).not.toContain('__complete');
  });
});

describe('__complete-slugs', () => {
  it('reads titles without parsing: quoted, from a heading, or none for a file it cannot read', async () => {
    const folder = temporaryFolder('news-complete-');
    writeFileSync(join(folder, 'a.md'), '---\ntitle: "Quoted: title"\ndate: 2020-01-01\n---\nBody\n');
    writeFileSync(join(folder, 'b.md'), "---\ntitle: 'Single quoted'\n---\n");
    writeFileSync(join(folder, 'c.md'), 'Intro\n\n# From the heading\n');
    writeFileSync(join(folder, 'd.md'), '---\ntitle: [broken\n---\n');
    mkdirSync(join(folder, 'e.md'));
    const { code, stdout } = await runCli(['__complete-slugs', '--dir', folder]);
    expect(code).toBe(0);
    expect(lines(stdout)).toEqual([
      'a\tQuoted: title',
      'abe-putin\tJapan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official',
      'b\tSingle quoted',
      'c\tFrom the heading',
      'd\t[broken',
    ]);
  });
});
