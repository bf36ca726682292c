// The man page documents what --help shows, no more and no less, fits 80 columns and is valid roff; the query syntax is shared with search --help.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import {
  ENVIRONMENT,
  EXAMPLES,
  EXIT_STATUS,
  formatHelpList,
  QUERY_SYNTAX,
  QUERY_SYNTAX_NOTE,
} from '../../src/cli/helptext.js';
import { escapeRoff, formatOptionTerm, renderManPage } from '../../src/cli/manpage.js';
import { createProgram } from '../../src/cli/program.js';
import { COMMANDS } from '../../src/commands/registry.js';
import { parseSearchQuery } from '../../src/search/query.js';
import { fakeIo, ROOT } from '../helpers.js';

function buildProgram(): { program: Command; io: ReturnType<typeof fakeIo> } {
  const io = fakeIo();
  return { program: createProgram(io, '1.2.3', COMMANDS, async () => {}), io };
}

const page = renderManPage(buildProgram().program, { version: '1.2.3', date: '2024-05-01' });

/** The full --help of the program, with the text commander prints after the generated part. */
function fullHelp(): string {
  const { program, io } = buildProgram();
  program.outputHelp();
  return io.stdout.text;
}

/** The item lines of one section of commander's help ("Options", "Commands", ...), up to the blank line. */
function helpSection(help: string, heading: string): string[] {
  const lines = help.split('\n');
  const start = lines.indexOf(`${heading}:`);
  if (start === -1) return [];
  const end = lines.indexOf('', start);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** Option names (`-w`, `--width`) listed in a help section; continuation lines are indented further. */
function helpOptionNames(help: string, heading: string): string[] {
  return helpSection(help, heading)
    .filter((line) => /^ {2}-/.test(line))
    .flatMap((line) => (line.trim().split(/\s{2,}/)[0] ?? '').match(/--?[\w-]+/g) ?? []);
}

function helpCommandNames(help: string): string[] {
  return helpSection(help, 'Commands')
    .map((line) => /^ {2}([\w-]+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined);
}

/** The roff between `.SH "title"` (or `.SS "title"`) and the next heading of the same level. */
function manSection(title: string, level: 'SH' | 'SS' = 'SH'): string {
  const start = page.indexOf(`.${level} "${title}"\n`);
  if (start === -1) return '';
  const rest = page.slice(start + 1);
  const next = rest.search(level === 'SH' ? /\n\.SH / : /\n\.S[HS] /);
  return next === -1 ? rest : rest.slice(0, next);
}

/** Option names set in bold or in a synopsis's .OP in some roff, unescaped: `\fB\-\-width\fR` → `--width`. */
function manOptionNames(roff: string): string[] {
  return [...roff.matchAll(/\\fB((?:\\-)+[A-Za-z][\w\\-]*)\\fR|^\.OP "((?:\\-)+[A-Za-z][\w\\-]*)"/gm)].map((match) =>
    (match[1] ?? match[2] ?? '').replace(/\\-/g, '-'),
  );
}

function manHeadings(level: 'SH' | 'SS'): string[] {
  return [...page.matchAll(new RegExp(`^\\.${level} "([^"]+)"$`, 'gm'))].map((match) => match[1] ?? '');
}

describe('renderManPage', () => {
  it('has the title line and the sections of a man page, in order', () => {
    expect(page.split('\n')[1]).toBe('.TH "NEWS" 1 "2024\\-05\\-01" "news 1.2.3" "User Commands"');
    expect(manHeadings('SH')).toEqual([
      'NAME',
      'SYNOPSIS',
      'DESCRIPTION',
      'COMMANDS',
      'OPTIONS',
      'QUERY SYNTAX',
      'ENVIRONMENT',
      'EXIT STATUS',
      'FILES',
      'EXAMPLES',
      'SEE ALSO',
    ]);
    expect(manSection('NAME')).toMatch(/^SH "NAME"\nnews \\- read news articles in the terminal/);
  });

  it('documents exactly the commands that --help lists, and the subcommands of each', () => {
    const { program } = buildProgram();
    const commands = manHeadings('SS').filter((heading) => !heading.includes(' '));
    expect(commands).toEqual(helpCommandNames(program.helpInformation()));
    expect(commands).toEqual([
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
    ]);
    const feed = program.commands.find((command) => command.name() === 'feed') as Command;
    const subcommands = manHeadings('SS').filter((heading) => heading.startsWith('feed '));
    expect(subcommands).toEqual(helpCommandNames(feed.helpInformation()).map((name) => `feed ${name}`));
    expect(subcommands).toEqual(['feed add', 'feed list', 'feed remove', 'feed import', 'feed export']);
  });

  it('documents every global option of --help under OPTIONS', () => {
    const { program } = buildProgram();
    const names = helpOptionNames(program.helpInformation(), 'Options');
    expect(names).toContain('--width');
    expect(manOptionNames(manSection('OPTIONS')).sort()).toEqual([...names].sort());
  });

  it.each(['list', 'read', 'search'])(
    "documents the options and arguments of 'news %s --help' in its section",
    (name) => {
      const { program } = buildProgram();
      const command = program.commands.find((candidate) => candidate.name() === name);
      const help = command?.helpInformation() ?? '';
      const section = manSection(name, 'SS');
      const globals = helpOptionNames(program.helpInformation(), 'Options');
      const own = helpOptionNames(help, 'Options').filter((option) => !globals.includes(option));
      expect([...new Set(manOptionNames(section))].sort()).toEqual([...new Set(own)].sort());
      for (const option of helpOptionNames(help, 'Global Options')) expect(globals).toContain(option);
      for (const argument of command?.registeredArguments ?? [])
        expect(section).toContain(`\\fI${argument.name()}\\fR`);
      expect(section).toContain(escapeRoff(command?.description() ?? 'missing'));
    },
  );

  it('names no option that --help does not show', () => {
    const { program } = buildProgram();
    const helps = [program, ...program.commands].map((command) => command.helpInformation());
    const known = new Set(
      helps.flatMap((help) => [...helpOptionNames(help, 'Options'), ...helpOptionNames(help, 'Global Options')]),
    );
    // Option names mentioned in prose (DESCRIPTION, FILES) count too: they must be real options. The
    // query syntax is what one types after `news search`: its -sanctions is a word left out.
    const names = manOptionNames(page.replace(manSection('QUERY SYNTAX'), ''));
    expect(names).toContain('--tag');
    for (const option of names) expect(known).toContain(option);
  });

  it('lists the environment variables and exit codes that --help lists', () => {
    const help = fullHelp();
    const helpVariables = helpSection(help, 'Environment').map((line) => line.trim().split(/\s+/)[0]);
    const manVariables = [...manSection('ENVIRONMENT').matchAll(/^\.TP\n\\fB([A-Z_]+)\\fR$/gm)].map(
      (match) => match[1],
    );
    expect(manVariables).toEqual(helpVariables);
    expect(manVariables).toEqual(ENVIRONMENT.map((entry) => entry.term));
    const helpCodes = helpSection(help, 'Exit status').map((line) => line.trim().split(/\s+/)[0]);
    const manCodes = [...manSection('EXIT STATUS').matchAll(/^\.TP\n\\fB(\d)\\fR$/gm)].map((match) => match[1]);
    expect(manCodes).toEqual(helpCodes);
    expect(manCodes).toEqual(['0', '1', '2']);
  });

  it('shows the examples of --help', () => {
    const examples = manSection('EXAMPLES');
    for (const example of EXAMPLES) expect(examples).toContain(`\\fB${escapeRoff(example.term)}\\fR\n`);
  });

  it('describes the article folders and the <slug>.md format under FILES', () => {
    const files = manSection('FILES');
    expect(files).toContain('\\fIarticles/\\fR');
    expect(files).toContain('\\fIslug\\fR\\fB.md\\fR');
    expect(files).toContain('title: ');
  });

  it('starts no line with a dot or apostrophe unless it is a request this page means to make', () => {
    const requests = /^(\.\\"|\.(TH|SH|SS|TP|PP|RS|RE|nf|fi|BR|SY|OP|YS) ?)/;
    for (const line of page.split('\n')) {
      if (line.startsWith('.') || line.startsWith("'")) expect(line).toMatch(requests);
    }
  });

  it('escapes every hyphen and names every character beyond ASCII', () => {
    const lines = page.split('\n').filter((line) => !line.startsWith('.\\"'));
    for (const line of lines) expect(line).not.toMatch(/(?<!\\)-/);
    expect(page).not.toMatch(/[^\x20-\x7e\n]/);
  });

  it.skipIf(!hasCommand('groff'))('renders with groff without a warning', () => {
    const result = spawnSync('groff', ['-man', '-Tutf8', '-ww', '-P-cbou'], { input: page, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const text = result.stdout;
    expect(text).toMatch(/news\s+- read news articles in the terminal/);
    expect(text).toContain('-w, --width columns');
    expect(text).toContain('wrap text at this many columns (20–1000)');
    expect(text).toContain('news search \'"peace treaty"\'');
  });

  it.skipIf(!hasCommand('man'))('opens with man -l', () => {
    const result = spawnSync('man', ['-l', '-'], {
      input: page,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat' },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('EXIT STATUS');
  });

  it('sets each synopsis with .SY and .YS, one option or argument a line, so that it wraps between them', () => {
    const { program } = buildProgram();
    const synopsis = manSection('SYNOPSIS');
    expect(synopsis).not.toContain('.nf');
    const blocks = [...synopsis.matchAll(/^\.SY "([^"]+)"\n((?:(?!\.YS\n).*\n)*)\.YS$/gm)];
    // A command with subcommands has none of its own: each subcommand has its synopsis.
    const synopses = manHeadings('SS').filter((heading) => heading !== 'feed');
    expect(blocks.map((block) => block[1])).toEqual(['news', ...synopses.map((command) => `news ${command}`)]);
    const commandOf = (name: string): Command =>
      name
        .split(' ')
        .slice(1)
        .reduce<Command>((parent, word) => parent.commands.find((child) => child.name() === word) as Command, program);
    for (const [, name, body] of blocks.slice(1)) {
      const command = commandOf(name as string);
      const globals = new Set(program.options.map((option) => option.flags));
      const own = command.options.filter((option) => !option.hidden && !globals.has(option.flags));
      const lines = (body ?? '').split('\n').filter((line) => line !== '');
      expect(
        lines.filter((line) => line.startsWith('.OP ')),
        name,
      ).toHaveLength(own.length);
      expect(lines, name).toHaveLength(own.length + command.registeredArguments.length);
      // The command's own section repeats its synopsis.
      expect(manSection((name as string).slice('news '.length), 'SS'), name).toContain(`.SY "${name}"\n${body}.YS\n`);
    }
    expect(synopsis).toContain('.OP "\\-\\-tag" "tag"\n');
    expect(synopsis).toContain('.OP "\\-\\-limit" "count"\n');
  });

  it.skipIf(!hasCommand('man'))(
    'fits every line in 80 columns, the long synopsis of list under a hanging indent',
    () => {
      const result = spawnSync('man', ['-l', '-'], {
        input: page,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', MANWIDTH: '80', MANPAGER: 'cat', PAGER: 'cat' },
      });
      expect(result.status).toBe(0);
      // Into a pipe, man leaves out bold overstrikes and sets spaces, not tabs.
      expect(result.stdout).not.toMatch(/[\b\t]/);
      const lines = result.stdout.split('\n');
      const wide = lines.filter((line) => [...line].length > 80);
      expect(wide).toEqual([]);
      const list = lines.findIndex((line) => line.trim().startsWith('news list [--json]'));
      expect(list).toBeGreaterThan(-1);
      const indent = (lines[list] as string).indexOf('news list') + 'news list '.length;
      expect(lines[list + 1]).toMatch(new RegExp(`^ {${indent}}\\[--`));
    },
  );
});

describe('the query syntax', () => {
  it('is in the man page, each construct with what it finds', () => {
    const section = manSection('QUERY SYNTAX');
    for (const entry of QUERY_SYNTAX) {
      expect(section).toContain(`.TP\n\\fB${escapeRoff(entry.term)}\\fR\n${escapeRoff(entry.description)}\n`);
    }
    expect(section).toContain(escapeRoff(QUERY_SYNTAX_NOTE));
  });

  it('is what news search --help prints after its options', () => {
    const { program } = buildProgram();
    const io = fakeIo();
    const search = program.commands.find((command) => command.name() === 'search') as Command;
    search.configureOutput({ writeOut: (text) => io.stdout.write(text) });
    search.outputHelp();
    expect(io.stdout.text).toContain(`\n${formatHelpList('Query syntax', QUERY_SYNTAX)}\n\n${QUERY_SYNTAX_NOTE}\n`);
  });

  it('says what the parser does: fields, prefixes, phrases, exclusions and OR', () => {
    const parsed = (term: string) => parseSearchQuery(term);
    const fields = QUERY_SYNTAX.filter((entry) => /^[a-z]+:[A-Z]/.test(entry.term));
    expect(fields.map((entry) => parsed(entry.term)[0]?.alternatives[0]?.field)).toEqual([
      'title',
      'tag',
      'source',
      'section',
    ]);
    expect(parsed('treat*')[0]?.alternatives[0]?.prefix).toBe(true);
    expect(parsed('"peace treaty"')).toEqual([
      { alternatives: [{ text: 'peace treaty', prefix: false }], negated: false },
    ]);
    expect(parsed('-sanctions')[0]?.negated).toBe(true);
    expect(parsed('Putin OR Medvedev')).toHaveLength(1);
    expect(parsed('peace treaty')).toHaveLength(2);
    // The literal examples stay literal: no field, no prefix, nothing left out.
    for (const term of '5.5% (in a+b re:think'.split(' ')) {
      expect(parsed(term), term).toEqual([{ alternatives: [{ text: term, prefix: false }], negated: false }]);
    }
    for (const entry of QUERY_SYNTAX) expect(entry.term.length + entry.description.length + 4).toBeLessThanOrEqual(80);
  });

  it("covers every construct of the README's Search table", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('### Search'), readme.indexOf('Everything else is literal text'));
    const constructs = [...table.matchAll(/^\| (.+?) \| .+ \|$/gm)]
      .flatMap((row) => [...(row[1] ?? '').matchAll(/`([^`]+)`/g)].map((code) => code[1] as string))
      // A field is the same construct whatever the word: title:Abe, tag:Russia.
      .map((code) => code.split(' ')[0] as string);
    expect(constructs).toContain('section:News');
    const documented = QUERY_SYNTAX.map((entry) => entry.term).join(' ');
    for (const construct of constructs) expect(documented, construct).toContain(construct);
  });
});

describe('escapeRoff', () => {
  it.each([
    ['--dir', '\\-\\-dir'],
    ['C:\\news', 'C:\\enews'],
    ['.hidden line', '\\&.hidden line'],
    ["'quoted' at the start", "\\&'quoted' at the start"],
    ['first\n.second', 'first\n\\&.second'],
    ['mid.dle and it’s', 'mid.dle and it\\[u2019]s'],
    ['20–1000', '20\\[u2013]1000'],
    ['emoji 📰', 'emoji \\[u1F4F0]'],
  ])('%j → %j', (text, roff) => {
    expect(escapeRoff(text)).toBe(roff);
  });
});

describe('formatOptionTerm', () => {
  it.each([
    ['-w, --width <columns>', '\\fB\\-w\\fR, \\fB\\-\\-width\\fR \\fIcolumns\\fR'],
    ['--no-color', '\\fB\\-\\-no\\-color\\fR'],
    ['--level [n]', '\\fB\\-\\-level\\fR [\\fIn\\fR]'],
    ['--tag <name...>', '\\fB\\-\\-tag\\fR \\fIname\\fR...'],
  ])('%j → %j', (flags, roff) => {
    expect(formatOptionTerm(flags)).toBe(roff);
  });
});

describe('help text shared with --help', () => {
  it('is what --help prints for the environment and the exit codes', () => {
    const help = fullHelp();
    expect(help).toContain(formatHelpList('Environment', ENVIRONMENT));
    expect(help).toContain(formatHelpList('Exit status', EXIT_STATUS));
  });

  it('has the examples --help prints', () => {
    const squeeze = (text: string) => text.replace(/ {2,}/g, '  ');
    expect(squeeze(fullHelp())).toContain(squeeze(formatHelpList('Examples', EXAMPLES)));
  });

  it('aligns descriptions two spaces after the longest term', () => {
    const list = formatHelpList('Things', [
      { term: 'a', description: 'first' },
      { term: 'abc', description: 'second' },
    ]);
    expect(list).toBe('Things:\n  a    first\n  abc  second');
  });
});

function hasCommand(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}
