// Speaker phrases and attributions in a sentence: who said, told, called or described what.

import { isJoined, type Sentence, type Token } from './sentences.js';
import {
  DETERMINERS,
  FUNCTION_WORDS,
  MAX_PHRASE_WORDS,
  NAMING_VERBS,
  PRONOUNS,
  ROLE_WORDS,
  SPEECH_VERBS,
  VERB_MODIFIERS,
} from './vocabulary.js';

type WordKind = 'determiner' | 'name' | 'role' | 'stop';

function isPossessive(word: Token): boolean {
  return /['’]s$/.test(word.text);
}

export function stripPossessive(lower: string): string {
  return lower.replace(/['’]s$/, '');
}

/** How a word can take part in a speaker phrase such as "Russia’s government newspaper the Rossiiskaya Gazeta". */
export function classifyWord(word: Token): WordKind {
  if (DETERMINERS.has(word.lower)) return 'determiner';
  if (FUNCTION_WORDS.has(word.lower) || PRONOUNS.has(word.lower)) return 'stop';
  if (ROLE_WORDS.has(stripPossessive(word.lower))) return 'role';
  return /^\p{Lu}/u.test(word.text) ? 'name' : 'stop';
}

export function isNameWord(word: Token): boolean {
  return classifyWord(word) === 'name' && !isPossessive(word);
}

/** A phrase can speak when it is a pronoun, or ends in a name or a role: "Kawamura", "the Russian leader". */
function isSpeakerPhrase(words: readonly Token[]): boolean {
  const last = words.at(-1);
  if (!last) return false;
  if (words.length === 1 && PRONOUNS.has(last.lower)) return true;
  return isNameWord(last) || classifyWord(last) === 'role';
}

/**
 * The noun phrase ending at tokens[last], read leftwards: names, roles and possessives, stopping at
 * a determiner unless a role precedes it (the apposition "newspaper the Rossiiskaya Gazeta").
 */
export function scanPhraseBackward(frame: string, tokens: readonly Token[], last: number): Token[] {
  const words: Token[] = [];
  for (let j = last; j >= 0 && words.length < MAX_PHRASE_WORDS; j -= 1) {
    const word = tokens[j];
    const right = words[0];
    if (!word || (right && !isJoined(frame, word, right))) break;
    const kind = classifyWord(word);
    if (kind === 'stop') break;
    words.unshift(word);
    if (kind === 'determiner') {
      const left = tokens[j - 1];
      if (!left || !isJoined(frame, left, word) || classifyWord(left) !== 'role') break;
    }
  }
  return words;
}

/**
 * The subject of the verb at tokens[verb]: "Kawamura said", "the Russian leader added",
 * "Japanese Foreign Minister Fumio Kishida saying". Adverbs and auxiliaries in between are skipped.
 */
function scanSubject(frame: string, tokens: readonly Token[], verb: number): Token[] | null {
  let right = tokens[verb];
  let j = verb - 1;
  for (let word = tokens[j]; word && right && isJoined(frame, word, right); word = tokens[j]) {
    if (!VERB_MODIFIERS.has(word.lower) && !/^[a-z]+ly$/.test(word.text)) break;
    right = word;
    j -= 1;
  }
  const first = tokens[j];
  if (!first || !right) return null;
  if (/^,\s+$/.test(frame.slice(first.end, right.start))) return scanAsideSubject(frame, tokens, j);
  if (!isJoined(frame, first, right)) return null;
  if (PRONOUNS.has(first.lower)) return [first];
  const words = scanPhraseBackward(frame, tokens, j);
  return isSpeakerPhrase(words) ? words : null;
}

/**
 * The subject of "X, aside, said", where tokens[last] ends the aside. The aside is the speaker when
 * it is a name ("The minister, Alma Tester, said"); otherwise X is ("Tester, 54, said", "Tester,
 * who flew in Monday, said", "he, however, said").
 */
function scanAsideSubject(frame: string, tokens: readonly Token[], last: number): Token[] | null {
  let open = last;
  for (; open > 0 && last - open < MAX_PHRASE_WORDS; open -= 1) {
    const left = tokens[open - 1];
    const word = tokens[open];
    if (!left || !word) return null;
    const gap = frame.slice(left.end, word.start);
    if (/^,\s+$/.test(gap)) break;
    if (!/^\s+$/.test(gap)) return null;
  }
  const before = tokens[open - 1];
  if (!before || last - open >= MAX_PHRASE_WORDS) return null;
  const aside = tokens.slice(open, last + 1);
  const asideEnd = aside.at(-1);
  if (asideEnd && isNameWord(asideEnd) && aside.every((word) => classifyWord(word) !== 'stop')) return aside;
  if (PRONOUNS.has(before.lower)) return [before];
  const words = scanPhraseBackward(frame, tokens, open - 1);
  return isSpeakerPhrase(words) ? words : null;
}

/**
 * The noun phrase starting at tokens[from], read rightwards: the speaker of "said the government
 * newspaper" or "according to Tester". With `agents`, "sources quoted by Kyodo" reads on past "by".
 */
function scanPhraseForward(frame: string, tokens: readonly Token[], from: number, agents: boolean): Token[] | null {
  const words: Token[] = [];
  for (let j = from; j < tokens.length && words.length < MAX_PHRASE_WORDS; j += 1) {
    const word = tokens[j];
    const left = tokens[j - 1];
    if (!word || !left || !isJoined(frame, left, word)) break;
    const kind = classifyWord(word);
    const previous = words.at(-1);
    const agent = tokens[j + 1];
    if (kind === 'name' || kind === 'role') {
      words.push(word);
    } else if (kind === 'determiner' && (!previous || previous.lower === 'by' || classifyWord(previous) === 'role')) {
      words.push(word);
    } else if (agents && previous && (word.lower === 'quoted' || word.lower === 'cited') && agent?.lower === 'by') {
      words.push(word, agent);
      j += 1;
    } else {
      break;
    }
  }
  while (words.length > 0 && !isSpeakerPhrase(words)) words.pop();
  return words.length > 0 ? words : null;
}

export interface Attribution {
  /** Offsets in the frame covered by the speaker phrase and its verb, whichever comes first. */
  start: number;
  end: number;
  words: Token[];
  /** A naming verb (called, described as): binds only a quotation right after it. */
  naming: boolean;
}

/** True when the verb directly follows a quotation: “…,” said Tester. */
function followsQuote(frame: string, verb: Token): boolean {
  return /\uE000[\s,]*$/.test(frame.slice(Math.max(0, verb.start - 4), verb.start));
}

/**
 * "X said" / "said X" (only straight after a quotation, where the order inverts). A speech verb
 * whose speaker cannot be read still claims the quotations near it, with no words, so they are
 * not handed to an attribution farther away: in "Police said a man shouted “…”" the man spoke,
 * not the police. A participle with no subject is the exception: "Tester said …, adding “…”"
 * continues the sentence's speaker.
 */
function readSpeechVerb(frame: string, tokens: readonly Token[], k: number, verb: Token): Attribution | null {
  const subject = scanSubject(frame, tokens, k);
  if (subject?.[0]) return { start: subject[0].start, end: verb.end, words: subject, naming: false };
  const object = followsQuote(frame, verb) ? scanPhraseForward(frame, tokens, k + 1, false) : null;
  const last = object?.at(-1);
  if (object && last) return { start: verb.start, end: last.end, words: object, naming: false };
  return verb.text.endsWith('ing') ? null : { start: verb.start, end: verb.end, words: [], naming: false };
}

/** "according to X": the speaker follows. */
function readAccordingTo(frame: string, tokens: readonly Token[], k: number, verb: Token): Attribution | null {
  const to = tokens[k + 1];
  if (to?.lower !== 'to' || !isJoined(frame, verb, to)) return null;
  const object = scanPhraseForward(frame, tokens, k + 2, true);
  const last = object?.at(-1);
  return object && last ? { start: verb.start, end: last.end, words: object, naming: false } : null;
}

/** "Tester was quoted as saying" (speaker before) or "the agency quoted Tester as saying" (after). */
function readQuotedAsSaying(frame: string, tokens: readonly Token[], k: number, verb: Token): Attribution | null {
  const asSaying = (at: number): Token | null =>
    tokens[at]?.lower === 'as' && tokens[at + 1]?.lower === 'saying' ? (tokens[at + 1] ?? null) : null;
  const passiveEnd = asSaying(k + 1);
  const subject = passiveEnd ? scanSubject(frame, tokens, k) : null;
  if (passiveEnd && subject?.[0]) {
    return { start: subject[0].start, end: passiveEnd.end, words: subject, naming: false };
  }
  const object = scanPhraseForward(frame, tokens, k + 1, false);
  const activeEnd = object ? asSaying(k + 1 + object.length) : null;
  return object && activeEnd ? { start: verb.start, end: activeEnd.end, words: object, naming: false } : null;
}

/** "Abe called …" / "Abe described the talks as …": the attribution ends where the quote must start. */
function readNamingVerb(frame: string, tokens: readonly Token[], k: number, verb: Token): Attribution | null {
  const subject = scanSubject(frame, tokens, k);
  if (!subject?.[0]) return null;
  let end = verb.end;
  if (verb.lower.startsWith('describ')) {
    const as = tokens.slice(k + 1, k + 5).find((token) => token.lower === 'as');
    if (!as) return null;
    end = as.end;
  }
  return { start: subject[0].start, end, words: subject, naming: true };
}

function readAttribution(frame: string, tokens: readonly Token[], k: number): Attribution | null {
  const verb = tokens[k];
  if (!verb) return null;
  if (verb.text === 'according') return readAccordingTo(frame, tokens, k, verb);
  if (verb.text === 'quoted') return readQuotedAsSaying(frame, tokens, k, verb);
  if (SPEECH_VERBS.has(verb.text)) return readSpeechVerb(frame, tokens, k, verb);
  if (NAMING_VERBS.has(verb.text)) return readNamingVerb(frame, tokens, k, verb);
  return null;
}

/** Every attribution in a sentence, in reading order. */
export function findAttributions(frame: string, sentence: Sentence): Attribution[] {
  const found: Attribution[] = [];
  for (let k = 0; k < sentence.tokens.length; k += 1) {
    const attribution = readAttribution(frame, sentence.tokens, k);
    if (attribution) found.push(attribution);
  }
  return found;
}
