// Pure: an article body → the direct quotations in it and who said them, for `news quotes`.
//
// The rules follow how news copy is written, and lean towards precision: a quotation whose
// speaker cannot be read off the sentence is reported with speaker null rather than guessed.
//
//   1. Only prose is read (collectProse): code blocks, inline code and markup that reached the
//      text are shielded, so their quote marks start nothing and their words attribute nothing.
//   2. Quote marks delimit quotations (findQuoteSpans). Everything inside them is hidden while the
//      rest of the paragraph, the "frame", is read, so words inside a quote never attribute it.
//   3. The frame is cut into sentences (splitSentences); attribution never crosses a sentence,
//      except that a sentence of nothing but quotation continues the speaker of the sentence
//      before it in the paragraph: “…,” Velden said. “…” (both Velden's).
//   4. In each sentence, speech verbs (said, told, according to, …), verbs that report speech only
//      next to a quotation (shared, posted, …), naming verbs (called, described as, …), a name
//      after a dash (“…” – Velden) and an interview's "Velden: “…”" are found together with their
//      speaker phrase (findAttributions, findLeadingSpeaker).
//   5. Each quotation takes the attribution that fits it best (pickAttribution).
//   6. Speaker phrases are resolved to the fullest name the article has given so far
//      (resolveSpeaker): pronouns, surnames, and descriptions such as "the Russian leader".
//   7. A quotation left open at a paragraph's end and continued in the next is one quotation
//      for attribution: all its paragraphs share the speaker (settleChain). A block quote that
//      ends with a dash citation is the cited speaker's.
//   8. What is not speech is dropped: one- and two-word quotations nobody is said to have said
//      (scare quotes), addresses, paths and identifiers, and titles of works in Title Case
//      unless a speech verb attributes them (isCodeLike, isTitleCase).
//   9. A quotation's text drops the comma, semicolon or colon that belongs to the sentence around
//      it (“…,” Velden said); a full stop, question or exclamation mark stays, as part of it.

import type { Block } from '../article/model.js';
import { findAttributions, findLeadingSpeaker, readCitationSpeaker } from './attribution.js';
import { type Cast, createCast, isIntroduced, learnAppositions, resolveSpeaker, startParagraph } from './cast.js';
import { indexAttributions, pickAttribution } from './matching.js';
import { collectProse, type ProseParagraph } from './prose.js';
import { frameWords, type Sentence, splitSentences, wordCount } from './sentences.js';
import { isCodeLike, isTitleCase } from './shapes.js';
import { findQuoteSpans, maskQuotes, type QuoteSpan } from './spans.js';
import { SCARE_QUOTE_MAX_WORDS } from './vocabulary.js';

export interface Quotation {
  /** Who said it, as the fullest name the article gives; null when the article does not say. */
  speaker: string | null;
  /**
   * The words between the quote marks as written, marks left out, so it can be grepped; a
   * trailing comma, semicolon or colon (the surrounding sentence's punctuation) is left out too.
   */
  quote: string;
  /** 1-based index among the body paragraphs (blocksToParagraphs order, headings excluded). */
  paragraph: number;
}

interface Candidate {
  quotation: Quotation;
  /** Words of prose in it: code and markup do not count. */
  words: number;
  attributed: boolean;
  /** Attributed by a naming verb (called, described as): a name, not speech, when in Title Case. */
  named: boolean;
}

interface ParagraphReading {
  candidates: Candidate[];
  /** The paragraph starts with a quote mark: it may continue the previous paragraph's quotation. */
  opensWithQuote: boolean;
  /** The last quotation is left open: it continues into the next paragraph. */
  endsOpen: boolean;
}

type ResolvedAttribution = ReturnType<typeof findAttributions>[number] & { speaker: string | null };

/** The text a span quotes, from the paragraph as written (inline code included). */
function quotedText(text: string, span: QuoteSpan): string {
  return span.closed ? text.slice(span.start + 1, span.end - 1) : text.slice(span.start + 1).trimEnd();
}

/** A name's nickname in quotes, between two of its words: Marek “Mo” Dvorak. Not a quotation. */
function isNickname(frame: string, span: QuoteSpan): boolean {
  const quote = span.text.trim();
  return (
    span.closed &&
    /^\p{Lu}\p{Ll}*(?: \p{Lu}\p{Ll}*)?$/u.test(quote) &&
    /\p{Lu}\p{Ll}* $/u.test(frame.slice(Math.max(0, span.start - 30), span.start)) &&
    /^ \p{Lu}\p{Ll}/u.test(frame.slice(span.end, span.end + 3))
  );
}

