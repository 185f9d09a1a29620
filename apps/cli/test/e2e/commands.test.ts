import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { demoCredentials as demo } from '@csbs-kit/emulator';
import { describe, expect, it } from 'vitest';
import { csbsBin, runCsbs, tempDir } from '../helpers/run-csbs.js';

describe('csbs demo', () => {
  it('runs the narrated tour against an embedded emulator and exits 0', async () => {
    const r = await runCsbs(['demo']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^csbs demo: a local CSBS emulator is running at http:\/\/127\.0\.0\.1:\d+ with 2,000 generated backups/,
    );
    expect(r.stdout).toContain('$ csbs backups list --max 5 -o table\nID ');
    expect(r.stdout).toContain(
      "$ csbs backups query --selector 'env=prod,tier in (frontend,database)' --limit 5 -o table\nID ",
    );
    expect(r.stdout).toMatch(
      /\$ csbs backups query --selector 'env=prod,tier in \(frontend,database\)' --count\n\d+\n/,
    );
    expect(r.stdout).toMatch(/\$ csbs backups count --status available\n\d+\n/);
    // The last step: the fleet report over the four demo projects IAM lists.
    expect(r.stdout).toMatch(
      /\$ csbs report --all-projects --by team --stale 7d --as-of 2026-01-01\nBackup report: 8,000 backups, [\d.]+ [TP]B, 4 projects\n/,
    );
    expect(r.stdout).toContain('Stale: no available backup in the last 7 days');
    expect(r.stdout).toContain('csbs emulator --generate 100000');
    expect(r.stdout.trimEnd().endsWith('csbs backups list --help')).toBe(true);
  });
});

describe('csbs emulator', () => {
  it('delegates to the emulator command line: prints its URL, serves, stops on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      [csbsBin, 'emulator', '--port', '0', '--generate', '25', '--seed', '2'],
      {
        cwd: await tempDir(),
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
      },
    );
    let out = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c;
        const m = /http:\/\/127\.0\.0\.1:\d+/.exec(out.split('\n')[0] ?? '');
        if (m && out.includes('\n')) resolve(m[0]);
      });
      child.on('exit', () => reject(new Error(`emulator exited early: ${out}`)));
    });
    try {
      const r = await runCsbs(['backups', 'count'], {
        env: { CSBS_ENDPOINT: url, OS_AUTH_TOKEN: demo.token, OS_PROJECT_ID: demo.projectId },
      });
      expect(r).toEqual({ code: 0, stdout: '25\n', stderr: '' });
    } finally {
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });

  it('passes --help and bad flags to the emulator', async () => {
    const help = await runCsbs(['emulator', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--generate');
    const bad = await runCsbs(['emulator', '--port', 'x']);
    expect(bad.code).toBe(2);
  });
});

describe('csbs --version, --help and completion', () => {
  it('--version', async () => {
    const r = await runCsbs(['--version']);
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(r).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('--help lists the commands with examples', async () => {
    const r = await runCsbs(['--help']);
    expect(r.code).toBe(0);
    for (const word of ['backups', 'emulator', 'demo', 'config', 'completion', 'Examples:'])
      expect(r.stdout).toContain(word);
  });

  it.each(['bash', 'zsh', 'fish'])('completion %s', async (shell) => {
    const r = await runCsbs(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('backups');
    expect(r.stdout).toMatch(/--selector|-l selector/);
  });
});

describe('csbs emulator after a global flag', () => {
  it('still reaches the emulator and keeps its exit code', async () => {
    const bad = await runCsbs(['--quiet', 'emulator', '--port', 'x']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^csbs-emulator: /);
  });
});
