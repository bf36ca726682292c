// Parsers for option values shared by several commands: each throws commander's InvalidArgumentError with what to give instead.

import { InvalidArgumentError } from 'commander';
import { isCalendarDate } from '../article/dates.js';
import type { ArticleFilter } from '../search/filters.js';

export function parseLimit(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1) throw new InvalidArgumentError('Give a whole number of hits, 1 or more.');
  return limit;
}

export function parseDate(value: string): string {
  if (!isCalendarDate(value)) throw new InvalidArgumentError('Give a calendar date as YYYY-MM-DD, like 2016-05-06.');
  return value;
}

/** The filter list's and search's options ask for, with only the fields that were given. */
export function toFilter(options: Readonly<Record<string, unknown>>): ArticleFilter {
  const filter: ArticleFilter = {};
  for (const key of ['since', 'until', 'tag', 'source'] as const) {
    const value = options[key];
    if (typeof value === 'string') filter[key] = value;
  }
  return filter;
}