/** The speaker the next sentence continues when it is nothing but quotation: this one's only speaker. */
function soleSpeaker(attributions: readonly ResolvedAttribution[]): string | null {
  const speakers = new Set<string | null>();
  for (const attribution of attributions) {
    if (attribution.naming) continue;
    if (attribution.words.length === 0 && !attribution.adjacent) return null;
    speakers.add(attribution.speaker);
  }
  const [only] = speakers;
  return speakers.size === 1 && only !== undefined ? only : null;
}

function readAttributions(cast: Cast, frame: string, sentence: Sentence, first: boolean): ResolvedAttribution[] {
  const found = findAttributions(frame, sentence);
  const leading = first ? findLeadingSpeaker(frame, sentence) : null;
  if (leading && isIntroduced(cast, leading.words)) found.unshift(leading);
  return found.map((attribution) => ({ ...attribution, speaker: resolveSpeaker(cast, frame, attribution.words) }));
}

function readParagraph(cast: Cast, prose: ProseParagraph): ParagraphReading {
  const spans = findQuoteSpans(prose.prose);
  const frame = maskQuotes(prose.prose, spans);
  const candidates: Candidate[] = [];
  const sentences = splitSentences(frame, spans, frameWords(frame));
  let next = 0;
  let carried: string | null = null;
  sentences.forEach((sentence, i) => {
    learnAppositions(cast, frame, sentence);
    const attributions = readAttributions(cast, frame, sentence, i === 0);
    const index = indexAttributions(attributions);
    const quotesOnly = sentence.tokens.length === 0;
    const bound = new Set<ResolvedAttribution>();
    for (let span = spans[next]; span && span.start < sentence.end; span = spans[++next]) {
      if (isNickname(frame, span)) continue;
      const attribution = pickAttribution(frame, span, index);
      if (attribution) bound.add(attribution);
      const continued = attribution === null && quotesOnly ? carried : null;
      candidates.push({
        quotation: {
          speaker: attribution?.speaker ?? continued,
          quote: quotedText(prose.text, span),
          paragraph: prose.paragraph,
        },
        words: wordCount(span.text),
        attributed: continued !== null || (attribution !== null && attribution.words.length > 0),
        named: attribution?.naming === true,
      });
    }
    const reporting = attributions.filter((attribution) => !attribution.adjacent || bound.has(attribution));
    carried = quotesOnly && attributions.length === 0 ? carried : soleSpeaker(reporting);
  });
  if (prose.citation !== undefined) citeParagraph(cast, prose, frame, candidates);
  return {
    candidates,
    opensWithQuote: spans[0]?.start === prose.prose.length - prose.prose.trimStart().length,
    endsOpen: spans.at(-1)?.closed === false,
  };
}

/**
 * A paragraph of a block quote that ends with a dash citation: its unattributed quotations are
 * the cited speaker's when the paragraph is nothing but quotation, and a paragraph with no quote
 * marks at all is one quotation (an epigraph set as a block quote without them).
 */
function citeParagraph(cast: Cast, prose: ProseParagraph, frame: string, candidates: Candidate[]): void {
  const citation = prose.citation ?? '';
  const words = readCitationSpeaker(citation);
  const speaker = words ? resolveSpeaker(cast, citation, words) : null;
  if (speaker === null) return;
  if (candidates.length === 0) {
    const words = wordCount(prose.prose);
    const quote = prose.text.trim();
    if (words > 0)
      candidates.push({
        quotation: { speaker, quote, paragraph: prose.paragraph },
        words,
        attributed: true,
        named: false,
      });
    return;
  }
  if (frameWords(frame).length > 0) return;
  for (const candidate of candidates) {
    if (candidate.quotation.speaker !== null) continue;
    candidate.quotation.speaker = speaker;
    candidate.attributed = true;
  }
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

/** Whether a quoted stretch is speech worth listing (rule 8). */
function isSpeech(candidate: Candidate): boolean {
  if (candidate.words === 0) return false;
  if (candidate.words <= SCARE_QUOTE_MAX_WORDS && !candidate.attributed) return false;
  const quote = candidate.quotation.quote;
  if (isCodeLike(quote)) return false;
  return !isTitleCase(quote) || (candidate.attributed && !candidate.named);
}

/** Rule 9: the sentence's own punctuation after a quotation is not part of it. */
function trimQuote(quote: string): string {
  return quote.trim().replace(/[\s,;:]+$/, '');
}

/** Direct quotations in an article body, in reading order, each with its speaker when the text gives one. */
export function extractQuotations(blocks: readonly Block[]): Quotation[] {
  const cast = createCast();
  const all: Candidate[] = [];
  let chain: Candidate[] = [];
  for (const prose of collectProse(blocks)) {
    startParagraph(cast);
    const reading = readParagraph(cast, prose);
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
  }
  settleChain(chain);
  return all
    .filter(isSpeech)
    .map((candidate) => ({ ...candidate.quotation, quote: trimQuote(candidate.quotation.quote) }));
}
