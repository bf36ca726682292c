import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMarkdownText, parseScrape, type ScrapedArticle } from '../../src/import/scrape.js';
import { BUNDLED_DIR, FIXTURES } from '../helpers.js';
import { readLiteralMarkdown } from './literal-markdown.js';

const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
const subheadsOf = (body: string) =>
  readLiteralMarkdown(body)
    .filter((block) => block.type === 'heading')
    .map((block) => block.text);

// The bundled article was transcribed by hand from the seed scrape. Its `source`, `agency` and
// `tags` are editorial additions that no general rule can read from the text; every other field a
// scrape can carry, and the body, must come out of the scrape exactly (body compared modulo white space).
describe('the seed scrape becomes the bundled article', () => {
  const article = parseScrape(fixture('seed/000_c66736c8276a510f.txt'));
  const [, frontMatter = '', expectedBody = ''] = readFileSync(join(BUNDLED_DIR, 'abe-putin.md'), 'utf8').split(
    /^---$/m,
  );

  it('has the front matter fields a scrape can hold', () => {
    expect(article.title).toBe('Japan’s Abe hails ‘breakthrough’ in island dispute at Putin talks: official');
    expect(frontMatter).toContain(`title: "${article.title}"`);
    expect(article.date).toBe('2016-05-06');
    expect(frontMatter).toContain(`date: ${article.date}`);
    expect(article.dateNote).toMatch(/the text says Friday.*read day-first/);
    expect(article.breadcrumb).toEqual(['Home', 'News']);
    expect(frontMatter).toContain('breadcrumb: [Home, News]');
    expect(article.section).toBe('News');
    expect(frontMatter).toContain('section: News');
    expect(article.banner).toEqual({
      title: 'Consular assistance in Russia',
      text: 'Russia is currently at war in Ukraine. Are you in Russia and need consular assistance? Find your country’s embassy in Russia on EmbassyPages.',
    });
    expect(frontMatter).toContain(`title: ${article.banner?.title}`);
    expect(frontMatter).toContain(`text: "${article.banner?.text}"`);
    expect(article.author).toBeUndefined();
  });

  it('has the article body, subheadings included', () => {
    expect(collapse(article.body)).toBe(collapse(expectedBody));
    expect(subheadsOf(article.body)).toEqual(['Symbol of warming ties', 'Lingering tensions']);
  });
});

type Expected = Partial<Omit<ScrapedArticle, 'body' | 'banner'>> & {
  /** `undefined` here means: no banner. */
  banner?: ScrapedArticle['banner'] | undefined;
  subheads?: string[];
  bodyStart?: string;
};

