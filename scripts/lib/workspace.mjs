// The publishable packages of the workspace, and packing them the way `pnpm publish` would
// (workspace: ranges replaced by real versions), for the publint and consumer checks.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(import.meta.dirname, '../..');

/** Every package under packages/ and apps/, in the dependency order of the brief. */
export function publishablePackages() {
  const order = [
    '@csbs-kit/models',
    '@csbs-kit/tag-query',
    '@csbs-kit/client',
    '@csbs-kit/fleet',
    '@csbs-kit/emulator',
    'csbs-kit',
  ];
  const found = [];
  for (const group of ['packages', 'apps']) {
    for (const name of readdirSync(join(root, group))) {
      const dir = join(root, group, name);
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      if (!manifest.private) found.push({ name: manifest.name, version: manifest.version, dir, manifest });
    }
  }
  return found.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
}

/** Packs a package with pnpm into `destination`; returns the tarball's path. */
export function packPackage(pkg, destination) {
  const out = execFileSync('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: pkg.dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const parsed = JSON.parse(out.slice(out.indexOf('{')));
  return resolve(destination, parsed.filename);
}
