// The zsh completion script: _arguments specs with descriptions; slugs show their titles.

import {
  type ArgumentSpec,
  type CommandSpec,
  type CompletionModel,
  FOLDER_OPTION,
  folderOption,
  namesOf,
  type OptionSpec,
  parentCommands,
  quotePosix,
  topCommands,
} from './model.js';
import { COMPLETE_SLUGS_COMMAND, COMPLETE_VALUES_COMMAND } from './shells.js';

/** Text inside an _arguments [description] or :message: must not end the field early. */
function escapeZshSpec(text: string): string {
  return text.replace(/[\\[\]:]/g, '\\$&');
}

/**
 * What completes an option's value. The library's values come from `_news_values <kind>
 * [position]`, the position being where the command's slug is in `$line`; the leading space makes
 * _arguments call it with just these words, not compadd's options first.
 */
function zshValueAction(option: OptionSpec, name: string, slugIndex: number | undefined): string {
  if (option.value === 'choice') return `(${option.choices.join(' ')})`;
  if (option.value === 'directory') return '_files -/';
  if (option.value === 'values') {
    return ` _${name}_values ${option.values}${slugIndex === undefined ? '' : ` ${slugIndex + 1}`}`;
  }
  return ' ';
}

/**
 * One _arguments spec per name, each excluding its aliases; the folder option may repeat. A
 * command's options know where its slug is, for values of one article.
 */
function zshOptionSpecs(option: OptionSpec, name: string, slugIndex?: number): string[] {
  const names = namesOf(option);
  const repeatable = option.long === FOLDER_OPTION;
  const exclusion = repeatable ? '*' : names.length > 1 ? `(${names.join(' ')})` : '';
  const description = `[${escapeZshSpec(option.description)}]`;
  return names.map((flag) => {
    const suffix = option.value === 'none' ? '' : flag.startsWith('--') ? '=' : '+';
    const action = zshValueAction(option, name, slugIndex);
    const value = option.value === 'none' ? '' : `:${escapeZshSpec(option.valueName)}:${action}`;
    return quotePosix(`${exclusion}${flag}${suffix}${description}${value}`);
  });
}

function zshArgumentSpec(argument: ArgumentSpec, index: number, name: string, command: string): string {
  const position = argument.variadic ? '*' : String(index + 1);
  const colons = argument.required || argument.variadic ? ':' : '::';
  const actions = {
    slug: `_${name}_slugs`,
    'library-slug': ` _${name}_slugs --library`,
    file: '_files',
    command: `_${name}_commands`,
    choice: `(${argument.choices.join(' ')})`,
    subcommand: `_${name}_${command}_commands`,
    feed: ` _${name}_values feeds`,
    text: ' ',
  };
  const action = actions[argument.kind];
  return quotePosix(`${position}${colons}${escapeZshSpec(argument.name)}:${action}`);
}

function zshArguments(specs: readonly string[], indent: string): string {
  return [`${indent}_arguments -s -S \\`, ...specs.map((spec) => `${indent}  ${spec} \\`), `${indent}  && ret=0`].join(
    '\n',
  );
}

/** The `_arguments` call of one command: its options, then its arguments. */
function zshCommandArguments(model: CompletionModel, command: CommandSpec, indent: string): string {
  const specs = [
    ...command.options.flatMap((option) => zshOptionSpecs(option, model.name, command.slugIndex)),
    ...command.arguments.map((argument, index) => zshArgumentSpec(argument, index, model.name, command.name)),
  ];
  return zshArguments(specs, indent);
}

/**
 * The case arms for the commands after `_arguments` has set the state to the command's arguments.
 * A command with subcommands completes one of them, then that subcommand's arguments, in a case
 * of its own.
 */
function zshCommandArms(model: CompletionModel): string {
  const n = model.name;
  return topCommands(model)
    .map((command) => {
      const children = model.commands.filter((child) => child.parent === command.name);
      if (children.length === 0) {
        return `        (${command.name})\n${zshCommandArguments(model, command, '          ')}\n          ;;`;
      }
      const call = zshCommandArguments(model, command, '          ').replace(
        /\n( *)&& ret=0$/,
        `\n$1${quotePosix('*:: :->subargument')} \\\n$1&& ret=0`,
      );
      const arms = children
        .map(
          (child) =>
            `                (${child.name.slice(command.name.length + 1)})\n${zshCommandArguments(model, child, '                  ')}\n                  ;;`,
        )
        .join('\n');
      return `        (${command.name})
${call}
          case $state in
            (subargument)
              curcontext=\${curcontext%:*:*}:${n}-${command.name}-$words[1]:
              case $words[1] in
${arms}
              esac
              ;;
          esac
          ;;`;
    })
    .join('\n');
}

