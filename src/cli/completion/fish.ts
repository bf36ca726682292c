// The fish completion script: one `complete` line per option and argument, guarded by where the cursor is.

import {
  type CompletionModel,
  folderOption,
  keyOf,
  namesOf,
  type OptionSpec,
  parentCommands,
  quoteFish,
  topCommands,
  valueOptionNames,
} from './model.js';
import { COMPLETE_SLUGS_COMMAND, COMPLETE_VALUES_COMMAND } from './shells.js';

/** One option's line; a command's options know where its slug is, for values of one article. */
function fishOptionLine(name: string, option: OptionSpec, condition: string | undefined, slugIndex?: number): string {
  const parts = [`complete -c ${name}`];
  if (condition) parts.push(`-n ${quoteFish(condition)}`);
  if (option.short) parts.push(`-s ${option.short.slice(1)}`);
  if (option.long) parts.push(`-l ${option.long.slice(2)}`);
  if (option.value === 'choice') parts.push(`-x -a ${quoteFish(option.choices.join(' '))}`);
  if (option.value === 'directory') parts.push(`-x -a ${quoteFish('(__fish_complete_directories)')}`);
  if (option.value === 'values') {
    const slug = slugIndex === undefined ? '' : ` ${slugIndex}`;
    parts.push(`-x -a ${quoteFish(`(__${name}_values ${option.values}${slug})`)}`);
  }
  if (option.value === 'text') parts.push('-x');
  parts.push(`-d ${quoteFish(option.description)}`);
  return parts.join(' ');
}

/** A command's name as one word of a fish condition: `feed add` in quotes. */
function fishWord(name: string): string {
  return /\s/.test(name) ? `'${name}'` : name;
}

function fishCommandLines(model: CompletionModel): string[] {
  const n = model.name;
  const globalKeys = new Set(model.globalOptions.map(keyOf));
  return model.commands.flatMap((command) => {
    const name = fishWord(command.name);
    const options = command.options
      .filter((option) => !globalKeys.has(keyOf(option)))
      .map((option) => fishOptionLine(n, option, `__${n}_using ${name}`, command.slugIndex));
    const argumentLines = command.arguments.flatMap((argument, index) => {
      const at = quoteFish(`__${n}_argument ${name} ${index}`);
      if (argument.kind === 'file') {
        const where = argument.variadic ? `__${n}_using ${name}` : `__${n}_argument ${name} ${index}`;
        return [`complete -c ${n} -n ${quoteFish(where)} -F`];
      }
      if (argument.kind === 'subcommand') {
        return argument.choices.map(
          (choice, which) =>
            `complete -c ${n} -n ${at} -a ${choice} -d ${quoteFish(argument.descriptions?.[which] ?? '')}`,
        );
      }
      if (argument.kind === 'feed') {
        const where = argument.variadic ? quoteFish(`__${n}_using ${name}`) : at;
        return [`complete -c ${n} -n ${where} -a ${quoteFish(`(__${n}_values feeds)`)}`];
      }
      if (argument.kind === 'text' || argument.variadic) return [];
      const sources = {
        slug: `(__${n}_slugs)`,
        'library-slug': `(__${n}_slugs --library)`,
        command: topCommands(model)
          .map((other) => other.name)
          .join(' '),
        choice: argument.choices.join(' '),
      };
      return [`complete -c ${n} -n ${at} -a ${quoteFish(sources[argument.kind])}`];
    });
    if (command.parent !== undefined) return [...options, ...argumentLines];
    const line = `complete -c ${n} -n __${n}_needs_command -a ${command.name} -d ${quoteFish(command.description)}`;
    return [line, ...options, ...argumentLines];
  });
}

