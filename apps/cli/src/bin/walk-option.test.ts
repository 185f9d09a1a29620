import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasSemiSpaceOption, walkNodeOption, walkRestartArgs, walksManyPages } from './walk-option.js';

describe('walksManyPages', () => {
  it.each([
    ['backups list --all -o ndjson'],
    ['--cloud prod backups query --selector env=prod --all'],
    ['backups list --max 1001'],
    ['backups list --max=50000'],
    ['backups query --selector a --limit 2000'],
    ['report --by team'],
  ])('%s is a walk', (line) => {
    expect(walksManyPages(line.split(' '))).toBe(true);
  });

  it.each([
    ['--version'],
    ['backups list --max 5 -o json'],
    ['backups list --max 1000'],
    ['backups list --max=abc'],
    ['backups list --max'],
    ['backups list --all-projects --max 20'],
    ['backups show 0b1c --all-tenants'],
    ['backups list -- --all'],
    ['emulator --generate 1000000 --all'],
    ['config show'],
    [''],
  ])('%s is not', (line) => {
    expect(walksManyPages(line.split(' '))).toBe(false);
  });
});

describe('hasSemiSpaceOption', () => {
  it('sees the option in the node options or NODE_OPTIONS, either spelling', () => {
    expect(hasSemiSpaceOption(['--max-semi-space-size=8'], undefined)).toBe(true);
    expect(hasSemiSpaceOption(['--max_semi_space_size', '8'], undefined)).toBe(true);
    expect(hasSemiSpaceOption([], '--enable-source-maps --max-semi-space-size=4')).toBe(true);
    expect(hasSemiSpaceOption(['--import', 'x.mjs'], '--max-old-space-size=512')).toBe(false);
    expect(hasSemiSpaceOption([], undefined)).toBe(false);
  });
});

describe('walkRestartArgs', () => {
  const node = '/usr/bin/node';
  const script = '/opt/csbs/dist/bin/csbs.js';

  it('puts the option first and keeps the process options, script and words as they were', () => {
    expect(
      walkRestartArgs({
        execArgv: ['--import', '/tmp/hook.mjs'],
        argv: [node, script, 'backups', 'list', '--all', '--name', 'a b'],
        env: {},
      }),
    ).toEqual([
      node,
      walkNodeOption,
      '--import',
      '/tmp/hook.mjs',
      script,
      'backups',
      'list',
      '--all',
      '--name',
      'a b',
    ]);
  });

  it('runs here when the command is short or the size is already chosen', () => {
    expect(walkRestartArgs({ execArgv: [], argv: [node, script, '--version'], env: {} })).toBeUndefined();
    expect(
      walkRestartArgs({ execArgv: [walkNodeOption], argv: [node, script, 'report'], env: {} }),
    ).toBeUndefined();
    expect(
      walkRestartArgs({
        execArgv: [],
        argv: [node, script, 'report'],
        env: { NODE_OPTIONS: '--max-semi-space-size=16' },
      }),
    ).toBeUndefined();
  });

  it('never restarts a process that already has the option (no loop), whatever the words', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('backups', 'list', '--all', '--max', '5000', 'report', '-o', 'x')),
        (words) => {
          const first = walkRestartArgs({ execArgv: [], argv: [node, script, ...words], env: {} });
          if (first === undefined) return;
          const [, ...execArgvAndRest] = first;
          const execArgv = execArgvAndRest.slice(0, execArgvAndRest.indexOf(script));
          expect(walkRestartArgs({ execArgv, argv: [node, script, ...words], env: {} })).toBeUndefined();
        },
      ),
    );
  });
});
