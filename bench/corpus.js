// Owns `node bench/corpus.js`: a clearly synthetic article library for benchmarking `news list` and `news search`.
// Every word is a made-up pseudo-word except a few planted query words at known rates, so no article reads as news.
// Deterministic: the same --count and --seed give byte-identical files on every machine.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** Bumped whenever the output for a given count and seed changes, so `bench/run.js` regenerates stale folders. */
export const GENERATOR_VERSION = 2;
export const MANIFEST_FILE = '.manifest.json';

const DEFAULT_SEED = 1;
const MAX_COUNT = 1_000_000;
/** Distinct words: a real news library of 10,000 articles uses on the order of 100,000. */
const VOCABULARY_SIZE = 50_000;
/** The most frequent words, all short. */
const FUNCTION_WORDS = 20;
/** Zipf exponent: close to 1, as in natural text; a few short words dominate, most words are rare. */
const ZIPF_EXPONENT = 1.07;
/** Words in an article's body: real articles run from a short report to a long feature. */
const MIN_WORDS = 400;
const MAX_WORDS = 1500;
const FIRST_YEAR = 2000;
const LAST_YEAR = 2025;

const SOURCES = ['Synthetic Wire', 'Placeholder Press', 'Fixture Gazette', 'Pseudo Post', 'Lorem Daily'];
const SECTIONS = ['Synthetic Affairs', 'Fixtures', 'Placeholders', 'Pseudo Science', 'Test Data'];

/**
 * Real words planted in the bodies at known rates (the share of articles that contain them), so a benchmark
 * has a rare, a selective, a phrase and a common query. No pseudo-word contains any of them, so the counts in
 * the manifest are exact for `news search` (word-start match) and for `rg -i` (substring match) alike.
 * An article with "peace treaty" also counts for "peace" and "treaty".
 */
const PLANTED = [
  { term: 'glacier', rate: 0.001 },
  { term: 'peace treaty', rate: 0.005 },
  { term: 'treaty', rate: 0.015 },
  { term: 'peace', rate: 0.02 },
  { term: 'harbour', rate: 0.25 },
];
const PLANTED_WORDS = [...new Set(PLANTED.flatMap(({ term }) => term.split(' ')))];
const isPlanted = new Set(PLANTED.map(({ term }) => term));

const USAGE = `usage: node bench/corpus.js --count N --out DIR [--seed S] [--quiet]
  --count N   how many articles (synthetic-000001.md …), 1 to ${MAX_COUNT}
  --out DIR   the folder to create or replace (only a folder this script made, or an empty one)
  --seed S    PRNG seed, a non-negative integer (default ${DEFAULT_SEED})
  --quiet     print nothing but errors`;

/** mulberry32: tiny, fast, the same on every machine, and good enough for picking words; floats in [0, 1). */
export function createRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const intBetween = (random, low, high) => low + Math.floor(random() * (high - low + 1));
const pick = (random, items) => items[Math.floor(random() * items.length)];
const capitalise = (word) => word[0].toUpperCase() + word.slice(1);

/**
 * VOCABULARY_SIZE distinct pronounceable pseudo-words from consonant-vowel syllables. The FUNCTION_WORDS most
 * frequent Zipf ranks are one-syllable words, as "the", "of" and "and" are in real text; the rest come in random
 * order, so that words average about the length of news copy's (~7 KB for 1,000 words with punctuation). Words
 * containing a planted word are skipped.
 */
function buildVocabulary(random) {
  const onsets = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kl', 'st', 'tr'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ou'];
  const codas = ['', '', '', 'n', 'r', 's', 'l', 'k'];
  const syllable = () => pick(random, onsets) + pick(random, vowels) + pick(random, codas);
  const words = new Set();
  const short = [];
  const rest = [];
  while (words.size < VOCABULARY_SIZE) {
    const count = pick(random, [1, 2, 2, 2, 3, 3, 3, 4]);
    let word = '';
    for (let i = 0; i < count; i++) word += syllable();
    if (words.has(word) || PLANTED_WORDS.some((planted) => word.includes(planted))) continue;
    words.add(word);
    (count === 1 && short.length < FUNCTION_WORDS ? short : rest).push(word);
  }
  // Fisher–Yates with the same generator: deterministic.
  for (let i = rest.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rest[i], rest[j]] = [rest[j], rest[i]];
  }
  return [...short, ...rest];
}

