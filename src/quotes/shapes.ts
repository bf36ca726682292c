// Quoted text that is not speech by its shape alone: addresses, paths, identifiers, titles of works.

/** Small words a title leaves in lowercase: "Buses for a Growing City". */
const TITLE_SMALL_WORDS = new Set(
  'a an the and or nor but for of in on at to by with from as into onto per via vs up off out over so yet'.split(' '),
);

/**
 * A URL, a file path or a single identifier-like token: “https://…”, “config/signin.json”,
 * “--flag”, “redirect_strict”, “catalogue.toml”. One plain word (“reset”), a hyphenated word
 * (“self-service”) or a number is not code: those are left to the scare-quote rule.
 */
export function isCodeLike(quote: string): boolean {
  const text = quote.trim().replace(/[.,;:!?…]+$/, '');
  if (text === '') return false;
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|www\.|mailto:|\/\/)\S/i.test(text)) return true;
  if (/\s/.test(text)) return false;
  return /[/\\_=<>{}[\]@#$%^&*|~`]|^-|[^\s.]\.[A-Za-z0-9]/.test(text);
}

/**
 * A title of a work or a name in Title Case: “Measuring What Flows”, “Testing With Five Users”.
 * At least two words that are not small words, and every word capitalised but the small ones.
 * A sentence of speech is in sentence case, so it never looks like this.
 */
export function isTitleCase(quote: string): boolean {
  let capitalised = 0;
  for (const word of quote.split(/[\s—–]+/)) {
    const letters = word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
    if (letters === '') continue;
    if (/^\p{Lu}|^\p{N}/u.test(letters)) {
      if (!/^\p{N}+$/u.test(letters)) capitalised += 1;
    } else if (!TITLE_SMALL_WORDS.has(letters.toLowerCase())) {
      return false;
    }
  }
  return capitalised >= 2;
}
