/**
 * The V8 option a long walk runs with, and when the bin passes it to itself.
 *
 * A walk reads pages of a few MB of short-lived JSON as fast as the server sends them. By
 * default V8 answers that allocation rate by growing the young generation to its maximum,
 * and the process settles near 330 MB of peak RSS whatever the number of backups. With the
 * semi-space capped at 8 MB a 1M-backup walk peaks at 188–192 MB (bench/cli/run.ts, `rss`;
 * 16 MB: 217–220). 2 MB peaked ~10 MB lower but cost the walk ~12% in scavenges (0.70×
 * against 0.80× the client's walk, `walk`), and 4–6 MB saved no memory over 8.
 * `--max-semi-space-size` is a documented Node option, read when V8 starts, so the bin
 * starts the walk's process with it (setting V8 flags at run time is documented as
 * unpredictable). Kept in a module without imports: the bin checks it before loading
 * anything else.
 */
export const walkNodeOption = '--max-semi-space-size=8';

/** More backups than this (one full page) make `--max`/`--limit` a walk of several pages. */
const onePage = 1000;

/**
 * Whether a command line (without `node` and the script) walks many pages: `--all`, a
 * `--max`/`--limit` over one page, or `report` (which reads every backup). A cheap look
 * at the words, not a parse: a false yes (`--name --all`) costs one process start, a
 * false no only a larger peak RSS. The emulator owns its own flags and is never a walk.
 */
export function walksManyPages(argv: readonly string[]): boolean {
  if (argv[0] === 'emulator') return false;
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] as string;
    if (word === '--') break;
    if (word === '--all' || word === 'report') return true;
    const sized = /^--(?:max|limit)(?:=(.*))?$/.exec(word);
    if (sized) {
      const value = sized[1] ?? argv[i + 1];
      if (Number(value) > onePage) return true;
    }
  }
  return false;
}

/** The user (or an earlier start of the bin) already chose a semi-space size. */
export function hasSemiSpaceOption(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const chosen = (option: string) => /^--max[-_]semi[-_]space[-_]size(?:=|$)/.test(option);
  return execArgv.some(chosen) || (nodeOptions ?? '').split(/\s+/).some(chosen);
}

/**
 * The arguments to start Node with for this command line, or `undefined` to run it here:
 * the walk option first, then the process's own options (a `--import` hook, say), the script
 * and its words, unchanged.
 */
export function walkRestartArgs(process: {
  execArgv: readonly string[];
  argv: readonly string[];
  env: { NODE_OPTIONS?: string };
}): string[] | undefined {
  const [node, script, ...argv] = process.argv;
  if (node === undefined || script === undefined) return undefined;
  if (!walksManyPages(argv) || hasSemiSpaceOption(process.execArgv, process.env.NODE_OPTIONS))
    return undefined;
  return [node, walkNodeOption, ...process.execArgv, script, ...argv];
}
