// Which options complete to values read from the library: a hint a command sets on its option, which the completion model reads.

import type { Argument, Option } from 'commander';

/**
 * What `news __complete-values <kind> [slug]` lists: the library's tags, subheadings, the people
 * quoted, or the subscribed feeds' titles.
 */
export type ValueKind = 'tags' | 'sections' | 'speakers' | 'feeds';

export const VALUE_KINDS: readonly ValueKind[] = ['tags', 'sections', 'speakers', 'feeds'];

/**
 * Kept on the option itself, so it travels with the option wherever commander has it. A registered
 * symbol: the completion scripts are rendered by a bundle of their own (dist/vendor/completion.cjs),
 * whose copy of this module must read the mark main.cjs's copy set.
 */
const VALUE_KIND = Symbol.for('news.completeWith');

interface HintedOption extends Option {
  [VALUE_KIND]?: ValueKind;
}

/**
 * Marks `option` as taking one of the library's values of `kind`, so the completion scripts offer
 * them: `completeWith(new Option('--tag <tag>', '…'), 'tags')`. Values of one article (sections,
 * speakers) come from the command's `slug` argument when one has been typed, else from all articles.
 */
export function completeWith<T extends Option>(option: T, kind: ValueKind): T {
  (option as HintedOption)[VALUE_KIND] = kind;
  return option;
}

/** The kind of library value an option completes to, if its command asked for one. */
export function completionValueKind(option: Option): ValueKind | undefined {
  return (option as HintedOption)[VALUE_KIND];
}

/**
 * What an argument completes to besides its name's default: files, only the library folder's slugs,
 * or the subscribed feeds' titles (from `news __complete-values feeds`).
 */
export type ArgumentValues = 'files' | 'library-slugs' | 'feeds';

/** Registered, as VALUE_KIND is: the completion bundle's copy of this module must read what main.cjs's set. */
const ARGUMENT_VALUES = Symbol.for('news.completeArgumentWith');

interface HintedArgument extends Argument {
  [ARGUMENT_VALUES]?: ArgumentValues;
}

/**
 * Marks `argument` as taking files (`news import <source...>`), a slug of the library folder only
 * (`news remove <slug>`) or a subscribed feed (`news fetch [feed...]`), so the completion scripts offer those.
 */
export function completeArgumentWith<T extends Argument>(argument: T, values: ArgumentValues): T {
  (argument as HintedArgument)[ARGUMENT_VALUES] = values;
  return argument;
}

/** What an argument completes to, if its command said. */
export function completionArgumentValues(argument: Argument): ArgumentValues | undefined {
  return (argument as HintedArgument)[ARGUMENT_VALUES];
}
