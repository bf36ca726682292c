// The bash completion script: no descriptions, one function that reads COMP_WORDS and fills COMPREPLY.

import {
  allOptions,
  type CompletionModel,
  caseArm,
  FOLDER_OPTION,
  folderOption,
  namesOf,
  type OptionSpec,
  parentCommands,
  quotePosix,
  topCommands,
  valueOptionNames,
} from './model.js';
import { COMPLETE_SLUGS_COMMAND, COMPLETE_VALUES_COMMAND } from './shells.js';

/** Case arms that finish completing an option's value, keyed by the option just typed. */
function bashValueArms(model: CompletionModel): string[] {
  return allOptions(model)
    .filter((option) => option.value !== 'none')
    .map((option) => {
      const names = namesOf(option);
      if (option.value === 'choice')
        return caseArm(names, `_${model.name}_reply_words ${quotePosix(option.choices.join(' '))}; return`);
      if (option.value === 'directory') return caseArm(names, `_${model.name}_reply_directories; return`);
      if (option.value === 'values') return caseArm(names, `_${model.name}_reply_values ${option.values}; return`);
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
  const commandNames = quotePosix(
    topCommands(model)
      .map((command) => command.name)
      .join(' '),
  );
  const arms = model.commands.flatMap((command) => {
    const completions = command.arguments.flatMap((argument, index) => {
      // Files and feeds go on for every argument of a variadic list; other lists complete nothing.
      const everyOne = argument.kind === 'file' || argument.kind === 'feed';
      if (argument.kind === 'text' || (argument.variadic && !everyOne)) return [];
      const words =
        argument.kind === 'choice' || argument.kind === 'subcommand'
          ? quotePosix(argument.choices.join(' '))
          : commandNames;
      const replies: Partial<Record<typeof argument.kind, string>> = {
        slug: `_${model.name}_reply_slugs`,
        'library-slug': `_${model.name}_reply_slugs --library`,
        file: `_${model.name}_reply_files`,
        feed: `_${model.name}_reply_values feeds`,
      };
      const reply = replies[argument.kind] ?? `_${model.name}_reply_words ${words}`;
      return [`((${model.name}_arguments ${argument.variadic ? '>=' : '=='} ${index})) && ${reply}`];
    });
    return completions.length > 0 ? [caseArm([command.name], completions.join('; '))] : [];
  });
  return [caseArm(["''"], `_${model.name}_reply_words ${commandNames}`), ...arms];
}

/**
 * The scan's test for a word that names a subcommand: right after a command that has them, it is
 * part of the command (`feed add`), not an argument.
 */
function bashSubcommandTest(model: CompletionModel): string[] {
  const parents = parentCommands(model).map((command) => command.name);
  if (parents.length === 0) return [];
  const n = model.name;
  return [
    `        elif [[ ${quotePosix(` ${parents.join(' ')} `)} == *" $${n}_command "* ]]; then`,
    `          ${n}_command+=" $word"`,
  ];
}

/** Case arms that pick the article's slug, for values of one article, among each command's arguments. */
function bashSlugArms(model: CompletionModel): string[] {
  const n = model.name;
  const positions = [...new Set(model.commands.map((command) => command.slugIndex))];
  return positions.flatMap((index) => {
    if (index === undefined) return [];
    const names = model.commands.filter((command) => command.slugIndex === index).map((command) => command.name);
    return [caseArm(names, `${n}_slug=\${${n}_operands[${index}]-}`)];
  });
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

export function renderBash(model: CompletionModel): string {
  const n = model.name;
  const folder = folderOption(model)?.long ?? FOLDER_OPTION;
  return `# bash completion for ${n}, generated from its command-line definition by src/cli/completion/; do not edit.

# Undoes the quoting that COMP_WORDS keeps and expands a leading ~, without eval.
_${n}_dequote() {
  local value=$1
  value=\${value#[\\"\\']}
  value=\${value%[\\"\\']}
  value=\${value//\\\\/}
  if [[ $value == '~' || $value == '~/'* ]]; then value=$HOME\${value:1}; fi
  printf '%s' "$value"
}

# Reads the words before the cursor: the command, the arguments that follow it, the folders named.
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
        if [[ -z $${n}_command ]]; then
          ${n}_command=$word
${bashSubcommandTest(model)
  .map((line) => `${line}\n`)
  .join('')}        else
          ((${n}_arguments += 1))
          ${n}_operands+=("$word")
        fi
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

_${n}_reply_files() {
  local file
  compopt -o filenames 2>/dev/null
  while IFS= read -r file; do COMPREPLY+=("$file"); done < <(compgen -f -- "$(_${n}_dequote "$cur")")
}

# Article slugs from ${n} ${COMPLETE_SLUGS_COMMAND}, which prints slug<TAB>title lines for the folders given
# (with --library, of the library folder only).
_${n}_reply_slugs() {
  local line slugs='' tab=$'\\t'
  while IFS= read -r line; do
    slugs+=" \${line%%"$tab"*}"
  done < <(${n} "\${${n}_folders[@]}" ${COMPLETE_SLUGS_COMMAND} "$@" 2>/dev/null)
  _${n}_reply_words "$slugs"
}

# An option's values from ${n} ${COMPLETE_VALUES_COMMAND} (value<TAB>description lines; bash shows no
# descriptions), of the article typed when the command takes one. Values may hold spaces and quotes,
# so each is matched against the word as typed, unquoted, and escaped for the command line: with
# printf %q, or for inside the quote the word opened, which readline closes after a single match.
_${n}_reply_values() {
  local line value typed=$cur quote='' tab=$'\\t' q=\\' bs='\\'
  case $cur in
    \\'* | \\"*) quote=\${cur:0:1} typed=\${cur:1} ;;
    *) typed=\${cur//"$bs"/} ;;
  esac
  local -a request=("$1")
  [[ -n $${n}_slug ]] && request+=("$(_${n}_dequote "$${n}_slug")")
  while IFS= read -r line; do
    value=\${line%%"$tab"*}
    [[ -n $value && $value == "$typed"* ]] || continue
    case $quote in
      \\') value=\${value//"$q"/"$q$bs$q$q"} ;;
      \\")
        value=\${value//"$bs"/"$bs$bs"}
        value=\${value//\\"/"$bs\\""}
        value=\${value//\\$/"$bs\\$"}
        value=\${value//\\\`/"$bs\\\`"}
        ;;
      *) printf -v value '%q' "$value" ;;
    esac
    COMPREPLY+=("$value")
  done < <(${n} "\${${n}_folders[@]}" ${COMPLETE_VALUES_COMMAND} "\${request[@]}" 2>/dev/null)
}

_${n}() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD - 1]}
  # After --option= the word being completed is '=' or follows it.
  if [[ $cur == = && $prev == --* ]]; then cur=''; fi
  if [[ $prev == = ]] && ((COMP_CWORD > 1)); then prev=\${COMP_WORDS[COMP_CWORD - 2]}; fi
  local ${n}_command='' ${n}_arguments=0 ${n}_slug=''
  local -a ${n}_folders=() ${n}_operands=()
  _${n}_scan
  case $${n}_command in
${bashSlugArms(model).join('\n')}
  esac
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
