import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/helpers/memory-stream.js';
import { completionScript } from '../commands/completion.js';
import { buildProgram } from '../program.js';
import { run } from '../run.js';

const script = completionScript(
  buildProgram({ io: memoryIo(), secrets: new Set() }, { runCommandLine: run }),
  'bash',
);

/** Runs the generated function in a real bash for a command line, returning COMPREPLY. */
function complete(line: string): string[] {
  const words = line.split(' ');
  const program = `${script}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})
COMP_CWORD=${words.length - 1}
_csbs_completion
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const result = spawnSync('bash', ['--norc', '-c', program], { encoding: 'utf8' });
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

describe('bash completion', () => {
  it('is valid bash', () => {
    expect(spawnSync('bash', ['-n', '-c', script]).status).toBe(0);
  });

  it('completes commands, subcommands, options and values', () => {
    expect(complete('csbs ')).toEqual(
      expect.arrayContaining(['backups', 'emulator', 'demo', 'config', 'completion']),
    );
    expect(complete('csbs backups ')).toEqual(expect.arrayContaining(['list', 'count', 'show', 'query']));
    expect(complete('csbs backups list --st')).toEqual(['--status']);
    expect(complete('csbs backups list --status av')).toEqual(['available']);
    expect(complete('csbs backups query -o n')).toEqual(['ndjson']);
    expect(complete('csbs backups list --project-')).toEqual(['--project-id']);
    expect(complete('csbs completion ')).toEqual(expect.arrayContaining(['bash', 'zsh', 'fish']));
  });
});
