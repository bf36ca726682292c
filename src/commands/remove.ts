// `news remove <slug>`: deletes an imported article from the library folder, and from nowhere else.

import { Argument } from 'commander';
import { sanitizeLine } from '../article/sanitize.js';
import { defineCommand } from '../cli/command.js';
import { completeArgumentWith } from '../cli/completion/values.js';
import { EXIT_OK } from '../errors.js';

export interface RemoveInvocation {
  slug: string;
}

export const removeCommand = defineCommand<RemoveInvocation>({
  name: 'remove',
  configure(command) {
    command
      .description('delete an article from the library folder (never from --dir, NEWS_PATH or the bundled articles)')
      .addArgument(
        completeArgumentWith(new Argument('<slug>', 'the article, as `news list` names it'), 'library-slugs'),
      );
  },
  invocation: ([slug]) => ({ slug: slug as string }),
  pageable: () => false,
  async run(context, { slug }) {
    const { settings, io } = context;
    const { removeLibraryArticle } = await import('../library/remove.js');
    const path = removeLibraryArticle(settings.import.libraryDir, slug, settings.library.folders);
    if (io.stdout.isTTY) io.stdout.write(`removed ${slug} (${sanitizeLine(path)})\n`);
    return EXIT_OK;
  },
  warmUp: [],
});
