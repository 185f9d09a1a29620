// `pnpm bench`: every package's bench/run.ts, one after the other so that they do not
// compete for the two cores, each printing its own ratios against its in-run baseline.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { publishablePackages } from './lib/workspace.mjs';

const only = process.argv.slice(2);
let failed = 0;
for (const pkg of publishablePackages()) {
  if (only.length > 0 && !only.some((o) => pkg.name.includes(o))) continue;
  if (!existsSync(join(pkg.dir, 'bench/run.ts'))) continue;
  console.log(`\n=== bench: ${pkg.name}`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'bench/run.ts'], {
    cwd: pkg.dir,
    stdio: 'inherit',
  });
  if (run.status !== 0) failed++;
}
process.exit(failed > 0 ? 1 : 0);
