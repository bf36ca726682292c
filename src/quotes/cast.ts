// Who is who: the people and organisations an article names, and what its pronouns and descriptions stand for.

import { classifyWord, isNameWord, scanPhraseBackward, stripPossessive } from './attribution.js';
import { isJoined, type Sentence, type Token } from './sentences.js';
import {
  COUNTRY_ALIASES,
  HONORIFICS,
  INDEFINITES,
  LEADER_TITLES,
  ORGANISATION_NOUNS,
  PERSONAL_ROLES,
  PLACE_PREPOSITIONS,
  PREPOSITIONS,
  PRONOUNS,
  TITLE_SYNONYMS,
} from './vocabulary.js';

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
export interface Cast {
  entities: Entity[];
  byName: Map<string, Entity>;
  /** Entities by the last word of a multi-word name: "Kawamura" → [Yasuhisa Kawamura]. */
  bySurname: Map<string, Entity[]>;
  lastPerson: Entity | null;
  lastOrganisation: Entity | null;
  /**
   * The two people the current paragraph names first, each with where it first names them: what
   * its "he" or "she" can mean. Two are enough to know whether only one is named before a point.
   */
  named: Named[];
}

interface Named {
  entity: Entity;
  at: number;
}

export function createCast(): Cast {
  return {
    entities: [],
    byName: new Map(),
    bySurname: new Map(),
    lastPerson: null,
    lastOrganisation: null,
    named: [],
  };
}

/** A new paragraph: the people named in the last one no longer stand for its pronouns. */
export function startParagraph(cast: Cast): void {
  cast.named = [];
}

/** Notes that the paragraph names a person at `at`, keeping the two named first. */
function noteNamed(cast: Cast, entity: Entity, at: number): void {
  if (entity.kind !== 'person') return;
  const known = cast.named.find((named) => named.entity === entity);
  if (known) known.at = Math.min(known.at, at);
  else cast.named.push({ entity, at });
  cast.named.sort((a, b) => a.at - b.at);
  cast.named.length = Math.min(cast.named.length, 2);
}

/** The one person the paragraph names before `at`, or null if it names none or several. */
function namedOnlyBefore(cast: Cast, at: number): Entity | null {
  const [first, second] = cast.named;
  return first && first.at < at && !(second && second.at < at) ? first.entity : null;
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

/** An acronym such as "NTO", "CIO" or "U.S": part of a title or an organisation, never of a person's name. */
function isAcronym(word: Token): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}.&]*\p{Lu}$/u.test(word.text);
}

/**
 * Where the name at the end of a phrase starts. A name is the run of capitalised words after the
 * last role word ("Prime Minister | Shinzo Abe") and after the last acronym followed by at least
 * two of them ("NTO CIO | Oren Halloway", but "NTO Cadet" stays whole), except that after
 * "the" a capitalised run with no personal title is one organisation's name, role nouns included
 * ("the | Daily Fixture", "the | Northvale Riders Union").
 */
function findNameStart(words: readonly Token[]): number {
  let m = words.length;
  for (let word = words[m - 1]; word && (isNameWord(word) || isOrganisationNameWord(word)); word = words[m - 1]) m -= 1;
  if (m < words.length && words[m - 1]?.lower === 'the') return m;
  let n = words.length;
  for (let word = words[n - 1]; word && isNameWord(word); word = words[n - 1]) n -= 1;
  for (let a = words.length - 3; a >= n; a -= 1) {
    const word = words[a];
    const next = words[a + 1];
    if (word && next && isAcronym(word) && !isAcronym(next)) return a + 1;
  }
  return n;
}

function isOrganisationNameWord(word: Token): boolean {
  return /^\p{Lu}/u.test(word.text) && classifyWord(word) === 'role' && !PERSONAL_ROLES.has(word.lower);
}

