import { describe, expect, it } from 'vitest';
import { createProgram } from '../../src/cli/program.js';
import { COMMANDS } from '../../src/commands/registry.js';
import { fakeIo, runCli } from '../helpers.js';

function optionsByCommand(argv?: string[]): Record<string, number> {
  const program = createProgram(fakeIo(), '1.2.3', COMMANDS, async () => {}, argv);
  return Object.fromEntries(program.commands.map((command) => [command.name(), command.options.length]));
}

describe('createProgram', () => {
  it('configures only the command argv names, wherever the global options put it', () => {
    for (const argv of [['list'], ['--dir', '/x', 'list', '--json'], ['-w60', '--no-color', 'list']]) {
      const options = optionsByCommand(argv);
      expect(options.list, argv.join(' ')).toBeGreaterThan(0);
      expect(options.read, argv.join(' ')).toBe(0);
      expect(options.import, argv.join(' ')).toBe(0);
    }
  });

  it.each([[undefined], [[]], [['--help']], [['lst']], [['completion', 'bash']], [['--', 'list']], [['help', 'read']]])(
    'configures every command for %j',
    (argv) => {
      const options = optionsByCommand(argv);
      for (const name of ['list', 'read', 'search', 'quotes', 'import']) expect(options[name], name).toBeGreaterThan(0);
    },
  );

  it('still gives each command its own help, and suggests commands for a typo', async () => {
    const help = await runCli(['import', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--dry-run');
    const typo = await runCli(['improt', 'page.html']);
    expect([typo.code, typo.stderr]).toEqual([
      2,
      "news: unknown command 'improt'; did you mean import? (run 'news --help' for usage)\n",
    ]);
  });
});
