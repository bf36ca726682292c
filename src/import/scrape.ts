// A plain-text copy of a news page (notice, breadcrumb, headline, dateline, body) → the parts of an article.

import { type Dateline, findDateline, parseDateText } from '../article/dates.js';

export interface ScrapedArticle {
  title: string;
  /** YYYY-MM-DD, from the dateline read with the opening of the body as weekday hint. */
  date?: string;
  /** How an ambiguous date was resolved (`06/05/2016` read day-first because the text says Friday). */
  dateNote?: string;
  /** The dateline and byline lines as written, taken out of the body. */
  dateline?: string;
  author?: string;
  /** The last breadcrumb below the home page (`Home › News` → News). */
  section?: string;
  banner?: { title: string; text: string };
  breadcrumb: string[];
  /** Markdown: paragraphs escaped so the page's text is never read as syntax, `##` subheadings, lists. */
  body: string;
}

/** The headline, breadcrumb and dateline are near the top; a match further down is body text. */
const HEADER_UNITS = 12;
/** How much of the body is searched for a weekday that decides an ambiguous date. */
const WEEKDAY_HINT_CHARS = 600;
/** A site notice is a line or two; more text before the headline is not one, and stays in the body. */
const MAX_BANNER_UNITS = 4;
const MAX_BANNER_CHARS = 600;
/** Subheadings are a few words: longer unpunctuated lines are more likely cut-off paragraphs. */
const MAX_SUBHEAD_WORDS = 10;
const MAX_SUBHEAD_CHARS = 80;
/** Breadcrumb, dateline and byline lines follow the headline closely; the body starts after these. */
const MAX_LINES_AFTER_HEADLINE = 4;
/** Headlines are a line; beyond this a unit is a paragraph. */
const MAX_TITLE_CHARS = 250;
/** The first crumb of a breadcrumb whose separators were lost in the copy (`Home News Title`). */
const HOME_CRUMBS = new Set(['home', 'homepage', 'start']);

/** One line of the page as copied, and which blank-line-separated group it came from. */
interface Unit {
  text: string;
  group: number;
}

interface Unicode {
  word: RegExp;
  letter: RegExp;
  wordChar: RegExp;
}

let unicode: Unicode | undefined;

/** Unicode property patterns cost start-up time to compile, so they are built on first use. */
function getUnicode(): Unicode {
  unicode ??= { word: /[\p{L}\p{N}]+/gu, letter: /\p{L}/u, wordChar: /[\p{L}\p{N}]/u };
  return unicode;
}

function countWords(text: string): number {
  return text.match(getUnicode().word)?.length ?? 0;
}

