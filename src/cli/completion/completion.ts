// Shell completion scripts for bash, zsh and fish, generated from the commander program that --help describes.

import type { Argument, Command, Help, Option } from 'commander';

import { COMPLETE_SLUGS_COMMAND, type Shell } from './shells.js';

export { COMPLETE_SLUGS_COMMAND, SHELLS, type Shell } from './shells.js';

/** The option naming an article folder: completed as a directory, and passed on to __complete-slugs. */
const FOLDER_OPTION = '--dir';

interface OptionSpec {
  short: string | undefined;
  long: string | undefined;
  description: string;
  /** What the option's value completes to; 'none' when it takes no value. */
  value: 'none' | 'text' | 'choice' | 'directory';
  valueName: string;
  choices: readonly string[];
}

interface ArgumentSpec {
  name: string;
  required: boolean;
  variadic: boolean;
  /** Article slugs, command names, or anything (no completion). */
  kind: 'slug' | 'command' | 'text';
}

interface CommandSpec {
  name: string;
  description: string;
  /** Everything accepted after the command: its own options, then the program's. */
  options: OptionSpec[];
  arguments: ArgumentSpec[];
}

interface CompletionModel {
  name: string;
  globalOptions: OptionSpec[];
  commands: CommandSpec[];
}

function valueKind(option: Option): OptionSpec['value'] {
  if (!option.required && !option.optional) return 'none';
  if (option.long === FOLDER_OPTION) return 'directory';
  return option.argChoices ? 'choice' : 'text';
}

function describeOption(option: Option): OptionSpec {
  const valueName = option.flags.match(/[<[]([^>\]]+)[>\]]/)?.[1]?.replace(/\.\.\.$/, '') ?? '';
  return {
    short: option.short,
    long: option.long,
    description: option.description,
    value: valueKind(option),
    valueName,
    choices: option.argChoices ?? [],
  };
}

/** An argument is completed by its name: `slug` from the article folders, `command` from the commands. */
function describeArgument(argument: Argument): ArgumentSpec {
  const name = argument.name();
  const kind = name === 'slug' ? 'slug' : name === 'command' ? 'command' : 'text';
  return { name, required: argument.required, variadic: argument.variadic, kind };
}

function describeCommand(command: Command, globalOptions: readonly Option[], helper: Help): CommandSpec {
  const own = helper.visibleOptions(command);
  const shared = globalOptions.filter((option) => !own.some((mine) => mine.flags === option.flags));
  return {
    name: command.name(),
    description: helper.subcommandDescription(command),
    options: [...own, ...shared].map(describeOption),
    arguments: command.registeredArguments.map(describeArgument),
  };
}

/** Reads what --help shows: visible commands and options only, so hidden commands stay hidden. */
function describeProgram(program: Command): CompletionModel {
  const helper = program.createHelp();
  const globalOptions = helper.visibleOptions(program);
  return {
    name: program.name(),
    globalOptions: globalOptions.map(describeOption),
    commands: helper.visibleCommands(program).map((command) => describeCommand(command, globalOptions, helper)),
  };
}

function namesOf(option: OptionSpec): string[] {
  return [option.short, option.long].filter((name): name is string => name !== undefined);
}

/** One option's names as a key, to tell the program's options from a command's own. */
function keyOf(option: OptionSpec): string {
  return namesOf(option).join(' ');
}

/** Every option of the program and its commands, each once. */
function allOptions(model: CompletionModel): OptionSpec[] {
  const options = [...model.globalOptions, ...model.commands.flatMap((command) => command.options)];
  return options.filter((option, index) => options.findIndex((other) => keyOf(other) === keyOf(option)) === index);
}

function folderOption(model: CompletionModel): OptionSpec | undefined {
  return model.globalOptions.find((option) => option.long === FOLDER_OPTION);
}

/** Names of the options whose value may be the next word, for skipping it when looking for the command. */
function valueOptionNames(model: CompletionModel, options: { withFolder: boolean }): string[] {
  return allOptions(model)
    .filter((option) => option.value !== 'none' && (options.withFolder || option.value !== 'directory'))
    .flatMap(namesOf);
}

