import { allCommands, type CompletionCommand, type CompletionOption } from './command-tree.js';

const quote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;
const describe = (name: string, description: string) =>
  quote(`${name.replaceAll(':', '\\:')}:${description.replace(/\s+/g, ' ')}`);
const flagsOf = (o: CompletionOption) => [o.long, o.short].filter((f): f is string => f !== undefined);

/** A native zsh completion function (with descriptions) generated from the command tree. */
export function zshCompletion(root: CompletionCommand): string {
  const commands = allCommands(root);
  const valueOptions = commands.flatMap((c) => c.options).filter((o) => o.takesValue);
  const prevCases = new Map<string, string>();
  for (const option of valueOptions) {
    const pattern = flagsOf(option).join('|');
    if (prevCases.has(pattern)) continue;
    const action = option.choices
      ? `compadd -- ${option.choices.join(' ')}; return;;`
      : option.files
        ? '_files; return;;'
        : 'return;;';
    prevCases.set(pattern, `    ${pattern}) ${action}`);
  }
  const subPaths = commands.filter((c) => c !== root).map((c) => `"${c.path}"`);
  const pathCases = commands.map((c) => {
    const subs = c.subcommands.map((s) => describe(s.name, s.description));
    const opts = [...c.options, ...(c === root ? [] : root.options)].flatMap((o) =>
      flagsOf(o).map((f) => describe(f, o.description)),
    );
    const args = c.argumentChoices ? `      compadd -- ${c.argumentChoices.join(' ')}\n` : '';
    return `    "${c.path}")
      cmds=(${subs.join(' ')})
      opts=(${opts.join(' ')})
${args}      ;;`;
  });
  return `#compdef ${root.name}
# zsh completion for ${root.name}; install with: ${root.name} completion zsh > "\${fpath[1]}/_${root.name}"
_${root.name}() {
  local cmdpath="${root.name}" prev="\${words[CURRENT-1]}" i
  local -a cmds opts
  for ((i = 2; i < CURRENT; i++)); do
    case "$cmdpath \${words[i]}" in
      ${subPaths.join('|')}) cmdpath="$cmdpath \${words[i]}" ;;
    esac
  done
  case "$prev" in
${[...prevCases.values()].join('\n')}
  esac
  case "$cmdpath" in
${pathCases.join('\n')}
  esac
  (( \${#cmds} )) && _describe -t commands 'command' cmds
  [[ "\${words[CURRENT]}" == -* || \${#cmds} -eq 0 ]] && _describe -t options 'option' opts
  return 0
}
compdef _${root.name} ${root.name}
`;
}