/** Walker's alias method: O(1) draws of Zipf ranks, which keeps 100,000 articles (~60M words) fast. */
function createZipf(size, exponent) {
  const weights = Array.from({ length: size }, (_, rank) => 1 / (rank + 1) ** exponent);
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const probability = new Float64Array(size);
  const alias = new Uint32Array(size);
  const scaled = weights.map((weight) => (weight * size) / total);
  const small = [];
  const large = [];
  for (const [index, value] of scaled.entries()) (value < 1 ? small : large).push(index);
  while (small.length > 0 && large.length > 0) {
    const less = small.pop();
    const more = large.pop();
    probability[less] = scaled[less];
    alias[less] = more;
    scaled[more] = scaled[more] + scaled[less] - 1;
    (scaled[more] < 1 ? small : large).push(more);
  }
  for (const index of [...small, ...large]) probability[index] = 1;
  return (random) => {
    const column = Math.floor(random() * size);
    return random() < probability[column] ? column : alias[column];
  };
}

function pad(number, width) {
  return String(number).padStart(width, '0');
}

function randomDate(random) {
  const year = intBetween(random, FIRST_YEAR, LAST_YEAR);
  const month = intBetween(random, 1, 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month, 2)}-${pad(intBetween(random, 1, days), 2)}`;
}

/** Splits `total` into `parts` positive sizes that vary around the mean. */
function splitSizes(random, total, parts) {
  const weights = Array.from({ length: parts }, () => 0.5 + random());
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((weight) => Math.max(1, Math.floor((weight / sum) * total)));
  sizes[sizes.length - 1] += total - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

/**
 * Turns a paragraph's words into sentences of 5–20 words: capitalised, an occasional comma, and now and then a
 * sentence in curly quotes. A planted phrase is one token, so no comma or full stop ever splits it.
 */
function writeParagraph(random, tokens) {
  const sentences = [];
  let index = 0;
  while (index < tokens.length) {
    let length = intBetween(random, 5, 20);
    if (tokens.length - index - length < 4) length = tokens.length - index;
    const words = tokens.slice(index, index + length);
    index += length;
    let text = capitalise(words[0]);
    for (let i = 1; i < words.length; i++) text += (random() < 0.07 ? ', ' : ' ') + words[i];
    sentences.push(random() < 0.06 ? `“${text}.”` : `${text}.`);
  }
  return sentences.join(' ');
}

function titleWords(random, drawWord, low, high) {
  return Array.from({ length: intBetween(random, low, high) }, () => capitalise(drawWord())).join(' ');
}

/**
 * One article: front matter, then 4–16 paragraphs of 400–1,500 words in all (the length of real news and blog
 * articles; the bundled one has 741), sometimes with `##` subheadings.
 */
