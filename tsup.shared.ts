import { defineConfig, type Options } from 'tsup';

/**
 * The one build of every published package: ESM for Node 22+, with declarations and source
 * maps, from `tsconfig.build.json`. A package's tsup.config.ts names its entries, and only
 * what its build adds (the CLI: a split bundle).
 */
export function packageBuild(entry: NonNullable<Options['entry']>, extra: Options = {}) {
  return defineConfig({
    entry,
    format: ['esm'],
    target: 'node22',
    platform: 'node',
    dts: true,
    sourcemap: true,
    clean: true,
    tsconfig: 'tsconfig.build.json',
    ...extra,
  });
}
