// What a user gets: packs every package, installs each one alone into a fresh folder from
// the tarballs (npm, production only), imports it with plain Node and checks its production
// dependency closure against the dependency table of the brief. The results are written to
// .reports/consumer-check.json and counted in the test summary.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPackage, publishablePackages, root } from './lib/workspace.mjs';

/**
 * The oldest Node of the packages' `engines` (CSBS_NODE_LOWEST in scripts/lib/env.sh),
 * fetched once from the npm registry into .tools/node-<version>; its path, or an error text.
 */
function lowestNode() {
  const version = execFileSync('bash', ['-c', '. scripts/lib/env.sh && printf %s "$CSBS_NODE_LOWEST"'], {
    cwd: root,
    encoding: 'utf8',
  });
  const dest = join(root, '.tools', `node-${version}`);
  try {
    execFileSync('bash', ['scripts/lib/fetch-node.sh', version, dest], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    return {
      version,
      error: String(error.stderr ?? error)
        .trim()
        .split('\n')[0],
    };
  }
  return { version, path: join(dest, 'bin/node') };
}

/** Per package: the packages its install may bring, an export to import, and a bin to run. */
const expectations = {
  '@csbs-kit/models': {
    closure: ['zod'],
    imports: {
      '@csbs-kit/models': 'resourceInstancesRequestSchema',
      '@csbs-kit/models/signing': 'signRequest',
      '@csbs-kit/models/enums': 'checkpointStatuses',
      '@csbs-kit/models/errors': 'defineErrorClass',
    },
  },
  '@csbs-kit/tag-query': {
    closure: ['@csbs-kit/models', 'zod'],
    imports: { '@csbs-kit/tag-query': 'validateTagQuery' },
  },
  '@csbs-kit/client': {
    closure: ['@csbs-kit/models', '@csbs-kit/tag-query', 'undici', 'zod'],
    imports: { '@csbs-kit/client': 'CsbsClient' },
  },
  '@csbs-kit/fleet': {
    closure: ['@csbs-kit/client', '@csbs-kit/models', '@csbs-kit/tag-query', 'undici', 'zod'],
    imports: {
      '@csbs-kit/fleet': 'paginateFleetCheckpointItems',
      '@csbs-kit/fleet/report': 'ReportAccumulator',
    },
  },
  '@csbs-kit/emulator': {
    closure: ['@csbs-kit/models', '@csbs-kit/tag-query', 'zod'],
    imports: { '@csbs-kit/emulator': 'startEmulator' },
    bin: ['csbs-emulator', '--help'],
  },
  'csbs-kit': {
    // The CLI's closure is open below its direct dependencies (commander, yaml, picocolors),
    // so for it the check is: these are present, and no build or test tool is.
    closure: [
      '@csbs-kit/client',
      '@csbs-kit/emulator',
      '@csbs-kit/fleet',
      '@csbs-kit/models',
      '@csbs-kit/tag-query',
      'undici',
      'zod',
    ],
    open: true,
    imports: { 'csbs-kit': 'run' },
    bin: ['csbs', '--version'],
    // The tour talks to a built-in emulator through the client (undici), on the oldest Node
    // the packages claim: the check that the `engines` range is true.
    lowestNodeBin: ['csbs', 'demo'],
  },
};
const neverInProduction = [
  'typescript',
  'vitest',
  'tsup',
  'esbuild',
  'fast-check',
  'tsx',
  'turbo',
  '@biomejs/biome',
];

function installedPackages(nodeModules, found = new Set()) {
  if (!existsSync(nodeModules)) return found;
  for (const entry of readdirSync(nodeModules)) {
    if (entry.startsWith('.')) continue;
    const names = entry.startsWith('@')
      ? readdirSync(join(nodeModules, entry)).map((n) => `${entry}/${n}`)
      : [entry];
    for (const name of names) {
      found.add(name);
      installedPackages(join(nodeModules, name, 'node_modules'), found);
    }
  }
  return found;
}

const results = [];
const record = (name, ok, detail = '') => {
  results.push({ name, ok, detail });
  console.log(`consumer: ${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
};

const work = mkdtempSync(join(tmpdir(), 'csbs-consumer-'));
try {
  // Names on the command line limit the check to those packages (for local use); each
  // still needs the tarballs of the workspace packages it depends on, so those are packed.
  const only = process.argv.slice(2);
  const all = publishablePackages();
  const packages = only.length ? all.filter((pkg) => only.includes(pkg.name)) : all;
  const needed = only.length
    ? all.filter((pkg) => packages.some((p) => p === pkg || pkg.name in (p.manifest.dependencies ?? {})))
    : all;
  const tarballs = Object.fromEntries(needed.map((pkg) => [pkg.name, packPackage(pkg, work)]));
  for (const pkg of packages) {
    const expected = expectations[pkg.name];
    if (!expected) {
      record(`${pkg.name}: known to the consumer check`, false, 'add it to scripts/consumer-check.mjs');
      continue;
    }
    const dir = join(work, pkg.name.replace(/[@/]/g, '_'));
    mkdirSync(dir);
    // Overrides point the workspace packages at their tarballs: they are not on the registry.
    const overrides = Object.fromEntries(
      Object.entries(tarballs)
        .filter(([name]) => name !== pkg.name)
        .map(([name, file]) => [name, `file:${file}`]),
    );
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: 'consumer',
        private: true,
        type: 'module',
        dependencies: { [pkg.name]: `file:${tarballs[pkg.name]}` },
        overrides,
      }),
    );
    try {
      execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund', '--loglevel=error'], {
        cwd: dir,
        stdio: 'pipe',
      });
    } catch (error) {
      record(
        `${pkg.name}: installs alone from its tarball`,
        false,
        String(error.stderr ?? error)
          .trim()
          .split('\n')[0],
      );
      continue;
    }
    record(`${pkg.name}: installs alone from its tarball`, true);

    const installed = installedPackages(join(dir, 'node_modules'));
    installed.delete(pkg.name);
    const missing = expected.closure.filter((n) => !installed.has(n));
    const extra = expected.open ? [] : [...installed].filter((n) => !expected.closure.includes(n));
    const tools = [...installed].filter((n) => neverInProduction.includes(n));
    const problems = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      extra.length ? `unexpected ${extra.join(', ')}` : '',
      tools.length ? `build/test tools ${tools.join(', ')}` : '',
    ].filter(Boolean);
    record(
      `${pkg.name}: dependency closure`,
      problems.length === 0,
      problems.join('; ') || [...installed].sort().join(', '),
    );

    for (const [specifier, exportName] of Object.entries(expected.imports)) {
      const script = `const m = await import(${JSON.stringify(specifier)}); if (!(${JSON.stringify(exportName)} in m)) { console.error('no export ${exportName}'); process.exit(1); }`;
      try {
        execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: dir, stdio: 'pipe' });
        record(`${pkg.name}: import ${specifier} gives ${exportName}`, true);
      } catch (error) {
        record(
          `${pkg.name}: import ${specifier} gives ${exportName}`,
          false,
          String(error.stderr ?? error)
            .trim()
            .split('\n')
            .at(-1),
        );
      }
    }
    if (expected.bin) {
      const [bin, ...args] = expected.bin;
      try {
        execFileSync(join(dir, 'node_modules/.bin', bin), args, { cwd: dir, stdio: 'pipe', timeout: 20_000 });
        record(`${pkg.name}: bin ${bin} ${args.join(' ')}`, true);
      } catch (error) {
        record(
          `${pkg.name}: bin ${bin} ${args.join(' ')}`,
          false,
          String(error.stderr ?? error)
            .trim()
            .split('\n')[0],
        );
      }
    }
    if (expected.lowestNodeBin) {
      const [bin, ...args] = expected.lowestNodeBin;
      const node = lowestNode();
      const name = `${pkg.name}: bin ${bin} ${args.join(' ')} on Node ${node.version}`;
      if (node.error) record(name, false, `cannot fetch Node ${node.version}: ${node.error}`);
      else {
        try {
          execFileSync(node.path, [join(dir, 'node_modules/.bin', bin), ...args], {
            cwd: dir,
            stdio: 'pipe',
            timeout: 60_000,
            env: { ...process.env, NO_COLOR: '1' },
          });
          record(name, true);
        } catch (error) {
          const lines = String(error.stderr ?? error)
            .trim()
            .split('\n');
          record(name, false, lines.find((l) => /error/i.test(l)) ?? lines[0]);
        }
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

mkdirSync(join(root, '.reports'), { recursive: true });
const failed = results.filter((r) => !r.ok);
writeFileSync(
  join(root, '.reports/consumer-check.json'),
  JSON.stringify({ passed: results.length - failed.length, failed: failed.length, results }, null, 2),
);
if (failed.length > 0) process.exit(1);
