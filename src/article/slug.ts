// What an article may be called: the file name without `.md`, never a path.

/** A slug is a plain file name: letters, digits, dot, dash, underscore; no path, no leading dot. */
export const SLUG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isValidSlug(slug: string): boolean {
  return slug.length <= 200 && SLUG_PATTERN.test(slug);
}
