// The library as commands open it (with a progress line for long index builds) and report what it found.

import type { CommandContext } from '../cli/command.js';
import { Library } from '../library/library.js';
import { formatMessage, formatProblems, formatShadowed } from '../terminal/messages.js';
import { progressLine } from '../terminal/progress.js';

/** The run's library; a long index build shows progress on stderr when it is a terminal. */
export function openLibrary(context: CommandContext): Library {
  return new Library(context.settings.library, progressLine(context.io.stderr));
}

/**
 * Writes what reading the library found on stderr: notes about the index, articles hidden by
 * another of the same slug, and skipped articles. Returns whether any was skipped (exit code 2,
 * as ripgrep: the good articles are still shown). What is reported is taken out of the report, so
 * nothing is said twice.
 */
export function reportLibrary(context: CommandContext, library: Library): boolean {
  const { notes, warnings, shadowed, problems } = library.report;
  const { stderr } = context.io;
  for (const warning of new Set(warnings.splice(0))) stderr.write(formatMessage('warning', warning));
  for (const note of notes.splice(0)) stderr.write(formatMessage('note', note));
  stderr.write(formatShadowed(shadowed.splice(0)));
  const skipped = problems.splice(0);
  stderr.write(formatProblems(skipped));
  return skipped.length > 0;
}