/** A function offering commands with their descriptions: `_news_commands`, and `_news_feed_commands` for feed's. */
function zshCommandsFunction(
  name: string,
  label: string,
  commands: readonly { name: string; description: string }[],
): string {
  const entries = commands.map(
    (command) => `    ${quotePosix(`${command.name.replace(/:/g, '\\:')}:${command.description}`)}`,
  );
  return `${name}() {
  local -a commands
  commands=(
${entries.join('\n')}
  )
  _describe -t commands '${label}' commands
}`;
}

/** The commands' function, and one per command with subcommands. */
function zshCommandFunctions(model: CompletionModel): string {
  const n = model.name;
  const functions = [
    zshCommandsFunction(`_${n}_commands`, `${n} command`, topCommands(model)),
    ...parentCommands(model).map((parent) =>
      zshCommandsFunction(
        `_${n}_${parent.name}_commands`,
        `${n} ${parent.name} command`,
        model.commands
          .filter((child) => child.parent === parent.name)
          .map((child) => ({ name: child.name.slice(parent.name.length + 1), description: child.description })),
      ),
    ),
  ];
  return functions.join('\n\n');
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

export function renderZsh(model: CompletionModel): string {
  const n = model.name;
  const globalSpecs = [
    ...model.globalOptions.flatMap((option) => zshOptionSpecs(option, n)),
    quotePosix(`1: :_${n}_commands`),
    quotePosix('*:: :->argument'),
  ];
  return `#compdef ${n}
# zsh completion for ${n}, generated from its command-line definition by src/cli/completion/; do not edit.

${zshCommandFunctions(model)}

# Removes the quoting the word was typed with and expands a leading ~.
_${n}_unquote() {
  local value=\${(Q)1}
  if [[ $value == '~' || $value == '~/'* ]]; then value=$HOME\${value#\\~}; fi
  print -r -- "$value"
}

# Adds the folders typed so far with --dir to the caller's folders.
_${n}_folders() {
  local i word
  for ((i = 2; i < ${n}_current; i++)); do
    word=\${${n}_words[i]}
    case $word in
${zshFolderArms(model)}
    esac
  done
}

# Article slugs with their titles, from ${n} ${COMPLETE_SLUGS_COMMAND} and the folders typed so far; with
# --library, the library folder's only. (Called as an action, it may be given compadd's options: ignored.)
_${n}_slugs() {
  local -a folders slugs request
  local line tab=$'\\t'
  [[ $1 == --library ]] && request=(--library)
  _${n}_folders
  for line in "\${(@f)$(${n} "\${folders[@]}" ${COMPLETE_SLUGS_COMMAND} "\${request[@]}" 2>/dev/null)}"; do
    [[ -n $line ]] && slugs+=("\${\${line%%$tab*}//:/\\\\:}:\${line#*$tab}")
  done
  _describe -t slugs 'article' slugs
}

# An option's values (tags, sections, speakers) with their descriptions, from ${n} ${COMPLETE_VALUES_COMMAND}
# and the folders typed so far. $2, when given, is where the command's slug is in $line, which
# _arguments sets to the command's arguments: the values are then that article's. No local here
# may be called line.
_${n}_values() {
  local -a folders request values
  local entry value tab=$'\\t'
  _${n}_folders
  request=($1)
  if (($# > 1)) && [[ -n \${line[$2]} ]]; then request+=("$(_${n}_unquote "\${line[$2]}")"); fi
  for entry in "\${(@f)$(${n} "\${folders[@]}" ${COMPLETE_VALUES_COMMAND} "\${request[@]}" 2>/dev/null)}"; do
    [[ -z $entry ]] && continue
    value=\${\${entry%%$tab*}//:/\\\\:}
    if [[ $entry == *$tab* ]]; then values+=("$value:\${entry#*$tab}"); else values+=("$value"); fi
  done
  # The kind, less its plural s, names what is offered: tag, section, speaker.
  _describe -t $1 "\${1%s}" values
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
