import { type Command, Command as CommanderCommand, Option } from 'commander';
import type { CommandHandler, CommandLineRunner } from './command-handler.js';
import { examples, examplesText, selectorHelp } from './command-help.js';
import type { CommandContext, GlobalFlags } from './context.js';
import { fleetScopeFlags } from './fleet/fleet-flags.js';
import { withFleetScope } from './fleet/fleet-options.js';
import { packageVersion } from './version.js';
import { checkpointStatuses, completionShells, outputFormats, sortKeys } from './vocabulary.js';

type Flags = GlobalFlags & Record<string, unknown>;
type Loader = (flags: Flags) => Promise<{ run: CommandHandler }>;

/** What the program hands every command (see Invocation), besides the root it builds. */
export interface ProgramServices {
  runCommandLine: CommandLineRunner;
}

function rootOf(command: Command): Command {
  let root = command;
  while (root.parent) root = root.parent;
  return root;
}

function lazy(ctx: CommandContext, services: ProgramServices, load: Loader) {
  return async (...params: unknown[]) => {
    const command = params.at(-1) as Command;
    // Declared arguments come first; a command without any (the emulator) gets the raw words.
    const declared = command.registeredArguments.length;
    const args = declared > 0 ? params.slice(0, declared).map(String) : [...command.args];
    const flags: Flags = command.optsWithGlobals();
    const { run } = await load(flags);
    await run(ctx, flags, args, { root: rootOf(command), ...services });
  };
}

/**
 * With `--projects` or `--all-projects` a command walks several projects: its fleet module
 * runs it. Chosen here, so that the one-project module and the fleet one (which shares the
 * one-project module's flag rules) never import each other.
 */
function oneOrFleet(one: Loader, fleet: Loader): Loader {
  return (flags) => (fleetScopeFlags(flags) ? fleet(flags) : one(flags));
}

/** `-o`, `--fields` and the CSV switch; `byDefault` says what the command prints without `-o`. */
function withOutput(command: Command, what: string, byDefault = 'table on a terminal, else ndjson'): Command {
  return command
    .addOption(
      new Option(
        '-o, --output <format>',
        `output format: ${outputFormats.join('|')} (default: ${byDefault})`,
      ),
    )
    .option(
      '--fields <list>',
      `${what} fields to show, comma-separated; dotted paths reach inside (extend_info.resource_az)`,
    )
    .option('--no-escape-formulas', "csv: keep cells that start with = + - @ as they are (no leading ')");
}

function withListingFilters(command: Command): Command {
  return command
    .option('--status <status>', `backup status: ${checkpointStatuses.join(', ')}`)
    .option('--name <text>', 'backup name contains (case-insensitive)')
    .option('--az <zone>', 'availability zone of the backup (extend_info.resource_az)')
    .option('--resource-id <id>', 'id of the backed-up server')
    .option('--resource-name <text>', 'name of the backed-up server contains (case-insensitive)')
    .option('--resource-type <type>', 'type of the backed-up object, e.g. OS::Nova::Server')
    .option('--since <time>', 'created at or after, UTC: 2026-01-31T00:00:00[.ffffff] (start_time)')
    .option('--until <time>', 'created at or before, UTC, same format (end_time)')
    .option('--image-type <type>', 'image type, e.g. backup (extend_info.image_type)')
    .option('--policy-id <id>', 'backups made by this policy')
    .option('--checkpoint-id <id>', 'backups of this checkpoint')
    .option('--all-tenants', 'backups of every project (administrators only)');
}

