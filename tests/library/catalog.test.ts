import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCatalog } from '../../src/build-assets.js';
import { CATALOG_FORMAT, readCompiledCatalog } from '../../src/library/catalog.js';
import { scanFolders } from '../../src/library/files.js';
import { loadArticles } from '../../src/library/loader.js';
import { BUNDLED_DIR, FIXTURES, runCli, temporaryFolder } from '../helpers.js';

async function compiledCopy(): Promise<{ dir: string; catalog: string }> {
  const dir = temporaryFolder('news-catalog-');
  copyFileSync(join(BUNDLED_DIR, 'abe-putin.md'), join(dir, 'abe-putin.md'));
  const catalog = join(dir, 'catalog.json');
  writeFileSync(catalog, JSON.stringify(await compileCatalog(dir)));
  return { dir, catalog };
}

describe('compiled catalog', () => {
  it('holds each article parsed, with its body as blocks', async () => {
    const compiled = await compileCatalog(BUNDLED_DIR);
    expect(compiled.format).toBe(CATALOG_FORMAT);
    const entry = compiled.articles['abe-putin'];
    expect(entry?.article.title).toMatch(/^Japan’s Abe hails/);
    expect(entry?.article.blocks?.[0]).toMatchObject({ kind: 'paragraph' });
  });

  it('refuses to compile an invalid article, so the build fails', async () => {
    await expect(compileCatalog(join(FIXTURES, 'broken'))).rejects.toThrow(/not a valid slug|front matter/);
  });

  it('is used for unchanged files and gives the same output as parsing', async () => {
    const { dir, catalog } = await compiledCopy();
    const folder = { path: dir, origin: 'bundled' as const, compiled: catalog };
    const { articles } = await loadArticles(scanFolders([folder]));
    expect(articles[0]?.blocks).toBeDefined();
    expect(articles[0]?.path).toBe(join(dir, 'abe-putin.md'));
    const fromCatalog = await runCli(['read', 'abe-putin'], { bundledDir: dir, catalog });
    const parsed = await runCli(['read', 'abe-putin'], { bundledDir: dir });
    expect(fromCatalog.stdout).toBe(parsed.stdout);
  });

  it('is ignored for a file edited after the build', async () => {
    const { dir, catalog } = await compiledCopy();
    writeFileSync(join(dir, 'abe-putin.md'), '---\ntitle: Edited since the build\n---\nNew text.\n');
    const { stdout } = await runCli(['list'], { bundledDir: dir, catalog });
    expect(stdout).toBe('abe-putin\t\tEdited since the build\n');
  });

  it.each([
    ['missing', undefined],
    ['not JSON', '{"format": '],
    ['another format', '{"format": "other", "articles": {}}'],
  ])('falls back to parsing when the catalog is %s', async (_what, text) => {
    const { dir, catalog } = await compiledCopy();
    if (text === undefined) writeFileSync(catalog, '');
    else writeFileSync(catalog, text);
    expect(readCompiledCatalog(catalog)).toBeUndefined();
    const { code, stdout } = await runCli(['list'], { bundledDir: dir, catalog });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^abe-putin\t2016-05-06\t/);
  });
});
