import type { CommandHandler } from '../command-handler.js';
import type { CommandContext } from '../context.js';
import { CliUsageError } from '../errors.js';
import { writeChunk } from '../io.js';
import { demoFleetData, demoFleetUser } from './demo-fleet.js';

export const demoSeed = 42;
export const demoCount = 2000;
export const demoSelector = 'env=prod,tier in (frontend,database)';

interface TourStep {
  say: string;
  argv: string[];
  /** The fleet step signs in as the demo's IAM administrator instead of using the token. */
  fleet?: boolean;
}

/** The tour: each step is a real `csbs` command line, run as a user would type it. */
export function tourSteps(): TourStep[] {
  return [
    { say: 'The five newest backups, as a table:', argv: ['backups', 'list', '--max', '5', '-o', 'table'] },
    {
      say: 'Only failed backups, with the fields you choose (dotted paths reach inside extend_info):',
      argv: [
        'backups',
        'list',
        '--status',
        'error',
        '--max',
        '3',
        '--fields',
        'id,name,extend_info.resource_az,extend_info.fail_reason',
        '-o',
        'table',
      ],
    },
    {
      say: 'A tag query with a kubectl-style selector: production front ends and databases.',
      argv: ['backups', 'query', '--selector', demoSelector, '--limit', '5', '-o', 'table'],
    },
    {
      say: 'How many backups match that selector in all (total_count):',
      argv: ['backups', 'query', '--selector', demoSelector, '--count'],
    },
    {
      say: 'And how many backups are available, answered by /checkpoint_items/count:',
      argv: ['backups', 'count', '--status', 'available'],
    },
    {
      say: [
        'Every project at once: a fleet report over the projects IAM lists for an administrator (signed in',
        'with a password this time), grouped by team, with the servers that lack a good backup in the last week:',
      ].join('\n'),
      argv: ['report', '--all-projects', '--by', 'team', '--stale', '7d', '--as-of', '2026-01-01'],
      fleet: true,
    },
  ];
}

/** Quotes a word for a POSIX shell only when it needs it, so the lines can be pasted. */
export function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}

async function say(ctx: CommandContext, text: string): Promise<void> {
  await writeChunk(ctx.io.stdout, `${text}\n`);
}

export const run: CommandHandler = async (ctx, _flags, _args, { runCommandLine }) => {
  const { startEmulator, demoCredentials, generateEmulatorData } = await import('@csbs-kit/emulator');
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    data: demoFleetData(generateEmulatorData, demoCount, demoSeed),
  });
  try {
    const env = {
      CSBS_ENDPOINT: emulator.url,
      OS_AUTH_TOKEN: demoCredentials.token,
      OS_PROJECT_ID: demoCredentials.projectId,
      ...(ctx.io.env.NO_COLOR !== undefined ? { NO_COLOR: ctx.io.env.NO_COLOR } : {}),
    };
    const fleetEnv = {
      ...env,
      OS_AUTH_TOKEN: '',
      OS_AUTH_URL: emulator.url,
      OS_USERNAME: demoFleetUser.name,
      OS_PASSWORD: demoFleetUser.password,
      OS_USER_DOMAIN_NAME: demoCredentials.domainName,
      OS_REGION_NAME: 'eu-de',
    };
    await say(
      ctx,
      [
        `csbs demo: a local CSBS emulator is running at ${emulator.url} with ${demoCount.toLocaleString('en-US')} generated backups (seed ${demoSeed}).`,
        'It answers the same API as Huawei Cloud and Open Telekom Cloud. Each command below runs against it exactly',
        'as you would type it, with CSBS_ENDPOINT, OS_AUTH_TOKEN and OS_PROJECT_ID pointing at the emulator.',
      ].join('\n'),
    );
    for (const [index, step] of tourSteps().entries()) {
      await say(ctx, `\n${index + 1}. ${step.say}\n\n$ csbs ${step.argv.map(shellWord).join(' ')}`);
      // Hints the commands print on stderr belong to the story: keep them in order, on stdout.
      const code = await runCommandLine(step.argv, {
        ...ctx.io,
        env: step.fleet ? fleetEnv : env,
        stderr: ctx.io.stdout,
      });
      if (code !== 0) throw new CliUsageError('demo', `step ${index + 1} failed with exit code ${code}`);
    }
    await say(
      ctx,
      [
        '',
        'Try it yourself: start an emulator in another terminal (it prints its URL and demo token),',
        'then point csbs at it:',
        '',
        '  $ csbs emulator --generate 100000 --seed 7',
        `  $ export CSBS_ENDPOINT=http://127.0.0.1:<port> OS_AUTH_TOKEN=<demo token> OS_PROJECT_ID=${demoCredentials.projectId}`,
        "  $ csbs backups query --selector 'env=prod,!legacy' --all -o ndjson | head",
        '  $ csbs backups list --help',
      ].join('\n'),
    );
  } finally {
    await emulator.close();
  }
};
