// The completion scripts offer what --help lists, and bash (and fish, zsh where installed) run them as intended.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Argument, type Command, Option } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { renderCompletion } from '../../src/cli/completion/completion.js';
import {
  COMPLETE_SLUGS_COMMAND,
  COMPLETE_VALUES_COMMAND,
  SHELLS,
  type Shell,
} from '../../src/cli/completion/shells.js';
import { completeWith } from '../../src/cli/completion/values.js';
import { createProgram } from '../../src/cli/program.js';
import { COMMANDS } from '../../src/commands/registry.js';
import { FIXTURES, fakeIo } from '../helpers.js';
import { scrubbedEnv } from '../spawn.js';

/**
 * The program as main builds it, optionally with a future command taking a `<mode>` of fixed
 * choices and a `[slug]`, whose --about takes one of the article's speakers.
 */
function buildProgram(options: { future?: boolean } = {}): Command {
  const program = createProgram(fakeIo(), '1.2.3', COMMANDS, async () => {});
  if (options.future) {
    program
      .command('digest')
      .description('show a digest of an article')
      .addArgument(new Argument('<mode>', 'how long').choices(['short', 'long']))
      .argument('[slug]', 'the article')
      .addOption(completeWith(new Option('--about <name>', 'only what this person said'), 'speakers'))
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
  bash: `news "\${news_folders[@]}" ${COMPLETE_SLUGS_COMMAND} "$@"`,
  zsh: `news "\${folders[@]}" ${COMPLETE_SLUGS_COMMAND} "\${request[@]}"`,
  fish: `news (__news_folders) ${COMPLETE_SLUGS_COMMAND} $argv`,
};

/** How each script asks news for an option's values: the folders typed, the kind, and the slug if any. */
const VALUES_CALL: Record<Shell, string> = {
  bash: `news "\${news_folders[@]}" ${COMPLETE_VALUES_COMMAND} "\${request[@]}"`,
  zsh: `news "\${folders[@]}" ${COMPLETE_VALUES_COMMAND} "\${request[@]}"`,
  fish: `news (__news_folders) ${COMPLETE_VALUES_COMMAND} $request`,
};

/** Speakers as a stand-in for `news __complete-values` gives them: spaces, quotes and shell syntax. */
const TRICKY_VALUES = [
  'Vladimir Putin',
  "O'Brien",
  'Dr. "Doc" Who',
  'Cash $5 & `more` $(true)',
  'back\\slash',
  'Łukasz naïve ’quote’',
  '~tilde *star* [x] ;|&<>(){}#!',
];

describe('renderCompletion', () => {
  it.each(SHELLS)('%s: names every command and option that --help shows, and no hidden command', (shell) => {
    const program = buildProgram({ future: true });
    const script = renderCompletion(shell, program);
    for (const command of ['list', 'read', 'search', 'help', 'quotes', 'digest']) expect(script).toContain(command);
    const visible = program.createHelp().visibleCommands(program);
    const options = [program, ...visible].flatMap((command) => command.options);
    for (const option of options) {
      if (option.long) expect(script).toContain(shell === 'fish' ? `-l ${option.long.slice(2)}` : option.long);
      if (option.short) expect(script).toContain(shell === 'fish' ? `-s ${option.short.slice(1)}` : option.short);
    }
    // The hidden commands are only ever called, never offered.
    const rest = script
      .replace(SLUG_CALL[shell], '')
      .replace(VALUES_CALL[shell], '')
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('#'));
    expect(script).toContain(SLUG_CALL[shell]);
    expect(script).toContain(VALUES_CALL[shell]);
    expect(rest.join('\n')).not.toContain('__complete');
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

  it('zsh: completes arguments with choices to them, and option values from the library, of the slug typed', () => {
    const script = renderCompletion('zsh', buildProgram({ future: true }));
    expect(script).toContain("'1:shell:(bash zsh fish)'");
    expect(script).toContain("'1:mode:(short long)'");
    expect(script).toContain("'1::command:_news_commands'");
    // The leading space: _arguments passes no compadd options first. The number: where the slug is in $line.
    expect(script).toContain("'--tag=[only articles with this tag (case ignored)]:tag: _news_values tags'");
    expect(script).toContain(
      "'--section=[show only the section under this subheading (case and dashes ignored)]:name: _news_values sections 1'",
    );
    expect(script).toContain(":name: _news_values speakers 1'");
    expect(script).toContain("'--about=[only what this person said]:name: _news_values speakers 2'");
    expect(script).toContain(`request+=("$(_news_unquote "\${line[$2]}")")`);
    expect(script).toContain(`_describe -t $1 "\${1%s}" values`);
  });

  it('fish: completes arguments with choices to them, and option values from the library, of the slug typed', () => {
    const script = renderCompletion('fish', buildProgram({ future: true }));
    expect(script).toContain("complete -c news -n '__news_argument completion 0' -a 'bash zsh fish'");
    expect(script).toContain("complete -c news -n '__news_argument digest 0' -a 'short long'");
    expect(script).toContain("complete -c news -n '__news_argument digest 1' -a '(__news_slugs)'");
    expect(script).toContain("complete -c news -n '__news_using list' -l tag -x -a '(__news_values tags)'");
    expect(script).toContain("complete -c news -n '__news_using read' -l section -x -a '(__news_values sections 0)'");
    expect(script).toContain("complete -c news -n '__news_using quotes' -l speaker -x -a '(__news_values speakers 0)'");
    expect(script).toContain("complete -c news -n '__news_using digest' -l about -x -a '(__news_values speakers 1)'");
    // The slug is the operand after the command: the first line __news_operands prints is the command.
    expect(script).toContain('set -l at (math $index + 2)');
  });

  it("zsh: completes a command's subcommands, then each one's arguments; feeds by title", () => {
    const script = renderCompletion('zsh', buildProgram());
    expect(script).toContain('_news_feed_commands() {');
    expect(script).toContain("    'remove:unsubscribe from a feed (its articles stay in the library)'");
    // The subcommands are offered after `feed`, not beside the commands.
    expect(script.slice(script.indexOf('_news_commands() {'), script.indexOf('_news_feed_commands() {'))).not.toContain(
      "'add:",
    );
    expect(script).toContain("'1:command:_news_feed_commands' \\\n            '*:: :->subargument' \\");
    expect(script).toContain(`curcontext=\${curcontext%:*:*}:news-feed-$words[1]:`);
    expect(script).toContain('                (remove)\n                  _arguments -s -S \\');
    expect(script).toContain("'1:feed: _news_values feeds'");
    expect(script).toContain("'*:feed: _news_values feeds'");
  });

  it("fish: completes a command's subcommands with descriptions, then each one's arguments; feeds by title", () => {
    const script = renderCompletion('fish', buildProgram());
    expect(script).toContain(
      "complete -c news -n '__news_argument feed 0' -a export -d 'print the subscriptions as OPML 2.0",
    );
    expect(script).toContain("complete -c news -n '__news_using \\'feed list\\'' -l json");
    expect(script).toContain("complete -c news -n '__news_argument \\'feed remove\\' 0' -a '(__news_values feeds)'");
    expect(script).toContain("complete -c news -n '__news_using fetch' -a '(__news_values feeds)'");
    expect(script).toContain(
      '    if contains -- "$command" feed; and test $count -gt 0\n        set command "$command $operands[2]"',
    );
    expect(script).not.toContain('-n __news_needs_command -a add');
  });

  it('quotes descriptions for the shell they are written in', () => {
    const program = buildProgram();
    program
      .command('odd')
      .description("it's [odd]: \\ really")
      .action(() => {});
    expect(renderCompletion('bash', program)).toContain(
      "'list read search quotes import remove feed fetch completion help odd'",
    );
    expect(renderCompletion('zsh', program)).toContain(`'odd:it'\\''s [odd]: \\ really'`);
    expect(renderCompletion('fish', program)).toContain(`-a odd -d 'it\\'s [odd]: \\\\ really'`);
  });
});

describe.skipIf(!hasCommand('bash'))('the bash script, run by bash', () => {
  const log = join(work, 'bash-slugs.log');
  const valuesFile = join(work, 'bash-values.txt');
  // The stub prints slugs, or for __complete-values the lines of $NEWS_STUB_VALUES. On descriptor 3,
  // each reply as the shell reads it back once readline has put it after the quote the word opened
  // (if any) and closed that quote: how many words it makes, and the first.
  const driver = `
source "$1"; shift
news() {
  printf '%s\\n' "$@" > "$NEWS_STUB_LOG"
  if [[ " $* " == *" ${COMPLETE_VALUES_COMMAND} "* ]]; then cat "$NEWS_STUB_VALUES"; else printf '${STUB_SLUGS}'; fi
}
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1))
_news
printf '%s\\n' "\${COMPREPLY[@]}"
quote=''
case \${COMP_WORDS[COMP_CWORD]} in \\'* | \\"*) quote=\${COMP_WORDS[COMP_CWORD]:0:1} ;; esac
for reply in "\${COMPREPLY[@]}"; do
  eval "set -- $quote$reply$quote"
  printf '%s %s\\n' "$#" "$1" >&3
done`;

  /**
   * Completes the last of `words` (as bash splits them) and returns the candidates, the stub's
   * arguments, and each candidate as the shell reads it back. The stub's values are `values`.
   */
  function complete(
    words: string[],
    options: { program?: Command; cwd?: string; values?: readonly string[]; locale?: string } = {},
  ) {
    rmSync(log, { force: true });
    writeFileSync(valuesFile, (options.values ?? []).map((value) => `${value}\tdescribed\n`).join(''));
    const extra: Record<string, string> = { HOME: '/home/reader', NEWS_STUB_LOG: log, NEWS_STUB_VALUES: valuesFile };
    if (options.locale) extra.LC_ALL = options.locale;
    const result = spawnSync('bash', ['-c', driver, 'bash', writeScript('bash', options.program), ...words], {
      cwd: options.cwd ?? work,
      encoding: 'utf8',
      env: scrubbedEnv(undefined, extra),
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    expect(result.stderr).toBe('');
    const replies = result.stdout.split('\n').filter((line) => line !== '');
    const call = readLines(log);
    const typed = String(result.output[3] ?? '')
      .split('\n')
      .filter((line) => line !== '');
    return { replies, slugCall: call, call, typed };
  }

  it.each([
    [
      ['news', ''],
      ['list', 'read', 'search', 'quotes', 'import', 'remove', 'feed', 'fetch', 'completion', 'help'],
    ],
    [
      ['news', 'r'],
      ['read', 'remove'],
    ],
    [['news', '--c'], ['--color']],
    [
      ['news', '--no'],
      ['--no-color', '--no-pager', '--no-cache'],
    ],
    [['news', 'search', '--l'], ['--limit']],
    [['news', 'list', '--j'], ['--json']],
    [['news', 'read', '--j'], ['--json']],
    [
      ['news', 'import', '--d'],
      ['--dry-run', '--dir'],
    ],
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
      ['list', 'read', 'search', 'quotes', 'import', 'remove', 'feed', 'fetch', 'completion', 'help'],
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

  it('completes choices, slugs and values for a command added later, and hides hidden commands', () => {
    const program = buildProgram({ future: true });
    expect(complete(['news', ''], { program }).replies).toEqual([
      'list',
      'read',
      'search',
      'quotes',
      'import',
      'remove',
      'feed',
      'fetch',
      'completion',
      'help',
      'digest',
    ]);
    expect(complete(['news', 'quotes', ''], { program }).replies).toEqual(['abe-putin', 'budget-talks']);
    expect(complete(['news', 'digest', ''], { program }).replies).toEqual(['short', 'long']);
    expect(complete(['news', 'digest', 'l'], { program }).replies).toEqual(['long']);
    expect(complete(['news', 'digest', 'short', ''], { program }).replies).toEqual(['abe-putin', 'budget-talks']);
    expect(complete(['news', 'digest', 'short', 'abe-putin', ''], { program }).replies).toEqual([]);
    const about = complete(['news', 'digest', 'short', 'abe-putin', '--about', 'V'], {
      program,
      values: TRICKY_VALUES,
    });
    expect(about.replies).toEqual(['Vladimir\\ Putin']);
    expect(about.call).toEqual([COMPLETE_VALUES_COMMAND, 'speakers', 'abe-putin']);
  });

  it.each([
    [
      ['news', 'completion', ''],
      ['bash', 'zsh', 'fish'],
    ],
    [['news', 'completion', 'z'], ['zsh']],
    [['news', '--dir', '/x', 'completion', 'f'], ['fish']],
    [['news', 'completion', 'bash', ''], []],
    [
      ['news', 'help', ''],
      ['list', 'read', 'search', 'quotes', 'import', 'remove', 'feed', 'fetch', 'completion', 'help'],
    ],
    [['news', 'list', '--sort', 't'], ['title']],
  ])('offers the fixed choices of arguments and options: %j → %j', (words, expected) => {
    const { replies, call } = complete(words);
    expect(replies).toEqual(expected);
    expect(call).toEqual([]);
  });

  it.each([
    [['news', 'list', '--tag', ''], [], ['tags']],
    [['news', 'list', '--tag', '=', ''], [], ['tags']],
    [['news', '-d', '/x', 'list', '--tag', ''], ['--dir', '/x'], ['tags']],
    [['news', 'read', 'abe-putin', '--section', ''], [], ['sections', 'abe-putin']],
    [['news', 'read', '--section', ''], [], ['sections']],
    [['news', 'read', "'abe-putin'", '--outline', '--section', '=', ''], [], ['sections', 'abe-putin']],
    [
      ['news', '--dir', '~/y', 'quotes', 'abe-putin', '--json', '--speaker', ''],
      ['--dir', '/home/reader/y'],
      ['speakers', 'abe-putin'],
    ],
    [['news', 'quotes', '--speaker', ''], [], ['speakers']],
    [['news', 'quotes', '--speaker', 'Kuril\\ I', 'abe-putin', '--speaker', ''], [], ['speakers', 'abe-putin']],
  ])('%j asks for the values with the folders %j and %j', (words, folders, request) => {
    const { replies, call } = complete(words, { values: ['Japan', 'Kuril Islands'] });
    expect(replies).toEqual(['Japan', 'Kuril\\ Islands']);
    expect(call).toEqual([...folders, COMPLETE_VALUES_COMMAND, ...request]);
  });

  it.each([
    [['news', 'list', '--tag', 'K'], ['Kuril\\ Islands']],
    [['news', 'list', '--tag', 'Kuril\\ I'], ['Kuril\\ Islands']],
    [['news', 'list', '--tag', "'Kuril I"], ['Kuril Islands']],
    [['news', 'list', '--tag', '"K'], ['Kuril Islands']],
    [['news', 'list', '--tag', 'k'], []],
    [['news', 'list', '--tag', 'Kuril Islands'], ['Kuril\\ Islands']],
  ])('%j → %j: matched against the word unquoted, escaped for the quote it opened', (words, expected) => {
    expect(complete(words, { values: ['Japan', 'Kuril Islands'] }).replies).toEqual(expected);
  });

  it.each(['C', 'C.UTF-8'])(
    'escapes values with spaces, quotes and shell syntax so they read back as one word each (LC_ALL=%s)',
    (locale) => {
      for (const quote of ['', "'", '"']) {
        const { replies, typed } = complete(['news', 'quotes', '--speaker', quote], { values: TRICKY_VALUES, locale });
        expect(replies, `after ${quote}`).toHaveLength(TRICKY_VALUES.length);
        expect(typed, `after ${quote}`).toEqual(TRICKY_VALUES.map((value) => `1 ${value}`));
      }
    },
  );

  it.each([
    ['O', "O\\'Brien"],
    ["'O", "O'\\''Brien"],
    ['"Cash $', 'Cash \\$5 & \\`more\\` \\$(true)'],
    ['"back', 'back\\\\slash'],
    ['"Dr', 'Dr. \\"Doc\\" Who'],
  ])('the word %j becomes %j', (word, reply) => {
    expect(complete(['news', 'quotes', '--speaker', word], { values: TRICKY_VALUES }).replies).toEqual([reply]);
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

  /** What fish offers for `line`, and the arguments the stub got; it gives `values` to __complete-values. */
  function complete(line: string, program?: Command, values: readonly string[] = []) {
    const log = join(work, 'fish-slugs.log');
    const valuesFile = join(work, 'fish-values.txt');
    rmSync(log, { force: true });
    writeFileSync(valuesFile, values.map((value) => `${value}\tdescribed\n`).join(''));
    const driver = `source $argv[1]
function news
    printf '%s\\n' $argv > $NEWS_STUB_LOG
    if contains -- ${COMPLETE_VALUES_COMMAND} $argv
        cat $NEWS_STUB_VALUES
    else
        printf '${STUB_SLUGS}'
    end
end
complete -C $argv[2]`;
    const result = spawnSync('fish', ['-c', driver, writeScript('fish', program), line], {
      cwd: work,
      encoding: 'utf8',
      env: scrubbedEnv(undefined, { HOME: '/home/reader', NEWS_STUB_LOG: log, NEWS_STUB_VALUES: valuesFile }),
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

  it('offers the shells, and option values with descriptions, asking for those of the slug typed', () => {
    expect(complete('news completion ').lines).toEqual(['bash', 'zsh', 'fish']);
    const { lines, slugCall } = complete('news -d /x read abe-putin --section ', undefined, ['Kuril Islands']);
    expect(lines).toEqual(['Kuril Islands\tdescribed']);
    expect(slugCall).toEqual(['--dir', '/x', COMPLETE_VALUES_COMMAND, 'sections', 'abe-putin']);
    expect(complete('news quotes --speaker ', undefined, ['Kuril Islands']).slugCall).toEqual([
      COMPLETE_VALUES_COMMAND,
      'speakers',
    ]);
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

describe.skipIf(!hasCommand('bash'))('completing import and remove, run by bash', () => {
  it('offers files for every source of import, and only library slugs to remove', () => {
    const script = writeScript('bash');
    const folder = mkdtempSync(join(work, 'sources-'));
    writeFileSync(join(folder, 'page.html'), '');
    writeFileSync(join(folder, 'notes.md'), '');
    const log = join(work, 'remove-slugs.log');
    const driver = `source "$1"; shift
news() { printf '%s\\n' "$@" > "${log}"; printf 'imported-one\\tImported\\n'; }
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _news; printf '%s\\n' "\${COMPREPLY[@]}"`;
    const run = (...words: string[]) =>
      spawnSync('bash', ['-c', driver, 'bash', script, ...words], { cwd: folder, encoding: 'utf8', env: scrubbedEnv() })
        .stdout.split('\n')
        .filter((line) => line !== '');
    expect(run('news', 'import', 'p')).toEqual(['page.html']);
    expect(run('news', 'import', 'page.html', 'n')).toEqual(['notes.md']);
    expect(run('news', 'remove', '')).toEqual(['imported-one']);
    expect(readLines(log)).toEqual([COMPLETE_SLUGS_COMMAND, '--library']);
  });
});

describe.skipIf(!hasCommand('bash'))('completing feed and fetch, run by bash', () => {
  const values = join(work, 'feed-titles.txt');
  const log = join(work, 'feed-values.log');
  const driver = `source "$1"; shift
news() { printf '%s\\n' "$@" > "${log}"; cat "${values}"; }
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _news; printf '%s\\n' "\${COMPREPLY[@]}"`;

  function run(...words: string[]): { replies: string[]; call: string[] } {
    rmSync(log, { force: true });
    writeFileSync(values, 'Example Gazette\thttp://gazette.example/rss\nNorthvale Times\thttp://times.example/feed\n');
    const result = spawnSync('bash', ['-c', driver, 'bash', writeScript('bash'), ...words], {
      cwd: work,
      encoding: 'utf8',
      env: scrubbedEnv(),
    });
    expect(result.stderr).toBe('');
    return { replies: result.stdout.split('\n').filter((line) => line !== ''), call: readLines(log) };
  }

  it.each([
    [
      ['news', 'f'],
      ['feed', 'fetch'],
    ],
    [
      ['news', 'feed', ''],
      ['add', 'list', 'remove', 'import', 'export'],
    ],
    [['news', 'feed', 'r'], ['remove']],
    [['news', '--no-color', 'feed', 'e'], ['export']],
    [['news', 'feed', 'list', '--j'], ['--json']],
    [['news', 'feed', 'add', '--t'], ['--timeout']],
    [
      ['news', 'fetch', '--j'],
      ['--jobs', '--json'],
    ],
    [['news', 'feed', 'export', ''], []],
  ])('%j → %j', (words, expected) => {
    expect(run(...words)).toEqual({ replies: expected, call: [] });
  });

  it.each([
    [
      ['news', 'feed', 'remove', ''],
      ['Example\\ Gazette', 'Northvale\\ Times'],
    ],
    [['news', 'feed', 'remove', 'N'], ['Northvale\\ Times']],
    [
      ['news', 'fetch', ''],
      ['Example\\ Gazette', 'Northvale\\ Times'],
    ],
    [['news', 'fetch', '--full', "'Example Gazette'", 'N'], ['Northvale\\ Times']],
    [['news', 'fetch', "'E"], ['Example Gazette']],
  ])("%j offers the feeds' titles: %j", (words, expected) => {
    expect(run(...words)).toEqual({ replies: expected, call: [COMPLETE_VALUES_COMMAND, 'feeds'] });
  });

  it('offers nothing more once a feed is named to remove', () => {
    expect(run('news', 'feed', 'remove', 'Northvale\\ Times', '').replies).toEqual([]);
  });
});