/** Splits "Japanese Prime Minister Shinzo Abe" into origin, titles and name. */
function parseNounPhrase(words: readonly Token[]): NounPhrase {
  const isRole = (word: Token | undefined): boolean =>
    word !== undefined && (classifyWord(word) === 'role' || isAcronym(word));
  const n = findNameStart(words);
  const name = words
    .slice(n)
    .map((word) => (word.initial ? `${word.text}.` : word.text))
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

/** A word shaped like part of a person's name: "Rana", "Adeyemi-Ross", "O’Lone", or an initial. */
function isPersonWord(word: Token): boolean {
  return /^\p{Lu}(?:\p{Ll}|['’]\p{Lu}|$)/u.test(word.text);
}

/**
 * Whether an untitled run of capitalised words reads as a person introduced by name ("Ottla Quist
 * and Tom Ebb joined the team"): two or three name-shaped words, not after a preposition of place
 * ("in Lower Ashby") and not the start of an organisation's name ("Wexmoor Benefits Agency").
 */
function isIntroducedName(frame: string, tokens: readonly Token[], first: number, last: number): boolean {
  const count = last - first + 1;
  if (count < 2 || count > 3) return false;
  for (let j = first; j <= last; j += 1) {
    const word = tokens[j];
    if (!word || !isPersonWord(word) || isAcronym(word)) return false;
  }
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  const end = tokens[last];
  if (before && PLACE_PREPOSITIONS.has(before.lower)) return false;
  return !(after && end && isJoined(frame, end, after) && isOrganisationNameWord(after));
}

/**
 * Learns who a sentence names: "Japanese Prime Minister Shinzo Abe"-style appositions (a name with
 * a title before it), and people introduced by their full name alone ("Ottla Quist and Tom Ebb
 * joined the team"), so that a later "Quist said" resolves. Untitled runs must look like a person's
 * name (isIntroducedName), so place names and the like mostly stay out of the cast; a surname that
 * two names share resolves to neither. The people named are noted for the paragraph's pronouns.
 */
export function learnAppositions(cast: Cast, frame: string, sentence: Sentence): void {
  const tokens = sentence.tokens;
  tokens.forEach((token, k) => {
    const next = tokens[k + 1];
    if (!isNameWord(token) || (next && isJoined(frame, token, next) && isNameWord(next))) return;
    const words = scanPhraseBackward(frame, tokens, k);
    const phrase = parseNounPhrase(words);
    if (phrase.name === '') return;
    let entity = findByName(cast, phrase.name);
    if (phrase.titles !== '') {
      entity ??= addEntity(cast, phrase);
      remember(entity, phrase.titles, phrase.origin ?? inferOrigin(tokens, k - words.length + 1, k));
    } else if (
      !entity &&
      !phrase.theName &&
      isIntroducedName(frame, tokens, k - phrase.name.split(' ').length + 1, k)
    ) {
      entity = addEntity(cast, phrase);
    }
    if (entity) noteNamed(cast, entity, token.start);
  });
}

/**
 * "he"/"she" is the one person the paragraph has named before it ("Ines Marlow rebuilt the form.
 * “…,” she says"), else the last person who spoke; "it" is the last organisation that spoke;
 * other pronouns stay unknown.
 */
function resolvePronoun(cast: Cast, pronoun: Token): Entity | null {
  if (pronoun.lower === 'he' || pronoun.lower === 'she') return namedOnlyBefore(cast, pronoun.start) ?? cast.lastPerson;
  if (pronoun.lower === 'it') return cast.lastOrganisation;
  return null;
}

/**
 * Whether a bare name before an interview answer's colon is someone the article has introduced
 * ("Okafor" after "Jun Okafor has led …"), or a full name: "Note:" or "Update:" are not speakers.
 */
export function isIntroduced(cast: Cast, words: readonly Token[]): boolean {
  const name = parseNounPhrase(words).name;
  if (name === '') return false;
  return findByName(cast, name) !== null || (words.length >= 2 && words.every(isPersonWord));
}

/** A description nobody in the cast fits, as written ("the U.S. State Department"), its article lowercased. */
function describeSpeaker(frame: string, words: readonly Token[]): string {
  const first = words[0];
  const last = words.at(-1);
  if (!first || !last) return '';
  const text = frame.slice(first.start, last.end).replace(/\s+/g, ' ');
  const kind = classifyWord(first);
  return kind === 'determiner' || kind === 'role' ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * The speaker a phrase names, as the fullest name known, and remembers it for later pronouns.
 * Order: pronoun → the person just named, or the last speaker; a name → the cast member with that
 * name or surname; a description → the one cast member with that title (and country), else the
 * description as written, which is vaguer but never wrong. A description's title is read before
 * any preposition: "a spokeswoman for the water authority" is a spokeswoman. A name after "a",
 * "one" or "another" is a description too: "another Cadet" is not the Cadet named before.
 *
 * A new multi-word name joins the cast ("Alma Tester said" makes a later "Tester" resolve). A new
 * single word does not, and is not remembered for "he": news introduces people by full name, so an
 * unknown single word is more often a country or an agency ("Japan said", "AFP said").
 */
export function resolveSpeaker(cast: Cast, frame: string, words: readonly Token[]): string | null {
  const first = words[0];
  if (!first) return null;
  let entity: Entity | null = null;
  let fallback: string | null = null;
  if (words.length === 1 && PRONOUNS.has(first.lower)) {
    entity = resolvePronoun(cast, first);
  } else {
    const preposition = words.findIndex((word, i) => i > 0 && PREPOSITIONS.has(word.lower));
    const phrase = parseNounPhrase(preposition > 0 ? words.slice(0, preposition) : words);
    if (phrase.name !== '' && preposition < 0 && !INDEFINITES.has(first.lower)) {
      const joinsCast = phrase.name.includes(' ') || phrase.titles !== '';
      entity = findByName(cast, phrase.name) ?? (joinsCast ? addEntity(cast, phrase) : null);
      fallback = phrase.name;
    } else {
      entity = phrase.titles === '' ? null : findByTitle(cast, phrase.titles, phrase.origin);
      fallback = describeSpeaker(frame, words);
      if (!entity && isOrganisationTitle(phrase.titles)) {
        cast.lastOrganisation = { name: fallback, kind: 'organisation', titles: [], origins: [] };
      }
    }
  }
  if (entity?.kind === 'person') {
    cast.lastPerson = entity;
    noteNamed(cast, entity, first.start);
  }
  if (entity?.kind === 'organisation') cast.lastOrganisation = entity;
  return entity?.name ?? fallback;
}
