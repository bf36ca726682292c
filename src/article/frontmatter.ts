// Front matter: the fields block at the top of an article file, parsed safely and read field by field.

import { parse as parseYaml } from 'yaml';
import { ArticleError } from '../errors.js';
import type { Banner } from './article.js';
import { isCalendarDate } from './dates.js';
import { sanitizeLine } from './sanitize.js';

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/;

function describeValue(value: unknown): string {
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${sanitizeLine(JSON.stringify(value) ?? String(value)).slice(0, 40)}`;
}

/** Reads typed, sanitised fields out of parsed front matter, naming the field in any error. */
export class FieldReader {
  constructor(
    private readonly path: string,
    private readonly data: Record<string, unknown>,
  ) {}

  fail(field: string, expected: string, value: unknown): never {
    throw new ArticleError(
      this.path,
      `front matter '${field}' must be ${expected}, not ${describeValue(value)}; fix the field or remove it`,
    );
  }

  text(field: string): string | undefined {
    const value = this.data[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    if (typeof value !== 'string') this.fail(field, 'text', value);
    const clean = sanitizeLine(value).trim();
    return clean === '' ? undefined : clean;
  }

  list(field: string): string[] {
    const value = this.data[field];
    if (value === undefined || value === null) return [];
    const items = typeof value === 'string' ? value.split(',') : value;
    if (!Array.isArray(items)) this.fail(field, 'a list of text', value);
    return items
      .map((item) => {
        if (typeof item !== 'string' && typeof item !== 'number') this.fail(field, 'a list of text', value);
        return sanitizeLine(String(item)).trim();
      })
      .filter((item) => item !== '');
  }

  date(field: string): string | undefined {
    const value = this.data[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !isCalendarDate(value)) {
      this.fail(field, 'a real calendar date written YYYY-MM-DD (like 2016-05-06)', value);
    }
    return value;
  }

  banner(field: string): Banner | undefined {
    const value = this.data[field];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return { title: '', text: sanitizeLine(value).trim() };
    if (typeof value !== 'object' || Array.isArray(value))
      this.fail(field, 'text or a mapping with title and text', value);
    const inner = new FieldReader(this.path, value as Record<string, unknown>);
    const title = inner.text('title') ?? '';
    const text = inner.text('text') ?? '';
    return title === '' && text === '' ? undefined : { title, text };
  }
}

/** Front matter is a handful of fields; more than this is not an article's. */
export const MAX_FRONT_MATTER_CHARS = 64 * 1024;
/** yaml recurses per nesting level; deep flow collections or indentation overflow its stack. */
const DEEP_FLOW = /(?:[[{]\s*){33}/;
const DEEP_INDENT = /^[ \t]{129}/m;

function checkFrontMatterShape(path: string, yaml: string): void {
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    throw new ArticleError(path, `front matter is over ${MAX_FRONT_MATTER_CHARS} characters; keep it to a few fields`);
  }
  if (DEEP_FLOW.test(yaml) || DEEP_INDENT.test(yaml)) {
    throw new ArticleError(path, 'front matter nests too deeply to be fields; fix the YAML between the --- lines');
  }
}

/** Splits the optional YAML front matter from the body; throws ArticleError when it cannot be read. */
export function splitFrontMatter(path: string, source: string): { data: Record<string, unknown>; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match) {
    if (/^---[ \t]*\n/.test(source)) {
      throw new ArticleError(path, "front matter starts with '---' but never ends; close it with a '---' line");
    }
    return { data: {}, body: source };
  }
  const yaml = match[1] ?? '';
  checkFrontMatterShape(path, yaml);
  let data: unknown;
  try {
    data = parseYaml(yaml, { prettyErrors: false, logLevel: 'error' });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ArticleError(
      path,
      `front matter is not valid YAML (${sanitizeLine(reason ?? '')}); fix the YAML between the '---' lines`,
    );
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ArticleError(path, `front matter must be a mapping of fields (title: …), not ${describeValue(data)}`);
  }
  return { data: data as Record<string, unknown>, body: source.slice(match[0].length) };
}
