import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDateline, formatLongDate, isCalendarDate, parseDateText } from '../../src/article/dates.js';

describe('isCalendarDate', () => {
  it.each([
    ['2016-05-06', true],
    ['2020-02-29', true],
    ['2019-02-29', false],
    ['2016-13-01', false],
    ['2016-5-6', false],
    ['16-05-06', false],
  ])('%s → %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});

describe('formatLongDate', () => {
  it.each([
    ['2016-05-06', 'Friday 6 May 2016'],
    ['2020-02-29', 'Saturday 29 February 2020'],
    ['1800-01-01', 'Wednesday 1 January 1800'],
  ])('%s → %s', (iso, long) => {
    expect(formatLongDate(iso)).toBe(long);
  });
});

describe('parseDateText: the calendar date as written', () => {
  it.each([
    // ISO 8601: the date part as written, never moved to UTC or local time.
    ['2019-04-09', '2019-04-09'],
    ['2019-04-09T15:00:00Z', '2019-04-09'],
    ['2019-04-09T23:30:00-05:00', '2019-04-09'],
    ['2019-04-09T00:30:00+14:00', '2019-04-09'],
    ['2019-04-09T15:00:00.123+05:30', '2019-04-09'],
    ['2019-03-26 12:38:00 -0500', '2019-03-26'],
    ['2019-04-09 15:00', '2019-04-09'],
    ['2019-4-9', '2019-04-09'],
    // As static site generators write them: a one-digit hour, Go's time format, TOML's milliseconds.
    ['2019-04-09 2:05:46 -0400', '2019-04-09'],
    ['2019-04-09 23:30:00 +0000 UTC', '2019-04-09'],
    ['2019-04-09 23:30:00.123456789 +0200 CEST', '2019-04-09'],
    ['2019-04-09T23:30:00.000-05:00', '2019-04-09'],
    ['2019-04-09T23:30:00.000', '2019-04-09'],
    ['2019-04-09t23:30:00z', '2019-04-09'],
    ['2016/05/06', '2016-05-06'],
    // RFC 2822 and RFC 822 as feeds write them.
    ['Tue, 09 Apr 2019 15:00:00 +0000', '2019-04-09'],
    ['Tue, 9 Apr 2019 23:59:59 -0800 (PST)', '2019-04-09'],
    ['09 Apr 2019 15:00 GMT', '2019-04-09'],
    ['Tue, 09 Apr 19 15:00:00 EST', '2019-04-09'],
    ['Thu, 01 Jan 98 00:00:00 PDT', '1998-01-01'],
    ['09 Apr 2019 15:00:00 UT', '2019-04-09'],
    // Day and month names, ordinals, abbreviations, an optional time after.
    ['6 May 2016', '2016-05-06'],
    ['May 6, 2016', '2016-05-06'],
    ['6th May 2016', '2016-05-06'],
    ['6th of May, 2016', '2016-05-06'],
    ['May 6th, 2016', '2016-05-06'],
    ['Friday, May 6, 2016', '2016-05-06'],
    ['Friday 6 May 2016', '2016-05-06'],
    ['May 6 2016', '2016-05-06'],
    ['Sept. 15, 2023', '2023-09-15'],
    ['15 Sept 2023', '2023-09-15'],
    ['Apr 9, 2019', '2019-04-09'],
    ['6-May-2016', '2016-05-06'],
    ['MAY 6, 2016', '2016-05-06'],
    ['May 6, 2016 at 3:04 pm', '2016-05-06'],
    ['May 6, 2016, 3 p.m. EDT', '2016-05-06'],
    ['6 May 2016 10:00 BST', '2016-05-06'],
    ['6 May 2016.', '2016-05-06'],
    // Numeric with one valid reading.
    ['13/05/2016', '2016-05-13'],
    ['05/13/2016', '2016-05-13'],
    ['5.5.2016', '2016-05-05'],
  ])('%s → %s', (text, date) => {
    expect(parseDateText(text)).toEqual({ date });
  });

  it.each([
    ['2016-02-30', 'a day that does not exist'],
    ['31/31/2016', 'no reading is a day'],
    ['29 Feb 2019', 'not a leap year'],
    ['1462521600', 'a Unix timestamp'],
    ['1462521600000', 'a timestamp in milliseconds'],
    ['1700-01-01', 'before 1800'],
    ['6 May 2201', 'after 2200'],
    ['6 May 2016 25:00', 'no such hour'],
    ['May 2016', 'no day'],
    ['yesterday', 'words'],
    ['May 6, 2016 was a Friday', 'a sentence, not a date text'],
    ['06/05/16', 'a two-digit year in a numeric date: three readings'],
    ['', 'nothing'],
    ['23:30:00.000', 'a time without a day'],
  ])('%s → undefined (%s)', (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });
});

describe('parseDateText: numeric day and month', () => {
  it('reads day-first when both readings are days and nothing decides, and says so', () => {
    const parsed = parseDateText('06/05/2016');
    expect(parsed?.date).toBe('2016-05-06');
    expect(parsed?.note).toMatch(/^assumed day-first.*Friday 6 May 2016.*Sunday 5 June 2016/);
  });

  it.each([
    ['06/05/2016', 'Ministers met on Friday in Northvale.', '2016-05-06', /Friday/],
    ['03/04/2025', 'Councillors voted on Tuesday.', '2025-03-04', /Tuesday.*month-first/],
    ['04/03/2025', 'The reservoir reopened today, Tuesday, after repairs.', '2025-03-04', /day-first$/],
    ['6.5.2016', 'It happened on Sunday.', '2016-06-05', /Sunday/],
    ['6-5-2016', 'It happened on Sunday.', '2016-06-05', /Sunday/],
  ])('%s with "%s" → %s', (text, weekdayText, date, note) => {
    const parsed = parseDateText(text, { weekdayText });
    expect(parsed?.date).toBe(date);
    expect(parsed?.note).toMatch(note);
  });

  it('takes the first weekday named that fits one reading', () => {
    // 03/04/2025: Thursday 3 April or Tuesday 4 March. Monday fits neither and is skipped.
    const text = 'On Monday the council met; on Tuesday it voted; on Thursday it adjourned.';
    expect(parseDateText('03/04/2025', { weekdayText: text })?.date).toBe('2025-03-04');
  });

  it('falls back to day-first when the weekdays named fit neither reading', () => {
    const parsed = parseDateText('06/05/2016', { weekdayText: 'on Monday and Wednesday' });
    expect(parsed?.date).toBe('2016-05-06');
    expect(parsed?.note).toMatch(/^assumed day-first/);
  });

  it('lets a weekday in the date text itself decide', () => {
    expect(parseDateText('Sunday 06/05/2016', { weekdayText: 'on Friday' })?.date).toBe('2016-06-05');
  });

  it.each([
    ['06/05/2016', 'dmy', '2016-05-06'],
    ['06/05/2016', 'mdy', '2016-06-05'],
    ['13/05/2016', 'mdy', undefined],
    ['05/13/2016', 'dmy', undefined],
  ] as const)('%s with order %s → %s', (text, order, date) => {
    expect(parseDateText(text, { order, weekdayText: 'on Friday' })).toEqual(date ? { date } : undefined);
  });

  it('keeps a named date whose weekday disagrees, with a note', () => {
    const parsed = parseDateText('Wed, 09 Apr 2019 10:00:00 +0000');
    expect(parsed?.date).toBe('2019-04-09');
    expect(parsed?.note).toMatch(/Wednesday.*Tuesday 9 April 2019/);
  });
});

describe('findDateline', () => {
  it.each([
    ['Published on 06/05/2016', '06/05/2016', 'published', undefined],
    ['Posted May 6, 2016 at 3:04 pm', 'May 6, 2016 at 3:04 pm', 'published', undefined],
    ['Updated: 2016-05-06', '2016-05-06', 'updated', undefined],
    ['Last updated 6 May 2016 10:00 BST', '6 May 2016 10:00 BST', 'updated', undefined],
    ['Published 6 May 2016 | 10:00 GMT', '6 May 2016', 'published', undefined],
    ['First published on Fri 6 May 2016 09.00 BST', 'Fri 6 May 2016 09.00 BST', 'published', undefined],
    ['May 6, 2016', 'May 6, 2016', 'published', undefined],
    ['Friday 6 May 2016', 'Friday 6 May 2016', 'published', undefined],
    ['2016-05-06T10:00:00Z', '2016-05-06T10:00:00Z', 'published', undefined],
    ['By Jane Doe, May 6, 2016', 'May 6, 2016', 'published', 'Jane Doe'],
    ['By Jane Doe | 6 May 2016', '6 May 2016', 'published', 'Jane Doe'],
    ['By Jane Doe and Ada Quill on 06/05/2016', '06/05/2016', 'published', 'Jane Doe and Ada Quill'],
    ['Posted by Jane Doe on May 6, 2016', 'May 6, 2016', 'published', 'Jane Doe'],
    ['By Jane Doe, Staff Writer, May 6, 2016', 'May 6, 2016', 'published', 'Jane Doe'],
    ['By Ada Quill | Example Times | 6 May 2016', '6 May 2016', 'published', 'Ada Quill'],
    ['By Jean-Luc Doe - May 6, 2016', 'May 6, 2016', 'published', 'Jean-Luc Doe'],
  ])('%s → %s', (line, text, kind, author) => {
    expect(findDateline(line)).toEqual(author ? { text, kind, author } : { text, kind });
  });

  it.each([
    ['May 6, 2016 was a Friday, the day the Northvale bridge opened.'],
    ['Published on a Friday, the report surprised Northvale.'],
    ['Last updated 2 hours ago'],
    ['Home › News'],
    ['By Jane Doe'],
    ['By the time 6 May 2016 came, nothing had changed.'],
    ['The vote is on 6 May 2016. Polls open at seven.'],
    [''],
  ])('%s → undefined', (line) => {
    expect(findDateline(line)).toBeUndefined();
  });
});

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
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Any real day between 1800 and 2200, as numbers and as YYYY-MM-DD. */
const calendarDay = fc
  .date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)), noInvalidDate: true })
  .map((date) => {
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    return { year, month, day, iso, weekday: date.getUTCDay() };
  });

