// The one-line messages news writes on stderr (errors, warnings and notes), as strings for the commands to write.

import { sanitizeLine } from '../article/sanitize.js';
import type { ArticleError } from '../errors.js';

export type MessageKind = 'error' | 'warning' | 'note';

/** "news: warning: …" — sanitised, so a hostile file name cannot reach the terminal raw. */
export function formatMessage(kind: MessageKind, message: string): string {
  const label = kind === 'error' ? '' : `${kind}: `;
  return `news: ${label}${sanitizeLine(message)}\n`;
}

/** A warning line for each skipped article. */
export function formatProblems(problems: readonly ArticleError[]): string {
  return problems.map((problem) => formatMessage('warning', `skipped ${problem.message}`)).join('');
}

/** A note line for each article that hides another of the same slug. */
export function formatShadowed(
  shadowed: readonly { hidden: { slug: string; path: string }; winner: { path: string } }[],
): string {
  return shadowed
    .map(({ hidden, winner }) => formatMessage('note', `'${hidden.slug}' from ${winner.path} hides ${hidden.path}`))
    .join('');
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
