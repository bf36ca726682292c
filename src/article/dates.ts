// Calendar dates (YYYY-MM-DD): reading them from text as pages, feeds and front matter write them,
// and showing them the same in every time zone (all arithmetic is in UTC, never shifted).

/** A calendar date read from text; `note` says how an ambiguous or inconsistent text was resolved. */
export interface ParsedDate {
  date: string;
  note?: string;
}

export interface DateHints {
  /** Text near the date (the opening of the article body): a weekday it names decides 06/05 vs 05/06. */
  weekdayText?: string;
  /** Forces the order of a numeric day and month; a text invalid in that order is not a date. */
  order?: 'dmy' | 'mdy';
}

/** A line that states when an article was published or updated, and the date text found in it. */
export interface Dateline {
  /** The date (and time) as written, ready for parseDateText. */
  text: string;
  kind: 'published' | 'updated';
  /** The name of a byline the date was part of (`By Jane Doe, May 6, 2016`). */
  author?: string;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function toUtcDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
}

/** "2016-05-06" → "Friday 6 May 2016", independent of the machine's time zone and locale. */
export function formatLongDate(iso: string): string {
  const date = toUtcDate(iso);
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `text` is YYYY-MM-DD and names a day that exists (no 2016-02-30). */
export function isCalendarDate(text: string): boolean {
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Years a news date can have; a number outside is an id, a price or a timestamp, not a year. */
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

/** Month names and their abbreviations (`Sept.` included), English only. */
const MONTH_PATTERN =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY_PATTERN =
  '(sun(?:day)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?)\\.?';

interface Patterns {
  weekday: RegExp;
  yearFirst: RegExp;
  dayMonthName: RegExp;
  monthNameDay: RegExp;
  numeric: RegExp;
  time: RegExp;
  zone: RegExp;
  label: RegExp;
  byline: RegExp;
  hintWeekday: RegExp;
}

let patterns: Patterns | undefined;

/** Compiled on first use, not at import: the CLI starts often and mostly never reads a date text. */
function getPatterns(): Patterns {
  patterns ??= {
    weekday: new RegExp(`${WEEKDAY_PATTERN},?\\s+`, 'iy'),
    // Year first is always year-month-day, whatever the separator (2019-04-09, 2016/05/06, 2016.5.6).
    yearFirst: /(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/y,
    // 6 May 2016, 6th May 2016, 6th of May, 2016, 09 Apr 19 (RFC 822's two-digit year), 6-May-2016.
    dayMonthName: new RegExp(
      `(\\d{1,2})(?:st|nd|rd|th)?(?:\\s+of)?(?:\\s+|-)${MONTH_PATTERN},?(?:\\s+|-)(\\d{4}|\\d{2})(?![\\d:])`,
      'iy',
    ),
    // May 6, 2016, May 6 2016, Sept. 15, 2023, May 6th, 2016.
    monthNameDay: new RegExp(`${MONTH_PATTERN}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?!\\d)`, 'iy'),
    numeric: /(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?!\d)/y,
    // A time after the date: `T15:00:00`, ` 15:00`, `, 3:04 pm`, ` at 3 p.m.`, ` @ 10:00`.
    time: /(?:T|\s*,\s*|\s+)(?:(?:at|@)\s*)?(\d{1,2})(?:[:.](\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?(?:\s*([ap])\.?\s?m\b\.?)?/iy,
    // Zones are upper case (Z, GMT, EST, +0000, -05:00, UTC+2, (CET)), so a following lower-case word is not
    // one; only RFC 3339's `z` may be lower case.
    zone: /\s*(?:[Zz]|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT|UT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}|\([A-Z]{2,5}\))(?![A-Za-z0-9])/y,
    label:
      /(first\s+published|originally\s+published|published|posted|last\s+updated|updated|last\s+modified|modified|date)\b(?:\s+(?:on|at)\b)?\s*[:–—-]?\s*/iy,
    byline: /by\s+/iy,
    hintWeekday: /\b(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)\b/g,
  };
  return patterns;
}

/** YYYY-MM-DD when the day exists (no 30 February) and the year is plausible; else undefined. */
function toCalendarDate(year: number, month: number, day: number): string | undefined {
  if (year < MIN_YEAR || year > MAX_YEAR) return undefined;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isCalendarDate(iso) ? iso : undefined;
}

function weekdayOf(iso: string): number {
  return toUtcDate(iso).getUTCDay();
}

function monthNumber(name: string): number {
  const prefix = name.slice(0, 3).toLowerCase();
  return MONTHS.findIndex((month) => month.slice(0, 3).toLowerCase() === prefix) + 1;
}

/** Weekday names differ in their first three letters, and the pattern guarantees three. */
function weekdayNumber(name: string): number {
  const prefix = name.slice(0, 3).toLowerCase();
  return WEEKDAYS.findIndex((day) => day.slice(0, 3).toLowerCase() === prefix);
}

/** RFC 2822 §4.3: a two-digit year 00–49 is 20xx, 50–99 is 19xx. */
function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}

/** What the date part of a text says: a fixed date, or a day and month in an unknown order. */
type NumericParts = { kind: 'numeric'; first: number; second: number; year: number; written: string };
type DateParts = { kind: 'fixed'; date: string } | NumericParts;

interface ScannedDate {
  parts: DateParts;
  /** Weekday named in the text itself (`Friday, 06/05/2016`), as 0 (Sunday) to 6. */
  weekday?: number;
  /** Index just after the date and any time and zone that follow it. */
  end: number;
}

function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** The date part at `at`, or undefined; `null` parts mean the text is a date form naming no real day. */
function scanDateParts(text: string, at: number): { parts: DateParts | null; end: number } | undefined {
  const p = getPatterns();
  let match = matchAt(p.yearFirst, text, at);
  if (match) {
    const date = toCalendarDate(Number(match[1]), Number(match[3]), Number(match[4]));
    return { parts: date ? { kind: 'fixed', date } : null, end: p.yearFirst.lastIndex };
  }
  match = matchAt(p.dayMonthName, text, at);
  if (match) {
    const date = toCalendarDate(fullYear(match[3] ?? ''), monthNumber(match[2] ?? ''), Number(match[1]));
    return { parts: date ? { kind: 'fixed', date } : null, end: p.dayMonthName.lastIndex };
  }
  match = matchAt(p.monthNameDay, text, at);
  if (match) {
    const date = toCalendarDate(Number(match[3]), monthNumber(match[1] ?? ''), Number(match[2]));
    return { parts: date ? { kind: 'fixed', date } : null, end: p.monthNameDay.lastIndex };
  }
  match = matchAt(p.numeric, text, at);
  if (match) {
    const parts: DateParts = {
      kind: 'numeric',
      first: Number(match[1]),
      second: Number(match[3]),
      year: Number(match[4]),
      written: match[0],
    };
    return { parts, end: p.numeric.lastIndex };
  }
  return undefined;
}

/** Index after an optional time and zone at `at`; undefined when a time is written but is no time of day. */
function scanTime(text: string, at: number): number | undefined {
  const p = getPatterns();
  const time = matchAt(p.time, text, at);
  if (!time) return at;
  const [hour, minute, second] = [Number(time[1]), Number(time[2] ?? 0), Number(time[3] ?? 0)];
  const meridiem = time[4];
  // A bare number after a date ("6 May 2016 10") is not a time: it needs minutes or am/pm.
  if (time[2] === undefined && meridiem === undefined) return at;
  const hourOk = meridiem ? hour >= 1 && hour <= 12 : hour <= 24;
  if (!hourOk || minute > 59 || second > 60) return undefined;
  let end = p.time.lastIndex;
  for (let zones = 0; zones < 2 && matchAt(p.zone, text, end); zones++) end = p.zone.lastIndex;
  return end;
}

/** The date at `at` with its weekday, time and zone, or undefined when no date form starts there. */
function scanDate(text: string, at: number): ScannedDate | null | undefined {
  const p = getPatterns();
  let start = at;
  let weekday: number | undefined;
  const named = matchAt(p.weekday, text, at);
  if (named) {
    weekday = weekdayNumber(named[1] ?? '');
    start = p.weekday.lastIndex;
  }
  const scanned = scanDateParts(text, start);
  if (!scanned) return undefined;
  if (scanned.parts === null) return null;
  const end = scanTime(text, scanned.end);
  if (end === undefined) return null;
  return weekday === undefined ? { parts: scanned.parts, end } : { parts: scanned.parts, weekday, end };
}

/** Weekdays named in `text`, in the order first named. */
function namedWeekdays(text: string): number[] {
  const found: number[] = [];
  for (const match of text.matchAll(getPatterns().hintWeekday)) {
    const day = WEEKDAYS.indexOf(match[1] ?? '');
    if (!found.includes(day)) found.push(day);
  }
  return found;
}

/** The one reading of a numeric day and month, chosen by validity, a forced order, then weekdays. */
function resolveNumeric(parts: NumericParts, weekday: number | undefined, hints: DateHints): ParsedDate | undefined {
  const dayFirst = toCalendarDate(parts.year, parts.second, parts.first);
  const monthFirst = toCalendarDate(parts.year, parts.first, parts.second);
  if (hints.order === 'dmy') return dayFirst ? { date: dayFirst } : undefined;
  if (hints.order === 'mdy') return monthFirst ? { date: monthFirst } : undefined;
  if (!dayFirst || !monthFirst || dayFirst === monthFirst) {
    const date = dayFirst ?? monthFirst;
    return date ? { date } : undefined;
  }
  const readings = `${formatLongDate(dayFirst)} (day-first) or ${formatLongDate(monthFirst)} (month-first)`;
  const decidedBy = (reason: string, date: string): ParsedDate => ({
    date,
    note: `${reason}: ${parts.written} is ${readings}, so read ${date === dayFirst ? 'day' : 'month'}-first`,
  });
  if (weekday !== undefined) {
    const matching = [dayFirst, monthFirst].filter((date) => weekdayOf(date) === weekday);
    if (matching.length === 1 && matching[0]) return decidedBy(`the date names ${WEEKDAYS[weekday]}`, matching[0]);
  }
  // The first weekday the text names that fits exactly one reading decides: a story's opening
  // usually says on which day it happened ("on Friday", "today, Monday"), the day it was written.
  for (const day of namedWeekdays(hints.weekdayText ?? '')) {
    const fitsDayFirst = weekdayOf(dayFirst) === day;
    if (fitsDayFirst !== (weekdayOf(monthFirst) === day)) {
      return decidedBy(`the text says ${WEEKDAYS[day]}`, fitsDayFirst ? dayFirst : monthFirst);
    }
  }
  // Most of the world writes the day first; the note lets a person correct the guess.
  return decidedBy('assumed day-first, no weekday in the text decides', dayFirst);
}

/**
 * Reads a date text (ISO 8601, RFC 2822/822, `6 May 2016`, `May 6, 2016`, `06/05/2016`, with an
 * optional weekday before and time and zone after) and returns the calendar date as written:
 * `2019-04-09T23:30:00-05:00` is 2019-04-09, the day where it was published. Undefined for
 * anything else: a day that does not exist, a year outside 1800–2200, a Unix timestamp.
 */
export function parseDateText(text: string, hints: DateHints = {}): ParsedDate | undefined {
  const trimmed = text.trim().replace(/\.$/, '');
  const scanned = scanDate(trimmed, 0);
  if (!scanned || scanned.end !== trimmed.length) return undefined;
  const { parts, weekday } = scanned;
  if (parts.kind === 'numeric') return resolveNumeric(parts, weekday, hints);
  if (weekday !== undefined && weekdayOf(parts.date) !== weekday) {
    return {
      date: parts.date,
      note: `the text names ${WEEKDAYS[weekday]} but the date is ${formatLongDate(parts.date)}; kept the date`,
    };
  }
  return { date: parts.date };
}

/** After the date, a dateline may go on with a separator and a little more (`| 10:00 GMT`, `by Jane Doe`). */
function isDatelineTail(rest: string): boolean {
  if (rest === '') return true;
  if (rest.length > 60 || /[.!?]\s/.test(rest)) return false;
  return /^(?:[|·•,;–—-]|\(|by\b|updated\b)/i.test(rest);
}

/** The date text at `at` when it ends the line or only a dateline tail follows; else undefined. */
function dateTextAt(line: string, at: number): string | undefined {
  const scanned = scanDate(line, at);
  if (!scanned) return undefined;
  if (!isDatelineTail(line.slice(scanned.end).trim())) return undefined;
  return line.slice(at, scanned.end).trim();
}

/** A byline's name: words without digits, starting with a capital; not a sentence. */
function isAuthorName(name: string): boolean {
  const first = name[0] ?? '';
  return name.length <= 80 && first !== first.toLowerCase() && !/\d/.test(name) && !/[.!?]\s/.test(name);
}

/**
 * Recognises a line that only says when an article appeared: `Published on 06/05/2016`,
 * `Posted May 6, 2016 at 3:04 pm`, `Updated: 2016-05-06`, `Published 6 May 2016 | 10:00 GMT`,
 * a bare date, or a byline with a date (`By Jane Doe, May 6, 2016`). A sentence that merely
 * starts with a date is not a dateline. The date text is returned as written, for parseDateText.
 */
export function findDateline(line: string): Dateline | undefined {
  const text = line.trim();
  if (text.length === 0 || text.length > 160) return undefined;
  const p = getPatterns();
  let at = 0;
  let kind: Dateline['kind'] = 'published';
  const label = matchAt(p.label, text, 0);
  if (label) {
    kind = /updated|modified/i.test(label[1] ?? '') ? 'updated' : 'published';
    at = p.label.lastIndex;
  }
  const date = dateTextAt(text, at);
  if (date !== undefined) return { text: date, kind };
  if (!matchAt(p.byline, text, at)) return undefined;
  // A byline: the name runs up to the first place a date starts after a separator or "on".
  const nameStart = p.byline.lastIndex;
  for (let index = nameStart + 1; index < text.length; index++) {
    if (!/\s/.test(text[index - 1] ?? '')) continue;
    const found = dateTextAt(text, index);
    if (found === undefined) continue;
    // The name ends at the first separator: what follows it is a title or a publication.
    const author = (text.slice(nameStart, index).split(/\s*[,|·•;–—]\s*|\s+-\s+/)[0] ?? '')
      .replace(/\s+(?:on|at)\s*$/i, '')
      .trim();
    return isAuthorName(author) ? { text: found, kind, author } : undefined;
  }
  return undefined;
}
