// Property tests for search: queries are literal text, snippets are safe and fit, the best passage is the best.

import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/article/article.js';
import { loadBodyLibraries, parseBodyWith } from '../../src/article/markdown.js';
import { libraryOfArticles } from '../../src/library/indexed.js';
import { snippetOf } from '../../src/render/snippet.js';
import { createMetrics } from '../../src/render/width.js';
import { bestPassage, highlightPatterns } from '../../src/search/passage.js';
import { type Term, termPattern, wordForms } from '../../src/search/query.js';
import { searchLibrary } from '../../src/search/search.js';
import { parse, plainParagraph, plainWord, UNSAFE_OUTPUT } from '../arbitraries.js';

const exact = createMetrics(stringWidth);
/** Every library a body may need, loaded once, so the properties can parse synchronously. */
const libraries = await loadBodyLibraries();

/** Searches articles as `news search` does, each hit with its snippet cut to `cells` cells. */
function search(articles: readonly Article[], query: string, cells: number) {
  // A folder holds each slug once: number the articles, which all share the slug 'prop'.
  const library = libraryOfArticles(
    articles.map((article, index) => ({
      article: { ...article, slug: `${article.slug}-${index}` },
      blocks: parseBodyWith(article.body, libraries),
    })),
  );
  return searchLibrary(library, query, {}, Number.POSITIVE_INFINITY, Math.floor((cells * 2) / 3)).map((hit) => ({
    ...hit,
    ...snippetOf(hit, cells, exact),
  }));
}

const REGEX_METACHARACTERS = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '*',
  '+',
  '?',
  '.',
  '^',
  '$',
  '|',
  '\\',
  '/',
  '-',
  '.*',
  '\\d',
  '(?<x>',
  '\\p{L}',
  '\\u{',
];

const queryCharacter = fc.oneof(
  fc.constantFrom(...REGEX_METACHARACTERS, '"', '“', '”', ' ', '\t'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code)),
  fc.stringMatching(/^[a-zA-Z]$/),
);

const query = fc.array(queryCharacter, { maxLength: 20 }).map((characters) => characters.join(''));

/**
 * A query word that survives into the searchable text unchanged: no whitespace (it would split
 * the query), no quote (it would start a phrase), nothing the sanitiser rewrites.
 */
