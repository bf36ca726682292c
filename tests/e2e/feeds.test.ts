// news feed and news fetch through the built binary, against a server on 127.0.0.1 in a process of its own:
// what a new user does, two fetches at once, a terminal's progress line and summary, completion.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESCAPE, lines, temporaryFolder } from '../helpers.js';
import { COURIER, opmlFile, rss2, stories } from '../import/feed-server.js';
import {
  hasUtilLinuxScript,
  runNews,
  runShell,
  runUnderTerminal,
  scrubbedEnv,
  shellQuote,
  startNews,
} from '../spawn.js';
import { ServerProcess } from './serve.js';

const server = new ServerProcess();
beforeAll(() => server.start());
afterAll(() => server.stop());

/** A scrubbed environment with folders of its own for subscriptions, state, library and index. */
function freshEnv(): NodeJS.ProcessEnv {
  const root = temporaryFolder('news-e2e-feeds-');
  return scrubbedEnv(join(root, 'cache'), {
    NEWS_CONFIG_DIR: join(root, 'config'),
    NEWS_STATE_DIR: join(root, 'state'),
    NEWS_LIBRARY: join(root, 'library'),
  });
}

describe('a new user, with the built binary', () => {
  it('subscribes, fetches, lists, reads the new article, and exports the subscriptions', () => {
    server.setRoutes({ '/rss': { body: rss2(stories(3)), etag: '"one"' } });
    const env = freshEnv();
    const added = runNews(['feed', 'add', server.url('/rss')], env);
    expect([added.code, added.stderr, added.stdout]).toEqual([0, '', `${server.url('/rss')}\tadded\t${COURIER}\n`]);

    const fetched = runNews(['fetch'], env);
    expect([fetched.code, fetched.stderr]).toEqual([0, '']);
    const fresh = lines(fetched.stdout).map((line) => line.split('\t'));
    expect(fresh.map(([, feed, title]) => [feed, title])).toEqual(stories(3).map((story) => [COURIER, story.title]));

    const listed = runNews(['list'], env);
    expect(listed.code).toBe(0);
    expect(
      lines(listed.stdout)
        .slice(0, 3)
        .map((line) => line.split('\t')[0]),
    ).toEqual(fresh.map(([slug]) => slug).reverse());
    expect(lines(runNews(['list', '--source', COURIER], env).stdout)).toHaveLength(3);
    expect(lines(runNews(['search', 'harbour', 'number'], env).stdout)).toHaveLength(3);

    const slug = fresh[0]?.[0] as string;
    const read = runNews(['read', slug], env);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('Story 1: the ferry of Northvale');
    expect(read.stdout).toContain('The story number 1 was discussed at length by the people of Northvale');

    const folder = temporaryFolder('news-e2e-opml-');
    const exported = runShell(`node bin/news.cjs feed export > ${shellQuote(join(folder, 'subs.opml'))}`, env);
    expect(exported.code).toBe(0);
    const opml = readFileSync(join(folder, 'subs.opml'), 'utf8');
    expect(opml).toContain(
      `<outline type="rss" text="${COURIER}" title="${COURIER}" xmlUrl="${server.url('/rss')}" htmlUrl="https://courier.example/"/>`,
    );
    const elsewhere = freshEnv();
    expect(runNews(['feed', 'import', join(folder, 'subs.opml')], elsewhere).code).toBe(0);
    expect(runNews(['feed', 'list', '--json'], elsewhere).stdout).toBe(
      runNews(['feed', 'list', '--json'], env)
        .stdout.replace(/"fetched": "[^"]+"/, '"fetched": null')
        .replace('"articles": 3', '"articles": 0')
        .replace('"site": "https://courier.example/"', '"site": null'),
    );

    // A fetch with nothing new asks with the ETag, gets a 304, and says nothing.
    const again = runNews(['fetch'], env);
    expect([again.code, again.stdout, again.stderr]).toEqual([0, '', '']);
    expect(server.requests().at(-1)).toEqual({ path: '/rss', etag: '"one"' });
  });

  it('never imports an item twice or leaves half a file when two fetches run at once', async () => {
    server.setRoutes(
      Object.fromEntries(
        Array.from({ length: 6 }, (_, index) => [
          `/many/${index}`,
          { body: rss2(stories(8, `Feed${index}`), `Courier ${index}`), delayMs: 40 },
        ]),
      ),
    );
    const env = freshEnv();
    const many = opmlFile(Array.from({ length: 6 }, (_, index) => server.url(`/many/${index}`)));
    expect(runNews(['feed', 'import', many], env).code).toBe(0);
    const runs = await Promise.all([startNews(['fetch'], env), startNews(['fetch', '--jobs', '2'], env)]);
    for (const run of runs) expect([run.code, run.stderr]).toEqual([0, '']);
    const imported = runs.flatMap((run) => lines(run.stdout));
    expect(imported).toHaveLength(48);
    expect(new Set(imported.map((line) => line.split('\t')[0])).size).toBe(48);
    const library = env.NEWS_LIBRARY as string;
    expect(readdirSync(library).filter((name) => name.endsWith('.md'))).toHaveLength(48);
    expect(readdirSync(library).filter((name) => !name.endsWith('.md'))).toEqual(['.news-import-index.json']);
    expect(readdirSync(env.NEWS_STATE_DIR as string)).toEqual(['fetch-state.json']);
    for (const name of readdirSync(library).filter((file) => file.endsWith('.md'))) {
      expect(readFileSync(join(library, name), 'utf8')).toMatch(/^---\n[\s\S]*\n---\n\n[\s\S]+\n$/);
    }
  });

  it.skipIf(!hasUtilLinuxScript)(
    'shows a progress line on a terminal once fetching takes a second, then the summary',
    () => {
      server.setRoutes(
        Object.fromEntries(
          Array.from({ length: 4 }, (_, index) => [
            `/slow/${index}`,
            { body: rss2(stories(1, `Slow${index}`)), delayMs: 450 },
          ]),
        ),
      );
      const env = freshEnv();
      const slow = opmlFile(Array.from({ length: 4 }, (_, index) => server.url(`/slow/${index}`)));
      expect(runNews(['feed', 'import', slow], env).code).toBe(0);
      const run = runUnderTerminal('node bin/news.cjs --color never fetch', env);
      expect(run.code).toBe(0);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the progress line's own escape is what is looked for.
      expect(run.stdout).toMatch(/\rnews: fetching [23]\/4 feeds…\u001b\[K/);
      // biome-ignore lint/suspicious/noControlCharactersInRegex: taking out the progress line's own escapes.
      const shown = run.stdout.replace(/\r\u001b\[K|\rnews: fetching \d\/4 feeds…\u001b\[K/g, '');
      expect(shown).not.toMatch(ESCAPE);
      expect(shown.trim()).toBe('4 feeds, 4 new articles');
    },
  );

  it('completes feed titles for fetch and feed remove, files for import, from the script the binary prints', () => {
    const env = freshEnv();
    const script = join(temporaryFolder('news-e2e-completion-'), 'news.bash');
    writeFileSync(script, runNews(['completion', 'bash'], env).stdout);
    const text = readFileSync(script, 'utf8');
    expect(text).toContain('    fetch) ((news_arguments >= 0)) && _news_reply_values feeds ;;');
    expect(text).toContain("    'feed remove') ((news_arguments == 0)) && _news_reply_values feeds ;;");
    expect(text).toContain('    import) ((news_arguments >= 0)) && _news_reply_files ;;');
    expect(text).toContain('    remove) ((news_arguments == 0)) && _news_reply_slugs --library ;;');
    const config = env.NEWS_CONFIG_DIR as string;
    runNews(['feed', 'import', opmlFile(['https://courier.example/rss', 'https://times.example/feed'])], env);
    writeFileSync(
      join(config, 'feeds.yaml'),
      `${readFileSync(join(config, 'feeds.yaml'), 'utf8').replace('url: https://courier.example/rss', `url: https://courier.example/rss\n  title: ${COURIER}`)}`,
    );
    const values = runNews(['__complete-values', 'feeds'], env);
    expect(values).toMatchObject({
      code: 0,
      stdout: `${COURIER}\thttps://courier.example/rss\nhttps://times.example/feed\n`,
      stderr: '',
    });
    // Without subscriptions, or with a file it cannot read, there is nothing to offer and nothing said.
    writeFileSync(join(config, 'feeds.yaml'), '- [broken\n');
    expect(runNews(['__complete-values', 'feeds'], env)).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(existsSync(join(config, 'feeds.yaml'))).toBe(true);
  });
});
