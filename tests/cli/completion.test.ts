// The completion scripts offer what --help lists, and bash (and fish, zsh where installed) run them as intended.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCompletion } from '../../src/cli/completion/completion.js';
import { COMPLETE_SLUGS_COMMAND, SHELLS, type Shell } from '../../src/cli/completion/shells.js';
import { createProgram } from '../../src/cli/program.js';
import { COMMANDS } from '../../src/commands/registry.js';
import { FIXTURES, fakeIo } from '../helpers.js';
import { scrubbedEnv } from '../spawn.js';

/** The program as main builds it, optionally with a future command taking a `[slug]`. */
function buildProgram(options: { future?: boolean } = {}): Command {
  const program = createProgram(fakeIo(), '1.2.3', COMMANDS, async () => {});
  if (options.future) {
    program
      .command('digest')
      .description('show a digest of an article')
      .argument('[slug]', 'the article')
      .action(() => {});
  }
  return program;
}

const work = mkdtempSync(join(tmpdir(), 'news-completion-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function writeScript(shell: Shell, program: Command = buildProgram()): string {
  const path = join(work, `news.${shell}`);
  writeFileSync(path, renderCompletion(shell, program));
  return path;
}

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

/** A stand-in for `news __complete-slugs`: two articles, and a record of the arguments it got. */
const STUB_SLUGS = 'abe-putin\\tJapan’s Abe hails breakthrough\\nbudget-talks\\tBudget talks: resume\\n';

/** How each script asks news for the slugs, passing on the folders typed. */
const SLUG_CALL: Record<Shell, string> = {
  bash: `news "\${news_folders[@]}" ${COMPLETE_SLUGS_COMMAND}`,
  zsh: `news "\${folders[@]}" ${COMPLETE_SLUGS_COMMAND}`,
  fish: `news $folders ${COMPLETE_SLUGS_COMMAND}`,
};

describe('renderCompletion', () => {
  it.each(SHELLS)('%s: names every command and option that --help shows, and no hidden command', (shell) => {
    const program = buildProgram({ future: true });
    const script = renderCompletion(shell, program);
    for (const command of ['list', 'read', 'search', 'help', 'quotes', 'digest']) expect(script).toContain(command);
    const options = [program, ...program.commands].flatMap((command) => command.options);
    for (const option of options) {
      if (option.long) expect(script).toContain(shell === 'fish' ? `-l ${option.long.slice(2)}` : option.long);
      if (option.short) expect(script).toContain(shell === 'fish' ? `-s ${option.short.slice(1)}` : option.short);
    }
    // The hidden command is only ever called, never offered.
    const rest = script
      .replace(SLUG_CALL[shell], '')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'));
    expect(script).toContain(SLUG_CALL[shell]);
    expect(rest.join('\n')).not.toContain(COMPLETE_SLUGS_COMMAND);
  });

  it('bash: offers the colour choices and directories for --dir', () => {
    const script = renderCompletion('bash', buildProgram());
    expect(script).toContain("--color) _news_reply_words 'auto always never'; return ;;");
    expect(script).toContain('-d | --dir) _news_reply_directories; return ;;');
    expect(script).toContain('compgen -d');
    expect(script).toContain('complete -F _news news');
  });

  it('zsh: describes commands and options, completes --dir with directories and slugs with titles', () => {
    const script = renderCompletion('zsh', buildProgram());
    expect(script.startsWith('#compdef news\n')).toBe(true);
    expect(script).toContain("'list:list every article, newest first (piped: slug<TAB>date<TAB>title)'");
    expect(script).toContain("'--color=[colour\\: auto, always or never]:when:(auto always never)'");
    expect(script).toContain("'*--dir=[also read articles from this folder (repeatable; first wins)]:path:_files -/'");
    expect(script).toContain("'1:slug:_news_slugs'");
    expect(script).toContain("_describe -t slugs 'article' slugs");
  });

  it('fish: describes commands, completes --dir with directories and slugs with titles', () => {
    const script = renderCompletion('fish', buildProgram());
    expect(script).toContain("complete -c news -l color -x -a 'auto always never'");
    expect(script).toContain("complete -c news -s d -l dir -x -a '(__fish_complete_directories)'");
    expect(script).toContain("complete -c news -n '__news_argument read 0' -a '(__news_slugs)'");
    expect(script).toContain(
      'complete -c news -n __news_needs_command -a search -d \'find articles containing every word: "exact phrase", prefix*, -excluded, a OR b, title:/tag:/source:/section:word\'',
    );
  });

  it('quotes descriptions for the shell they are written in', () => {
    const program = buildProgram();
    program
      .command('odd')
      .description("it's [odd]: \\ really")
      .action(() => {});
    expect(renderCompletion('bash', program)).toContain("'list read search quotes completion help odd'");
    expect(renderCompletion('zsh', program)).toContain(`'odd:it'\\''s [odd]: \\ really'`);
    expect(renderCompletion('fish', program)).toContain(`-a odd -d 'it\\'s [odd]: \\\\ really'`);
  });
});

describe.skipIf(!hasCommand('bash'))('the bash script, run by bash', () => {
  const log = join(work, 'bash-slugs.log');
  const driver = `
source "$1"; shift
news() { printf '%s\\n' "$@" > "$NEWS_STUB_LOG"; printf '${STUB_SLUGS}'; }
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
_news
printf '%s\\n' "\${COMPREPLY[@]}"`;

  /** Completes the last of `words` (as bash splits them) and returns the candidates and the stub's arguments. */
  function complete(words: string[], options: { program?: Command; cwd?: string } = {}) {
    rmSync(log, { force: true });
    const result = spawnSync('bash', ['-c', driver, 'bash', writeScript('bash', options.program), ...words], {
      cwd: options.cwd ?? work,
      encoding: 'utf8',
      env: scrubbedEnv(undefined, { HOME: '/home/reader', NEWS_STUB_LOG: log }),
    });
    expect(result.stderr).toBe('');
    const replies = result.stdout.split('\n').filter((line) => line !== '');
    const slugCall = readLines(log);
    return { replies, slugCall };
  }

  it.each([
    [
      ['news', ''],
      ['list', 'read', 'search', 'quotes', 'completion', 'help'],
    ],
    [['news', 'r'], ['read']],
    [['news', '--c'], ['--color']],
    [
      ['news', '--no'],
      ['--no-color', '--no-pager', '--no-cache'],
    ],
    [['news', 'search', '--l'], ['--limit']],
    [['news', 'list', '--j'], ['--json']],
    [['news', 'read', '--j'], []],
    [
      ['news', '--color', ''],
      ['auto', 'always', 'never'],
    ],
    [
      ['news', '--color', '='],
      ['auto', 'always', 'never'],
    ],
    [['news', '--color', '=', 'al'], ['always']],
    [['news', '-w', ''], []],
    [
      ['news', '--width', '80', ''],
      ['list', 'read', 'search', 'quotes', 'completion', 'help'],
    ],
    [['news', 'search', ''], []],
    [['news', 'search', '-n', '3', 'peace', ''], []],
    [['news', 'read', 'abe-putin', ''], []],
    [['news', 'help', 's'], ['search']],
  ])('%j → %j', (words, expected) => {
    const { replies, slugCall } = complete(words);
    expect(replies).toEqual(expected);
    expect(slugCall).toEqual([]);
  });

  it.each([
    [['news', 'read', ''], ['abe-putin', 'budget-talks'], []],
    [['news', 'read', 'b'], ['budget-talks'], []],
    [['news', '-w', '60', 'read', ''], ['abe-putin', 'budget-talks'], []],
    [['news', '--dir', '/x', 'read', 'a'], ['abe-putin'], ['--dir', '/x']],
    [
      ['news', 'read', '-d', '/x', ''],
      ['abe-putin', 'budget-talks'],
      ['--dir', '/x'],
    ],
    [
      ['news', '--dir', '/x', '-d', '~/y', '--dir', '=', '/z', '-d/w', '--dir', "'/v w'", 'read', ''],
      ['abe-putin', 'budget-talks'],
      ['--dir', '/x', '--dir', '/home/reader/y', '--dir', '/z', '--dir', '/w', '--dir', '/v w'],
    ],
  ])('%j → %j, asking for the slugs with %j', (words, expected, folders) => {
    const { replies, slugCall } = complete(words);
    expect(replies).toEqual(expected);
    expect(slugCall).toEqual([...folders, COMPLETE_SLUGS_COMMAND]);
  });

  it('completes --dir with directories, quoted or not', () => {
    expect(complete(['news', '--dir', 'fix'], { cwd: join(FIXTURES, '..') }).replies).toEqual(['fixtures']);
    expect(complete(['news', '-d', '"fix'], { cwd: join(FIXTURES, '..') }).replies).toEqual(['fixtures']);
    expect(complete(['news', '--dir', '=', 'fix'], { cwd: join(FIXTURES, '..') }).replies).toEqual(['fixtures']);
  });

  it('completes slugs for a command added later with a [slug] argument, and hides hidden commands', () => {
    const program = buildProgram({ future: true });
    expect(complete(['news', ''], { program }).replies).toEqual([
      'list',
      'read',
      'search',
      'quotes',
      'completion',
      'help',
      'digest',
    ]);
    expect(complete(['news', 'quotes', ''], { program }).replies).toEqual(['abe-putin', 'budget-talks']);
    expect(complete(['news', 'digest', ''], { program }).replies).toEqual(['abe-putin', 'budget-talks']);
    expect(complete(['news', 'digest', 'abe-putin', ''], { program }).replies).toEqual([]);
  });
});

describe.skipIf(!hasCommand('zsh'))('the zsh script, read by zsh', () => {
  it('is valid zsh', () => {
    const result = spawnSync('zsh', ['-n', writeScript('zsh', buildProgram({ future: true }))], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe.skipIf(!hasCommand('fish'))('the fish script, run by fish', () => {
  it('is valid fish', () => {
    const result = spawnSync('fish', ['-n', writeScript('fish', buildProgram({ future: true }))], { encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  /** What fish offers for `line`, and the arguments the slug lister got. */
  function complete(line: string, program?: Command) {
    const log = join(work, 'fish-slugs.log');
    rmSync(log, { force: true });
    const driver = `source $argv[1]
function news; printf '%s\\n' $argv > $NEWS_STUB_LOG; printf '${STUB_SLUGS}'; end
complete -C $argv[2]`;
    const result = spawnSync('fish', ['-c', driver, writeScript('fish', program), line], {
      cwd: work,
      encoding: 'utf8',
      env: scrubbedEnv(undefined, { HOME: '/home/reader', NEWS_STUB_LOG: log }),
    });
    expect(result.stderr).toBe('');
    return { lines: result.stdout.split('\n').filter((entry) => entry !== ''), slugCall: readLines(log) };
  }

  it('offers commands with their descriptions', () => {
    expect(complete('news r').lines).toEqual(['read\tshow an article, wrapped to the terminal (piped: plain text)']);
  });

  it('offers slugs with their titles, passing on every --dir typed', () => {
    const { lines, slugCall } = complete('news --dir /x -d ~/y --dir=/z read ');
    expect(lines).toEqual(['abe-putin\tJapan’s Abe hails breakthrough', 'budget-talks\tBudget talks: resume']);
    expect(slugCall).toEqual(['--dir', '/x', '--dir', '/home/reader/y', '--dir', '/z', COMPLETE_SLUGS_COMMAND]);
  });

  it('offers the options of the command typed, and colour choices', () => {
    const options = complete('news search --').lines.map((line) => line.split('\t')[0]);
    expect(options).toEqual(expect.arrayContaining(['--json', '--limit', '--dir', '--width', '--help']));
    expect(complete('news list --').lines.map((line) => line.split('\t')[0])).not.toContain('--section');
    expect(
      complete('news --color ')
        .lines.map((line) => line.split('\t')[0])
        .sort(),
    ).toEqual(['always', 'auto', 'never']);
  });

  it('stops offering slugs once one is given, and for commands added later too', () => {
    expect(complete('news read abe-putin ').lines).toEqual([]);
    expect(complete('news quotes b', buildProgram({ future: true })).lines).toEqual([
      'budget-talks\tBudget talks: resume',
    ]);
  });
});

function readLines(path: string): string[] {
  try {
    return readFileSync(path, 'utf8')
      .split('\n')
      .filter((line) => line !== '');
  } catch {
    return [];
  }
}
