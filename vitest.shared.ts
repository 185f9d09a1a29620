import { resolve } from 'node:path';
import type { ViteUserConfig } from 'vitest/config';

const root = import.meta.dirname;

/**
 * Tests import workspace packages from their sources, so `pnpm test` needs no build and a
 * change in one package is seen by the tests of the packages above it at once. The client's
 * and fleet's integration tests reach the emulator this way too: it is deliberately not a
 * dependency of theirs (not even a dev one), so that their builds never wait on it.
 */
export const workspaceAliases: Record<string, string> = {
  '@csbs-kit/models/signing': resolve(root, 'packages/models/src/signing/index.ts'),
  '@csbs-kit/models/enums': resolve(root, 'packages/models/src/enums.ts'),
  '@csbs-kit/models/errors': resolve(root, 'packages/models/src/errors.ts'),
  '@csbs-kit/models': resolve(root, 'packages/models/src/index.ts'),
  '@csbs-kit/tag-query': resolve(root, 'packages/tag-query/src/index.ts'),
  '@csbs-kit/client': resolve(root, 'packages/client/src/index.ts'),
  '@csbs-kit/fleet/report': resolve(root, 'packages/fleet/src/report/index.ts'),
  '@csbs-kit/fleet': resolve(root, 'packages/fleet/src/index.ts'),
  '@csbs-kit/emulator': resolve(root, 'packages/emulator/src/index.ts'),
};

/**
 * `CSBS_ZOD_DIR` points at another zod install (a folder holding `node_modules/zod`), so
 * the zod-range check (scripts/zod-range.mjs) can run the tests against the lowest and the
 * newest zod the peer range allows without touching the lockfile.
 */
function zodAlias(): Record<string, string> {
  const dir = process.env.CSBS_ZOD_DIR;
  return dir ? { zod: resolve(dir, 'node_modules/zod') } : {};
}

export function sharedTestConfig(packageDir: string): ViteUserConfig {
  return {
    resolve: { alias: { ...workspaceAliases, ...zodAlias() } },
    test: {
      root: packageDir,
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      // The JSON report feeds the one-line "N passed, N failed" summary of scripts/test.
      reporters: ['default', 'json'],
      outputFile: { json: resolve(packageDir, '.vitest-report.json') },
      // Bounds for a hang, not for speed: on a shared 2-core machine under load an end-to-end
      // test that spawns the CLI can take many times its usual second.
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  };
}
