// `news __complete-slugs [--library]`: slug<TAB>title for every article (or the library folder's), quickly, for the completion scripts; not for people.

import { defineCommand } from '../cli/command.js';
import { COMPLETE_SLUGS_COMMAND } from '../cli/completion/shells.js';
import { EXIT_OK } from '../errors.js';
import { Library } from '../library/library.js';

export interface CompleteSlugsInvocation {
  /** Only the library folder's articles: what `news remove` takes. */
  library: boolean;
}

export const completeSlugsCommand = defineCommand<CompleteSlugsInvocation>({
  name: COMPLETE_SLUGS_COMMAND,
  hidden: true,
  configure(command) {
    command.option('--library', "only the library folder's articles");
  },
  invocation: (_args, options) => ({ library: options.library === true }),
  pageable: () => false,
  async run(context, { library }) {
    const settings = context.settings.library;
    const folders = library ? settings.folders.filter((folder) => folder.origin === 'library') : settings.folders;
    const lines = new Library({ ...settings, folders }).slugTitles();
    context.io.stdout.write(lines.map((line) => `${line}\n`).join(''));
    return EXIT_OK;
  },
  warmUp: [[COMPLETE_SLUGS_COMMAND]],
});
