// The slug an imported article is saved under: its title in ASCII, else its address or file name, else its date.

import { isValidSlug } from '../article/slug.js';

/** Slugs longer than this are cut at a word: a file name is typed and completed, not read. */
export const MAX_SLUG_LENGTH = 80;

/**
 * Letters that Unicode decomposition (NFKD) leaves whole, written as ASCII the way the languages
 * that use them transliterate them: German ß, Danish and Norwegian æ ø, French œ, Polish ł,
 * Croatian đ, Icelandic þ ð, and a few more.
 */
const LETTERS: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  þ: 'th',
  Þ: 'TH',
  ħ: 'h',
  Ħ: 'H',
  ı: 'i',
  ŀ: 'l',
  Ŀ: 'L',
  ŋ: 'ng',
  Ŋ: 'NG',
  ŧ: 't',
  Ŧ: 'T',
  ĸ: 'k',
  ſ: 's',
};

interface Patterns {
  marks: RegExp;
  letters: RegExp;
  latin: RegExp;
}

let patterns: Patterns | undefined;

/** Built on first use: Unicode property classes cost start-up time to compile. */
function getPatterns(): Patterns {
  patterns ??= { marks: /\p{M}/gu, letters: /\p{L}/gu, latin: /\p{Script=Latin}/u };
  return patterns;
}

/** ASCII for Latin text: accents dropped (`Café` → `Cafe`), letters NFKD keeps written out (`ß` → `ss`). */
export function transliterate(text: string): string {
  return text
    .normalize('NFKD')
    .replace(getPatterns().marks, '')
    .replace(/[^\0-\x7f]/g, (char) => LETTERS[char] ?? char);
}

/**
 * `Café à Paris` → `cafe-a-paris`: ASCII, lower case, every run of other characters one dash,
 * at most MAX_SLUG_LENGTH characters cut at a dash. Empty when nothing Latin is left.
 */
export function slugify(text: string): string {
  let slug = transliterate(text)
    .toLowerCase()
    // An apostrophe inside a word joins it: `Japan’s` → `japans`, `l'été` → `lete`.
    .replace(/([a-z0-9])['’ʼ]+(?=[a-z0-9])/g, '$1')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const dash = cut.lastIndexOf('-');
    slug = (dash > MAX_SLUG_LENGTH / 2 ? cut.slice(0, dash) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
  }
  return slug;
}

/** Whether most of a title's letters are Latin: otherwise its slug would keep only its digits and loan words. */
function isMostlyLatin(text: string): boolean {
  const letters = text.match(getPatterns().letters) ?? [];
  if (letters.length === 0) return false;
  const latin = letters.filter((letter) => getPatterns().latin.test(letter)).length;
  return latin * 2 >= letters.length;
}

/** The last segment of an address's path, without its extension: `…/2016/05/abe-putin.html` → `abe-putin`. */
function lastPathSegment(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return '';
  }
  const segment =
    path
      .split('/')
      .filter((part) => part !== '')
      .at(-1) ?? '';
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Not valid percent-encoding: the segment as written.
  }
  return decoded.replace(/\.[a-z0-9]{1,5}$/i, '');
}

/** What a slug can be made of, best first. */
export interface SlugSources {
  title: string;
  url?: string | undefined;
  /** The source file's name. */
  fileName?: string | undefined;
  date?: string | undefined;
}

/**
 * The slug for an article: its title transliterated when the title is mostly Latin script, else the
 * last segment of its address, else its file name, else `article-<date>` (or `article`). Always
 * a valid slug (src/article/slug.ts).
 */
export function chooseSlug(sources: SlugSources): string {
  const candidates = [
    isMostlyLatin(sources.title) ? sources.title : '',
    sources.url === undefined ? '' : lastPathSegment(sources.url),
    sources.fileName?.replace(/\.[a-z0-9]{1,9}$/i, '') ?? '',
  ];
  for (const candidate of candidates) {
    const slug = slugify(candidate);
    // A slug of digits alone (`12345.html`, a page id) says nothing a reader can recognise.
    if (slug !== '' && /[a-z]/.test(slug) && isValidSlug(slug)) return slug;
  }
  return sources.date === undefined ? 'article' : `article-${sources.date}`;
}
