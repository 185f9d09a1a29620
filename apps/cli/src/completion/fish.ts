import { allCommands, type CompletionCommand, type CompletionOption } from './command-tree.js';

const quote = (s: string) => `'${s.replace(/\s+/g, ' ').replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

function optionLine(name: string, condition: string | undefined, o: CompletionOption): string {
  const parts = [`complete -c ${name}`];
  if (condition) parts.push(`-n ${quote(condition)}`);
  if (o.long) parts.push(`-l ${o.long.replace(/^--/, '')}`);
  if (o.short) parts.push(`-s ${o.short.replace(/^-/, '')}`);
  if (o.takesValue) parts.push(o.files ? '-r -F' : '-x');
  if (o.choices) parts.push(`-a ${quote(o.choices.join(' '))}`);
  parts.push(`-d ${quote(o.description)}`);
  return parts.join(' ');
}

/** fish completions generated from the command tree; the path helper mirrors bash's walk. */
export function fishCompletion(root: CompletionCommand): string {
  const name = root.name;
  const commands = allCommands(root);
  const subPaths = commands.filter((c) => c !== root).map((c) => quote(c.path));
  const lines = [
    `# fish completion for ${name}; install with: ${name} completion fish > ~/.config/fish/completions/${name}.fish`,
    `function __${name}_path`,
    `    set -l path ${name}`,
    '    for w in (commandline -opc)[2..-1]',
    '        switch "$path $w"',
    `            case ${subPaths.join(' ')}`,
    '                set path "$path $w"',
    '        end',
    '    end',
    '    echo $path',
    'end',
    `complete -c ${name} -f`,
  ];
  for (const o of root.options) lines.push(optionLine(name, undefined, o));
  for (const c of commands) {
    const here = `test (__${name}_path) = ${quote(c.path)}`;
    for (const s of c.subcommands)
      lines.push(`complete -c ${name} -n ${quote(here)} -a ${s.name} -d ${quote(s.description)}`);
    if (c.argumentChoices)
      lines.push(`complete -c ${name} -n ${quote(here)} -a ${quote(c.argumentChoices.join(' '))}`);
    if (c !== root) for (const o of c.options) lines.push(optionLine(name, here, o));
  }
  return `${lines.join('\n')}\n`;
}
