// news import through the built binary: processes importing into one library at once, and hostile pages.

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESCAPE, lines, temporaryFolder } from '../helpers.js';
import { articlePage } from '../import/pages.js';
import { runNews, scrubbedEnv, startNews } from '../spawn.js';

/** A synthetic page whose story is numbered, so every page is a different article. */
function numberedPage(number: number): string {
  return articlePage({
    title: `Riverton story number ${number}`,
    middle: `<p>This is story number ${number} of the evening, told in words no other story of the evening uses: ${'word'.repeat(number + 1)}.</p>`,
  }).replace(/<h1>[^<]*<\/h1>/, `<h1>Riverton story number ${number}</h1>`);
}

describe('news import, built', () => {
  it('never loses an article when several processes import into one library at once', async () => {
    const root = temporaryFolder('news-e2e-import-');
    const sources = join(root, 'sources');
    mkdirSync(sources);
    const library = join(root, 'library');
    const files = Array.from({ length: 24 }, (_, number) => {
      const path = join(sources, `story-${number}.html`);
      writeFileSync(path, numberedPage(number));
      return path;
    });
    const shared = join(sources, 'shared.html');
    writeFileSync(shared, numberedPage(100));
    const env = scrubbedEnv(undefined, { NEWS_LIBRARY: library });
    // Four processes, six stories each and one story all four import.
    const runs = await Promise.all(
      [0, 1, 2, 3].map((part) => startNews(['import', ...files.filter((_, index) => index % 4 === part), shared], env)),
    );
    for (const run of runs) expect([run.code, run.stderr]).toEqual([0, '']);
    const statuses = runs.flatMap((run) => lines(run.stdout).map((line) => line.split('\t')[1]));
    expect(statuses.filter((status) => status === 'imported')).toHaveLength(25);
    expect(statuses.filter((status) => status === 'duplicate')).toHaveLength(3);
    const written = readdirSync(library).filter((name) => name.endsWith('.md'));
    expect(written).toHaveLength(25);
    // Nothing left behind but the importers' index: no lock, no temporary file.
    expect(readdirSync(library).filter((name) => !name.endsWith('.md'))).toEqual(['.news-import-index.json']);
    const listed = runNews(['list'], env);
    expect(lines(listed.stdout)).toHaveLength(26);
  });

  it('refuses pages nested or sized to make the parser slow, quickly, and imports the rest', () => {
    const root = temporaryFolder('news-e2e-import-');
    const deep = join(root, 'deep.html');
    writeFileSync(deep, `<html><body>${'<div>'.repeat(20_000)}<p>text</p></body></html>`);
    const wide = join(root, 'wide.html');
    writeFileSync(wide, `<html><body><article>${'<p>x y</p>'.repeat(150_000)}</article></body></html>`);
    const page = join(root, 'page.html');
    writeFileSync(page, numberedPage(1));
    const env = scrubbedEnv(undefined, { NEWS_LIBRARY: join(root, 'library') });
    const started = Date.now();
    const run = runNews(['import', deep, wide, page], env);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toEqual([
      `news: ${deep}: nests elements more than 5000 deep, as no article page does`,
      `news: ${wide}: has 150003 elements, more than the 100000 of any article page`,
    ]);
    expect(lines(run.stdout)).toHaveLength(1);
  });

  it('keeps scripts, styles, iframes, hidden text, tracking images and script links out of the article', () => {
    const root = temporaryFolder('news-e2e-import-');
    const page = join(root, 'hostile.html');
    writeFileSync(
      page,
      articlePage({
        head: '<style>body { color: red }</style><script>var SECRET_SCRIPT = 1;</script>',
        before:
          '<p style="display:none">SECRET_HIDDEN</p><div hidden>SECRET_HIDDEN_ATTRIBUTE</div><iframe src="https://ads.example/frame">SECRET_FRAME</iframe><img src="https://track.example/pixel.gif?SECRET_PIXEL" width="1" height="1">',
        middle:
          '<p>Read the <a href="javascript:alert(document.cookie)">minutes</a> and the <a href="data:text/html;base64,PHNjcmlwdD4=">agenda</a>, rung with a bell\u0007 and an escape \u001b[31mred\u001b[0m.</p><noscript>SECRET_NOSCRIPT</noscript><form><input value="SECRET_INPUT"></form><object data="x.swf">SECRET_OBJECT</object>',
      }),
    );
    const library = join(root, 'library');
    const env = scrubbedEnv(undefined, { NEWS_LIBRARY: library });
    const imported = runNews(['import', page], env);
    expect(imported.code).toBe(0);
    expect(imported.stdout).not.toMatch(ESCAPE);
    const [file] = readdirSync(library).filter((name) => name.endsWith('.md'));
    const text = readFileSync(join(library, file as string), 'utf8');
    expect(text).not.toMatch(/SECRET|javascript:|data:|track\.example|ads\.example/);
    expect(text).toContain('Read the minutes and the agenda');
    const read = runNews(['read', (file as string).slice(0, -3)], env);
    expect(read.stdout).not.toMatch(ESCAPE);
    expect(read.stdout.replace(/\s+/g, ' ')).toContain('rung with a bell^G and an escape ^[[31mred^[[0m.');
  });
});
