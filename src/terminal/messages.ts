// Formats the one-line messages news writes on stderr: errors, warnings and notes.

import { sanitizeLine } from '../article/sanitize.js';
import type { ArticleError } from '../errors.js';
import type { Io } from './io.js';

export type MessageKind = 'error' | 'warning' | 'note';

/** "news: warning: …" — sanitised, so a hostile file name cannot reach the terminal raw. */
export function formatMessage(kind: MessageKind, message: string): string {
  const label = kind === 'error' ? '' : `${kind}: `;
  return `news: ${label}${sanitizeLine(message)}\n`;
}

/** Warns about each skipped article; returns true when there was any, for the exit code. */
export function reportProblems(io: Io, problems: readonly ArticleError[]): boolean {
  for (const problem of problems) io.stderr.write(formatMessage('warning', `skipped ${problem.message}`));
  return problems.length > 0;
}

/** Notes each article that hides another of the same slug; `only` limits it to one slug. */
export function reportShadowed(
  io: Io,
  shadowed: readonly { hidden: { slug: string; path: string }; winner: { path: string } }[],
  only?: string,
): void {
  for (const { hidden, winner } of shadowed) {
    if (only !== undefined && hidden.slug !== only) continue;
    io.stderr.write(formatMessage('note', `'${hidden.slug}' from ${winner.path} hides ${hidden.path}`));
  }
}

/** The one line shown for an error news did not expect: a bug, never a stack trace. */
export function describeBug(error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return formatMessage('error', `internal error: ${detail}; please report this as a bug`);
}

/** The one line shown when the output cannot be written (bin/news.cjs uses it too). */
export function describeOutputError(error: NodeJS.ErrnoException): string {
  return formatMessage(
    'error',
    `cannot write the output (${error.code ?? error.message}); check the disk or the receiving program`,
  );
}