/** Quotes for bash and zsh: single quotes, with `'` written as `'\''`. */
function quotePosix(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Quotes for fish, where a backslash escapes `'` and `\` inside single quotes. */
function quoteFish(text: string): string {
  return `'${text.replace(/[\\']/g, '\\$&')}'`;
}

function caseArm(patterns: readonly string[], body: string, indent = '    '): string {
  return `${indent}${patterns.join(' | ')}) ${body} ;;`;
}

/**
 * A completion script for `shell`, from the same commander program that --help describes.
 * Slugs come from running `news [--dir <folder>]... __complete-slugs`, with the --dir values
 * typed so far; NEWS_PATH reaches it through the environment.
 */
export function renderCompletion(shell: Shell, program: Command): string {
  const model = describeProgram(program);
  switch (shell) {
    case 'bash':
      return renderBash(model);
    case 'zsh':
      return renderZsh(model);
    case 'fish':
      return renderFish(model);
  }
}

// ---- bash: no descriptions, one function that reads COMP_WORDS and fills COMPREPLY.

/** Case arms that finish completing an option's value, keyed by the option just typed. */
function bashValueArms(model: CompletionModel): string[] {
  return allOptions(model)
    .filter((option) => option.value !== 'none')
    .map((option) => {
      const names = namesOf(option);
      if (option.value === 'choice')
        return caseArm(names, `_${model.name}_reply_words ${quotePosix(option.choices.join(' '))}; return`);
      if (option.value === 'directory') return caseArm(names, `_${model.name}_reply_directories; return`);
      return caseArm(names, 'return');
    });
}

function bashOptionArms(model: CompletionModel): string[] {
  const words = (options: readonly OptionSpec[]) => quotePosix(options.flatMap(namesOf).join(' '));
  const indent = '      ';
  return [
    ...model.commands.map((command) =>
      caseArm([command.name], `_${model.name}_reply_words ${words(command.options)}`, indent),
    ),
    caseArm(['*'], `_${model.name}_reply_words ${words(model.globalOptions)}`, indent),
  ];
}

function bashArgumentArms(model: CompletionModel): string[] {
  const commandNames = quotePosix(model.commands.map((command) => command.name).join(' '));
  const arms = model.commands.flatMap((command) => {
    const completions = command.arguments.flatMap((argument, index) => {
      if (argument.kind === 'text' || argument.variadic) return [];
      const reply =
        argument.kind === 'slug' ? `_${model.name}_reply_slugs` : `_${model.name}_reply_words ${commandNames}`;
      return [`((${model.name}_arguments == ${index})) && ${reply}`];
    });
    return completions.length > 0 ? [caseArm([command.name], completions.join('; '))] : [];
  });
  return [caseArm(["''"], `_${model.name}_reply_words ${commandNames}`), ...arms];
}

/** Case arms of the scan that collect --dir values in their three spellings. */
function bashFolderArms(model: CompletionModel): string[] {
  const folder = folderOption(model);
  if (!folder?.long) return [];
  const n = model.name;
  const add = (value: string) => `${n}_folders+=(${folder.long} "$(_${n}_dequote "${value}")")`;
  const indent = '      ';
  const arms = [
    `${indent}${namesOf(folder).join(' | ')})`,
    `${indent}  ((i + 1 < COMP_CWORD)) && ${add(`\${COMP_WORDS[i + 1]}`)}`,
    `${indent}  ((i += 2))`,
    `${indent}  continue`,
    `${indent}  ;;`,
    caseArm([`${folder.long}=*`], add(`\${word#${folder.long}=}`), indent),
  ];
  if (folder.short) arms.push(caseArm([`${folder.short}?*`], add(`\${word#${folder.short}}`), indent));
  return arms;
}

