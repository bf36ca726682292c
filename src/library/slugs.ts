// Which article a slug names, and the closest slugs when none does.

import { basename } from 'node:path';
import { sanitizeLine } from '../article/sanitize.js';
import { isValidSlug } from '../article/slug.js';
import { type ArticleError, NotFoundError, UsageError } from '../errors.js';
import type { ArticleFile, FolderScan } from './files.js';

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Slugs close to `wanted`, by prefix or by edit distance, best first; at most three. */
export function suggestSlugs(wanted: string, slugs: readonly string[]): string[] {
  const target = wanted.toLowerCase();
  const scored = slugs.map((slug) => {
    const candidate = slug.toLowerCase();
    const prefix = candidate.startsWith(target) || target.startsWith(candidate);
    return { slug, prefix, distance: editDistance(target, candidate) };
  });
  const limit = Math.max(2, Math.floor(target.length / 3));
  return scored
    .filter((entry) => (entry.prefix && target.length >= 2) || entry.distance <= limit)
    .sort((a, b) => Number(b.prefix) - Number(a.prefix) || a.distance - b.distance || (a.slug < b.slug ? -1 : 1))
    .slice(0, 3)
    .map((entry) => entry.slug);
}

/** UsageError when `slug` cannot be an article's name (a path, say): names are slugs. */
export function checkSlug(slug: string): void {
  if (!isValidSlug(slug)) {
    throw new UsageError(
      `'${sanitizeLine(slug)}' is not an article name; names are slugs like abe-putin (run 'news list' to see them)`,
    );
  }
}

/**
 * The error for a slug no folder has: the refusal of a file of that name (a pipe, a link out of its
 * folder, a file that cannot be read), else NotFoundError suggesting the closest of `slugs`.
 */
export function missingArticle(slug: string, slugs: readonly string[], problems: readonly ArticleError[]): Error {
  const refused = problems.find((problem) => basename(problem.path) === `${slug}.md`);
  if (refused) return refused;
  const suggestions = suggestSlugs(slug, slugs);
  const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.join(', ')}?)` : '';
  return new NotFoundError(`no article named '${slug}'${hint}; run 'news list' to see every article`);
}

/** The file for `slug`, or NotFoundError suggesting the closest slugs. */
export function findArticleFile(scan: FolderScan, slug: string): ArticleFile {
  checkSlug(slug);
  const file = scan.files.find((candidate) => candidate.slug === slug);
  if (file) return file;
  throw missingArticle(
    slug,
    scan.files.map((candidate) => candidate.slug),
    scan.problems,
  );
}