describe('synthetic scrapes, one per rule', () => {
  it.each<[string, Expected]>([
    [
      'us-order-weekday.txt',
      {
        title: 'Northvale council approves new harbour wall',
        breadcrumb: ['Home', 'News', 'Northvale'],
        section: 'Northvale',
        date: '2025-03-04',
        banner: {
          title: 'Road closures in Northvale',
          text: 'The harbour road is closed until further notice. Check the Example Times travel page before you set out.',
        },
        bodyStart: 'Councillors in Northvale voted on Tuesday',
      },
    ],
    [
      'glued-day-first.txt',
      {
        title: 'Northvale reservoir reopens after repairs',
        breadcrumb: ['Home', 'News'],
        date: '2025-03-04',
        banner: { title: 'Water notice', text: 'Boil tap water in the Northvale hills until further notice.' },
        bodyStart: 'The Northvale reservoir reopened today, Tuesday',
      },
    ],
    [
      'posted-byline.txt',
      {
        title: 'Fishing fleet returns to Northvale after record season',
        breadcrumb: ['Home', 'World', 'Northvale'],
        date: '2025-03-04',
        author: 'Jane Doe',
        dateline: 'Posted March 4, 2025 at 3:04 pm\nBy Jane Doe',
        bodyStart: 'The Northvale fishing fleet',
      },
    ],
    [
      'updated-slash.txt',
      { title: 'Example Bank opens branch in Northvale', breadcrumb: ['Home', 'Business'], date: '2025-03-04' },
    ],
    [
      'time-guillemet.txt',
      { title: 'Northvale Rovers win the Example Cup', breadcrumb: ['Home', 'Sport'], date: '2025-03-04' },
    ],
    [
      'pipe-byline-date.txt',
      // The last crumb, the headline cut with an ellipsis, names the page, not a section.
      {
        title: 'Northvale observatory finds a new comet',
        breadcrumb: ['Home', 'Science'],
        date: '2025-03-04',
        author: 'Jane Doe',
      },
    ],
    [
      'arrow-bare-date.txt',
      { title: 'Example Museum reopens in Northvale', breadcrumb: ['Home', 'Culture'], date: '2025-03-04' },
    ],
    [
      'no-weekday.txt',
      { title: 'Northvale library extends opening hours', breadcrumb: [], date: '2025-03-04', banner: undefined },
    ],
    [
      'notice-sentence.txt',
      {
        title: 'Northvale bridge opens to traffic',
        date: '2016-05-06',
        banner: { title: '', text: 'This article is more than five years old.' },
      },
    ],
    [
      'site-line.txt',
      // A lone short line above the headline may be a site name, a kicker or a notice title: body.
      {
        title: 'Northvale lighthouse keeper retires',
        banner: undefined,
        bodyStart: 'Example Times\n\nThe last keeper',
      },
    ],
    [
      'subheads.txt',
      {
        title: 'Storm season ends in Northvale',
        subheads: ['Lingering damage', 'What comes next', 'Insurance claims'],
      },
    ],
    [
      'hard-wrapped.txt',
      {
        title: 'Northvale ferry returns',
        bodyStart: 'The Northvale ferry made its first crossing of the year on Tuesday morning, carrying',
      },
    ],
    ['paragraphs-only.txt', { title: '', breadcrumb: [], bodyStart: 'The Northvale choir sang' }],
    [
      'kicker-byline.txt',
      // Byline and date below the headline; a site name and a kicker above it are no notice: body.
      {
        title: 'Why Northvale needs its pier',
        author: 'Ada Quill',
        date: '2016-05-06',
        banner: undefined,
        bodyStart: 'Example Times\n\nOpinion\n\nThe pier is',
      },
    ],
    [
      'single-newlines.txt',
      // No blank lines; the breadcrumb's last crumb is the headline, shown again below it.
      {
        title: 'Northvale votes to rebuild pier',
        breadcrumb: ['Home', 'News'],
        date: '2016-05-06',
        subheads: ['Funding'],
        bodyStart: 'The council in Northvale voted on Friday',
      },
    ],
  ])('%s', (name, expected) => {
    const article = parseScrape(fixture(`scrapes/${name}`));
    const { subheads, bodyStart, banner, ...fields } = expected;
    expect(article).toMatchObject(fields);
    if ('banner' in expected) expect(article.banner).toEqual(banner);
    if (subheads) expect(subheadsOf(article.body)).toEqual(subheads);
    if (bodyStart) expect(article.body.startsWith(bodyStart)).toBe(true);
  });

  it('notes why an ambiguous date was read as it was', () => {
    expect(parseScrape(fixture('scrapes/us-order-weekday.txt')).dateNote).toMatch(/Tuesday.*month-first/);
    expect(parseScrape(fixture('scrapes/no-weekday.txt')).dateNote).toMatch(/^assumed day-first/);
    expect(parseScrape(fixture('scrapes/updated-slash.txt')).dateNote).toBe('the page gives only an updated date');
  });

  it('tells subheadings from short sentences, runs of short lines and a last line', () => {
    const blocks = readLiteralMarkdown(parseScrape(fixture('scrapes/subheads.txt')).body);
    const typeOf = (text: string) => blocks.find((block) => block.text === text)?.type;
    expect(typeOf('Lingering damage')).toBe('heading');
    expect(typeOf('Insurance claims')).toBe('heading');
    expect(typeOf('It rained.')).toBe('paragraph');
    expect(typeOf('Quiet streets')).toBe('paragraph');
    expect(typeOf('Fish market')).toBe('paragraph');
    expect(typeOf('Photo by Ada Quill')).toBe('paragraph');
  });

  it('writes lists and keeps every look-alike of Markdown syntax literal', () => {
    const body = parseScrape(fixture('scrapes/lists.txt')).body;
    expect(body).toContain('- roads and bridges\n- schools\n- the harbour');
    expect(body).toContain('* Roads get the largest share of new money.\n* Schools get new roofs.');
    expect(body).toContain('1. Repair the eastern quay.\n2. Reopen the ferry.\n3. Plant trees along the river.');
    const blocks = readLiteralMarkdown(body);
    expect(blocks.filter((block) => block.type === 'list')).toHaveLength(3);
    expect(blocks.filter((block) => block.type === 'heading')).toEqual([]);
    expect(blocks.map((block) => block.text)).toEqual(
      expect.arrayContaining([
        '1. The first of these is the most expensive, the treasurer said.',
        '# is the number of projects, not a heading.',
        '> is how the council minutes mark a quotation.',
        '- this line starts with a hyphen but is not a list.',
        '* neither is this one.',
        '+ nor this.',
        '===',
        '---',
        'Councillors use *stars*, _underscores_ and `backticks` in their notes.',
        'The minutes link [here](https://example.com) and use <b>tags</b> and a backslash \\ too.',
        '| Item | Cost |',
        'AT&amp;T is not in Northvale; &#169; Example Times.',
      ]),
    );
  });
});