/** The case arm of the scan that steps over the value of every other option that takes one. */
function bashSkipArm(model: CompletionModel): string[] {
  // The folder option has arms of its own, which collect its value.
  const names = valueOptionNames(model, { withFolder: false });
  if (names.length === 0) return [];
  return [`      ${names.join(' | ')})`, '        ((i += 2))', '        continue', '        ;;'];
}

function renderBash(model: CompletionModel): string {
  const n = model.name;
  const folder = folderOption(model)?.long ?? FOLDER_OPTION;
  return `# bash completion for ${n}, generated from its command-line definition by src/completion.ts; do not edit.

# Undoes the quoting that COMP_WORDS keeps and expands a leading ~, without eval.
_${n}_dequote() {
  local value=$1
  value=\${value#[\\"\\']}
  value=\${value%[\\"\\']}
  value=\${value//\\\\/}
  if [[ $value == '~' || $value == '~/'* ]]; then value=$HOME\${value:1}; fi
  printf '%s' "$value"
}

# Reads the words before the cursor: the command, how many arguments follow it, the folders named.
_${n}_scan() {
  local i=1 word
  while ((i < COMP_CWORD)); do
    word=\${COMP_WORDS[i]}
    if [[ $word == --* && \${COMP_WORDS[i + 1]} == = ]]; then
      # bash splits --option=value into three words.
      if [[ $word == ${folder} ]] && ((i + 2 < COMP_CWORD)); then
        ${n}_folders+=(${folder} "$(_${n}_dequote "\${COMP_WORDS[i + 2]}")")
      fi
      ((i += 3))
      continue
    fi
    case $word in
${[...bashFolderArms(model), ...bashSkipArm(model)].join('\n')}
      -*) ;;
      *)
        if [[ -z $${n}_command ]]; then ${n}_command=$word; else ((${n}_arguments += 1)); fi
        ;;
    esac
    ((i += 1))
  done
}

_${n}_reply_words() {
  local word
  while IFS= read -r word; do COMPREPLY+=("$word"); done < <(compgen -W "$1" -- "$cur")
}

_${n}_reply_directories() {
  local dir
  # compopt exists only while bash is completing; outside (as in tests) the names still come back.
  compopt -o filenames 2>/dev/null
  while IFS= read -r dir; do COMPREPLY+=("$dir"); done < <(compgen -d -- "$(_${n}_dequote "$cur")")
}

# Article slugs from ${n} ${COMPLETE_SLUGS_COMMAND}, which prints slug<TAB>title lines for the folders given.
_${n}_reply_slugs() {
  local line slugs='' tab=$'\\t'
  while IFS= read -r line; do
    slugs+=" \${line%%"$tab"*}"
  done < <(${n} "\${${n}_folders[@]}" ${COMPLETE_SLUGS_COMMAND} 2>/dev/null)
  _${n}_reply_words "$slugs"
}

_${n}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD - 1]}
  # After --option= the word being completed is '=' or follows it.
  if [[ $cur == = && $prev == --* ]]; then cur=''; fi
  if [[ $prev == = ]] && ((COMP_CWORD > 1)); then prev=\${COMP_WORDS[COMP_CWORD - 2]}; fi
  local ${n}_command='' ${n}_arguments=0
  local -a ${n}_folders=()
  _${n}_scan
  COMPREPLY=()
  case $prev in
${bashValueArms(model).join('\n')}
  esac
  if [[ $cur == -* ]]; then
    case $${n}_command in
${bashOptionArms(model).join('\n')}
    esac
    return
  fi
  case $${n}_command in
${bashArgumentArms(model).join('\n')}
  esac
}

complete -F _${n} ${n}
`;
}

// ---- zsh: _arguments specs with descriptions; slugs show their titles.

/** Text inside an _arguments [description] or :message: must not end the field early. */
function escapeZshSpec(text: string): string {
  return text.replace(/[\\[\]:]/g, '\\$&');
}

function zshValueAction(option: OptionSpec): string {
  if (option.value === 'choice') return `(${option.choices.join(' ')})`;
  if (option.value === 'directory') return '_files -/';
  return ' ';
}

