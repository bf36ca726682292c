// Renders the news(1) man page in roff from the commander program, so it documents exactly what --help does.

import type { Argument, Command, Help, Option } from 'commander';
import { ENVIRONMENT, EXAMPLES, EXIT_STATUS, type HelpEntry, QUERY_SYNTAX, QUERY_SYNTAX_NOTE } from './helptext.js';

export interface ManPageOptions {
  version: string;
  /** Shown in the page footer, e.g. 2024-05-01. */
  date: string;
}

/**
 * Makes text safe for a roff text line: backslashes and hyphens escaped (so `--dir` stays two
 * hyphen-minus signs when copied), a leading dot or apostrophe cannot start a request, and
 * characters beyond ASCII are named so that groff reads them the same whatever the input encoding.
 * https://man7.org/linux/man-pages/man7/groff_man.7.html
 */
export function escapeRoff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    .replace(
      /[^\x20-\x7e\n\t]/gu,
      (char) => `\\[u${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`,
    )
    .replace(/^([.'])/gm, '\\&$1');
}

/** A macro argument in double quotes; roff has no escape for `"` inside one, only the \(dq glyph. */
function quoteArgument(text: string): string {
  return `"${escapeRoff(text).replace(/"/g, '\\(dq')}"`;
}

function bold(text: string): string {
  return `\\fB${escapeRoff(text)}\\fR`;
}

function italic(text: string): string {
  return `\\fI${escapeRoff(text)}\\fR`;
}

/** `-w, --width <columns>` → bold names, italic value, as man pages set option terms. */
export function formatOptionTerm(flags: string): string {
  const parts = flags.split(/[\s,|]+/).filter((part) => part !== '');
  const names = parts.filter((part) => part.startsWith('-')).map(bold);
  const values = parts.filter((part) => !part.startsWith('-')).map(formatPlaceholder);
  return [names.join(', '), ...values].join(' ');
}

/** `<name>`, `[name]` and `<name...>` as commander writes them → italic name, brackets kept for optional. */
function formatPlaceholder(placeholder: string): string {
  const optional = placeholder.startsWith('[');
  const inner = placeholder.replace(/^[<[]|[>\]]$/g, '');
  const variadic = inner.endsWith('...');
  const term = `${italic(inner.replace(/\.\.\.$/, ''))}${variadic ? '...' : ''}`;
  return optional ? `[${term}]` : term;
}

function formatArgumentTerm(argument: Argument): string {
  const term = `${italic(argument.name())}${argument.variadic ? '...' : ''}`;
  return argument.required ? term : `[${term}]`;
}

/** A tagged paragraph: the term on its own line, the text indented below. */
function taggedParagraph(term: string, text: string): string {
  return `.TP\n${term}\n${escapeRoff(text)}`;
}

function section(title: string, body: string): string {
  return `.SH ${quoteArgument(title)}\n${body}`;
}

/** Options shown on the program's own help, which every command accepts too. */
function globalOptions(program: Command, helper: Help): Option[] {
  return helper.visibleOptions(program);
}

/** A command's own options: not the ones it shares with the program, such as --help. */
function localOptions(command: Command, program: Command, helper: Help): Option[] {
  const shared = new Set(globalOptions(program, helper).map((option) => option.flags));
  return helper.visibleOptions(command).filter((option) => !shared.has(option.flags));
}

/**
 * `.OP` sets `[--name value]` with the name bold and the value italic, and never breaks inside it;
 * an optional value keeps its brackets: `[--level [n]]`.
 */
function synopsisOfOption(option: Option): string {
  const name = option.long ?? option.short ?? option.flags;
  const placeholder = option.flags.match(/[<[][^>\]]+[>\]]/)?.[0];
  const value = placeholder?.startsWith('[') ? placeholder : placeholder?.slice(1, -1);
  return `.OP ${quoteArgument(name)}${value ? ` ${quoteArgument(value)}` : ''}`;
}

/**
 * A synopsis as man pages set them (groff_man(7) .SY/.YS): the command, then each option and
 * argument on a line of its own, so that a long one wraps between them, under a hanging indent.
 */
function synopsisBlock(command: string, parts: readonly string[]): string {
  return [`.SY ${quoteArgument(command)}`, ...parts, '.YS'].join('\n');
}

/** `feed add` for a subcommand, `list` for a command. */
function fullName(command: Command, program: Command): string {
  const parent = command.parent;
  return parent && parent !== program ? `${parent.name()} ${command.name()}` : command.name();
}

function synopsisOfCommand(command: Command, program: Command, helper: Help): string {
  return synopsisBlock(`${program.name()} ${fullName(command, program)}`, [
    ...localOptions(command, program, helper).map(synopsisOfOption),
    ...command.registeredArguments.map(formatArgumentTerm),
  ]);
}

/** The commands a synopsis lists: each command, or for one with subcommands (`feed`), each of those. */
function synopsisCommands(program: Command, helper: Help): Command[] {
  return helper.visibleCommands(program).flatMap((command) => {
    const subcommands = helper.visibleCommands(command);
    return subcommands.length > 0 ? subcommands : [command];
  });
}

function renderName(program: Command): string {
  const summary = program.summary() || program.description();
  const lowered = summary.charAt(0).toLowerCase() + summary.slice(1);
  return section('NAME', `${program.name()} \\- ${escapeRoff(lowered.replace(/\.$/, ''))}`);
}

function renderSynopsis(program: Command, helper: Help): string {
  const blocks = [
    synopsisBlock(program.name(), [`[${italic('options')}] ${italic('command')} [${italic('argument')} ...]`]),
    ...synopsisCommands(program, helper).map((command) => synopsisOfCommand(command, program, helper)),
  ];
  return section('SYNOPSIS', blocks.join('\n'));
}

function renderDescription(program: Command): string {
  const paragraphs = [
    escapeRoff(program.description()),
    String.raw`Articles are Markdown files in folders: those named with \fB\-\-dir\fR, in order, then those in \fBNEWS_PATH\fR, then the articles bundled with \fBnews\fR. When two folders hold an article with the same slug, the first one wins.`,
    String.raw`On a terminal the output is styled and wrapped to the terminal's width. In a pipe it is plain text with no escape codes, and \fB\-\-json\fR gives machine\-readable output.`,
  ];
  return section('DESCRIPTION', paragraphs.join('\n.PP\n'));
}

function renderCommand(command: Command, program: Command, helper: Help): string {
  const items = [
    // Like --help, arguments without a description are only shown in the synopsis.
    ...helper
      .visibleArguments(command)
      .map((argument) => taggedParagraph(formatArgumentTerm(argument), helper.argumentDescription(argument))),
    ...localOptions(command, program, helper).map((option) =>
      taggedParagraph(formatOptionTerm(option.flags), helper.optionDescription(option)),
    ),
  ];
  const heading = `.SS ${quoteArgument(fullName(command, program))}`;
  const subcommands = helper.visibleCommands(command);
  // A command with subcommands is their heading: its description, then each under a heading of its own.
  if (subcommands.length > 0) {
    return [
      heading,
      escapeRoff(helper.commandDescription(command)),
      ...subcommands.map((subcommand) => renderCommand(subcommand, program, helper)),
    ].join('\n');
  }
  return [
    heading,
    synopsisOfCommand(command, program, helper),
    '.PP',
    escapeRoff(helper.commandDescription(command)),
    ...items,
  ].join('\n');
}

function renderCommands(program: Command, helper: Help): string {
  const commands = helper.visibleCommands(program).map((command) => renderCommand(command, program, helper));
  return section('COMMANDS', commands.join('\n'));
}

function renderOptions(program: Command, helper: Help): string {
  const intro = 'These options apply to every command and may be given before or after it.';
  const items = globalOptions(program, helper).map((option) =>
    taggedParagraph(formatOptionTerm(option.flags), helper.optionDescription(option)),
  );
  return section('OPTIONS', [escapeRoff(intro), ...items].join('\n'));
}

/** The query language of `news search`, from the list its --help shows. */
function renderQuerySyntax(): string {
  const intro = String.raw`\fBnews search\fR finds the articles that contain every word of the query, ranked best first. A query is made of:`;
  const items = QUERY_SYNTAX.map((entry) => taggedParagraph(bold(entry.term), entry.description));
  return section('QUERY SYNTAX', [intro, ...items, '.PP', escapeRoff(QUERY_SYNTAX_NOTE)].join('\n'));
}

function renderEntries(title: string, entries: readonly HelpEntry[]): string {
  return section(title, entries.map((entry) => taggedParagraph(bold(entry.term), entry.description)).join('\n'));
}

const FILES = String.raw`.TP
\fIarticles/\fR
The articles bundled with \fBnews\fR, in the \fIarticles\fR folder of the installed package. They are read last, after every \fB\-\-dir\fR and \fBNEWS_PATH\fR folder.
.TP
\fIslug\fR\fB.md\fR
One article. Its slug, the file name without \fB.md\fR, is its name on the command line: letters, digits, dots, dashes and underscores, starting with a letter or digit. Files not ending in \fB.md\fR are ignored; a \fB.md\fR file whose name is not a slug is reported and skipped.
.PP
An article is Markdown, optionally opening with front matter as site generators write it: YAML between two \fB\-\-\-\fR lines, TOML between two \fB+++\fR lines, or a JSON object. Every field is optional: \fBtitle\fR; \fBdate\fR (also \fBpublishDate\fR, \fBpubDate\fR, \fBpublished\fR, \fBcreated\fR, a date a file name starts with as Jekyll names posts, or year/month/day in \fBpath\fR, \fBpermalink\fR or \fBurl\fR; with a time and an offset it is the calendar day as written); \fBauthor\fR or \fBauthors\fR (text or a list); \fBsummary\fR or \fBdescription\fR; \fBtags\fR, \fBcategories\fR, \fBtopics\fR, \fBkeywords\fR (merged, also under \fB[taxonomies]\fR); \fBsource\fR, \fBsection\fR, \fBagency\fR, \fBurl\fR, \fBbreadcrumb\fR, and \fBbanner\fR (a text, or a \fBtitle\fR and \fBtext\fR); \fBdraft: true\fR hides the article from \fBlist\fR, \fBsearch\fR and \fBquotes\fR unless \fB\-\-drafts\fR is given; \fBslug\fR is another name \fBread\fR takes. Without a title, the first \fB#\fR heading is the title, or else the slug. A value or block news cannot read is left out with one warning; an article is never skipped for its front matter.
.PP
The body may mix Markdown and HTML as real sites do: paragraphs, headings, lists, tables, block quotes, figures, details, code and links written in HTML become what the Markdown would give (a link keeps its address in the numbered Links list, an image shows its alt text); scripts, styles, comments, frames and hidden elements are dropped. Footnotes are listed under Notes, task lists show \fB[x]\fR and \fB[ ]\fR, strikethrough shows as \fB~~text~~\fR in plain output, every HTML character reference is decoded, and Hugo shortcodes and Liquid tags never appear raw (a paired one keeps its inner text, an image one its alt text or caption).
.PP
.RS
.nf
\-\-\-
title: Budget talks resume
date: 2024\-03\-01
tags: [economy, parliament]
\-\-\-

Negotiators met again on Friday.
.fi
.RE
.TP
\fI$NEWS_CONFIG_DIR/feeds.yaml\fR
The subscriptions of \fBnews fetch\fR (else in \fI$XDG_CONFIG_HOME/news\fR or \fI~/.config/news\fR): a YAML list of feeds, each a \fBurl\fR with an optional \fBtitle\fR (the source of its articles) and \fBfull: true\fR (fetch the page of each item that carries only a summary). \fBnews feed\fR edits it, keeping comments; so may you.
.TP
\fI$NEWS_STATE_DIR/fetch\-state.json\fR
What \fBnews fetch\fR remembers of each feed (else in \fI$XDG_STATE_HOME/news\fR or \fI~/.local/state/news\fR): its ETag and Last\-Modified, every item seen and what it said, when it was fetched, whether it is gone. Private to you, written whole or not at all; the lock files beside it keep two fetches from running at once.`;

const SEE_ALSO = `.BR less (1),
.BR jq (1)`;

/**
 * The whole man page. Commands, arguments and options come from `program` through commander's
 * Help, the same source as --help, so the page cannot describe options that do not exist.
 */
export function renderManPage(program: Command, options: ManPageOptions): string {
  const helper = program.createHelp();
  const name = program.name();
  const header = [
    String.raw`.\" Generated from the command-line definition by src/cli/manpage.ts; edit that, not this file.`,
    `.TH ${quoteArgument(name.toUpperCase())} 1 ${quoteArgument(options.date)} ${quoteArgument(`${name} ${options.version}`)} "User Commands"`,
  ].join('\n');
  const sections = [
    header,
    renderName(program),
    renderSynopsis(program, helper),
    renderDescription(program),
    renderCommands(program, helper),
    renderOptions(program, helper),
    renderQuerySyntax(),
    renderEntries('ENVIRONMENT', ENVIRONMENT),
    renderEntries('EXIT STATUS', EXIT_STATUS),
    section('FILES', FILES),
    renderEntries('EXAMPLES', EXAMPLES),
    section('SEE ALSO', SEE_ALSO),
  ];
  return `${sections.join('\n')}\n`;
}
