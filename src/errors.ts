// Error classes that carry their exit code and a message telling the user what to do next.

/** Exit codes follow ripgrep: 0 found, 1 nothing found, 2 error. */
export const EXIT_OK = 0;
export const EXIT_NOT_FOUND = 1;
export const EXIT_ERROR = 2;

/**
 * Marks news's errors across bundles: a part of news built as a bundle of its own (dist/import.cjs,
 * dist/vendor/*.cjs) has its own copy of this module, whose NewsError is another class, so the one
 * catch in main recognises them by this registered symbol rather than by `instanceof`.
 */
const NEWS_ERROR = Symbol.for('news.error');

export class NewsError extends Error {
  readonly [NEWS_ERROR] = true;
  readonly exitCode: number;
  constructor(message: string, exitCode: number = EXIT_ERROR) {
    super(message);
    this.name = new.target.name;
    this.exitCode = exitCode;
  }
}

/** A bad argument, option or environment value. */
export class UsageError extends NewsError {}

/** An article file that cannot be read or does not follow the article format. */
export class ArticleError extends NewsError {
  readonly path: string;
  /** What is wrong, without the path: what the search index stores beside a file name. */
  readonly problem: string;
  constructor(path: string, problem: string) {
    super(`${path}: ${problem}`);
    this.path = path;
    this.problem = problem;
  }
}

/** Nothing matched: an unknown slug or a search without hits. */
export class NotFoundError extends NewsError {
  constructor(message: string) {
    super(message, EXIT_NOT_FOUND);
  }
}

/** Whether `error` is one of news's errors, from whichever bundle threw it. */
export function isNewsError(error: unknown): error is NewsError {
  return typeof error === 'object' && error !== null && (error as { [NEWS_ERROR]?: boolean })[NEWS_ERROR] === true;
}
