// Parsers for option values shared by several commands: each throws commander's InvalidArgumentError with what to give instead.

import { InvalidArgumentError } from 'commander';
import { isCalendarDate } from '../article/dates.js';
import { UsageError } from '../errors.js';
import type { ArticleFilter } from '../search/filters.js';

/** A repeatable option's values, in the order given (`--dir a --dir b`, `--tag x --tag y`). */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/** A parser for --limit that names what is counted: "articles", "hits". */
export function limitParser(counted: string): (value: string) => number {
  return (value) => {
    const limit = Number(value);
    if (!/^\d+$/.test(value) || limit < 1)
      throw new InvalidArgumentError(`Give a whole number of ${counted}, 1 or more.`);
    return limit;
  };
}

/** Addresses that answer slower than this are given up on (`--timeout` of import, feed add and fetch). */
export const DEFAULT_TIMEOUT_SECONDS = 30;
const MAX_TIMEOUT_SECONDS = 3600;

/** --timeout: seconds, fractions allowed, above 0 and up to an hour. */
export function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (!/^\d+(?:\.\d+)?$/.test(value) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new InvalidArgumentError(`Give a number of seconds above 0, up to ${MAX_TIMEOUT_SECONDS}.`);
  }
  return seconds;
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
  if (filter.since !== undefined && filter.until !== undefined && filter.since > filter.until) {
    throw new UsageError(`--since ${filter.since} is after --until ${filter.until}; swap the two dates`);
  }
  return filter;
}

/** The filter as the options that asked for it, for messages: "--tag Russia --since 2016-01-01". */
export function describeFilter(filter: ArticleFilter): string {
  return (['tag', 'source', 'since', 'until'] as const)
    .filter((key) => filter[key] !== undefined)
    .map((key) => `--${key} ${filter[key]}`)
    .join(' ');
}
