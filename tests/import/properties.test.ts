// The import promise users rely on: any text imported — as a text scrape, or as Markdown body text —
// and then read gives back its words, in order. Each case goes the whole way: the article file is
// written as `news import` writes it, read back as news reads files, and its body laid out in blocks.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDateline } from '../../src/article/dates.js';
import { parseBody } from '../../src/article/markdown.js';
import { type Block, blocksToParagraphs } from '../../src/article/model.js';
import { loadAndParseArticle } from '../../src/article/parse.js';
import { sanitizeText } from '../../src/article/sanitize.js';
import { draftOfScrape } from '../../src/import/convert.js';
import { type ArticleDraft, formatArticleFile } from '../../src/import/draft.js';
import { escapeMarkdownText } from '../../src/import/scrape.js';

/** Runs of letters and digits: what "no word is lost" counts. */
const wordsOf = (text: string) => sanitizeText(text).match(/[\p{L}\p{N}]+/gu) ?? [];

function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let at = 0;
  for (const word of whole) if (word === part[at]) at++;
  return at === part.length;
}

/** The body's text as a reader sees it: an ordered list's numbers included, as the layout shows them. */
function readerText(blocks: readonly Block[]): string {
  return blocks
    .map((block) => {
      if (block.kind === 'list') {
        return block.items
          .map((item, index) => `${block.ordered ? `${block.start + index}. ` : ''}${readerText(item)}`)
          .join('\n');
      }
      if (block.kind === 'quote') return readerText(block.blocks);
      return blocksToParagraphs([block])
        .map((paragraph) => paragraph.text)
        .join('\n');
    })
    .join('\n');
}

/** The draft written as `news import` writes it, then read back as `news read` reads it. */
async function roundTrip(draft: ArticleDraft) {
  const file = formatArticleFile(draft, { imported: '2025-03-04T10:00:00.000Z', fileName: 'source.txt' });
  const article = await loadAndParseArticle(file, 'source', 'source.md');
  return { article, body: readerText(await parseBody(article.body)) };
}

/** Pieces of text that look like Markdown, HTML, entities, front matter or page chrome. */
const piece = fc.constantFrom(
  ...'#>-+*_=`~[]()!<>/\\|&;:.)1234567890 abcXYZé\n'.split(''),
  '\n\n',
  '1.',
  '2)',
  '---',
  '+++',
  '===',
  '```',
  '<b>',
  '</div>',
  '<!--',
  '&amp;',
  '&#169;',
  '[x](y)',
  '[x]: /url',
  '![alt](img.png)',
  'https://example.com/a_b',
  'snake_case',
  '**',
  '“',
  '…',
  'Northvale',
  'Friday',
  'title: x',
  '- item',
  '> quote',
  '| a | b |',
);
const text = fc
  .array(fc.oneof(piece, fc.string({ maxLength: 12 })), { maxLength: 60 })
  .map((pieces) => pieces.join(''));

describe('property: imported text reads back with every word in order', () => {
  it('as Markdown body text: exactly its words', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (source) => {
        const body = source
          .split(/\n[ \t]*\n/)
          .map(escapeMarkdownText)
          .filter((paragraph) => paragraph !== '')
          .join('\n\n');
        const { body: read } = await roundTrip({ title: 'Property', tags: [], breadcrumb: [], body, notes: [] });
        expect(wordsOf(read)).toEqual(wordsOf(source));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  const line = fc.oneof(
    fc.constantFrom(
      'Consular assistance in Northvale',
      'Ferries are running late. Check before you travel.',
      'Home › News › Northvale',
      'Home News Northvale votes',
      'Northvale votes',
      'Published on 06/05/2016',
      'Updated: 2016-05-06',
      'By Jane Doe, May 6, 2016',
      'By Jane Doe',
      'The council met on Friday and voted.',
      '– Lingering tensions –',
      'Short heading',
      '• one',
      '1. first',
      '2. second',
      '# hash',
      '> quote',
      '| a | b |',
      '---',
      'ends with colon:',
    ),
    text.map((value) => value.replace(/\n+/g, ' ')),
  );
  const scrape = fc
    .array(fc.tuple(line, fc.constantFrom('\n', '\n\n')), { maxLength: 20 })
    .map((lines) => lines.map(([value, end]) => value + end).join(''));

  it('as a text scrape: the body in order, and every word in a field (datelines and bylines aside)', async () => {
    await fc.assert(
      fc.asyncProperty(scrape, async (source) => {
        const { article, body } = await roundTrip(draftOfScrape(source));
        const fields = [
          article.banner?.title ?? '',
          article.banner?.text ?? '',
          ...article.breadcrumb,
          article.title === 'source' ? '' : article.title,
          body,
        ];
        const kept = new Set(wordsOf(fields.join('\n')));
        const header = (value: string) => findDateline(value) !== undefined || /^by\s/i.test(value.trim());
        const words = source
          .split('\n')
          .filter((value) => !header(value))
          .flatMap(wordsOf);
        for (const word of words) expect(kept.has(word), word).toBe(true);
        expect(isSubsequence(wordsOf(body), wordsOf(source))).toBe(true);
      }),
      {
        numRuns: 300,
        // A title that decodes as an entity (fixed: `&` written as `&amp;`); an ordered list's numbers;
        // a breadcrumb whose steps differ only in case (fixed: read back as a path, not merged as tags).
        examples: [
          ['&amp;\n'],
          ['1. first\n"|#\nConsular assistance in Northvale\n2. second\n'],
          ['A| a | b |!\nConsular assistance in Northvale\n'],
        ],
      },
    );
  }, 120_000);
});
