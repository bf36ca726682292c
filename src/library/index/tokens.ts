// Pure: how text becomes index keys, and which keys a query word stands for.
//
// A token is a run of letters and digits, lower-cased: the same notion of a word as the query
// language's whole-word match, so "Putin's" holds the token "putin" and "U.S." the tokens "u", "s".

import { wordRuns } from '../../article/wordchars.js';
import { wordForms } from '../../search/query.js';

/** The tokens of `text` in order. */
export function tokenize(text: string): string[] {
  // Lower-casing once, then cutting, is several times faster than lower-casing word by word.
  return wordRuns(text.toLowerCase());
}

/**
 * The tokens a whole query word matches, as the query language promises: its light plural forms
 * ("treaty" finds "treaties", "sanctions" finds "sanction"), each also with a trailing s or es.
 */
export function wordKeys(word: string): string[] {
  const keys = new Set<string>();
  for (const form of wordForms(word)) {
    keys.add(form);
    keys.add(`${form}s`);
    keys.add(`${form}es`);
  }
  return [...keys];
}
