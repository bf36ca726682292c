// `news read <slug>`: one article (or its outline, or one section), styled for a terminal or plain for a pipe.

import { Option } from 'commander';
import { defineCommand } from '../cli/command.js';
import { completeWith } from '../cli/completion/values.js';
import { EXIT_OK, NotFoundError } from '../errors.js';
import { openLibrary, reportLibrary } from './library.js';

export interface ReadInvocation {
  slug: string;
  /** Only the headline and subheadings. */
  outline: boolean;
  /** Only the section under this subheading (matched loosely, see findSection). */
  section?: string;
}

export const readCommand = defineCommand<ReadInvocation>({
  name: 'read',
  configure(command) {
    command
      .description('show an article, wrapped to the terminal (piped: plain text)')
      .argument('<slug>', "the article's name, as shown by 'news list'")
      .option('--outline', 'show only the headline and the subheadings')
      .addOption(
        completeWith(
          new Option('--section <name>', 'show only the section under this subheading (case and dashes ignored)'),
          'sections',
        ),
      );
  },
  invocation([slug], options) {
    const invocation: ReadInvocation = { slug: slug as string, outline: options.outline === true };
    if (typeof options.section === 'string') invocation.section = options.section;
    return invocation;
  },
  pageable: () => true,
  async run(context, { slug, outline, section }) {
    const library = openLibrary(context);
    // The note that this article hides another is worth giving even when it cannot be read.
    const { article, blocks } = await library.article(slug).finally(() => reportLibrary(context, library));
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
    const { renderArticle } = await import('../render/article.js');
    context.io.stdout.write(await renderArticle(shown, body, context.settings.output, { outline }));
    return EXIT_OK;
  },
  warmUp: [
    ['read', 'abe-putin'],
    ['read', 'abe-putin', '--color', 'always'],
  ],
});