const literalWord = fc
  .array(
    fc.oneof(
      fc.constantFrom(...REGEX_METACHARACTERS, '&#27;', '&amp;', '*', '_', '`', '<b>', '#', '>'),
      fc.stringMatching(/^[a-zA-Z0-9]{1,4}$/),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 2 }),
    ),
    { minLength: 1, maxLength: 6 },
  )
  .map((pieces) => pieces.join(''))
  .filter(
    (text) =>
      !/[\s"“”]/u.test(text) &&
      !UNSAFE_OUTPUT.test(text) &&
      !/[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u.test(text),
  );

const other = parse('---\ntitle: Other\n---\n\nNothing to see here, only ordinary words.\n');

describe('searchLibrary', () => {
  it('never throws, whatever the query', () => {
    const hostile = parse('# Title (with [brackets] and *stars*)\n\nA body with .* and \\ and $ and ^ in it.\n');
    fc.assert(
      fc.property(query, fc.integer({ min: 1, max: 200 }), (text, cells) => {
        const hits = search([hostile, other], text, cells);
        expect(Array.isArray(hits)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('treats regular-expression syntax as literal text', () => {
    // `other` holds none of these characters where a match could start; as patterns, `.*` or `[^]` would match it.
    const metaQuery = fc
      .array(
        fc.constantFrom('(', ')', '[', ']', '{', '}', '*', '+', '?', '.', '^', '$', '|', '\\', '.*', '[^]', '(?:', ' '),
        {
          minLength: 1,
          maxLength: 8,
        },
      )
      .map((pieces) => pieces.join(''));
    fc.assert(
      fc.property(metaQuery, (text) => {
        expect(search([other], text, 100)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  /** Plain words, then what stands right before the wanted word, the wanted word, more words; and a snippet width. */
  const snippetCase = fc.tuple(
    fc.array(plainWord, { maxLength: 40 }).map((list) => list.join(' ')),
    // A space, or symbols that are not letters, so the wanted word still starts a match.
    fc.constantFrom(' ', ' ', ' 😀😀😀😀😀😀😀', ' 🇯🇵🇯🇵🇯🇵', ' ——'),
    fc.oneof(plainWord, fc.stringMatching(/^[a-z]{13,60}$/)),
    fc.array(plainWord, { maxLength: 40 }).map((list) => list.join(' ')),
    fc.integer({ min: 10, max: 120 }),
  );

  /** The one hit for `wanted`, in an article whose only paragraph is `before + joint + wanted + ' ' + after`. */
  function snippetFor([before, joint, wanted, after, cells]: [string, string, string, string, number]): string {
    const article = parse(`---\ntitle: Target\n---\n\n${before}${joint}${wanted} ${after}\n`);
    const hits = search([article], wanted, cells);
    expect(hits).toHaveLength(1);
    return hits[0]?.snippet ?? '';
  }

  it('keeps every snippet within snippetCells cells', () => {
    fc.assert(
      fc.property(snippetCase, (input) => {
        const snippet = snippetFor(input);
        expect(stringWidth(snippet), snippet).toBeLessThanOrEqual(input[4]);
      }),
      {
        numRuns: 200,
        // Counterexamples found before, always tried first: a wide word, and a word with text on both sides.
        examples: [
          [['', ' ', 'ｆｕｌｌｗｉｄｔｈ', 'a', 10]],
          [['Putin a a Putin a a aaa', ' ', 'aaaaaaaaaaaa', 'a', 13]],
        ],
      },
    );
  });

  it('never splits a character in a snippet', () => {
    fc.assert(
      fc.property(snippetCase, (input) => {
        expect(snippetFor(input), 'a lone surrogate').not.toMatch(/[\ud800-\udfff]/u);
      }),
      { numRuns: 200, examples: [[['a', ' 😀😀😀😀😀😀😀', 'zzz', 'a', 10]]] },
    );
  });

  it('shows the matched word in the snippet whenever it fits', () => {
    fc.assert(
      fc.property(snippetCase, (input) => {
        const [, , wanted, , cells] = input;
        fc.pre(/^[a-z]+$/.test(wanted) && wanted.length <= cells - 2);
        // Matching ignores case, so an earlier "Straße" is a fine hit for "s".
        expect(snippetFor(input).toLowerCase()).toContain(wanted);
      }),
      {
        numRuns: 200,
        examples: [[['aaaaa', ' ', 'bbbbbbbbbbbbbb', 'a', 20]], [['Straße', ' ——', 's', '', 10]]],
      },
    );
  });

  it('finds an article whose body holds the query word literally', () => {
    fc.assert(
      fc.property(literalWord, plainParagraph, fc.integer({ min: 10, max: 200 }), (wanted, filler, cells) => {
        // Query syntax is not literal: a leading -, a trailing *, OR, and title:/tag:/source:/section:.
        fc.pre(!/^-|.\*$|^OR$|^(?:title|tag|source|section):/i.test(wanted));
        // A fenced code block keeps the word verbatim: Markdown would otherwise eat `*`, `\` and `[`.
        const article = parse(`---\ntitle: Target\n---\n\n${filler}\n\n\`\`\`\nsee ${wanted} here\n\`\`\`\n`);
        const hits = search([other, article], wanted, cells);
        expect(hits.map((hit) => hit.article.title)).toContain('Target');
      }),
      // A titlecase letter is neither its lower nor its upper case (caseless() once forgot it).
      { numRuns: 300, examples: [['ǲ(0', 'a', 10]] },
    );
  });
});

describe('bestPassage', () => {
  const words = ['treaty', 'Treaties', 'peace', 'PEACE', 'treat', 'talks', 'talk', 'Putin', 'putin’s', 'isle'];
  const paragraph = fc
    .array(fc.constantFrom(...words, 'and', 'the', '—'), { maxLength: 30 })
    .map((list) => list.join(' '));
  const query = fc.array(fc.constantFrom('treaty', 'peace', 'talks', 'putin', 'treat*', '"peace treaty"'), {
    minLength: 1,
    maxLength: 3,
  });

  it('picks what running every pattern over every paragraph picks, despite skipping paragraphs', () => {
    fc.assert(
      fc.property(
        fc.array(paragraph, { maxLength: 8 }),
        query,
        fc.integer({ min: 5, max: 80 }),
        (texts, terms, reach) => {
          const highlights = highlightPatterns(terms.join(' '));
          const exhaustive = highlights.map(({ pattern }) => ({ pattern, needle: undefined }));
          expect(bestPassage(texts, highlights, reach)).toEqual(bestPassage(texts, exhaustive, reach));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('termPattern', () => {
  /** The pattern as a regular expression with lookarounds and the 'i' flag: what termPattern must equal. */
  function reference(term: Term): RegExp {
    const quote = (text: string) => text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    const words = term.text.split(' ');
    const last = words.length - 1;
    const wholeWord = !term.prefix && /[\p{L}\p{N}]$/u.test(term.text);
    const forms = wholeWord ? wordForms(words[last] ?? '') : [words[last] ?? ''];
    const head = words.slice(0, last).map(quote).join('\\s+');
    const tail = `(?:${forms.map(quote).join('|')})`;
    const body = head === '' ? tail : `${head}\\s+${tail}`;
    const end = wholeWord ? "(?:s|es|['’]s)?(?![\\p{L}\\p{N}])" : '';
    return new RegExp(`(?<![\\p{L}\\p{N}])${body}${end}`, 'giu');
  }

  function matches(pattern: RegExp, text: string): [number, string][] {
    const out: [number, string][] = [];
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
      out.push([match.index, match[0]]);
      if (match[0].length === 0) pattern.lastIndex += 1;
    }
    return out;
  }

  const letters = ['a', 'E', 's', 'S', 'y', 'i', 'e', 'T', 'é', 'Ω', 'ω', '1', "'", '’', ' ', '.', '-', '\n'];
  const text = fc
    .array(fc.constantFrom(...letters, 'ies', 'es', 'ty', 'Tie'), { maxLength: 40 })
    .map((parts) => parts.join(''));
  const word = fc
    .array(fc.constantFrom('a', 'e', 's', 'y', 'i', 't', 'é', 'ω', '1', 'ie', 'ies'), { minLength: 1, maxLength: 5 })
    .map((parts) => parts.join(''));
  const term = fc.record({
    text: fc.oneof(
      word,
      fc.tuple(word, word).map(([a, b]) => `${a} ${b}`),
      word.map((w) => `${w}.`),
    ),
    prefix: fc.boolean(),
  });

  it('finds exactly what the lookaround pattern with the i flag finds', () => {
    fc.assert(
      fc.property(term, text, (t, sample) => {
        expect(matches(termPattern(t), sample)).toEqual(matches(reference(t), sample));
      }),
      { numRuns: 2000 },
    );
  });
});
