// `news completion <shell>`: prints the completion script for bash, zsh or fish.

import { Argument } from 'commander';
import { defineCommand } from '../cli/command.js';
import { SHELLS, type Shell } from '../cli/completion/shells.js';
import { EXIT_OK } from '../errors.js';

export const completionCommand = defineCommand<{ shell: Shell }>({
  name: 'completion',
  // The script describes every command's arguments and options.
  needsAllCommands: true,
  configure(command) {
    command
      .description('print a shell completion script (see the README for where to put it)')
      .addArgument(new Argument('<shell>', 'the shell to complete in').choices(SHELLS));
  },
  invocation: ([shell]) => ({ shell: shell as Shell }),
  pageable: () => false,
  async run(context, { shell }) {
    const { renderCompletion } = await import('../cli/completion/completion.js');
    context.io.stdout.write(renderCompletion(shell, context.program));
    return EXIT_OK;
  },
  warmUp: [['completion', 'bash']],
});
