// Pure: an article body → the direct quotations in it and who said them, for `news quotes`.
//
// The rules follow how news copy is written, and lean towards precision: a quotation whose
// speaker cannot be read off the sentence is reported with speaker null rather than guessed.
//
//   1. Quote marks delimit quotations (findQuoteSpans). Everything inside them is hidden while the
//      rest of the paragraph, the "frame", is read, so words inside a quote never attribute it.
//   2. The frame is cut into sentences (splitSentences); attribution never crosses a sentence.
//   3. In each sentence, speech verbs (said, told, according to, …) and naming verbs (called,
//      described as, …) are found together with their speaker phrase (findAttributions).
//   4. Each quotation takes the attribution that fits it best (pickAttribution).
//   5. Speaker phrases are resolved to the fullest name the article has given so far
//      (resolveSpeaker): pronouns, surnames, and descriptions such as "the Russian leader".
//   6. A quotation left open at a paragraph's end and continued in the next is one quotation
//      for attribution: all its paragraphs share the speaker (settleChain).
//   7. One- and two-word quotations are kept only when attributed (SCARE_QUOTE_MAX_WORDS).

import { type Block, blocksToParagraphs } from '../article/model.js';

export interface Quotation {
  /** Who said it, as the fullest name the article gives; null when the article does not say. */
  speaker: string | null;
  /** The words between the quote marks exactly as written, marks left out, so it can be grepped. */
  quote: string;
  /** 1-based index among the body paragraphs (blocksToParagraphs order, headings excluded). */
  paragraph: number;
}

// ---------------------------------------------------------------------------------------------
// Vocabulary. Small closed lists: news attribution uses a few dozen verbs and role nouns.

/** A word list written as one string, so the lists below read as lists. */
function wordList(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter((word) => word !== ''));
}

/** Verbs that report speech. Lowercase only, so "States" in "United States" is never a verb. */
const SPEECH_VERBS = wordList(`
  said says say saying told tells telling added adds adding insisted insists insisting stated
  explained explains explaining noted noting asked asks asking warned warns warning replied
  responded declared stressed argued claimed wrote writes recalled admitted acknowledged conceded
  cautioned remarked tweeted vowed urged shouted yelled chanted
`);

/**
 * Verbs that attach someone's words to a thing rather than report a speech: "in what Abe called
 * “a frank exchange”". They only count when the quotation follows them directly.
 */
const NAMING_VERBS = wordList(`
  called calls calling dubbed termed branded labelled labeled described describes describing
`);

/** Nouns naming an organisation: a speaker with one of these as its head is "it", not "he". */
const ORGANISATION_NOUNS = wordList(`
  newspaper paper daily weekly agency news government ministry company office police army military
  broadcaster network channel group embassy party bank union department cabinet parliament court
  council committee kremlin
`);

/** Words that describe a speaker's role, in either case: "Prime Minister", "press secretary". */
const ROLE_WORDS = new Set([
  ...ORGANISATION_NOUNS,
  ...wordList(`
    president prime minister foreign secretary press spokesman spokeswoman spokesperson chancellor
    king queen prince princess emperor premier leader leaders general senator governor mayor
    chairman chairwoman chief deputy vice ambassador envoy director commissioner officer executive
    head defence defense finance interior trade official officials source sources diplomat diplomats
    analyst analysts expert experts lawmaker lawmakers adviser advisor aide professor senior former
    mr mrs ms miss dr sir dame lord lady
  `),
]);

/** Role words that belong to a person, not an organisation: they split "Prime Minister Shinzo Abe". */
const PERSONAL_ROLES = new Set([...ROLE_WORDS].filter((word) => !ORGANISATION_NOUNS.has(word)));

/** Different words for the same job, so "the spokesman" finds a "press secretary". */
const TITLE_SYNONYMS: [RegExp, string][] = [[/\b(?:spokesman|spokeswoman|press secretary)$/, 'spokesperson']];

/** Forms of address: part of how a person is named, never a title worth remembering. */
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady']);

/** Titles a bare "leader" can stand for: "the Russian leader" is its president or prime minister. */
const LEADER_TITLES = ['president', 'prime minister', 'premier', 'chancellor', 'king', 'queen', 'emperor', 'leader'];

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this']);

