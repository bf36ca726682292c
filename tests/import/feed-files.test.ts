// The subscription list as `news fetch` and `feed list` read it: what its parser made of the file,
// kept in the state folder while the file's size, times and inode are unchanged, and parsed again
// whenever they are not, whenever the copy is damaged, and always when the file is wrong.

import { mkdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SubscriptionsError } from '../../src/feeds/subscriptions.js';
import { openFeedFiles } from '../../src/import/feed-files.js';
import { temporaryFolder } from '../helpers.js';

/** An hour ago in whole seconds, so that a file's mtime can be set back to exactly what it was. */
const HOUR_AGO = Math.floor(Date.now() / 1000) - 3600;

const LIST = '# mine\n- url: https://courier.example/rss\n  title: Courier\n- https://times.example/feed\n';
const FEEDS = [{ url: 'https://courier.example/rss', title: 'Courier' }, { url: 'https://times.example/feed' }];

/** A config folder holding `text` as feeds.yaml, changed an hour ago (or just now), and an empty state folder. */
async function setUp(text: string, changedNow = false) {
  const root = temporaryFolder('news-feed-files-');
  const configDir = join(root, 'config');
  const stateDir = join(root, 'state');
  mkdirSync(configDir);
  mkdirSync(stateDir);
  const path = join(configDir, 'feeds.yaml');
  writeFileSync(path, text);
  if (!changedNow) utimesSync(path, HOUR_AGO, HOUR_AGO);
  // The file's ctime is now, whatever its mtime: a clock an hour ahead makes it as old as a real list.
  const later = () => Date.now() + (changedNow ? 0 : 3_600_000);
  return {
    files: openFeedFiles({ configDir, stateDir, now: later }),
    path,
    parsed: join(stateDir, 'feeds.parsed.json'),
  };
}

/** Rewrites the kept copy's feeds, leaving its stamp: what readFeeds gives then shows whether it used the copy. */
function forgeCopy(parsed: string): void {
  const copy = JSON.parse(readFileSync(parsed, 'utf8'));
  copy.feeds = [{ url: 'https://forged.example/' }];
  writeFileSync(parsed, JSON.stringify(copy));
}

describe('FeedFiles.readFeeds', () => {
  it('gives what the parser gives, and keeps it while the file is unchanged', async () => {
    const { files, parsed } = await setUp(LIST);
    expect(await files.readFeeds()).toEqual(FEEDS);
    forgeCopy(parsed);
    expect(await files.readFeeds()).toEqual([{ url: 'https://forged.example/' }]);
  });

  it('parses the file again once it changed, even to the same size and mtime', async () => {
    const { files, path, parsed } = await setUp(LIST);
    await files.readFeeds();
    forgeCopy(parsed);
    const same = LIST.replace('Courier', 'Herald!');
    expect(same.length).toBe(LIST.length);
    writeFileSync(path, same);
    utimesSync(path, HOUR_AGO, HOUR_AGO);
    expect(statSync(path).mtimeMs).toBe(HOUR_AGO * 1000);
    // Size and mtime as before: the change of ctime (or inode) still tells.
    expect(await files.readFeeds()).toEqual([{ url: 'https://courier.example/rss', title: 'Herald!' }, FEEDS[1]]);
  });

  it('keeps no copy of a file changed moments ago', async () => {
    const { files, parsed } = await setUp(LIST, true);
    expect(await files.readFeeds()).toEqual(FEEDS);
    expect(() => readFileSync(parsed)).toThrow(/ENOENT/);
  });

  it.each([
    ['not JSON', () => '{"version":1,'],
    ['another version', (copy: Record<string, unknown>) => JSON.stringify({ ...copy, version: 99 })],
    [
      'a feed news would not write',
      (copy: Record<string, unknown>) => JSON.stringify({ ...copy, feeds: [{ url: 'ftp://x.example/' }] }),
    ],
    [
      'an unknown field',
      (copy: Record<string, unknown>) => JSON.stringify({ ...copy, feeds: [{ url: 'https://x.example/', extra: 1 }] }),
    ],
    ['another file', (copy: Record<string, unknown>) => JSON.stringify({ ...copy, path: '/elsewhere/feeds.yaml' })],
  ])('parses the file again when the copy is %s', async (_, damage) => {
    const { files, parsed } = await setUp(LIST);
    await files.readFeeds();
    writeFileSync(parsed, damage(JSON.parse(readFileSync(parsed, 'utf8'))));
    expect(await files.readFeeds()).toEqual(FEEDS);
  });

  it('says what is wrong with a file that does not parse, every time', async () => {
    const { files, path } = await setUp(LIST);
    await files.readFeeds();
    writeFileSync(path, '- url: https://a.example/\n  tittle: A\n');
    utimesSync(path, HOUR_AGO, HOUR_AGO);
    for (let run = 0; run < 2; run++) {
      await expect(files.readFeeds()).rejects.toThrow(SubscriptionsError);
      await expect(files.readFeeds()).rejects.toThrow(/feeds\.yaml:2: unknown field 'tittle'/);
    }
  });

  it('gives no feeds when there is no file', async () => {
    const root = temporaryFolder('news-feed-files-');
    const files = openFeedFiles({ configDir: join(root, 'config'), stateDir: join(root, 'state') });
    expect(await files.readFeeds()).toEqual([]);
  });
});
