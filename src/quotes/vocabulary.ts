// The words news copy attributes speech with: small closed lists of verbs, roles and function words.

/** A word list written as one string, so the lists below read as lists. */
function wordList(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter((word) => word !== ''));
}

/** Verbs that report speech. Lowercase only, so "States" in "United States" is never a verb. */
export const SPEECH_VERBS = wordList(`
  said says say saying told tells telling added adds adding insisted insists insisting stated
  stating asserted asserts explained explains explaining noted notes noting asked asks asking warned warns warning
  replied replies responded responds answered answers declared declares stressed stresses argued
  argues claimed claims wrote writes writing recalled recalls admitted admits acknowledged
  acknowledges conceded concedes cautioned cautions remarked remarks tweeted tweets vowed vows
  urged urges shouted yelled chanted
`);

/**
 * Verbs that report speech only when a quotation stands right against them, because they more
 * often mean something else: “…,” Tester shared / Tester posted: “…” / “…,” she continued. In
 * "Tester shared the report and called it “…”" they attribute nothing.
 */
export const ADJACENT_VERBS = wordList(`
  shared shares posted posts continued continues agreed agrees disagreed disagrees reflected reflects observed
  observes commented comments emphasized emphasised emphasizes emphasises suggested suggests
  concluded concludes advised advises reminded reminds joked jokes quipped offered remembered
  remembers enthused enthuses encouraged encourages
`);

/** Verbs that report speech with their particle: "Tester points out", "as Tester put it". */
export const PHRASAL_VERBS = new Map([
  ['points', 'out'],
  ['pointed', 'out'],
  ['point', 'out'],
  ['put', 'it'],
  ['puts', 'it'],
]);

/**
 * Verbs that attach someone's words to a thing rather than report a speech: "in what Abe called
 * “a frank exchange”". They only count when the quotation follows them directly.
 */
export const NAMING_VERBS = wordList(`
  called calls calling dubbed termed branded labelled labeled described describes describing
`);

/** Auxiliaries that make a naming verb passive: "the plan was called “…”" names the plan. */
export const PASSIVE_AUXILIARIES = wordList('be been being is are was were');

/** Nouns naming an organisation: a speaker with one of these as its head is "it", not "he". */
export const ORGANISATION_NOUNS = wordList(`
  newspaper paper daily weekly agency news government ministry company office police army military
  broadcaster network channel group embassy party bank union department cabinet parliament court
  council committee kremlin team service administration authority institute center centre board
  commission bureau foundation association university college library laboratory lab division
  corps organisation organization coalition alliance firm city county
`);

/** Words that describe a speaker's role, in either case: "Prime Minister", "press secretary". */
export const ROLE_WORDS = new Set([
  ...ORGANISATION_NOUNS,
  ...wordList(`
    president prime minister foreign secretary press spokesman spokeswoman spokesperson chancellor
    king queen prince princess emperor premier leader leaders general senator governor mayor
    chairman chairwoman chief deputy vice ambassador envoy director commissioner officer executive
    head defence defense finance interior trade official officials source sources diplomat diplomats
    analyst analysts expert experts lawmaker lawmakers adviser advisor aide professor senior former
    mr mrs ms miss dr sir dame lord lady
    manager managers engineer engineers designer designers developer developers researcher
    researchers scientist scientists strategist specialist architect administrator coordinator
    consultant fellow fellows panelist panellist panelists panellists moderator founder cofounder
    lead planner planners editor reporter correspondent columnist author organiser organizer chair
    chairperson treasurer clerk auditor inspector attorney lawyer counsel judge sheriff captain
    lieutenant sergeant colonel commander admiral councillor councilor representative congressman
    congresswoman legislator superintendent dean teacher student students resident residents member
    members colleague staffer employee volunteer participant participants
  `),
]);

/** Role words that belong to a person, not an organisation: they split "Prime Minister Shinzo Abe". */
export const PERSONAL_ROLES = new Set([...ROLE_WORDS].filter((word) => !ORGANISATION_NOUNS.has(word)));

/** Different words for the same job, so "the spokesman" finds a "press secretary". */
export const TITLE_SYNONYMS: [RegExp, string][] = [[/\b(?:spokesman|spokeswoman|press secretary)$/, 'spokesperson']];

/** Forms of address: part of how a person is named, never a title worth remembering. */
export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady']);

/** Titles a bare "leader" can stand for: "the Russian leader" is its president or prime minister. */
export const LEADER_TITLES = [
  'president',
  'prime minister',
  'premier',
  'chancellor',
  'king',
  'queen',
  'emperor',
  'leader',
];

/** Prepositions that join a description to the organisation it belongs to: "a spokeswoman for the authority". */
export const PREPOSITIONS = wordList('of for at with from in');

/** Prepositions after which a capitalised run is more often a place than a person: "in Lower Ashby". */
export const PLACE_PREPOSITIONS = wordList('in at across near into outside around throughout within');

/** Determiners that make a phrase indefinite: "one Cadet" is somebody, not a known name. */
export const INDEFINITES = wordList('a an one another');

/** Words that join an aside to another: "X, of the Office, and co-lead of the group, said". */
export const CONJUNCTIONS = wordList('and or but');

export const DETERMINERS = wordList('the a an one another his her its their our my your this');

export const PRONOUNS = new Set(['he', 'she', 'it', 'they', 'we', 'i', 'you']);

/**
 * Words that end a speaker phrase even when capitalised at the start of a sentence ("While …",
 * "In April …"). Weekdays and months are here so "said Tester Tuesday" stops at Tester; "May" is
 * left out because it is also a surname.
 */
export const FUNCTION_WORDS = wordList(`
  and but or nor so yet while whereas though although because since as if when where after before
  until unless despite in on at by for from with without to of into over under about against
  between during through both either neither there here then also meanwhile however still even
  what which who whom whose that these those such many some most all each every no not only just
  yesterday today tonight tomorrow monday tuesday wednesday thursday friday saturday sunday
  january february march april june july august september october november december
`);

/** Words that may sit between a speaker and the verb: "Kawamura also said", "she has warned". */
export const VERB_MODIFIERS = wordList(`
  also later then again once earlier had has have was were is are been would will did does
`);

/** Abbreviations whose period does not end a sentence: "Mr. Tester said". */
export const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'capt',
  'prof',
]);

/** Demonyms and short forms that no shared prefix links to their country. */
export const COUNTRY_ALIASES: Record<string, string> = {
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
export const MAX_PHRASE_WORDS = 10;

/** The longest aside read between a speaker and the verb: "Tester, an editor with …, said". */
export const MAX_ASIDE_WORDS = 24;

/**
 * Quotations of one or two words are usually scare quotes (‘breakthrough’, “reform”), not speech.
 * They count only when a speech verb in the same sentence attributes them — “move forward”,
 * Lavrov said — and are dropped otherwise, rather than reported as unattributed.
 */
export const SCARE_QUOTE_MAX_WORDS = 2;

/** Longer than any gap allowed between two words of a phrase, or a quote and its attribution. */
export const MAX_GAP = 12;

/** Stands in for quoted text in the frame: not a letter, not a space, not sentence punctuation. */
export const MASK = '\uE000';

/** Stands in for code and markup in a paragraph: like MASK, but not a quotation either. */
export const SHIELD = '\uE001';

let word: RegExp | undefined;

/** A word of the frame. Made on first use: a Unicode property class costs every process that compiles it. */
export function wordPattern(): RegExp {
  word ??= /[\p{L}\p{N}](?:[\p{L}\p{N}’'.-]*[\p{L}\p{N}])?/gu;
  return word;
}