const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);

/**
 * Words that end a speaker phrase even when capitalised at the start of a sentence ("While …",
 * "In April …"). Weekdays and months are here so "said Tester Tuesday" stops at Tester; "May" is
 * left out because it is also a surname.
 */
const FUNCTION_WORDS = wordList(`
  and but or nor so yet while whereas though although because since as if when where after before
  until unless despite in on at by for from with without to of into over under about against
  between during through both either neither there here then also meanwhile however still even
  what which who whom whose that these those such many some most all each every no not only just
  yesterday today tonight tomorrow monday tuesday wednesday thursday friday saturday sunday
  january february march april june july august september october november december
`);

/** Words that may sit between a speaker and the verb: "Kawamura also said", "she has warned". */
const VERB_MODIFIERS = wordList(`
  also later then again once earlier had has have was were is are been would will did does
`);

/** Abbreviations whose period does not end a sentence: "Mr. Tester said". */
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'capt', 'prof']);

/** Demonyms and short forms that no shared prefix links to their country. */
const COUNTRY_ALIASES: Record<string, string> = {
  us: 'america',
  'u.s': 'america',
  american: 'america',
  uk: 'britain',
  'u.k': 'britain',
  british: 'britain',
  french: 'france',
  dutch: 'netherlands',
  swiss: 'switzerland',
};

/** A speaker phrase longer than this is a clause, not a name with its titles. */
const MAX_PHRASE_WORDS = 10;

/**
 * Quotations of one or two words are usually scare quotes (‘breakthrough’, “reform”), not speech.
 * They count only when a speech verb in the same sentence attributes them — “move forward”,
 * Lavrov said — and are dropped otherwise, rather than reported as unattributed.
 */
const SCARE_QUOTE_MAX_WORDS = 2;

/** Longer than any gap allowed between two words of a phrase, or a quote and its attribution. */
const MAX_GAP = 12;

/** Stands in for quoted text in the frame: not a letter, not a space, not sentence punctuation. */
const MASK = '\uE000';

