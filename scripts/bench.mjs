// `pnpm bench`: every benchmark suite, one after the other so that they do not compete for
// the two cores, each printing its own ratios against its in-run baseline. A package's own
// suite is its bench/run.ts; suites that span packages (the client's and the CLI's walks,
// which need the emulator's data) live in the private bench/ workspace, so that no library's
// build graph holds a package it does not ship.
// `pnpm bench client csbs-kit` runs the suites whose names contain one of the words.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { publishablePackages, root } from './lib/workspace.mjs';

const suites = [
  ...publishablePackages()
    .filter((pkg) => existsSync(join(pkg.dir, 'bench/run.ts')))
    .map((pkg) => ({ name: pkg.name, dir: pkg.dir, file: 'bench/run.ts' })),
  { name: '@csbs-kit/client (walk, bench/client)', dir: join(root, 'bench'), file: 'client/run.ts' },
  { name: 'csbs-kit (start-up and walks, bench/cli)', dir: join(root, 'bench'), file: 'cli/run.ts' },
];

const only = process.argv.slice(2);
let failed = 0;
for (const suite of suites) {
  if (only.length > 0 && !only.some((o) => suite.name.includes(o))) continue;
  console.log(`\n=== bench: ${suite.name}`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', suite.file], {
    cwd: suite.dir,
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
