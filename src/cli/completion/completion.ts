// Shell completion scripts for bash, zsh and fish, generated from the commander program that --help describes.

import type { Command } from 'commander';
import { renderBash } from './bash.js';
import { renderFish } from './fish.js';
import { describeProgram } from './model.js';
import type { Shell } from './shells.js';
import { renderZsh } from './zsh.js';

/**
 * A completion script for `shell`, from the same commander program that --help describes.
 * Slugs come from running `news [--dir <folder>]... __complete-slugs`, and the values of options
 * marked with completeWith from `news [--dir <folder>]... __complete-values <kind> [slug]`, with
 * the --dir values typed so far; NEWS_PATH reaches them through the environment.
 */
export function renderCompletion(shell: Shell, program: Command): string {
  const model = describeProgram(program);
  switch (shell) {
    case 'bash':
      return renderBash(model);
    case 'zsh':
      return renderZsh(model);
    case 'fish':
      return renderFish(model);
  }
}