const WORD = /[\p{L}\p{N}](?:[\p{L}\p{N}’'.-]*[\p{L}\p{N}])?/gu;

// ---------------------------------------------------------------------------------------------
// 1. Quote marks

interface QuoteSpan {
  /** Index of the opening mark. */
  start: number;
  /** Index just past the closing mark; the paragraph's end when the quote runs on. */
  end: number;
  text: string;
  closed: boolean;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** A double quote, curly or straight. Left unclosed, it runs to the paragraph's end. */
function readDoubleQuote(text: string, start: number): QuoteSpan {
  const close = text.indexOf(text[start] === '“' ? '”' : '"', start + 1);
  if (close === -1) return { start, end: text.length, text: text.slice(start + 1).trimEnd(), closed: false };
  return { start, end: close + 1, text: text.slice(start + 1, close), closed: true };
}

/** ’ closes a single quote when it ends a word: ’ between two letters is an apostrophe (Russia’s). */
function isClosingSingleQuote(text: string, i: number): boolean {
  return text[i] === '’' && !isWordChar(text[i + 1]) && !/\s/.test(text[i - 1] ?? ' ');
}

/** Index of the last ’ that can close a single quote, or -1; lets unpaired ‘ fail without a scan. */
function findLastSingleCloser(text: string): number {
  for (let i = text.lastIndexOf('’'); i >= 0; i = text.lastIndexOf('’', i - 1)) {
    if (isClosingSingleQuote(text, i)) return i;
  }
  return -1;
}

/**
 * A curly single quote, or null when it does not pair up before the next ‘ (single quotes do not
 * nest, so “the ‘90s … a ‘reset’” pairs only the second). Straight single quotes are not read at
 * all: in plain text they are far more often apostrophes (Japan's, leaders') than quote marks.
 */
function readSingleQuote(text: string, start: number, lastCloser: number): QuoteSpan | null {
  if (isWordChar(text[start - 1]) || lastCloser < start + 2) return null;
  let close = start + 2;
  while (!isClosingSingleQuote(text, close)) {
    if (text[close] === '‘') return null;
    close += 1;
  }
  return { start, end: close + 1, text: text.slice(start + 1, close), closed: true };
}

/**
 * The top-level quoted stretches of a paragraph. A quote inside a quote belongs to the outer one.
 * A double quote left open runs to the paragraph's end: news style leaves the closing mark off
 * when a quotation continues into the next paragraph.
 */
function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const lastCloser = findLastSingleCloser(text);
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    const span =
      char === '“' || char === '"'
        ? readDoubleQuote(text, i)
        : char === '‘'
          ? readSingleQuote(text, i, lastCloser)
          : null;
    if (span) {
      spans.push(span);
      i = span.end;
    } else {
      i += 1;
    }
  }
  return spans;
}

/** The paragraph with every quotation, marks included, overwritten by MASK; offsets are unchanged. */
function maskQuotes(text: string, spans: readonly QuoteSpan[]): string {
  let frame = '';
  let at = 0;
  for (const span of spans) {
    frame += text.slice(at, span.start) + MASK.repeat(span.end - span.start);
    at = span.end;
  }
  return frame + text.slice(at);
}

// ---------------------------------------------------------------------------------------------
// 2. Words and sentences of the frame

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

function tokenize(frame: string): Token[] {
  return Array.from(frame.matchAll(WORD), (match) => ({
    text: match[0],
    lower: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

function isAbbreviation(word: string): boolean {
  const lower = word.toLowerCase();
  return ABBREVIATIONS.has(lower) || lower.includes('.') || /^\p{Lu}$/u.test(word);
}

/** True when two words belong to one phrase: only spaces between them, or the period of "Mr.". */
function isJoined(frame: string, left: Token, right: Token): boolean {
  if (right.start - left.end > MAX_GAP) return false;
  const gap = frame.slice(left.end, right.start);
  return /^\s+$/.test(gap) || (/^\.\s+$/.test(gap) && isAbbreviation(left.text));
}

interface Sentence {
  start: number;
  end: number;
  tokens: Token[];
}

const SENTENCE_END = /[.!?]+(?=\s+[\p{Lu}\p{N}\uE000])/gu;

/**
 * Cuts the frame after . ! ? followed by a capital, a digit or a quotation, except after an
 * abbreviation or an initial. Quoted text is masked, so a period inside a quote never cuts. A
 * quotation that itself ends with a period ends its sentence too: “We agreed.” Tester left.
 * One ending with ? or ! does not, because “Why?” Tester asked. is the standard form.
 */
function splitSentences(frame: string, spans: readonly QuoteSpan[], tokens: readonly Token[]): Sentence[] {
  const cuts = new Set<number>();
  for (const match of frame.matchAll(SENTENCE_END)) {
    const before = /[\p{L}.]+$/u.exec(frame.slice(Math.max(0, match.index - 12), match.index));
    if (match[0] === '.' && before && isAbbreviation(before[0])) continue;
    cuts.add(match.index + match[0].length);
  }
  for (const span of spans) {
    const next = /\s+[\p{Lu}\p{N}\uE000]/uy;
    next.lastIndex = span.end;
    if (span.closed && span.text.trimEnd().endsWith('.') && next.test(frame)) cuts.add(span.end);
  }
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), frame.length];
  const sentences: Sentence[] = [];
  let t = 0;
  for (let i = 0; i + 1 < bounds.length; i += 1) {
    const start = bounds[i] ?? 0;
    const end = bounds[i + 1] ?? frame.length;
    const inside: Token[] = [];
    for (let token = tokens[t]; token && token.start < end; token = tokens[++t]) inside.push(token);
    sentences.push({ start, end, tokens: inside });
  }
  return sentences;
}

// ---------------------------------------------------------------------------------------------
// 3. Speaker phrases and attributions

type WordKind = 'determiner' | 'name' | 'role' | 'stop';

function isPossessive(word: Token): boolean {
  return /['’]s$/.test(word.text);
}

function stripPossessive(lower: string): string {
  return lower.replace(/['’]s$/, '');
}

/** How a word can take part in a speaker phrase such as "Russia’s government newspaper the Rossiiskaya Gazeta". */
function classifyWord(word: Token): WordKind {
  if (DETERMINERS.has(word.lower)) return 'determiner';
  if (FUNCTION_WORDS.has(word.lower) || PRONOUNS.has(word.lower)) return 'stop';
  if (ROLE_WORDS.has(stripPossessive(word.lower))) return 'role';
  return /^\p{Lu}/u.test(word.text) ? 'name' : 'stop';
}

function isNameWord(word: Token): boolean {
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
function scanPhraseBackward(frame: string, tokens: readonly Token[], last: number): Token[] {
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

interface Attribution {
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
function findAttributions(frame: string, sentence: Sentence): Attribution[] {
  const found: Attribution[] = [];
  for (let k = 0; k < sentence.tokens.length; k += 1) {
    const attribution = readAttribution(frame, sentence.tokens, k);
    if (attribution) found.push(attribution);
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// 4. Matching quotations to attributions

/** What may stand between a naming verb and its quotation: in what Abe called it “…”. */
const NAMING_GAP = /^\s*(?:(?:it|them|this|that|him|her)\s+)?$/;
/** What may stand between a quotation and the attribution right after it: “…,” Tester said. */
const ATTRIBUTION_GAP = /^[\s,;:—–-]*$/;

function isGap(frame: string, from: number, to: number, pattern: RegExp): boolean {
  return to >= from && to - from <= MAX_GAP && pattern.test(frame.slice(from, to));
}

/** The index of the first item `isPast` holds for, in a list where it holds for a suffix. */
function firstPast<T>(items: readonly T[], isPast: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isPast(items[middle] as T)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** A sentence's attributions, sorted for binary search, so long sentences stay cheap. */
interface AttributionIndex<T extends Attribution> {
  /** Naming attributions by end. */
  naming: T[];
  /** Speech attributions by start, and by end. */
  byStart: T[];
  byEnd: T[];
}

function indexAttributions<T extends Attribution>(attributions: readonly T[]): AttributionIndex<T> {
  const speech = attributions.filter((a) => !a.naming);
  return {
    naming: attributions.filter((a) => a.naming).sort((a, b) => a.end - b.end),
    byStart: [...speech].sort((a, b) => a.start - b.start),
    byEnd: [...speech].sort((a, b) => a.end - b.end),
  };
}

/**
 * The attribution a quotation belongs to, from the tightest bond to the loosest:
 *   1. a naming verb right before it: in what Abe called “…” (even if “…,” Kawamura said follows);
 *   2. an attribution right after it: “…,” Kawamura said / “…,” said the newspaper;
 *   3. the nearest before it in the sentence: Putin told Abe, “…” / Lavrov said Russia wants to “…”;
 *   4. the nearest after it in the sentence: “…” and the leaders “…,” Kawamura said.
 */
function pickAttribution<T extends Attribution>(frame: string, span: QuoteSpan, index: AttributionIndex<T>): T | null {
  const naming = index.naming[firstPast(index.naming, (a) => a.end > span.start) - 1];
  if (naming && isGap(frame, naming.end, span.start, NAMING_GAP)) return naming;
  const after = index.byStart[firstPast(index.byStart, (a) => a.start >= span.end)];
  if (after && isGap(frame, span.end, after.start, ATTRIBUTION_GAP)) return after;
  const before = index.byEnd[firstPast(index.byEnd, (a) => a.end > span.start) - 1];
  return before ?? after ?? null;
}

// ---------------------------------------------------------------------------------------------
// 5. Who is who: names, titles and the last speaker

interface Entity {
  /** The fullest name the article gives: "Yasuhisa Kawamura", "Rossiiskaya Gazeta". */
  name: string;
  kind: 'person' | 'organisation';
  /** Lowercase role phrases seen with the name: "foreign ministry press secretary". */
  titles: string[];
  /** Country keys seen with the name (see countryKey): "japan", "russia". */
  origins: string[];
}

/** What the article has said so far about its people and organisations. One per extraction. */
interface Cast {
  entities: Entity[];
  byName: Map<string, Entity>;
  /** Entities by the last word of a multi-word name: "Kawamura" → [Yasuhisa Kawamura]. */
  bySurname: Map<string, Entity[]>;
  lastPerson: Entity | null;
  lastOrganisation: Entity | null;
}

function createCast(): Cast {
  return { entities: [], byName: new Map(), bySurname: new Map(), lastPerson: null, lastOrganisation: null };
}

interface NounPhrase {
  /** The trailing run of name words: "Shinzo Abe"; empty for a bare description. */
  name: string;
  /** Role words before the name, lowercased, honorifics dropped: "prime minister". */
  titles: string;
  /** The country key (see countryKey) of a demonym or possessive before the roles: "japanese". */
  origin: string | null;
  /** "the" right before the name, which marks an organisation: "the Rossiiskaya Gazeta". */
  theName: boolean;
}

/**
 * Where the name at the end of a phrase starts. A name is the run of capitalised words after the
 * last role word ("Prime Minister | Shinzo Abe"), except that after "the" a capitalised run with
 * no personal title is one organisation's name, role nouns included ("the | Daily Fixture").
 */
function findNameStart(words: readonly Token[]): number {
  let n = words.length;
  for (let word = words[n - 1]; word && isNameWord(word); word = words[n - 1]) n -= 1;
  let m = n;
  for (let word = words[m - 1]; word && isOrganisationNameWord(word); word = words[m - 1]) m -= 1;
  return m < n && words[m - 1]?.lower === 'the' ? m : n;
}

function isOrganisationNameWord(word: Token): boolean {
  return /^\p{Lu}/u.test(word.text) && classifyWord(word) === 'role' && !PERSONAL_ROLES.has(word.lower);
}

/** Splits "Japanese Prime Minister Shinzo Abe" into origin, titles and name. */
function parseNounPhrase(words: readonly Token[]): NounPhrase {
  const isRole = (word: Token | undefined): boolean => word !== undefined && classifyWord(word) === 'role';
  const n = findNameStart(words);
  const name = words
    .slice(n)
    .map((word) => word.text)
    .join(' ');
  const theName = name !== '' && words[n - 1]?.lower === 'the';
  const titleEnd = theName ? n - 1 : n;
  let t = titleEnd;
  while (t > 0 && isRole(words[t - 1])) t -= 1;
  const titles = words
    .slice(t, titleEnd)
    .map((word) => stripPossessive(word.lower))
    .filter((word) => !HONORIFICS.has(word))
    .join(' ');
  const origin = words
    .slice(0, t)
    .reverse()
    .find((word) => classifyWord(word) === 'name');
  return { name, titles, origin: origin ? countryKey(origin.lower) : null, theName };
}

/** A comparable key for a country word: "Russia’s" → "russia", "US" → "america". */
function countryKey(lower: string): string {
  const bare = stripPossessive(lower);
  return COUNTRY_ALIASES[bare] ?? bare;
}

/** Japan/Japanese, Russia/Russian, China/Chinese share a prefix; Austria/Australia do not enough. */
function isSameCountry(a: string, b: string): boolean {
  if (a === b) return true;
  let shared = 0;
  while (shared < a.length && a[shared] === b[shared]) shared += 1;
  return shared >= 4 && shared >= Math.min(a.length, b.length) - 1;
}

function isOrganisationTitle(titles: string): boolean {
  return ORGANISATION_NOUNS.has(titles.split(' ').at(-1) ?? '');
}

/** The entity called `name`, or, for a single word, the one entity whose surname it is. */
function findByName(cast: Cast, name: string): Entity | null {
  const exact = cast.byName.get(name);
  if (exact || name.includes(' ')) return exact ?? null;
  const bySurname = cast.bySurname.get(name) ?? [];
  return bySurname.length === 1 ? (bySurname[0] ?? null) : null;
}

function hasTitle(entity: Entity, wanted: string): boolean {
  return entity.titles.some(
    (title) =>
      title === wanted ||
      title.endsWith(` ${wanted}`) ||
      (wanted === 'leader' && LEADER_TITLES.some((leader) => title === leader || title.endsWith(` ${leader}`))),
  );
}

/** The one entity a description fits ("the Russian leader", "the spokesman"), or null if none or several. */
function findByTitle(cast: Cast, titles: string, origin: string | null): Entity | null {
  const fits = cast.entities.filter(
    (entity) =>
      hasTitle(entity, canonicalTitle(titles)) &&
      (origin === null || entity.origins.some((known) => isSameCountry(known, origin))),
  );
  return fits.length === 1 ? (fits[0] ?? null) : null;
}

function addEntity(cast: Cast, phrase: NounPhrase): Entity {
  const kind = phrase.theName || isOrganisationTitle(phrase.titles) ? 'organisation' : 'person';
  const entity: Entity = { name: phrase.name, kind, titles: [], origins: [] };
  cast.entities.push(entity);
  cast.byName.set(entity.name, entity);
  const surname = entity.name.split(' ').at(-1);
  if (surname && surname !== entity.name) cast.bySurname.set(surname, [...(cast.bySurname.get(surname) ?? []), entity]);
  return entity;
}

function canonicalTitle(titles: string): string {
  return TITLE_SYNONYMS.reduce((title, [pattern, replacement]) => title.replace(pattern, replacement), titles);
}

function remember(entity: Entity, titles: string, origin: string | null): void {
  const title = canonicalTitle(titles);
  if (title !== '' && !entity.titles.includes(title)) entity.titles.push(title);
  if (origin !== null && !entity.origins.includes(origin)) entity.origins.push(origin);
}

/**
 * Where a titled name without a demonym is from, read from the words around it: "with Russia,
 * after talks with President Vladimir Putin" makes Putin Russian, so "the Russian leader" can find
 * him. Looks a few words back in the sentence, or at "of X" right after the name.
 */
function inferOrigin(tokens: readonly Token[], first: number, last: number): string | null {
  const of = tokens[last + 1];
  const country = tokens[last + 2];
  if (of?.lower === 'of' && country && isNameWord(country)) return countryKey(country.lower);
  for (let j = first - 1; j >= Math.max(0, first - 6); j -= 1) {
    const word = tokens[j];
    if (word && classifyWord(word) === 'name') return countryKey(word.lower);
  }
  return null;
}

/**
 * Learns "Japanese Prime Minister Shinzo Abe"-style appositions in a sentence: a name with a title
 * before it. Only titled names are learnt here, so place names and the like stay out of the cast.
 */
function learnAppositions(cast: Cast, frame: string, sentence: Sentence): void {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    const next = tokens[k + 1];
    if (!isNameWord(token) || (next && isJoined(frame, token, next) && isNameWord(next))) return;
    const words = scanPhraseBackward(frame, tokens, k);
    const phrase = parseNounPhrase(words);
    if (phrase.name === '' || phrase.titles === '') return;
    const entity = findByName(cast, phrase.name) ?? addEntity(cast, phrase);
    remember(entity, phrase.titles, phrase.origin ?? inferOrigin(tokens, k - words.length + 1, k));
  });
}

/** "he"/"she" is the last person who spoke, "it" the last organisation; other pronouns stay unknown. */
function resolvePronoun(cast: Cast, pronoun: string): Entity | null {
  if (pronoun === 'he' || pronoun === 'she') return cast.lastPerson;
  if (pronoun === 'it') return cast.lastOrganisation;
  return null;
}

/** A description nobody in the cast fits, as written ("the U.S. State Department"), its article lowercased. */
function describe(frame: string, words: readonly Token[]): string {
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) return '';
  const text = frame.slice(first.start, last.end).replace(/\s+/g, ' ');
  const kind = classifyWord(first);
  return kind === 'determiner' || kind === 'role' ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * The speaker a phrase names, as the fullest name known, and remembers it for later pronouns.
 * Order: pronoun → last speaker; a name → the cast member with that name or surname; a
 * description → the one cast member with that title (and country), else the description as
 * written, which is vaguer but never wrong.
 *
 * A new multi-word name joins the cast ("Alma Tester said" makes a later "Tester" resolve). A new
 * single word does not, and is not remembered for "he": news introduces people by full name, so an
 * unknown single word is more often a country or an agency ("Japan said", "AFP said").
 */
function resolveSpeaker(cast: Cast, frame: string, words: readonly Token[]): string | null {
  const first = words[0];
  if (!first) return null;
  let entity: Entity | null = null;
  let fallback: string | null = null;
  if (words.length === 1 && PRONOUNS.has(first.lower)) {
    entity = resolvePronoun(cast, first.lower);
  } else {
    const phrase = parseNounPhrase(words);
    if (phrase.name !== '') {
      const joinsCast = phrase.name.includes(' ') || phrase.titles !== '';
      entity = findByName(cast, phrase.name) ?? (joinsCast ? addEntity(cast, phrase) : null);
      fallback = phrase.name;
    } else {
      entity = phrase.titles === '' ? null : findByTitle(cast, phrase.titles, phrase.origin);
      fallback = describe(frame, words);
    }
  }
  if (entity?.kind === 'person') cast.lastPerson = entity;
  if (entity?.kind === 'organisation') cast.lastOrganisation = entity;
  return entity?.name ?? fallback;
}

// ---------------------------------------------------------------------------------------------
// Putting it together

interface Candidate {
  quotation: Quotation;
  words: number;
  attributed: boolean;
}

interface ParagraphReading {
  candidates: Candidate[];
  /** The paragraph starts with a quote mark: it may continue the previous paragraph's quotation. */
  opensWithQuote: boolean;
  /** The last quotation is left open: it continues into the next paragraph. */
  endsOpen: boolean;
}

function readParagraph(cast: Cast, text: string, paragraph: number): ParagraphReading {
  const spans = findQuoteSpans(text);
  const frame = maskQuotes(text, spans);
  const candidates: Candidate[] = [];
  let next = 0;
  for (const sentence of splitSentences(frame, spans, tokenize(frame))) {
    learnAppositions(cast, frame, sentence);
    const attributions = findAttributions(frame, sentence).map((attribution) => ({
      ...attribution,
      speaker: resolveSpeaker(cast, frame, attribution.words),
    }));
    const index = indexAttributions(attributions);
    for (let span = spans[next]; span && span.start < sentence.end; span = spans[++next]) {
      const attribution = pickAttribution(frame, span, index);
      candidates.push({
        quotation: { speaker: attribution?.speaker ?? null, quote: span.text, paragraph },
        words: countWords(span.text),
        attributed: attribution !== null && attribution.words.length > 0,
      });
    }
  }
  return {
    candidates,
    opensWithQuote: spans[0]?.start === text.length - text.trimStart().length,
    endsOpen: spans.at(-1)?.closed === false,
  };
}

/** A quotation running over several paragraphs has one speaker, wherever its attribution sits. */
function settleChain(chain: readonly Candidate[]): void {
  const speaker = chain.find((candidate) => candidate.quotation.speaker !== null)?.quotation.speaker;
  if (speaker === undefined) return;
  for (const candidate of chain) {
    if (candidate.quotation.speaker === null) {
      candidate.quotation.speaker = speaker;
      candidate.attributed = true;
    }
  }
}

/** Direct quotations in an article body, in reading order, each with its speaker when the text gives one. */
export function extractQuotations(blocks: readonly Block[]): Quotation[] {
  const paragraphs = blocksToParagraphs(blocks).filter((paragraph) => !paragraph.heading);
  const cast = createCast();
  const all: Candidate[] = [];
  let chain: Candidate[] = [];
  paragraphs.forEach((paragraph, index) => {
    const reading = readParagraph(cast, paragraph.text, index + 1);
    all.push(...reading.candidates);
    const first = reading.candidates[0];
    if (chain.length > 0 && reading.opensWithQuote && first) {
      chain.push(first);
    } else {
      settleChain(chain);
      chain = [];
    }
    const last = reading.candidates.at(-1);
    if (!reading.endsOpen || !last) {
      settleChain(chain);
      chain = [];
    } else if (last !== chain.at(-1)) {
      settleChain(chain);
      chain = [last];
    }
  });
  settleChain(chain);
  return all
    .filter((candidate) => candidate.words > SCARE_QUOTE_MAX_WORDS || (candidate.words > 0 && candidate.attributed))
    .map((candidate) => candidate.quotation);
}
