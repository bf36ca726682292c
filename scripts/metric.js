// The article-extraction benchmark's metric (scrapinghub/article-extraction-benchmark evaluate.py),
// replicated for `npm run eval`; its declarations are in metric.d.ts.
//
// Text is split into \w+ tokens (Python's Unicode \w: letters, digits, underscore; case kept),
// every run of 4 tokens is a shingle, counted as a multiset (a Counter). Per page, tp/fp/fn are
// the overlaps and differences of the two multisets, normalised to sum to 1. Precision is averaged
// over the pages where tp + fp > 0 and recall over those where tp + fn > 0; F1 is taken of the means.

const SHINGLE = 4;

/** Shingles of `text`; a text of fewer than four tokens is one shorter shingle, as in evaluate.py. */
export function shingles(text) {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map();
  const last = Math.max(1, tokens.length - SHINGLE + 1);
  for (let index = 0; index < last; index++) {
    const shingle = tokens.slice(index, index + SHINGLE);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Normalised tp/fp/fn of `predicted` against `truth`. */
export function matchShingles(truth, predicted) {
  const expected = shingles(truth);
  const found = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...expected.keys(), ...found.keys()])) {
    const want = expected.get(key) ?? 0;
    const got = found.get(key) ?? 0;
    tp += Math.min(want, got);
    fp += Math.max(0, got - want);
    fn += Math.max(0, want - got);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

export function precisionOf({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

export function recallOf({ tp, fp, fn }) {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

/** Mean precision and recall over pages, and the F1 of the two means. */
export function scorePages(pages) {
  const mean = (values) => values.reduce((sum, value) => sum + value, 0) / (values.length || 1);
  const precision = mean(pages.filter((page) => page.tp + page.fp > 0).map(precisionOf));
  const recall = mean(pages.filter((page) => page.tp + page.fn > 0).map(recallOf));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { f1, precision, recall };
}

/** F1 of one page. */
export function pageF1(page) {
  const precision = precisionOf(page);
  const recall = recallOf(page);
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}
