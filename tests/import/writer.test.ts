import { readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleDraft } from '../../src/import/draft.js';
import { IMPORT_INDEX, IMPORT_LOCK, LibraryWriter, type WriterOptions } from '../../src/import/writer.js';
import { temporaryFolder } from '../helpers.js';

const BODY =
  'The Northvale council voted on Tuesday to rebuild the pier before the autumn storms, after a debate that lasted most of the evening.';

function draft(fields: Partial<ArticleDraft> = {}): ArticleDraft {
  return { title: 'Northvale votes', tags: [], breadcrumb: [], body: BODY, notes: [], ...fields };
}

function writer(dir: string, options: Partial<WriterOptions> = {}): LibraryWriter {
  return new LibraryWriter({
    dir,
    force: false,
    dryRun: false,
    maxArticleBytes: 1024 * 1024,
    now: () => new Date('2025-03-04T10:00:00Z'),
    ...options,
  });
}

const articles = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.md'));

describe('LibraryWriter', () => {
  it('creates the library folder private to the user and writes the file', async () => {
    const dir = join(temporaryFolder('news-writer-'), 'library', 'articles');
    const placement = await writer(dir).place(draft(), 'northvale-votes', {});
    expect(placement).toMatchObject({
      status: 'imported',
      slug: 'northvale-votes',
      path: join(dir, 'northvale-votes.md'),
    });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(placement.path).mode & 0o777).toBe(0o600);
    expect(readFileSync(placement.path, 'utf8')).toBe(placement.text);
    expect(readdirSync(dir).sort()).toEqual([IMPORT_INDEX, 'northvale-votes.md']);
  });

  it('finds a duplicate by url or by text, in this run or an earlier one, and writes nothing', async () => {
    const dir = temporaryFolder('news-writer-');
    await writer(dir).place(draft({ url: 'https://gazette.example/vote#top' }), 'northvale-votes', {});
    const again = writer(dir);
    const byUrl = await again.place(
      draft({ url: 'https://gazette.example/vote', body: 'Other words entirely.' }),
      'x',
      {},
    );
    expect(byUrl).toMatchObject({ status: 'duplicate', slug: 'northvale-votes', reason: 'the same url' });
    const byText = await again.place(draft({ title: 'Another title', body: `${BODY}\n` }), 'another-title', {});
    expect(byText).toMatchObject({ status: 'duplicate', slug: 'northvale-votes', reason: 'the same text' });
    expect(articles(dir)).toEqual(['northvale-votes.md']);
  });

  it('gives a different article of the same slug the next free one', async () => {
    const dir = temporaryFolder('news-writer-');
    const one = writer(dir);
    await one.place(draft(), 'northvale-votes', {});
    const second = await one.place(draft({ body: `${BODY} A second story.` }), 'northvale-votes', {});
    const third = await one.place(draft({ body: `${BODY} A third story.` }), 'northvale-votes', {});
    expect([second.slug, third.slug]).toEqual(['northvale-votes-2', 'northvale-votes-3']);
  });

  it('with force, replaces the duplicate in place', async () => {
    const dir = temporaryFolder('news-writer-');
    await writer(dir).place(draft({ url: 'https://gazette.example/vote' }), 'northvale-votes', {});
    const placement = await writer(dir, { force: true }).place(
      draft({ url: 'https://gazette.example/vote', title: 'Corrected' }),
      'corrected',
      {},
    );
    expect(placement).toMatchObject({ status: 'replaced', slug: 'northvale-votes' });
    expect(readFileSync(placement.path, 'utf8')).toContain('title: Corrected');
    expect(articles(dir)).toEqual(['northvale-votes.md']);
  });

  it('with dryRun, decides the same way and writes nothing, not even the folder', async () => {
    const dir = join(temporaryFolder('news-writer-'), 'library');
    const placement = await writer(dir, { dryRun: true }).place(draft(), 'northvale-votes', {});
    expect(placement.status).toBe('would-import');
    expect(() => statSync(dir)).toThrow();
  });

  it('refuses to write an article larger than news reads', async () => {
    const dir = temporaryFolder('news-writer-');
    await expect(writer(dir, { maxArticleBytes: 100 }).place(draft(), 'big', {})).rejects.toThrow(
      /its article would be \d+ bytes, over the 100 news reads; raise NEWS_MAX_ARTICLE_BYTES/,
    );
    expect(articles(dir)).toEqual([]);
  });

  it('never writes over a file that is not a duplicate, even one news cannot read', async () => {
    const dir = temporaryFolder('news-writer-');
    writeFileSync(join(dir, 'northvale-votes.md'), 'hand-written\n');
    const placement = await writer(dir).place(draft(), 'northvale-votes', {});
    expect(placement.slug).toBe('northvale-votes-2');
    expect(readFileSync(join(dir, 'northvale-votes.md'), 'utf8')).toBe('hand-written\n');
  });

  it('reads only the articles that changed since the last import, by their size and mtime', async () => {
    const dir = temporaryFolder('news-writer-');
    const placement = await writer(dir).place(draft(), 'northvale-votes', {});
    const indexPath = join(dir, IMPORT_INDEX);
    const index = JSON.parse(readFileSync(indexPath, 'utf8'));
    expect(index.files['northvale-votes.md']).toMatchObject({ fingerprint: expect.any(String) });
    // The index is trusted while the file's size and mtime match it: with its fingerprint changed, the
    // same draft is no longer found a duplicate, so the file was not read again.
    index.files['northvale-votes.md'].fingerprint = 'changed';
    writeFileSync(indexPath, JSON.stringify(index));
    expect((await writer(dir, { dryRun: true }).place(draft(), 'again', {})).status).toBe('would-import');
    // A new mtime: the file is read again, and it is a duplicate after all.
    const { atime, mtime } = statSync(placement.path);
    utimesSync(placement.path, atime, new Date(mtime.getTime() + 5000));
    expect((await writer(dir).place(draft(), 'again', {})).status).toBe('duplicate');
    // An index that is not one news wrote is ignored: every article is read.
    for (const foreign of ['{"version": 99}', 'null', '[1, 2]', '{"version": 1, "files": {"x.md": null}}', '{']) {
      writeFileSync(indexPath, foreign);
      expect((await writer(dir).place(draft(), 'again', {})).status, foreign).toBe('duplicate');
    }
  });

  it('two writers at once never lose an article nor take one slug twice', async () => {
    const dir = temporaryFolder('news-writer-');
    const bodies = Array.from({ length: 12 }, (_, index) => `${BODY} Story number ${index} of the evening.`);
    const [left, right] = [writer(dir), writer(dir)];
    const placements = await Promise.all(
      bodies.map((body, index) => (index % 2 === 0 ? left : right).place(draft({ body }), 'northvale-votes', {})),
    );
    const slugs = placements.map((placement) => placement.slug);
    expect(new Set(slugs).size).toBe(12);
    expect(articles(dir)).toHaveLength(12);
    expect(readdirSync(dir)).not.toContain(IMPORT_LOCK);
    // And the same article from both at once is written once.
    const twice = await Promise.all(
      [left, right].map((each) => each.place(draft({ body: `${BODY} Once.` }), 'once', {})),
    );
    expect(twice.map((placement) => placement.status).sort()).toEqual(['duplicate', 'imported']);
  });
});
