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
import { findAttributions } from './attribution.js';
import { type Cast, createCast, learnAppositions, resolveSpeaker } from './cast.js';
import { indexAttributions, pickAttribution } from './matching.js';
import { frameWords, splitSentences, wordCount } from './sentences.js';
import { findQuoteSpans, maskQuotes } from './spans.js';
import { SCARE_QUOTE_MAX_WORDS } from './vocabulary.js';

export interface Quotation {
  /** Who said it, as the fullest name the article gives; null when the article does not say. */
  speaker: string | null;
  /** The words between the quote marks exactly as written, marks left out, so it can be grepped. */
  quote: string;
  /** 1-based index among the body paragraphs (blocksToParagraphs order, headings excluded). */
  paragraph: number;
}

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
  for (const sentence of splitSentences(frame, spans, frameWords(frame))) {
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
        words: wordCount(span.text),
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
