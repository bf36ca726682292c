// `news __complete-slugs`: slug<TAB>title for every article, quickly, for the completion scripts; not for people.

import { defineCommand } from '../cli/command.js';
import { COMPLETE_SLUGS_COMMAND } from '../cli/completion/shells.js';
import { EXIT_OK } from '../errors.js';
import { Library } from '../library/library.js';

export const completeSlugsCommand = defineCommand<Record<string, never>>({
  name: COMPLETE_SLUGS_COMMAND,
  hidden: true,
  configure() {},
  invocation: () => ({}),
  pageable: () => false,
  async run(context) {
    const lines = new Library(context.settings.library).slugTitles();
    context.io.stdout.write(lines.map((line) => `${line}\n`).join(''));
    return EXIT_OK;
  },
  warmUp: [[COMPLETE_SLUGS_COMMAND]],
});
