// Which options complete to values read from the library: a hint a command sets on its option, which the completion model reads.

import type { Argument, Option } from 'commander';

/**
 * What `news __complete-values <kind> [slug]` lists: the library's tags, subheadings, the people
 * quoted, or the subscribed feeds' titles.
 */
export type ValueKind = 'tags' | 'sections' | 'speakers' | 'feeds';

/**
 * A mark kept on a commander option or argument itself, so it travels with it wherever commander
 * has it. Under a registered symbol: the completion scripts are rendered by a bundle of their own
 * (dist/vendor/completion.cjs), whose copy of this module must read the marks main.cjs's copy set.
 */
function mark<Target extends object, Value>(name: string) {
  const key = Symbol.for(name);
  return {
    set<T extends Target>(target: T, value: Value): T {
      (target as Record<symbol, unknown>)[key] = value;
      return target;
    },
    get: (target: Target): Value | undefined => (target as Record<symbol, Value | undefined>)[key],
  };
}

const valueKinds = mark<Option, ValueKind>('news.completeWith');

/**
 * Marks `option` as taking one of the library's values of `kind`, so the completion scripts offer
 * them: `completeWith(new Option('--tag <tag>', '…'), 'tags')`. Values of one article (sections,
 * speakers) come from the command's `slug` argument when one has been typed, else from all articles.
 */
export function completeWith<T extends Option>(option: T, kind: ValueKind): T {
  return valueKinds.set(option, kind);
}

/** The kind of library value an option completes to, if its command asked for one. */
export function completionValueKind(option: Option): ValueKind | undefined {
  return valueKinds.get(option);
}

/**
 * What an argument completes to besides its name's default: files, only the library folder's slugs,
 * or the subscribed feeds' titles (from `news __complete-values feeds`).
 */
export type ArgumentValues = 'files' | 'library-slugs' | 'feeds';

const argumentValues = mark<Argument, ArgumentValues>('news.completeArgumentWith');

/**
 * Marks `argument` as taking files (`news import <source...>`), a slug of the library folder only
 * (`news remove <slug>`) or a subscribed feed (`news fetch [feed...]`), so the completion scripts offer those.
 */
export function completeArgumentWith<T extends Argument>(argument: T, values: ArgumentValues): T {
  return argumentValues.set(argument, values);
}

/** What an argument completes to, if its command said. */
export function completionArgumentValues(argument: Argument): ArgumentValues | undefined {
  return argumentValues.get(argument);
}
