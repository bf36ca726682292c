// Speaker phrases and attributions in a sentence: who said, told, called or described what.

import { frameWords, isJoined, type Sentence, type Token } from './sentences.js';
import {
  ADJACENT_VERBS,
  CONJUNCTIONS,
  DETERMINERS,
  FUNCTION_WORDS,
  MAX_ASIDE_WORDS,
  MAX_PHRASE_WORDS,
  NAMING_VERBS,
  PASSIVE_AUXILIARIES,
  PHRASAL_VERBS,
  PREPOSITIONS,
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
  word.kind ??= readWordKind(word);
  return word.kind;
}

function readWordKind(word: Token): WordKind {
  if (word.initial) return 'name';
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

/** Lowercase words a description may put between its determiner and its role: "a veteran regional tram depot planning leader". */
const MAX_MODIFIERS = 6;

/**
 * The determiner that opens a description such as "the national weather agency": a few
 * lowercase words, joined, left of tokens[first]. Its index, or -1.
 */
function findDescriptionStart(frame: string, tokens: readonly Token[], first: number): number {
  for (let j = first - 1; j >= Math.max(0, first - MAX_MODIFIERS - 1); j -= 1) {
    const word = tokens[j];
    const right = tokens[j + 1];
    if (!word || !right || !isJoined(frame, word, right)) return -1;
    if (DETERMINERS.has(word.lower)) return j;
    // Lowercase modifiers, possessives included: "the council's statement".
    if (!/^[a-z][a-z-]*(?:['’]s)?$/.test(word.text) || FUNCTION_WORDS.has(word.lower) || PRONOUNS.has(word.lower)) {
      return -1;
    }
  }
  return -1;
}

/**
 * The noun phrase ending at tokens[last], read leftwards: names, roles and possessives, stopping at
 * a determiner unless a role precedes it (the apposition "newspaper the Rossiiskaya Gazeta"). A
 * description whose head is a role keeps its lowercase modifiers back to its determiner ("the
 * national weather agency") and reads on through a preposition to a role before it ("a spokeswoman
 * for the regional water authority").
 */
export function scanPhraseBackward(frame: string, tokens: readonly Token[], last: number): Token[] {
  const words: Token[] = [];
  for (let j = last; j >= 0 && words.length < MAX_PHRASE_WORDS; j -= 1) {
    const word = tokens[j];
    const right = words[0];
    if (!word || (right && !isJoined(frame, word, right))) break;
    let kind = classifyWord(word);
    if (kind === 'stop') {
      const start = words.every((known) => classifyWord(known) === 'role')
        ? findDescriptionStart(frame, tokens, j + 1)
        : -1;
      if (start < 0 || words.length === 0) break;
      words.unshift(...tokens.slice(start, j + 1));
      j = start;
      kind = 'determiner';
    } else {
      words.unshift(word);
    }
    if (kind === 'determiner') {
      const left = tokens[j - 1];
      if (!left || !isJoined(frame, left, tokens[j] as Token)) break;
      if (classifyWord(left) === 'role') continue;
      const role = tokens[j - 2];
      if (!PREPOSITIONS.has(left.lower) || !role || !isJoined(frame, role, left) || classifyWord(role) !== 'role')
        break;
      words.unshift(left);
      j -= 1;
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
  return scanSubjectPhrase(frame, tokens, j) ?? scanDescriptionBackward(frame, tokens, j);
}

/** A lowercase word that can head a description: "janitor" in "the janitor said". */
function isCommonNoun(word: Token | undefined): boolean {
  return (
    word !== undefined &&
    /^[a-z][a-z-]*$/.test(word.text) &&
    classifyWord(word) === 'stop' &&
    !FUNCTION_WORDS.has(word.lower) &&
    !VERB_MODIFIERS.has(word.lower)
  );
}

/**
 * A description of someone nobody has named, ending at tokens[last] before a verb: "the janitor
 * responded", "a man in the crowd shouted", "one driver on the night shift said". It must open
 * with a determiner; after a preposition, so must the description it belongs to, or it is no
 * subject: "somebody in the crowd shouted" names nobody.
 */
function scanDescriptionBackward(frame: string, tokens: readonly Token[], last: number): Token[] | null {
  if (!isCommonNoun(tokens[last])) return null;
  const start = findDescriptionStart(frame, tokens, last);
  const determiner = tokens[start];
  if (start < 0 || !determiner) return null;
  const preposition = tokens[start - 1];
  if (!preposition || !PREPOSITIONS.has(preposition.lower) || !isJoined(frame, preposition, determiner)) {
    return tokens.slice(start, last + 1);
  }
  const headEnd = start - 2;
  const head = tokens[headEnd];
  if (!head || !isJoined(frame, head, preposition)) return tokens.slice(start, last + 1);
  const headStart = isCommonNoun(head) ? findDescriptionStart(frame, tokens, headEnd) : -1;
  if (headStart >= 0) return tokens.slice(headStart, last + 1);
  const roles = scanPhraseBackward(frame, tokens, headEnd);
  return isSpeakerPhrase(roles) ? [...roles, ...tokens.slice(start - 1, last + 1)] : null;
}

/**
 * The same after a verb that follows a quotation: "“…,” said the janitor." A determiner and one
 * or two lowercase words that end the clause; "said the report released today" is no speaker.
 */
function scanDescriptionForward(frame: string, tokens: readonly Token[], from: number): Token[] | null {
  const determiner = tokens[from];
  if (!determiner || !DETERMINERS.has(determiner.lower)) return null;
  let end = from;
  for (let j = from + 1; j <= from + 2; j += 1) {
    const word = tokens[j];
    const left = tokens[j - 1];
    if (!word || !left || !isJoined(frame, left, word) || !isCommonNoun(word) || /(?:ed|ing)$/.test(word.lower)) break;
    end = j;
  }
  const last = tokens[end];
  const next = tokens[end + 1];
  if (end === from || !last) return null;
  const clauseEnds = !next || !isJoined(frame, last, next) || FUNCTION_WORDS.has(next.lower);
  return clauseEnds ? tokens.slice(from, end + 1) : null;
}

/**
 * The speaker phrase ending at tokens[last], read as the subject of a verb. A phrase that is the
 * object of a preposition after another speaker phrase is not the subject itself: in "Lena
 * Marchetti of the Benefits Agency said" the speaker is the person before "of"; in "the
 * University of Northvale said", the whole description; in "with Alma Tester saying", Alma
 * Tester. A description cut short ("… tram depot planning leader said" with its determiner out
 * of reach) is no subject either: "leader" alone would name nobody.
 */
function scanSubjectPhrase(frame: string, tokens: readonly Token[], last: number): Token[] | null {
  const words = scanPhraseBackward(frame, tokens, last);
  const first = words[0];
  if (!first || !isSpeakerPhrase(words)) return null;
  const before = tokens[last - words.length];
  if (!before || !isJoined(frame, before, first)) return words;
  if (PREPOSITIONS.has(before.lower)) {
    const headEnd = last - words.length - 1;
    const head = scanPhraseBackward(frame, tokens, headEnd);
    const headLast = head.at(-1);
    // "with Minister Alma Tester saying": no head before the preposition, the phrase is the subject.
    if (!headLast || !isSpeakerPhrase(head) || !isJoined(frame, headLast, before)) return words;
    // "Analyst for Rider Outreach at NTO notes": a title's chain of prepositions, no subject in reach.
    const headBefore = tokens[headEnd - head.length];
    const head0 = head[0] as Token;
    if (headBefore && PREPOSITIONS.has(headBefore.lower) && isJoined(frame, headBefore, head0)) return null;
    return isNameWord(headLast) && head0.lower !== 'the' ? head : [...head, before, ...words];
  }
  const cutShort =
    /^[a-z]/.test(first.text) &&
    classifyWord(first) === 'role' &&
    !words.some(isNameWord) &&
    /^[a-z][a-z-]*$/.test(before.text) &&
    !FUNCTION_WORDS.has(before.lower) &&
    !PRONOUNS.has(before.lower);
  return cutShort ? null : words;
}

/**
 * The subject of "X, aside, said", where tokens[last] ends the aside. The aside is the speaker when
 * it is a name ("The minister, Alma Tester, said"); otherwise X is ("Tester, 54, said", "Tester,
 * who flew in Monday, said", "he, however, said", "Tester, an editor with the Northvale Transit
 * Office of the City of Northvale, said").
 */
function scanAsideSubject(frame: string, tokens: readonly Token[], last: number): Token[] | null {
  let open = last;
  for (; open > 0 && last - open < MAX_ASIDE_WORDS; open -= 1) {
    const left = tokens[open - 1];
    const word = tokens[open];
    if (!left || !word) return null;
    const gap = frame.slice(left.end, word.start);
    if (/^,\s+$/.test(gap)) break;
    if (!/^\s+$/.test(gap)) return null;
  }
  const before = tokens[open - 1];
  if (!before || last - open >= MAX_ASIDE_WORDS) return null;
  const aside = tokens.slice(open, last + 1);
  const asideEnd = aside.at(-1);
  if (asideEnd && isNameWord(asideEnd) && aside.every((word) => classifyWord(word) !== 'stop')) return aside;
  // "X, of the Office, and co-lead of the group, added": one aside of several; X is out of reach.
  if (CONJUNCTIONS.has(aside[0]?.lower ?? '')) return null;
  if (PRONOUNS.has(before.lower)) return [before];
  return scanSubjectPhrase(frame, tokens, open - 1);
}

/** A lowercase word before a role, as in "said summit chair Ines Dorfmann": up to three such words. */
function isRoleModifier(tokens: readonly Token[], j: number): boolean {
  for (let k = j; k < j + 4; k += 1) {
    const word = tokens[k];
    if (!word || FUNCTION_WORDS.has(word.lower) || PRONOUNS.has(word.lower)) return false;
    const kind = classifyWord(word);
    if (kind === 'role') return k > j;
    if (kind !== 'stop' || !/^[a-z][a-z-]*$/.test(word.text)) return false;
  }
  return false;
}

/**
 * The noun phrase starting at tokens[from], read rightwards: the speaker of "said the government
 * newspaper" or "according to Tester". With `agents`, "sources quoted by Kyodo" reads on past "by".
 * The phrase must be joined to the word before it (the verb), unless `free` (after a dash).
 */
function scanPhraseForward(
  frame: string,
  tokens: readonly Token[],
  from: number,
  agents: boolean,
  free = false,
): Token[] | null {
  const words: Token[] = [];
  for (let j = from; j < tokens.length && words.length < MAX_PHRASE_WORDS; j += 1) {
    const word = tokens[j];
    const left = tokens[j - 1];
    if (!word || ((!free || j > from) && (!left || !isJoined(frame, left, word)))) break;
    const kind = classifyWord(word);
    const previous = words.at(-1);
    const agent = tokens[j + 1];
    if (kind === 'name' || kind === 'role' || isRoleModifier(tokens, j)) {
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
  /** A verb that reports speech only against a quotation (shared, posted): binds only one next to it. */
  adjacent: boolean;
}

function attribution(start: number, end: number, words: Token[], kind?: 'naming' | 'adjacent'): Attribution {
  return { start, end, words, naming: kind === 'naming', adjacent: kind === 'adjacent' };
}

/** True when the verb directly follows a quotation: “…,” said Tester. */
function followsQuote(frame: string, verb: Token): boolean {
  return /\uE000[\s,]*$/.test(frame.slice(Math.max(0, verb.start - 4), verb.start));
}

/**
 * The subject of a participle that opens a clause after a comma and a verb at the sentence's
 * start: "Mensah-Hart agreed, adding …", "She nodded, saying …".
 */
function scanClauseSubject(frame: string, tokens: readonly Token[], k: number): Token[] | null {
  const verb = tokens[k - 1];
  const participle = tokens[k];
  if (!verb || !participle || !/^,\s+$/.test(frame.slice(verb.end, participle.start))) return null;
  if (!/^[a-z]+$/.test(verb.text) || FUNCTION_WORDS.has(verb.lower) || classifyWord(verb) !== 'stop') return null;
  const subjectEnd = tokens[k - 2];
  if (!subjectEnd || !isJoined(frame, subjectEnd, verb)) return null;
  const words = k === 2 && PRONOUNS.has(subjectEnd.lower) ? [subjectEnd] : scanPhraseBackward(frame, tokens, k - 2);
  return words[0] === tokens[0] && isSpeakerPhrase(words) ? words : null;
}

/**
 * "X said" / "said X" (only straight after a quotation, where the order inverts). A speech verb
 * whose speaker cannot be read still claims the quotations near it, with no words, so they are
 * not handed to an attribution farther away: in "Police said a man shouted “…”" the man spoke,
 * not the police. A participle with no subject is the exception: "Tester said …, adding “…”"
 * continues the sentence's speaker, and "Tester agreed, adding “…”" takes the clause's.
 */
function readSpeechVerb(frame: string, tokens: readonly Token[], k: number, verb: Token): Attribution | null {
  const participle = verb.text.endsWith('ing');
  const subject = scanSubject(frame, tokens, k) ?? (participle ? scanClauseSubject(frame, tokens, k) : null);
  if (subject?.[0]) return attribution(subject[0].start, verb.end, subject);
  const after = followsQuote(frame, verb);
  const object = after
    ? (scanPhraseForward(frame, tokens, k + 1, false) ?? scanDescriptionForward(frame, tokens, k + 1))
    : null;
  const last = object?.at(-1);
  if (object && last) return attribution(verb.start, last.end, object);
  return participle ? null : attribution(verb.start, verb.end, []);
}

/**
 * "“…,” Tester shared" or "Tester posted: “…”": like a speech verb, but never claiming with no
 * speaker. Followed by "that", the verb reports speech wherever the quotation stands: "Tester
 * shared that the pilot was “…”".
 */
function readAdjacentVerb(frame: string, tokens: readonly Token[], k: number, verb: Token): Attribution | null {
  const found = readSpeechVerb(frame, tokens, k, verb);
  if (!found || found.words.length === 0) return null;
  const that = tokens[k + 1];
  return that?.lower === 'that' && isJoined(frame, verb, that) ? found : { ...found, adjacent: true };
}

/** "according to X": the speaker follows. */
function readAccordingTo(frame: string, tokens: readonly Token[], k: number, verb: Token): Attribution | null {
  const to = tokens[k + 1];
  if (to?.lower !== 'to' || !isJoined(frame, verb, to)) return null;
  const object = scanPhraseForward(frame, tokens, k + 2, true);
  const last = object?.at(-1);
  return object && last ? attribution(verb.start, last.end, object) : null;
}

/** "Tester was quoted as saying" (speaker before) or "the agency quoted Tester as saying" (after). */
function readQuotedAsSaying(frame: string, tokens: readonly Token[], k: number, verb: Token): Attribution | null {
  const asSaying = (at: number): Token | null =>
    tokens[at]?.lower === 'as' && tokens[at + 1]?.lower === 'saying' ? (tokens[at + 1] ?? null) : null;
  const passiveEnd = asSaying(k + 1);
  const subject = passiveEnd ? scanSubject(frame, tokens, k) : null;
  if (passiveEnd && subject?.[0]) return attribution(subject[0].start, passiveEnd.end, subject);
  const object = scanPhraseForward(frame, tokens, k + 1, false);
  const activeEnd = object ? asSaying(k + 1 + object.length) : null;
  return object && activeEnd ? attribution(verb.start, activeEnd.end, object) : null;
}

/**
 * "Abe called …" / "Abe described the talks as …": the attribution ends where the quote must
 * start. In the passive ("the idea has been called a “pilot”") the subject is what was named.
 */
function readNamingVerb(frame: string, tokens: readonly Token[], k: number, verb: Token): Attribution | null {
  const auxiliary = tokens[k - 1];
  if (auxiliary && PASSIVE_AUXILIARIES.has(auxiliary.lower) && isJoined(frame, auxiliary, verb)) return null;
  const subject = scanSubject(frame, tokens, k);
  if (!subject?.[0]) return null;
  let end = verb.end;
  if (verb.lower.startsWith('describ')) {
    const as = tokens.slice(k + 1, k + 5).find((token) => token.lower === 'as');
    if (!as) return null;
    end = as.end;
  }
  return attribution(subject[0].start, end, subject, 'naming');
}

/** Whether a quotation's mask stands in frame[from, to): most words follow none, and need no more look. */
function hasMask(frame: string, from: number, to: number): boolean {
  for (let i = from; i < to; i += 1) if (frame.charCodeAt(i) === 0xe000) return true;
  return false;
}

/**
 * A name after a dash straight after a quotation: “…” – Mara Velden (a pull quote or an
 * epigraph). The name must end the sentence or run into a comma: “…” – Velden, director of ….
 * A hyphen counts only with spaces around it, so “smart”-city is no attribution.
 */
function readDashAttribution(frame: string, sentence: Sentence, k: number): Attribution | null {
  const word = sentence.tokens[k];
  const before = sentence.tokens[k - 1];
  if (!word) return null;
  const from = Math.max(before?.end ?? sentence.start, word.start - 8);
  if (!hasMask(frame, from, word.start)) return null;
  const lead = frame.slice(from, word.start);
  const dash = /\uE000(?:\s*[—–―]\s*|\s+--?\s+)$/.exec(lead);
  if (!dash) return null;
  const words = scanPhraseForward(frame, sentence.tokens, k, false, true);
  const last = words?.at(-1);
  if (!words || !last || !endsCitation(frame.slice(last.end, sentence.end), last)) return null;
  return attribution(word.start - lead.length + dash.index + 1, last.end, words);
}

/**
 * Whether what follows a cited name lets it stand alone: nothing, a comma or a bracket before a
 * description, or, after a name (not a role), words about the quotation: "— Jun Okafor on audits".
 */
function endsCitation(after: string, last: Token): boolean {
  return /^\s*(?:[,(.;]|$)/.test(after) || (isNameWord(last) && /^\s+[a-z]/.test(after));
}

/** "in the words of X": the speaker follows, as after "according to". */
function readInTheWordsOf(frame: string, tokens: readonly Token[], k: number): Attribution | null {
  const [inWord, the, words, of] = [tokens[k - 2], tokens[k - 1], tokens[k], tokens[k + 1]];
  if (inWord?.lower !== 'in' || the?.lower !== 'the' || of?.lower !== 'of' || !words) return null;
  if (!isJoined(frame, inWord, the) || !isJoined(frame, the, words) || !isJoined(frame, words, of)) return null;
  const object = scanPhraseForward(frame, tokens, k + 2, false);
  const last = object?.at(-1);
  return object && last ? attribution(inWord.start, last.end, object) : null;
}

/** "as noted by X", "stated by X": a speech verb in the passive, its speaker after "by". */
function readPassiveSpeech(frame: string, tokens: readonly Token[], k: number, verb: Token): Attribution | null {
  const by = tokens[k + 1];
  if (by?.lower !== 'by' || !isJoined(frame, verb, by)) return null;
  const object = scanPhraseForward(frame, tokens, k + 2, false);
  const last = object?.at(-1);
  return object && last ? attribution(verb.start, last.end, object) : null;
}

/**
 * "X points out" and "as X put it": a verb that reports speech only with its particle. Like a
 * verb next to a quotation, it never claims with no speaker.
 */
function readPhrasalVerb(frame: string, tokens: readonly Token[], k: number, verb: Token): Attribution | null {
  const particle = tokens[k + 1];
  const wanted = PHRASAL_VERBS.get(verb.text);
  if (!wanted || particle?.lower !== wanted || !isJoined(frame, verb, particle)) return null;
  const subject = scanSubject(frame, tokens, k);
  return subject?.[0] ? attribution(subject[0].start, particle.end, subject) : null;
}

function readAttribution(frame: string, tokens: readonly Token[], k: number): Attribution | null {
  const verb = tokens[k];
  if (!verb) return null;
  if (verb.text === 'according') return readAccordingTo(frame, tokens, k, verb);
  if (verb.text === 'words') return readInTheWordsOf(frame, tokens, k);
  if (verb.text === 'quoted') return readQuotedAsSaying(frame, tokens, k, verb);
  if (PHRASAL_VERBS.has(verb.text)) return readPhrasalVerb(frame, tokens, k, verb);
  if (SPEECH_VERBS.has(verb.text) && tokens[k + 1]?.lower === 'by') return readPassiveSpeech(frame, tokens, k, verb);
  if (SPEECH_VERBS.has(verb.text)) return readSpeechVerb(frame, tokens, k, verb);
  if (ADJACENT_VERBS.has(verb.text)) return readAdjacentVerb(frame, tokens, k, verb);
  if (NAMING_VERBS.has(verb.text)) return readNamingVerb(frame, tokens, k, verb);
  return null;
}

/** Every attribution in a sentence, in reading order. */
export function findAttributions(frame: string, sentence: Sentence): Attribution[] {
  const found: Attribution[] = [];
  for (let k = 0; k < sentence.tokens.length; k += 1) {
    const read = readAttribution(frame, sentence.tokens, k) ?? readDashAttribution(frame, sentence, k);
    if (read) found.push(read);
  }
  return found;
}

/**
 * The speaker of an interview answer: a name alone before a colon that opens the paragraph and
 * a quotation right after it ("Okafor: “We start with the tasks …”"). Only names, at most four
 * words; the caller decides whether the name is one the article has introduced.
 */
export function findLeadingSpeaker(frame: string, sentence: Sentence): Attribution | null {
  const words: Token[] = [];
  for (const token of sentence.tokens) {
    const last = words.at(-1);
    if (words.length === 4 || (last && !isJoined(frame, last, token)) || !isNameWord(token)) break;
    words.push(token);
  }
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last || frame.slice(0, first.start).trim() !== '') return null;
  const colon = /^\s*:\s*\uE000/.exec(frame.slice(last.end, sentence.end));
  return colon ? attribution(first.start, last.end + colon[0].length - 1, words) : null;
}

/**
 * The speaker a citation line names ("Jun Okafor, accessibility lead, Northvale Digital Office"):
 * the phrase it opens with, standing alone (endsCitation).
 */
export function readCitationSpeaker(citation: string): Token[] | null {
  const tokens = frameWords(citation);
  const words = scanPhraseForward(citation, tokens, 0, false, true);
  const last = words?.at(-1);
  return words && last && endsCitation(citation.slice(last.end), last) ? words : null;
}
