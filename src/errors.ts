// Error classes that carry their exit code and a message telling the user what to do next.

/** Exit codes follow ripgrep: 0 found, 1 nothing found, 2 error. */
export const EXIT_OK = 0;
export const EXIT_NOT_FOUND = 1;
export const EXIT_ERROR = 2;

export class NewsError extends Error {
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
