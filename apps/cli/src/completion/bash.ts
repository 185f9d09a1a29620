import { allCommands, type CompletionCommand, type CompletionOption } from './command-tree.js';

const flagsOf = (o: CompletionOption) => [o.long, o.short].filter((f): f is string => f !== undefined);

/** A bash completion function generated from the command tree (also used by zsh's bashcompinit). */
export function bashCompletion(root: CompletionCommand): string {
  const commands = allCommands(root);
  const global = root.options;
  const valueOptions = commands.flatMap((c) => c.options).filter((o) => o.takesValue);
  const prevCases = new Map<string, string>();
  for (const option of valueOptions) {
    const pattern = flagsOf(option).join('|');
    if (prevCases.has(pattern)) continue;
    const action = option.choices
      ? `COMPREPLY=($(compgen -W "${option.choices.join(' ')}" -- "$cur")); return 0;;`
      : option.files
        ? 'COMPREPLY=($(compgen -f -- "$cur")); return 0;;'
        : 'return 0;;';
    prevCases.set(pattern, `    ${pattern}) ${action}`);
  }
  const subPaths = commands.filter((c) => c !== root).map((c) => `"${c.path}"`);
  const pathCases = commands.map((c) => {
    const words = [
      ...c.subcommands.map((s) => s.name),
      ...(c.argumentChoices ?? []),
      ...[...c.options, ...(c === root ? [] : global)].flatMap(flagsOf),
    ];
    return `    "${c.path}") words="${words.join(' ')}";;`;
  });
  return `# bash completion for ${root.name}; load it with: source <(${root.name} completion bash)
_${root.name}_completion() {
  local cur prev path word i words
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  path="${root.name}"
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${COMP_WORDS[i]}"
    case "$path $word" in
      ${subPaths.join('|')}) path="$path $word" ;;
    esac
  done
  case "$prev" in
${[...prevCases.values()].join('\n')}
  esac
  case "$path" in
${pathCases.join('\n')}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -F _${root.name}_completion ${root.name}
`;
}