function writeArticle(random, drawWord, tags, planted) {
  const wordCount = intBetween(random, MIN_WORDS, MAX_WORDS);
  const tokens = Array.from({ length: wordCount }, drawWord);
  // Planted terms overwrite words at random places (a phrase token replaces two), so the word count stays the same.
  for (const term of planted) {
    const words = term.split(' ');
    const times = intBetween(random, 1, 3);
    for (let i = 0; i < times; i++) {
      let at = intBetween(random, 0, tokens.length - words.length);
      // Never overwrite a term planted before: the manifest's counts must stay exact.
      while (tokens.slice(at, at + words.length).some((token) => isPlanted.has(token))) {
        at = intBetween(random, 0, tokens.length - words.length);
      }
      tokens.splice(at, words.length, term);
    }
  }
  const paragraphs = splitSizes(random, tokens.length, intBetween(random, 4, 16));
  const blocks = [];
  let start = 0;
  paragraphs.forEach((size, index) => {
    if (index > 0 && random() < 0.12) blocks.push(`## ${titleWords(random, drawWord, 2, 5)}`);
    blocks.push(writeParagraph(random, tokens.slice(start, start + size)));
    start += size;
  });
  const tagCount = intBetween(random, 1, 4);
  const chosen = new Set();
  while (chosen.size < tagCount) chosen.add(pick(random, tags));
  const front = [
    '---',
    `title: "${titleWords(random, drawWord, 4, 9)}"`,
    `date: ${randomDate(random)}`,
    `source: ${pick(random, SOURCES)}`,
    `section: ${pick(random, SECTIONS)}`,
    `tags: [${[...chosen].join(', ')}]`,
    '---',
  ];
  return `${front.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}

/** Which planted terms an article gets; a phrase also counts for its words, so one of them is not planted twice. */
function choosePlanted(random) {
  const terms = PLANTED.filter(({ rate }) => random() < rate).map(({ term }) => term);
  return terms.filter((term) => !terms.some((other) => other !== term && other.split(' ').includes(term)));
}

function folderBytes(dir) {
  let bytes = 0;
  for (const name of readdirSync(dir)) bytes += statSync(join(dir, name)).size;
  return bytes;
}

/** A folder may be replaced only if it holds nothing but what this script writes. */
function assertReplaceable(out) {
  if (!existsSync(out)) return;
  if (!statSync(out).isDirectory()) throw new Error(`${out} exists and is not a folder`);
  const foreign = readdirSync(out).filter((name) => name !== MANIFEST_FILE && !/^synthetic-\d+\.md$/.test(name));
  if (foreign.length > 0) {
    throw new Error(`${out} holds files this script did not write (${foreign[0]}, …); choose another --out`);
  }
}

/**
 * Writes the corpus into a temporary sibling folder, then renames it into place, so `out` is either absent or
 * complete: an interrupted run never leaves a half-written library that a benchmark would take as whole.
 */
export function generateCorpus({ count, out, seed }) {
  assertReplaceable(out);
  const random = createRandom(seed);
  const vocabulary = buildVocabulary(random);
  const zipf = createZipf(vocabulary.length, ZIPF_EXPONENT);
  const drawWord = () => vocabulary[zipf(random)];
  // Tags: a few hundred mid-frequency pseudo-words, so a tag is neither everywhere nor unique.
  const tags = vocabulary.slice(200, 500);
  const width = Math.max(6, String(count).length);
  const temporary = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  const counts = Object.fromEntries(PLANTED_WORDS.concat(PLANTED.map(({ term }) => term)).map((term) => [term, 0]));
  try {
    for (let number = 1; number <= count; number++) {
      const planted = choosePlanted(random);
      const present = new Set(planted.flatMap((term) => [term, ...term.split(' ')]));
      for (const term of present) counts[term] += 1;
      writeFileSync(
        join(temporary, `synthetic-${pad(number, width)}.md`),
        writeArticle(random, drawWord, tags, planted),
      );
    }
    const manifest = {
      generator: GENERATOR_VERSION,
      count,
      seed,
      vocabulary: vocabulary.length,
      note: 'synthetic benchmark corpus from bench/corpus.js: pseudo-words, not news',
      articlesContaining: counts,
    };
    writeFileSync(join(temporary, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    rmSync(out, { recursive: true, force: true });
    renameSync(temporary, out);
    return { manifest, bytes: folderBytes(out) };
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}

function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      count: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return { help: true };
  const count = Number(values.count);
  if (values.count === undefined || !Number.isInteger(count) || count < 1 || count > MAX_COUNT) {
    throw new Error(`--count must be a whole number from 1 to ${MAX_COUNT}, got '${values.count ?? ''}'`);
  }
  if (values.out === undefined || values.out === '') throw new Error('--out is required');
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`--seed must be a whole number from 0 to ${0xffffffff}, got '${values.seed}'`);
  }
  return { count, out: resolve(values.out), seed, quiet: values.quiet === true };
}

function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`corpus: ${error.message}\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const start = process.hrtime.bigint();
  let result;
  try {
    result = generateCorpus(options);
  } catch (error) {
    console.error(`corpus: ${error.message}`);
    return 1;
  }
  if (!options.quiet) {
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const planted = Object.entries(result.manifest.articlesContaining)
      .map(([term, count]) => `${term.includes(' ') ? `"${term}"` : term} ${count}`)
      .join(', ');
    console.log(`wrote ${options.count} articles to ${options.out} in ${seconds.toFixed(1)} s`);
    console.log(`articles containing: ${planted}`);
    console.log(`folder size: ${(result.bytes / 1024 / 1024).toFixed(1)} MiB (${result.bytes} bytes)`);
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