export function buildProgram(ctx: CommandContext, services: ProgramServices): Command {
  const program = new CommanderCommand('csbs')
    .description('Find cloud-server backups (CSBS) on Huawei Cloud and Open Telekom Cloud.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .helpOption('-h, --help', 'show help for a command')
    .option('--cloud <name>', 'the clouds.yaml cloud to use (env OS_CLOUD)')
    .option('--project-id <id>', 'project id (env HUAWEICLOUD_SDK_PROJECT_ID, OS_PROJECT_ID)')
    .option('--region <region>', 'region, e.g. eu-de (env OS_REGION_NAME)')
    .option('--endpoint <url>', 'CSBS base URL, e.g. an emulator (env CSBS_ENDPOINT)')
    .option('--timeout <duration>', 'per-request timeout: 30, 30s, 500ms, 2m (env CSBS_TIMEOUT)')
    .option('--debug', 'print request and response summaries on stderr (secrets masked)')
    .option('-q, --quiet', 'no progress or hints on stderr')
    .option('--no-color', 'no colours (also NO_COLOR)')
    .showSuggestionAfterError(true)
    .configureHelp({ showGlobalOptions: true })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
      outputError: (s, write) => write(`csbs: ${s}`),
    })
    .addHelpText('after', examplesText(examples.program));

  const backups = program
    .command('backups')
    .description('list, count, show and query backups')
    .addHelpText('after', examplesText([...examples.list.slice(0, 2), ...examples.query.slice(0, 1)]));

  withOutput(
    withFleetScope(withListingFilters(backups.command('list').description('list backups, newest first'))),
    'backup',
  )
    .addOption(new Option('--sort <keys>', `sort keys with :asc or :desc (${sortKeys.join(', ')})`))
    .option('--page-size <n>', 'backups per request, 1..1000 (default: 1000, or --max when smaller)')
    .option('--max <n>', 'stop after this many backups (default 50)')
    .option('--all', 'walk every page (no --max)')
    .option('--selector <selector>', 'keep only backups whose tags match (evaluated here, on each page)')
    .addHelpText('after', selectorHelp + examplesText(examples.list))
    .action(
      lazy(
        ctx,
        services,
        oneOrFleet(
          () => import('./commands/backups-list.js'),
          () => import('./fleet/fleet-list.js'),
        ),
      ),
    );

  withOutput(
    withFleetScope(
      withListingFilters(backups.command('count').description('count backups with the listing filters')),
    ),
    'count',
    'the bare number, on a terminal or not',
  )
    .addHelpText('after', examplesText(examples.count))
    .action(
      lazy(
        ctx,
        services,
        oneOrFleet(
          () => import('./commands/backups-count.js'),
          () => import('./fleet/fleet-count.js'),
        ),
      ),
    );

  withOutput(
    backups.command('show').description('show one backup, every field').argument('<id>', 'backup id'),
    'backup',
    'table on a terminal, else json',
  )
    .addHelpText('after', examplesText(examples.show))
    .action(lazy(ctx, services, () => import('./commands/backups-show.js')));

  withOutput(
    withFleetScope(backups.command('query').description('query backups by tag (the tag-query API)')),
    'resource',
  )
    .option('--selector <selector>', 'tag selector, e.g. env=prod,tier in (web,db)')
    .option('--name-contains <text>', 'backup name contains (case-insensitive)')
    .option(
      '--tags-json <file>',
      'a wire-shape query {tags, tags_any, not_tags, not_tags_any, matches}; - reads stdin',
    )
    .option('--limit <n>', 'matches to return (default 50)')
    .option('--offset <n>', 'matches to skip first (default 0)')
    .option('--all', 'walk every match')
    .option('--page-size <n>', 'matches per request with --all, 1..1000 (default 1000)')
    .option('--count', 'print only the number of matches (total_count)')
    .addHelpText('after', selectorHelp + examplesText(examples.query))
    .action(
      lazy(
        ctx,
        services,
        oneOrFleet(
          () => import('./commands/backups-query.js'),
          () => import('./fleet/fleet-query.js'),
        ),
      ),
    );

  withFleetScope(
    withListingFilters(
      program
        .command('report')
        .description('a backup report: totals, tag groups, protection, failures, months'),
    ),
  )
    .option('-o, --output <format>', 'text|json|yaml|csv (default: text)')
    .option(
      '--section <name>',
      'with -o csv: the one section to print (totals, status, az, groups, stale, …)',
    )
    .option('--selector <selector>', 'keep only backups whose tags match (evaluated here, on each page)')
    .option('--by <keys>', 'group by these tag keys, e.g. team,env; "(no tag)" for backups without one')
    .option('--stale <age>', 'list resources with no available backup newer than this: 36h, 7d, 2w')
    .option('--as-of <time>', 'measure ages from this UTC time instead of now (a day or a listing time)')
    .option('--html <file>', 'also write a self-contained HTML report with charts to this file')
    .addHelpText('after', selectorHelp + examplesText(examples.report))
    .action(lazy(ctx, services, () => import('./commands/report.js')));

  program
    .command('emulator')
    .description('run a local CSBS emulator (see csbs emulator --help)')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText('after', examplesText(examples.emulator))
    .action(lazy(ctx, services, () => import('./commands/emulator.js')));

  program
    .command('demo')
    .description('a short narrated tour against a built-in emulator')
    .addHelpText('after', examplesText(examples.demo))
    .action(lazy(ctx, services, () => import('./commands/demo.js')));

  const config = program.command('config').description('settings and where they come from');
  withOutput(
    config.command('show').description('show each setting and its source (secrets masked)'),
    'setting',
  )
    .addHelpText('after', examplesText(examples.configShow))
    .action(lazy(ctx, services, () => import('./commands/config-show.js')));

  program
    .command('completion')
    .description('print a shell completion script')
    .argument('<shell>', completionShells.join('|'))
    .addHelpText('after', examplesText(examples.completion))
    .action(lazy(ctx, services, () => import('./commands/completion.js')));

  return program;
}
