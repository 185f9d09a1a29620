import { describe, expect, it } from 'vitest';
import { bashCompletion } from './bash.js';
import type { CompletionCommand } from './command-tree.js';
import { fishCompletion } from './fish.js';
import { zshCompletion } from './zsh.js';

const tree: CompletionCommand = {
  path: 'tool',
  name: 'tool',
  description: 'a tool',
  options: [{ long: '--quiet', short: '-q', takesValue: false, description: "don't talk" }],
  subcommands: [
    {
      path: 'tool get',
      name: 'get',
      description: "get what's there: all of it",
      options: [
        { long: '--output', short: '-o', takesValue: true, choices: ['json', 'yaml'], description: 'format' },
        { long: '--file', takesValue: true, files: true, description: 'a file' },
      ],
      subcommands: [],
    },
  ],
};

describe('completion generators', () => {
  it('bash: subcommands, global and local flags, value choices and files', () => {
    const script = bashCompletion(tree);
    expect(script).toContain('"tool") words="get --quiet -q";;');
    expect(script).toContain('"tool get") words="--output -o --file --quiet -q";;');
    expect(script).toContain('--output|-o) COMPREPLY=($(compgen -W "json yaml" -- "$cur")); return 0;;');
    expect(script).toContain('--file) COMPREPLY=($(compgen -f -- "$cur")); return 0;;');
  });

  it('zsh: descriptions quoted, colons in names escaped, choices offered', () => {
    const script = zshCompletion(tree);
    expect(script.startsWith('#compdef tool\n')).toBe(true);
    expect(script).toContain("cmds=('get:get what'\\''s there: all of it')");
    expect(script).toContain("'--quiet:don'\\''t talk'");
    expect(script).toContain('--output|-o) compadd -- json yaml; return;;');
    expect(script).toContain('--file) _files; return;;');
    expect(script).not.toMatch(/local path=/);
  });

  it('fish: one line per flag with its condition, choices and files', () => {
    const script = fishCompletion(tree);
    expect(script).toContain("complete -c tool -l quiet -s q -d 'don\\'t talk'");
    expect(script).toContain(
      "complete -c tool -n 'test (__tool_path) = \\'tool\\'' -a get -d 'get what\\'s there: all of it'",
    );
    expect(script).toContain(
      "complete -c tool -n 'test (__tool_path) = \\'tool get\\'' -l output -s o -x -a 'json yaml' -d 'format'",
    );
    expect(script).toContain("-l file -r -F -d 'a file'");
  });
});
