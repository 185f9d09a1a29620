// Runs the models tests against the lowest zod that models' peer range allows (the normal
// run covers the newest: the lockfile's). models' fast response check reads zod internals
// and must fail closed on any release it does not know; this proves it on the oldest one.
// The extra zod goes into .tools/zod-<version> (npm registry only), outside the lockfile.
// Usage: node scripts/zod-range.mjs [version ...]   (default: the peer range's lowest)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './lib/workspace.mjs';

const models = join(root, 'packages/models');
const peer = JSON.parse(readFileSync(join(models, 'package.json'), 'utf8')).peerDependencies.zod;
const lowest = /^\^?(\d+\.\d+\.\d+)$/.exec(peer)?.[1];
if (!lowest) {
  console.error(`zod-range: cannot read the lowest version of the peer range "${peer}"`);
  process.exit(1);
}
const versions = process.argv.length > 2 ? process.argv.slice(2) : [lowest];

function install(version) {
  const dir = join(root, '.tools', `zod-${version}`);
  const manifest = join(dir, 'node_modules/zod/package.json');
  if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).version === version) return dir;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"private":true}\n');
  execFileSync('npm', ['install', '--silent', '--no-audit', '--no-fund', '--no-save', `zod@${version}`], {
    cwd: dir,
    stdio: 'inherit',
  });
  return dir;
}

let failed = false;
for (const version of versions) {
  const dir = install(version);
  const report = join(root, '.reports', `models-zod-${version}.vitest-report.json`);
  mkdirSync(join(root, '.reports'), { recursive: true });
  console.log(`zod-range: @csbs-kit/models tests with zod ${version}`);
  try {
    execFileSync('pnpm', ['exec', 'vitest', 'run', `--outputFile.json=${report}`], {
      cwd: models,
      stdio: 'inherit',
      env: { ...process.env, CSBS_ZOD_DIR: dir, CSBS_ZOD_EXPECT: version },
    });
  } catch {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
