// Pure: how text becomes index keys.
//
// A token is a run of letters and digits, lower-cased: the same notion of a word as the query
// language's whole-word match (search/match.ts), so "Putin's" holds the token "putin" and "U.S." the tokens "u", "s".

import { wordRuns } from '../../article/wordchars.js';

/** The tokens of `text` in order. */
export function indexTokens(text: string): string[] {
  // Lower-casing once, then cutting, is several times faster than lower-casing word by word.
  return wordRuns(text.toLowerCase());
}