/** Whitespace-collapsed text, to see that two lines say the same thing (case too: no word form is lost). */
function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Sentences end in . ! ? : ; , or …, possibly inside closing quotes or brackets. */
function endsWithPunctuation(text: string): boolean {
  return /[.!?:;,…]["'”’»)\]]*$/.test(text);
}

/**
 * Starts with a capital or a number (`86.5 million miles`), perhaps after an opening quote;
 * a line starting with other marks (`| Item |`, `* note`) is not a heading.
 */
function startsLikeHeading(text: string): boolean {
  const first = text.replace(/^["'“‘«(]/, '').charAt(0);
  if (/\d/.test(first)) return true;
  return getUnicode().letter.test(first) && first !== first.toLowerCase();
}

/** Short, capitalised, unpunctuated, no address: how subheadings and notice titles look. */
function isHeadingLike(text: string): boolean {
  return (
    text.length <= MAX_SUBHEAD_CHARS &&
    countWords(text) > 0 &&
    countWords(text) <= MAX_SUBHEAD_WORDS &&
    !endsWithPunctuation(text) &&
    startsLikeHeading(text) &&
    !/(?:https?:\/\/|www\.|@)\S*$/i.test(text)
  );
}

/** A headline is one line with words; headlines rarely end with a full stop, paragraphs do. */
function isTitleLike(text: string): boolean {
  return text.length <= MAX_TITLE_CHARS && countWords(text) > 0 && !/\.["'”’]?$/.test(text) && !/^by\s/i.test(text);
}

/** A paragraph hard-wrapped at a fixed width: every line but the last is long and about as long. */
function isHardWrapped(lines: string[]): boolean {
  if (lines.length < 2) return false;
  const widths = lines.slice(0, -1).map((line) => line.length);
  // A loop, not Math.max(...widths): a text of 100,000 lines would overflow the stack as arguments.
  const widest = widths.reduce((most, width) => Math.max(most, width), 0);
  return widest <= 100 && widths.every((width) => width >= 40 && widest - width <= 25);
}

/**
 * Lines → units. Blank lines separate groups; within a group every line is a unit (a browser's
 * copy puts each block on its own line), except a hard-wrapped paragraph, which is joined.
 */
function splitUnits(text: string): Unit[] {
  const units: Unit[] = [];
  const groups = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((group) =>
      group
        .split('\n')
        .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
        .filter((line) => line !== ''),
    )
    .filter((lines) => lines.length > 0);
  groups.forEach((lines, group) => {
    if (isHardWrapped(lines)) units.push({ text: lines.join(' '), group });
    else for (const line of lines) units.push({ text: line, group });
  });
  return units;
}

/** Separators between breadcrumbs; a slash only with spaces around it, so `and/or` is not one. */
const CRUMB_SEPARATOR = /\s*(?:›|»|→|>|\|)\s*|\s+\/\s+/;

/** The crumbs of a breadcrumb line (`Home › News › World`), or undefined when the line is not one. */
function splitBreadcrumb(text: string): string[] | undefined {
  if (text.length > MAX_TITLE_CHARS + 100) return undefined;
  const crumbs = text.split(CRUMB_SEPARATOR).map((crumb) => crumb.trim());
  if (crumbs.length < 2 || crumbs.some((crumb) => crumb === '')) return undefined;
  // Every crumb but the last (which may be the page's own title) is a short name.
  const names = crumbs.slice(0, -1);
  if (names.some((crumb) => countWords(crumb) > 5 || endsWithPunctuation(crumb))) return undefined;
  return crumbs;
}

/**
 * A line that is a breadcrumb ending in the headline, copied without its separators
 * (`Home News Japan’s …`): the words before the headline start with a home crumb, are few
 * and capitalised. Each word becomes a crumb, as nothing tells where a two-word crumb ends.
 */
function splitGluedBreadcrumb(line: string, headline: string): string[] | undefined {
  const [text, title] = [normalize(line), normalize(headline)];
  if (!text.endsWith(` ${title}`)) return undefined;
  const prefix = line
    .trim()
    .slice(0, line.trim().length - headline.trim().length)
    .trim();
  const bySeparator = splitBreadcrumb(prefix.replace(/\s*(?:›|»|→|>|\||\/)$/, ''));
  if (bySeparator && /(?:›|»|→|>|\||\/)$/.test(prefix)) return bySeparator;
  const words = prefix.split(' ');
  if (words.length > 5 || !HOME_CRUMBS.has(words[0]?.toLowerCase() ?? '')) return undefined;
  return words.every(startsLikeHeading) ? words : undefined;
}

/** A byline without a date (`By Jane Doe`), giving the author. */
function findAuthor(text: string): string | undefined {
  const match = /^by\s+(.+)$/i.exec(text);
  const name = match?.[1]?.trim();
  if (!name || name.length > 80 || /\d/.test(name) || endsWithPunctuation(name)) return undefined;
  return startsLikeHeading(name) && countWords(name) <= 8 ? name : undefined;
}

/** A dateline whose date is a real day; one that names no real day stays in the body. */
function findValidDateline(text: string): Dateline | undefined {
  const dateline = findDateline(text);
  return dateline && parseDateText(dateline.text) ? dateline : undefined;
}

interface Headline {
  index: number;
  /** The unit holding the first copy of the headline, when the page shows it twice. */
  copy?: number;
  /** Crumbs read from a first copy that was a breadcrumb ending in the headline. */
  crumbs?: string[];
}

/**
 * The headline, by the strongest anchor found near the top: a line shown twice (or once at the
 * end of a breadcrumb), then the line after a breadcrumb, then the line before (or after) a
 * dateline, then a first line that can be a title. Undefined when none is: a page of paragraphs.
 */
function findHeadline(units: Unit[]): Headline | undefined {
  const limit = Math.min(units.length, HEADER_UNITS);
  const text = (index: number) => units[index]?.text ?? '';
  for (let index = 1; index < limit; index++) {
    if (!isTitleLike(text(index))) continue;
    for (let copy = Math.max(0, index - 3); copy < index; copy++) {
      if (normalize(text(copy)) === normalize(text(index))) return { index, copy };
      const crumbs = splitGluedBreadcrumb(text(copy), text(index));
      if (crumbs) return { index, copy, crumbs };
    }
  }
  for (let index = 0; index + 1 < limit; index++) {
    if (splitBreadcrumb(text(index)) && isTitleLike(text(index + 1))) return { index: index + 1 };
  }
  const isHeaderLine = (index: number) =>
    findValidDateline(text(index)) !== undefined || findAuthor(text(index)) !== undefined;
  const dated = units.findIndex((unit, index) => index < limit && findValidDateline(unit.text));
  // The headline is above the dateline and any byline right above it…
  let above = dated - 1;
  while (above >= 0 && isHeaderLine(above)) above--;
  if (dated >= 0 && above >= 0 && isTitleLike(text(above))) return { index: above };
  // …or, with a dateline first, below it and any byline after it.
  let index = Math.max(dated, 0);
  while (index < limit - 1 && isHeaderLine(index)) index++;
  return index < limit && isTitleLike(text(index)) && !isHeaderLine(index) ? { index } : undefined;
}

/**
 * A crumb naming the page itself is not a place: the headline, or its first ten or more
 * characters cut with an ellipsis (the cut-off word, if any, is the start of a title word).
 */
function isTitleCrumb(crumb: string, title: string): boolean {
  const [name, full] = [normalize(crumb), normalize(title)];
  const cut = name.replace(/(?:…|\.\.\.)$/, '').trim();
  return name === full || (cut !== name && cut.length >= 10 && full.startsWith(cut));
}

/** Header lines around the headline: what each unit turned out to be. */
interface Header {
  title: string;
  crumbs?: string[];
  datelines: Dateline[];
  /** Dateline and byline lines as written. */
  lines: string[];
  author?: string;
  /** Units taken by the header (headline, its copy, breadcrumb, datelines, bylines). */
  used: Set<number>;
  /** Units before the header: a site notice, or body text when they do not look like one. */
  before: number[];
}

/** Takes the unit as breadcrumb, dateline or byline when it is one; false when it is none. */
function takeHeaderLine(header: Header, units: Unit[], index: number): boolean {
  const text = units[index]?.text ?? '';
  const dateline = findValidDateline(text);
  if (dateline) {
    header.datelines.push(dateline);
    header.lines.push(text);
    if (dateline.author && !header.author) header.author = dateline.author;
    header.used.add(index);
    return true;
  }
  const crumbs = header.crumbs ? undefined : splitBreadcrumb(text);
  if (crumbs) {
    header.crumbs = crumbs;
    header.used.add(index);
    return true;
  }
  const author = header.author ? undefined : findAuthor(text);
  if (author) {
    header.author = author;
    header.lines.push(text);
    header.used.add(index);
    return true;
  }
  return false;
}

/**
 * The header: the headline, then breadcrumb, dateline and byline lines right after it (up to
 * four) and right before it (walking back from the headline or its first copy). Units before
 * those are the notice area.
 */
function readHeader(units: Unit[]): Header | undefined {
  const headline = findHeadline(units);
  if (!headline) return undefined;
  const header: Header = {
    title: units[headline.index]?.text ?? '',
    datelines: [],
    lines: [],
    used: new Set([headline.index]),
    before: [],
  };
  if (headline.crumbs) header.crumbs = headline.crumbs;
  const first = headline.copy ?? headline.index;
  if (headline.copy !== undefined) header.used.add(headline.copy);
  const after = Math.min(units.length, headline.index + 1 + MAX_LINES_AFTER_HEADLINE);
  let next = headline.index + 1;
  while (next < after && takeHeaderLine(header, units, next)) next++;
  // Between a first copy and the headline, every unit is header or, when unsure, body.
  for (let index = first + 1; index < headline.index; index++) takeHeaderLine(header, units, index);
  let start = first;
  while (start > 0 && takeHeaderLine(header, units, start - 1)) start--;
  for (let index = 0; index < start; index++) header.before.push(index);
  return header;
}

/**
 * Units before the headline are a site notice when few and short: a title line and its text, or
 * the text alone; the text is sentences. A lone short line (a site name, a kicker like `Opinion`, a
 * notice title) is none of these for sure, and stays in the body.
 */
function readBanner(units: Unit[], indexes: number[]): ScrapedArticle['banner'] | undefined {
  const texts = indexes.map((index) => units[index]?.text ?? '');
  const chars = texts.reduce((sum, text) => sum + text.length, 0);
  if (texts.length === 0 || texts.length > MAX_BANNER_UNITS || chars > MAX_BANNER_CHARS) return undefined;
  const [first = '', ...rest] = texts;
  if (rest.length > 0 && isHeadingLike(first) && rest.every(endsWithPunctuation)) {
    return { title: first, text: rest.join(' ') };
  }
  return texts.every(endsWithPunctuation) ? { title: '', text: texts.join(' ') } : undefined;
}

/** A body block before it is written as Markdown. */
type BodyBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'list'; items: string[]; numbers?: number[] };

/** `– Lingering tensions –`, `— A first step —`, `-- Notes --`: a subheading set off by dashes. */
function readDashHeading(text: string): string | undefined {
  const match = /^[–—-]{1,2}\s*(.*?)\s*[–—-]{1,2}$/.exec(text);
  const inner = match?.[1];
  if (!inner || /^[–—-]|[–—-]$/.test(inner) || countWords(inner) === 0) return undefined;
  return countWords(inner) <= 12 && inner.length <= 100 ? inner : undefined;
}

/** A bullet the page wrote as a character (`• item`, `- item`, `– item`). */
function readBullet(text: string): { marker: string; item: string } | undefined {
  const match = /^([•◦▪‣●○■□·*+–—-])\s+(\S.*)$/.exec(text);
  return match?.[1] && match[2] ? { marker: match[1], item: match[2] } : undefined;
}

function readNumbered(text: string): { number: number; item: string } | undefined {
  const match = /^(\d{1,3})[.)]\s+(\S.*)$/.exec(text);
  return match?.[1] && match[2] ? { number: Number(match[1]), item: match[2] } : undefined;
}

/** Items of a marked list starting at `start`: two or more units with the same bullet, or numbered 1, 2, 3… */
function readMarkedList(units: Unit[], start: number): { block: BodyBlock; next: number } | undefined {
  const bullet = readBullet(units[start]?.text ?? '');
  const items: string[] = [];
  let next = start;
  if (bullet) {
    for (let found = readBullet(units[next]?.text ?? ''); found?.marker === bullet.marker; next++) {
      items.push(found.item);
      found = readBullet(units[next + 1]?.text ?? '');
    }
    return items.length >= 2 ? { block: { kind: 'list', items }, next } : undefined;
  }
  const numbers: number[] = [];
  for (let found = readNumbered(units[next]?.text ?? ''); found; next++) {
    if (numbers.length > 0 && found.number !== (numbers.at(-1) ?? 0) + 1) break;
    numbers.push(found.number);
    items.push(found.item);
    found = readNumbered(units[next + 1]?.text ?? '');
  }
  return items.length >= 2 ? { block: { kind: 'list', items, numbers }, next } : undefined;
}

/**
 * A list copied without its bullets: after a line ending with a colon, two or more short lines
 * of the same group (no blank line between them). Items separated by blank lines stay paragraphs.
 */
function readUnmarkedList(units: Unit[], start: number): { block: BodyBlock; next: number } | undefined {
  const lead = units[start - 1];
  if (!lead || !/:$/.test(lead.text)) return undefined;
  const items: string[] = [];
  let next = start;
  for (let unit = units[next]; unit && unit.group === lead.group && countWords(unit.text) <= 25; unit = units[next]) {
    items.push(unit.text);
    next++;
  }
  return items.length >= 2 ? { block: { kind: 'list', items }, next } : undefined;
}

/**
 * Body units → blocks. Dash-set lines are subheadings wherever they are; a short unpunctuated
 * line is one only between two paragraphs (a lone short line at either end, or a run of short
 * lines, is more likely a caption, credit or list, and stays text).
 */
function readBody(units: Unit[]): BodyBlock[] {
  const blocks: BodyBlock[] = [];
  for (let index = 0; index < units.length; ) {
    const text = units[index]?.text ?? '';
    const dashed = readDashHeading(text);
    if (dashed !== undefined) {
      blocks.push({ kind: 'heading', text: dashed });
      index++;
      continue;
    }
    const list = readMarkedList(units, index) ?? readUnmarkedList(units, index);
    if (list) {
      blocks.push(list.block);
      index = list.next;
      continue;
    }
    const previous = blocks.at(-1);
    const following = units[index + 1]?.text;
    const betweenParagraphs =
      previous?.kind === 'paragraph' &&
      !isHeadingLike(previous.text) &&
      following !== undefined &&
      !isHeadingLike(following) &&
      readDashHeading(following) === undefined;
    blocks.push({ kind: betweenParagraphs && isHeadingLike(text) ? 'heading' : 'paragraph', text });
    index++;
  }
  return blocks;
}

interface Escapers {
  char: RegExp;
  autolink: RegExp;
}

let escapers: Escapers | undefined;

function getEscapers(): Escapers {
  escapers ??= {
    // `<` before anything but a space may open a tag, a comment or an autolink (`<a@b.com>`, `<#x@y.z>`).
    char: /[\\`*[|~]|<(?=\S)|&(?=#?[A-Za-z0-9]+;)|_/g,
    // Where GFM links a bare address (marked's extended autolinks); backslashes inside one are not escapes.
    autolink: /(?:(?:https?|ftp):\/\/|www\.)[^\s<]*/gi,
  };
  return escapers;
}

/** Which characters of the line Markdown would read inline, each marked by its index. */
function findInlineSyntax(line: string): Set<number> {
  const { wordChar } = getUnicode();
  const found = new Set<number>();
  for (const match of line.matchAll(getEscapers().char)) {
    const at = match.index;
    // An underscore inside a word (snake_case, @handle_name) cannot open or close emphasis.
    if (match[0] === '_' && wordChar.test(line[at - 1] ?? '') && wordChar.test(line[at + 1] ?? '')) continue;
    found.add(at);
  }
  return found;
}

/**
 * Characters Markdown reads inline (emphasis, code, links, HTML, entities, tables, strikethrough).
 * A bare address that needs no escape, in it or right after it, is left as it is, so it is still
 * linked; one that does is unlinked first (`https\://`, `www\.`), as GFM would take the
 * backslashes into the address.
 */
function escapeInline(line: string): string {
  const syntax = findInlineSyntax(line);
  const escapeRange = (from: number, to: number) => {
    let out = '';
    for (let at = from; at < to; at++) out += syntax.has(at) ? `\\${line[at]}` : line[at];
    return out;
  };
  let out = '';
  let done = 0;
  for (const match of line.matchAll(getEscapers().autolink)) {
    const [start, end] = [match.index, match.index + match[0].length];
    out += escapeRange(done, start);
    let linkable = !syntax.has(end);
    for (let at = start; at < end && linkable; at++) linkable = !syntax.has(at);
    const run = escapeRange(start, end);
    out += linkable ? run : run.replace(/:\/\//g, '\\://').replace(/(www)\./gi, '$1\\.');
    done = end;
  }
  return out + escapeRange(done, line.length);
}

/**
 * Characters Markdown reads at the start of a line: headings, quotes, lists, rules, setext
 * underlines, and GFM table delimiter rows (`-:`, `:--`), which turn the line above into a table.
 */
function escapeLineStart(line: string): string {
  // Dashes, colons, pipes and spaces with a dash: a rule, a setext underline or a delimiter row.
  if (/^[:-][\s:|\\-]*$/.test(line) && line.includes('-')) return `\\${line}`;
  return line
    .replace(/^#{1,6}(?=\s|$)/, '\\$&')
    .replace(/^>/, '\\>')
    .replace(/^=+\s*$/, '\\$&')
    .replace(/^[-+](?=\s|$)/, '\\$&')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * Text → Markdown that shows exactly that text: every character Markdown would read as syntax
 * is escaped, and nothing else. Lines are trimmed (Markdown ignores their indentation, except as
 * code) and blank lines dropped, so the result is one paragraph.
 */
export function escapeMarkdownText(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => escapeLineStart(escapeInline(line)))
    .join('\n');
}

/** Heading text: escaped like a paragraph, plus a trailing `#` run that would be read as closing. */
function escapeHeadingText(text: string): string {
  return escapeMarkdownText(text.replace(/\s+/g, ' ')).replace(/(\s)(#+)$/, '$1\\$2');
}

/**
 * Blocks → Markdown, a blank line between blocks. Two lists in a row with the same marker would
 * be read as one list, so the next one switches marker (`-` and `*`, `1.` and `1)`).
 */
function writeBody(blocks: BodyBlock[]): string {
  let alternate = false;
  return blocks
    .map((block, index) => {
      if (block.kind === 'heading') return `## ${escapeHeadingText(block.text)}`;
      if (block.kind === 'paragraph') return escapeMarkdownText(block.text);
      const previous = blocks[index - 1];
      alternate = previous?.kind === 'list' && !previous.numbers === !block.numbers ? !alternate : false;
      return block.items
        .map((item, at) => {
          const marker = block.numbers ? `${block.numbers[at]}${alternate ? ')' : '.'}` : alternate ? '*' : '-';
          return `${marker} ${escapeMarkdownText(item)}`;
        })
        .join('\n');
    })
    .join('\n\n');
}

/**
 * Reads a page copied as plain text. Rules, from the top:
 * - the headline is the line shown twice (or once alone and once at the end of a breadcrumb),
 *   else the line after a breadcrumb, else the line before a dateline, else the first line when
 *   it can be a title; with none, the title is empty and the whole text is body;
 * - breadcrumb, dateline and byline lines next to the headline are taken out of the body;
 * - a few short units before all that are a site notice (title line + text);
 * - the date comes from the published dateline (else the updated one), with the opening of the
 *   body naming the weekday that settles an ambiguous day/month;
 * - the rest is the body: paragraphs, subheadings, lists, all text escaped.
 * When a rule is unsure the text stays in the body: no word of the page is dropped.
 */
export function parseScrape(text: string): ScrapedArticle {
  const units = splitUnits(text);
  const header = readHeader(units);
  if (!header) return { title: '', breadcrumb: [], body: writeBody(readBody(units)) };
  const banner = readBanner(units, header.before);
  const bodyUnits = units.filter(
    (_, index) => !header.used.has(index) && (banner === undefined || !header.before.includes(index)),
  );
  const bodyText = bodyUnits.map((unit) => unit.text).join('\n');
  const crumbs = (header.crumbs ?? []).filter(
    (crumb, index, all) => index < all.length - 1 || !isTitleCrumb(crumb, header.title),
  );
  const article: ScrapedArticle = {
    title: header.title,
    breadcrumb: crumbs,
    body: writeBody(readBody(bodyUnits)),
  };
  const dated = header.datelines.find((line) => line.kind === 'published') ?? header.datelines[0];
  const parsed = dated && parseDateText(dated.text, { weekdayText: bodyText.slice(0, WEEKDAY_HINT_CHARS) });
  if (parsed) article.date = parsed.date;
  // The page gave no publication date, only when it was updated: say so, as that date is later.
  const notes = [parsed?.note, parsed && dated?.kind === 'updated' ? 'the page gives only an updated date' : undefined];
  const note = notes.filter((part) => part !== undefined).join('; ');
  if (note !== '') article.dateNote = note;
  if (header.lines.length > 0) article.dateline = header.lines.join('\n');
  if (header.author) article.author = header.author;
  const section = crumbs.filter((crumb) => !HOME_CRUMBS.has(crumb.toLowerCase())).at(-1);
  if (section) article.section = section;
  if (banner) article.banner = banner;
  return article;
}
