// The shells news writes completion scripts for, and the hidden commands those scripts call.
// Kept apart from completion.ts so the CLI can name them without loading the script generator.

export type Shell = 'bash' | 'zsh' | 'fish';

export const SHELLS: readonly Shell[] = ['bash', 'zsh', 'fish'];

/** The hidden command the scripts call for article names: it prints `slug<TAB>title` lines. */
export const COMPLETE_SLUGS_COMMAND = '__complete-slugs';

/**
 * The hidden command the scripts call for an option's values: `__complete-values <kind> [slug]`
 * prints `value` or `value<TAB>description` lines (see src/commands/complete-values.ts).
 */
export const COMPLETE_VALUES_COMMAND = '__complete-values';
