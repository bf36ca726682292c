// `news read <slug>`: one article (or its outline, or one section), styled for a terminal or plain for a pipe.

import { Option } from 'commander';
import { type CommandContext, defineCommand } from '../cli/command.js';
import { completeWith } from '../cli/completion/values.js';
import { EXIT_OK, NotFoundError, UsageError } from '../errors.js';
import type { LoadedArticle } from '../library/library.js';
import { openLibrary, reportLibrary } from './library.js';

export interface ReadInvocation {
  slug: string;
  /** Only the headline and subheadings. */
  outline: boolean;
  /** Only the section under this subheading (matched loosely, see findSection). */
  section?: string;
  /** The article as data: metadata and blocks of plain text. */
  json: boolean;
}

/** The article `read` was given: a file or standard input (as glow and bat read them), else a slug of the library. */
async function loadArticle(context: CommandContext, arg: string): Promise<LoadedArticle> {
  const { maxArticleBytes } = context.settings.library;
  if (arg === '-') {
    const bytes = await context.io.readInput(maxArticleBytes);
    if (bytes === undefined) {
      throw new UsageError(
        `standard input is over the ${maxArticleBytes}-byte limit; shorten it or raise NEWS_MAX_ARTICLE_BYTES`,
      );
    }
    const { loadLooseArticle } = await import('../library/loader.js');
    return loadLooseArticle(new TextDecoder().decode(bytes), '-');
  }
  const { isArticlePath, readArticleFile } = await import('../library/files.js');
  if (isArticlePath(arg)) {
    const { loadLooseArticle } = await import('../library/loader.js');
    return loadLooseArticle(readArticleFile(arg, maxArticleBytes), arg);
  }
  const library = openLibrary(context);
  try {
    return await library.article(arg);
  } catch (error) {
    // "x.md" could have meant a file in this folder: say that there is none.
    if (error instanceof NotFoundError && arg.endsWith('.md')) {
      throw new NotFoundError(`no file '${arg}' here, and ${error.message}`);
    }
    throw error;
  } finally {
    // The note that this article hides another is worth giving even when it cannot be read.
    reportLibrary(context, library);
  }
}

export const readCommand = defineCommand<ReadInvocation>({
  name: 'read',
  configure(command) {
    command
      .description('show an article, wrapped to the terminal (piped: plain text)')
      .argument(
        '<slug>',
        "the article's name, as shown by 'news list'; or a Markdown file (a path with a /, or a name ending in .md that exists), or - for standard input",
      )
      .option('--outline', 'show only the headline and the subheadings')
      .option('--json', 'print the article as JSON: its metadata, its blocks as plain text, and its links')
      .addOption(
        completeWith(
          new Option('--section <name>', 'show only the section under this subheading (case and dashes ignored)'),
          'sections',
        ),
      );
  },
  invocation([slug], options) {
    const invocation: ReadInvocation = {
      slug: slug as string,
      outline: options.outline === true,
      json: options.json === true,
    };
    if (typeof options.section === 'string') invocation.section = options.section;
    return invocation;
  },
  pageable: (invocation) => !invocation.json,
  async run(context, { slug, outline, section, json }) {
    const { article, blocks } = await loadArticle(context, slug);
    let shown = article;
    let body = blocks;
    if (section !== undefined) {
      const { findSection, listHeadings } = await import('../article/model.js');
      const found = findSection(blocks, section);
      if (!found) {
        const names = listHeadings(blocks).map((heading) => heading.text);
        const known = names.length > 0 ? `its sections are: ${names.join('; ')}` : 'it has no sections';
        throw new NotFoundError(`no section '${section}' in ${slug}; ${known}`);
      }
      body = found;
      // One section is read for itself: headline and dateline for context, no site banner.
      const { banner, ...withoutBanner } = article;
      shown = withoutBanner;
    }
    if (json) {
      const { renderArticleJson } = await import('../render/article-json.js');
      const blocks = outline ? body.filter((block) => block.kind === 'heading') : body;
      context.io.stdout.write(renderArticleJson(shown, blocks));
      return EXIT_OK;
    }
    const { renderArticle } = await import('../render/article.js');
    context.io.stdout.write(await renderArticle(shown, body, context.settings.output, { outline }));
    return EXIT_OK;
  },
  warmUp: [
    ['read', 'abe-putin'],
    ['read', 'abe-putin', '--color', 'always'],
    // Your own articles, read through their folder's cached index (scripts/code-cache.cjs makes it).
    ['--dir', 'dist/warm-up/library', 'read', 'warm-up-one'],
  ],
});