/** The lines of __news_position that read `feed add` as one command, for the commands with subcommands. */
function fishSubcommandLines(model: CompletionModel): string {
  const parents = parentCommands(model).map((command) => command.name);
  if (parents.length === 0) return '';
  return [
    `    if contains -- "$command" ${parents.join(' ')}; and test $count -gt 0`,
    '        set command "$command $operands[2]"',
    '        set count (math $count - 1)',
    '    end',
    '',
  ].join('\n');
}

/** Switch cases that collect --dir values in their three spellings, for __news_folders. */
function fishFolderCases(model: CompletionModel): string {
  const folder = folderOption(model);
  if (!folder?.long) return '';
  const n = model.name;
  const add = (value: string) => `set -a folders ${folder.long} (__${n}_expand ${value})`;
  const cases = [
    `            case ${namesOf(folder).join(' ')}`,
    '                set i (math $i + 1)',
    '                if test $i -le (count $tokens)',
    `                    ${add('$tokens[$i]')}`,
    '                end',
    `            case '${folder.long}=*'`,
    `                ${add(`(string replace -- '${folder.long}=' '' $tokens[$i])`)}`,
  ];
  if (folder.short) {
    // After the exact match above, so this is the short option with its value attached.
    cases.push(`            case '${folder.short}*'`, `                ${add('(string sub -s 3 -- $tokens[$i])')}`);
  }
  return cases.join('\n');
}

export function renderFish(model: CompletionModel): string {
  const n = model.name;
  const skipped = valueOptionNames(model, { withFolder: true });
  return `# fish completion for ${n}, generated from its command-line definition by src/cli/completion/; do not edit.

# Prints the command typed so far and each argument after it, one a line, skipping options and their values.
function __${n}_operands
    set -l tokens (commandline -opc)
    set -l skip 0
    for token in $tokens[2..-1]
        if test $skip = 1
            set skip 0
        else if contains -- $token ${skipped.join(' ')}
            set skip 1
        else if string match -q -- '-*' $token
            continue
        else
            printf '%s\\n' $token
        end
    end
end

# Prints the command typed so far (with its subcommand: \`feed add\`) and how many arguments follow it.
function __${n}_position
    set -l operands (__${n}_operands)
    set -l count (count $operands)
    if test $count -gt 0
        set count (math $count - 1)
    end
    set -l command $operands[1]
${fishSubcommandLines(model)}    echo "$command $count"
end

function __${n}_needs_command
    string match -q -- ' *' (__${n}_position)
end

function __${n}_using --argument-names command
    string match -q -- "$command *" (__${n}_position)
end

function __${n}_argument --argument-names command index
    test (__${n}_position) = "$command $index"
end

function __${n}_expand --argument-names value
    string replace -r -- '^~(?=/|$)' $HOME $value
end

# Prints the folders typed so far as --dir arguments, one a line.
function __${n}_folders
    set -l tokens (commandline -opc)
    set -l folders
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
${fishFolderCases(model)}
        end
        set i (math $i + 1)
    end
    string join -- \\n $folders
end

# Article slugs and titles from ${n} ${COMPLETE_SLUGS_COMMAND}, given the folders typed so far; with
# --library, the library folder's only.
function __${n}_slugs
    ${n} (__${n}_folders) ${COMPLETE_SLUGS_COMMAND} $argv 2>/dev/null
end

# An option's values (tags, sections, speakers) with their descriptions, from ${n} ${COMPLETE_VALUES_COMMAND}
# given the folders typed so far; with an index, of the article whose slug is that argument of the command.
function __${n}_values --argument-names kind index
    set -l request $kind
    if test -n "$index"
        set -l operands (__${n}_operands)
        set -l at (math $index + 2)
        if test (count $operands) -ge $at
            set -a request $operands[$at]
        end
    end
    ${n} (__${n}_folders) ${COMPLETE_VALUES_COMMAND} $request 2>/dev/null
end

complete -c ${n} -f
${model.globalOptions.map((option) => fishOptionLine(n, option, undefined)).join('\n')}
${fishCommandLines(model).join('\n')}
`;
}