/** One _arguments spec per name, each excluding its aliases; the folder option may repeat. */
function zshOptionSpecs(option: OptionSpec): string[] {
  const names = namesOf(option);
  const repeatable = option.long === FOLDER_OPTION;
  const exclusion = repeatable ? '*' : names.length > 1 ? `(${names.join(' ')})` : '';
  const description = `[${escapeZshSpec(option.description)}]`;
  return names.map((name) => {
    const suffix = option.value === 'none' ? '' : name.startsWith('--') ? '=' : '+';
    const value = option.value === 'none' ? '' : `:${escapeZshSpec(option.valueName)}:${zshValueAction(option)}`;
    return quotePosix(`${exclusion}${name}${suffix}${description}${value}`);
  });
}

function zshArgumentSpec(argument: ArgumentSpec, index: number, name: string): string {
  const position = argument.variadic ? '*' : String(index + 1);
  const colons = argument.required || argument.variadic ? ':' : '::';
  const action = argument.kind === 'slug' ? `_${name}_slugs` : argument.kind === 'command' ? `_${name}_commands` : ' ';
  return quotePosix(`${position}${colons}${escapeZshSpec(argument.name)}:${action}`);
}

function zshArguments(specs: readonly string[], indent: string): string {
  return [`${indent}_arguments -s -S \\`, ...specs.map((spec) => `${indent}  ${spec} \\`), `${indent}  && ret=0`].join(
    '\n',
  );
}

function zshCommandArms(model: CompletionModel): string {
  return model.commands
    .map((command) => {
      const specs = [
        ...command.options.flatMap(zshOptionSpecs),
        ...command.arguments.map((argument, index) => zshArgumentSpec(argument, index, model.name)),
      ];
      return `        (${command.name})\n${zshArguments(specs, '          ')}\n          ;;`;
    })
    .join('\n');
}

