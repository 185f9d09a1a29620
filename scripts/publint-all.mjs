// publint and are-the-types-wrong over the packed tarball of every package: what users would
// install, not the source folder. Fails on any error; warnings count as errors (--strict).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPackage, publishablePackages, root } from './lib/workspace.mjs';

const dir = mkdtempSync(join(tmpdir(), 'csbs-publint-'));
let failures = 0;
try {
  for (const pkg of publishablePackages()) {
    const tarball = packPackage(pkg, dir);
    for (const [tool, args] of [
      ['publint', ['run', tarball, '--strict']],
      ['attw', [tarball, '--profile', 'esm-only', '--format', 'ascii', '--no-summary']],
    ]) {
      try {
        execFileSync(join(root, 'node_modules/.bin', tool), args, {
          cwd: pkg.dir,
          stdio: 'pipe',
          encoding: 'utf8',
        });
        console.log(`${tool}: ${pkg.name} ok`);
      } catch (error) {
        failures++;
        console.error(`${tool}: ${pkg.name} FAILED\n${error.stdout ?? ''}${error.stderr ?? ''}`);
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`publint: ${failures} check(s) failed`);
  process.exit(1);
}