describe('escapeMarkdownText', () => {
  it.each([
    ['# not a heading', '\\# not a heading'],
    ['#hashtag stays', '#hashtag stays'],
    ['> not a quote', '\\> not a quote'],
    ['1. not a list', '1\\. not a list'],
    ['2) not a list', '2\\) not a list'],
    ['1.5 million', '1.5 million'],
    ['- not a list', '\\- not a list'],
    ['+ not a list', '\\+ not a list'],
    ['* not a list', '\\* not a list'],
    ['---', '\\---'],
    ['===', '\\==='],
    ['***', '\\*\\*\\*'],
    ['*emphasis* and **strong**', '\\*emphasis\\* and \\*\\*strong\\*\\*'],
    ['_emphasis_ but snake_case and @handle_name', '\\_emphasis\\_ but snake_case and @handle_name'],
    ['`code` and ```fences```', '\\`code\\` and \\`\\`\\`fences\\`\\`\\`'],
    ['[link](https://example.com)', '\\[link](https://example.com)'],
    ['![image](x.png)', '!\\[image](x.png)'],
    ['<b>bold</b> and a < b', '\\<b>bold\\</b> and a < b'],
    ['<!-- comment -->', '\\<!-- comment -->'],
    ['<jane@example.com> and <#x@example.com>', '\\<jane@example.com> and \\<#x@example.com>'],
    ['a | b | c', 'a \\| b \\| c'],
    ['C:\\path and \\*', 'C:\\\\path and \\\\\\*'],
    ['~~struck~~', '\\~\\~struck\\~\\~'],
    ['AT&amp;T &#169; & more', 'AT\\&amp;T \\&#169; & more'],
    ['    indented', 'indented'],
    ['line one\n# line two\n\n===', 'line one\n\\# line two\n\\==='],
    ['Plain text, nothing to escape.', 'Plain text, nothing to escape.'],
  ])('%j → %j', (text, escaped) => {
    expect(escapeMarkdownText(text)).toBe(escaped);
  });

  it('property: marked reads the result as one paragraph of exactly the text', () => {
    const piece = fc.constantFrom(
      ...'#>-+*_=`~[]()!<>/\\|&;:.)1234567890 abcXYZé\n\t'.split(''),
      '1.',
      '2)',
      '---',
      '===',
      '```',
      '~~~',
      '<b>',
      '</div>',
      '<!--',
      '&amp;',
      '&#169;',
      '&#x41;',
      '[x](y)',
      '[x]: /url',
      '@',
      'jane@example.com',
      'jane_@example.com',
      'HTTP://EXAMPLE.COM/*x*',
      'www.*',
      '<https://example.com>',
      '<jane@example.com>',
      'mailto:jane@example.com',
      '  \n',
      '\u00a0',
      '“',
      '…',
      '1\\.',
      '**',
      '__',
      'www.example.com',
      'https://example.com/a_b',
      'snake_case',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((pieces) => pieces.join('')),
        (text) => {
          const blocks = readLiteralMarkdown(escapeMarkdownText(text));
          const expected = collapse(text);
          if (expected === '') expect(blocks).toEqual([]);
          else expect(blocks).toEqual([{ type: 'paragraph', text: expected }]);
        },
      ),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 2000) },
    );
  }, 300_000);
});

/** Runs of letters and digits: what "no word is dropped" counts. */
const wordsOf = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

function isSubsequence(part: string[], whole: string[]): boolean {
  let at = 0;
  for (const word of whole) if (word === part[at]) at++;
  return at === part.length;
}

describe('property: a scrape loses no word and its body is literal text', () => {
  const line = fc.oneof(
    fc.constantFrom(
      'Home › News › Northvale',
      'Home / News',
      'Home News Northvale votes',
      'Northvale votes',
      'Published on 06/05/2016',
      'Updated: 2016-05-06',
      'By Jane Doe, May 6, 2016',
      'By Jane Doe',
      'May 6, 2016',
      'Water notice',
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
    fc.string({ maxLength: 60 }),
    fc
      .array(fc.constantFrom('Northvale', 'the', 'harbour', 'said', '*', '_', '#', '1.', '[x]', '<b>', 'Friday', '–'), {
        minLength: 1,
        maxLength: 14,
      })
      .map((words) => words.join(' ')),
  );
  const scrape = fc
    .array(fc.tuple(line, fc.constantFrom('\n', '\n\n', '\n\n\n')), { maxLength: 24 })
    .map((lines) => lines.map(([text, end]) => text + end).join(''));

  it('every input word is in a field; body words keep their order; the body is literal', () => {
    fc.assert(
      fc.property(scrape, (text) => {
        const article = parseScrape(text);
        const fields = [
          article.title,
          article.banner?.title ?? '',
          article.banner?.text ?? '',
          ...article.breadcrumb,
          article.dateline ?? '',
          article.body,
        ];
        const kept = new Set(wordsOf(fields.join('\n')));
        for (const word of wordsOf(text)) expect(kept.has(word), word).toBe(true);
        expect(isSubsequence(wordsOf(article.body), wordsOf(text))).toBe(true);
        expect(() => readLiteralMarkdown(article.body)).not.toThrow();
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 1500) },
    );
  }, 300_000);
});

describe('long scrapes', () => {
  it('reads a text of 200,000 lines without overflowing the stack', () => {
    const text = Array.from({ length: 200_000 }, (_, index) => `Line number ${index} of a long text.`).join('\n');
    expect(parseScrape(text).body.length).toBeGreaterThan(text.length);
  });
});