describe('property: every written form of a day parses back to that day', () => {
  it('named, ISO and RFC forms', () => {
    fc.assert(
      fc.property(calendarDay, fc.integer({ min: 0, max: 23 }), ({ year, month, day, iso, weekday }, hour) => {
        const [mm, dd, hh] = [month, day, hour].map((n) => String(n).padStart(2, '0'));
        const name = MONTHS[month - 1] ?? '';
        const short = name.slice(0, 3);
        const weekdayName = WEEKDAYS[weekday] ?? '';
        const forms = [
          iso,
          `${year}-${month}-${day}`,
          `${year}/${mm}/${dd}`,
          `${iso}T${hh}:30:00Z`,
          `${iso}T${hh}:30:00-05:00`,
          `${iso}T${hh}:30:00+14:00`,
          `${iso} ${hh}:30:00 -0500`,
          `${iso} ${hh}:30`,
          `${weekdayName.slice(0, 3)}, ${dd} ${short} ${year} ${hh}:30:00 +0000`,
          `${dd} ${short} ${year} ${hh}:30 GMT`,
          `${day} ${name} ${year}`,
          `${name} ${day}, ${year}`,
          `${name} ${day} ${year}`,
          `${day}th ${name} ${year}`,
          `${weekdayName}, ${name} ${day}, ${year}`,
          `${short}. ${day}, ${year} at ${(hour % 12) + 1}:04 pm`,
        ];
        if (year >= 1950 && year < 2050) forms.push(`${dd} ${short} ${String(year).slice(2)} ${hh}:00:00 EST`);
        for (const form of forms) expect(parseDateText(form)?.date, form).toBe(iso);
      }),
    );
  });

  it('numeric forms, with the order given or a weekday that tells the readings apart', () => {
    fc.assert(
      fc.property(calendarDay, fc.constantFrom('/', '.', '-'), ({ year, month, day, iso, weekday }, separator) => {
        const dayFirst = `${day}${separator}${month}${separator}${year}`;
        const monthFirst = `${String(month).padStart(2, '0')}${separator}${String(day).padStart(2, '0')}${separator}${year}`;
        expect(parseDateText(dayFirst, { order: 'dmy' })?.date).toBe(iso);
        expect(parseDateText(monthFirst, { order: 'mdy' })?.date).toBe(iso);
        const other = new Date(Date.UTC(year, day - 1, month));
        const otherIsDay = day <= 12 && other.getUTCMonth() === day - 1;
        // Only when the other reading is a different day on another weekday can a weekday decide.
        if (!otherIsDay || day === month || other.getUTCDay() !== weekday) {
          const weekdayText = `Northvale voted on ${WEEKDAYS[weekday]}.`;
          expect(parseDateText(monthFirst, { weekdayText })?.date).toBe(iso);
          expect(parseDateText(dayFirst, { weekdayText })?.date).toBe(iso);
        }
      }),
    );
  });
});