function zshFolderArms(model: CompletionModel): string {
  const folder = folderOption(model);
  if (!folder?.long) return '';
  const n = model.name;
  const add = (value: string) => `folders+=(${folder.long} "$(_${n}_unquote "${value}")")`;
  const arms = [
    `      (${namesOf(folder).join('|')}) ((i + 1 < ${n}_current)) && ${add(`\${${n}_words[i + 1]}`)} ;;`,
    `      (${folder.long}=*) ${add(`\${word#${folder.long}=}`)} ;;`,
  ];
  if (folder.short) arms.push(`      (${folder.short}?*) ${add(`\${word#${folder.short}}`)} ;;`);
  return arms.join('\n');
}

function renderZsh(model: CompletionModel): string {
  const n = model.name;
  const commands = model.commands.map(
    (command) => `    ${quotePosix(`${command.name.replace(/:/g, '\\:')}:${command.description}`)}`,
  );
  const globalSpecs = [
    ...model.globalOptions.flatMap(zshOptionSpecs),
    quotePosix(`1: :_${n}_commands`),
    quotePosix('*:: :->argument'),
  ];
  return `#compdef ${n}
# zsh completion for ${n}, generated from its command-line definition by src/completion.ts; do not edit.

_${n}_commands() {
  local -a commands
  commands=(
${commands.join('\n')}
  )
  _describe -t commands '${n} command' commands
}

# Removes the quoting the word was typed with and expands a leading ~.
_${n}_unquote() {
  local value=\${(Q)1}
  if [[ $value == '~' || $value == '~/'* ]]; then value=$HOME\${value#\\~}; fi
  print -r -- "$value"
}

# Article slugs with their titles, from ${n} ${COMPLETE_SLUGS_COMMAND} and the folders typed so far.
_${n}_slugs() {
  local -a folders slugs
  local i word line tab=$'\\t'
  for ((i = 2; i < ${n}_current; i++)); do
    word=\${${n}_words[i]}
    case $word in
${zshFolderArms(model)}
    esac
  done
  for line in "\${(@f)$(${n} "\${folders[@]}" ${COMPLETE_SLUGS_COMMAND} 2>/dev/null)}"; do
    [[ -n $line ]] && slugs+=("\${\${line%%$tab*}//:/\\\\:}:\${line#*$tab}")
  done
  _describe -t slugs 'article' slugs
}

_${n}() {
  local curcontext=$curcontext state state_descr line ret=1
  typeset -A opt_args
  # _arguments drops the words before the command; the slug completer still needs their --dir.
  local -a ${n}_words
  local ${n}_current=$CURRENT
  ${n}_words=("\${words[@]}")
${zshArguments(globalSpecs, '  ')}
  case $state in
    (argument)
      curcontext=\${curcontext%:*:*}:${n}-$words[1]:
      case $words[1] in
${zshCommandArms(model)}
      esac
      ;;
  esac
  return ret
}

if [[ $funcstack[1] == _${n} ]]; then
  _${n} "$@"
else
  compdef _${n} ${n}
fi
`;
}

// ---- fish: one `complete` line per option and argument, guarded by where the cursor is.

function fishOptionLine(name: string, option: OptionSpec, condition: string | undefined): string {
  const parts = [`complete -c ${name}`];
  if (condition) parts.push(`-n ${quoteFish(condition)}`);
  if (option.short) parts.push(`-s ${option.short.slice(1)}`);
  if (option.long) parts.push(`-l ${option.long.slice(2)}`);
  if (option.value === 'choice') parts.push(`-x -a ${quoteFish(option.choices.join(' '))}`);
  if (option.value === 'directory') parts.push(`-x -a ${quoteFish('(__fish_complete_directories)')}`);
  if (option.value === 'text') parts.push('-x');
  parts.push(`-d ${quoteFish(option.description)}`);
  return parts.join(' ');
}

function fishCommandLines(model: CompletionModel): string[] {
  const n = model.name;
  const globalKeys = new Set(model.globalOptions.map(keyOf));
  return model.commands.flatMap((command) => {
    const options = command.options
      .filter((option) => !globalKeys.has(keyOf(option)))
      .map((option) => fishOptionLine(n, option, `__${n}_using ${command.name}`));
    const argumentLines = command.arguments.flatMap((argument, index) => {
      if (argument.kind === 'text' || argument.variadic) return [];
      const source = argument.kind === 'slug' ? `(__${n}_slugs)` : model.commands.map((other) => other.name).join(' ');
      return [`complete -c ${n} -n ${quoteFish(`__${n}_argument ${command.name} ${index}`)} -a ${quoteFish(source)}`];
    });
    const line = `complete -c ${n} -n __${n}_needs_command -a ${command.name} -d ${quoteFish(command.description)}`;
    return [line, ...options, ...argumentLines];
  });
}

/** Switch cases that collect --dir values in their three spellings. */
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

function renderFish(model: CompletionModel): string {
  const n = model.name;
  const skipped = valueOptionNames(model, { withFolder: true });
  return `# fish completion for ${n}, generated from its command-line definition by src/completion.ts; do not edit.

# Prints the command typed so far and how many arguments follow it, skipping options and their values.
function __${n}_position
    set -l tokens (commandline -opc)
    set -l command ''
    set -l count 0
    set -l skip 0
    for token in $tokens[2..-1]
        if test $skip = 1
            set skip 0
        else if contains -- $token ${skipped.join(' ')}
            set skip 1
        else if string match -q -- '-*' $token
            continue
        else if test -z "$command"
            set command $token
        else
            set count (math $count + 1)
        end
    end
    echo "$command $count"
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

# Article slugs and titles from ${n} ${COMPLETE_SLUGS_COMMAND}, given the folders typed so far.
function __${n}_slugs
    set -l tokens (commandline -opc)
    set -l folders
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
${fishFolderCases(model)}
        end
        set i (math $i + 1)
    end
    ${n} $folders ${COMPLETE_SLUGS_COMMAND} 2>/dev/null
end

complete -c ${n} -f
${model.globalOptions.map((option) => fishOptionLine(n, option, undefined)).join('\n')}
${fishCommandLines(model).join('\n')}
`;
}
