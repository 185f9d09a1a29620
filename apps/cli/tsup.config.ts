import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Options } from 'tsup';
import { packageBuild } from '../../tsup.shared.ts';

type Plugin = NonNullable<Options['esbuildPlugins']>[number];

const buildFile = (name: string) => fileURLToPath(new URL(`./build/${name}`, import.meta.url));

/**
 * Gives the modules of one package a stand-in for a Node built-in that loads the real one
 * only when it is used (see the file). `uses` is every way the stand-in may be used in an
 * importing module; anything else in one of them fails the build rather than the bundle.
 */
function builtinOnDemand(options: {
  name: string;
  builtin: string;
  importers: RegExp;
  standIn: string;
  uses: RegExp;
  binding: RegExp;
}): Plugin {
  return {
    name: options.name,
    setup(build) {
      const filter = new RegExp(`^(?:node:)?${options.builtin}$`);
      build.onResolve({ filter }, (args) => {
        if (!options.importers.test(args.importer)) return undefined;
        const source = readFileSync(args.importer, 'utf8');
        const other = [...source.matchAll(options.binding)].filter((m) => !options.uses.test(m[0]));
        if (other.length > 0) {
          return {
            errors: [
              {
                text: `${args.importer} uses ${options.builtin} as ${other.map((m) => m[0]).join(', ')}; build/${options.standIn} does not provide that`,
              },
            ],
          };
        }
        return { path: buildFile(options.standIn) };
      });
    },
  };
}

/** Gives commander's ES module imports of a built-in a file that exports the same without a facade. */
function commanderImportWithoutFacade(builtin: string, standIn: string): Plugin {
  return {
    name: `commander-${builtin}-without-facade`,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^(?:node:)?${builtin}$`) }, (args) =>
        /[\\/]commander[\\/]lib[\\/]/.test(args.importer) ? { path: buildFile(standIn) } : undefined,
      );
    },
  };
}

/**
 * The workspace packages' builds import zod as `import { z } from "zod"` (the form zod's
 * docs show), and a bundle can only keep the whole `z` namespace for that: every schema
 * kind, JSON Schema conversion, `z.compile`, the locales, and the getters of each namespace
 * object built at load (~4 ms of every command that validates). Rewritten to
 * `import * as z from "zod"`, each `z.string` is a plain import that esbuild can follow, and
 * what no command uses is dropped (zod marks its classes pure; since 4.1 it sets its English
 * messages on the first schema, not as a side effect a bundler could drop). The rewrite
 * fails the build where the binding is used other than as `z.member`.
 */
const zodNamespaceImports: Plugin = {
  name: 'zod-namespace-imports',
  setup(build) {
    build.onLoad({ filter: /[\\/]packages[\\/][^\\/]+[\\/]dist[\\/].*\.js$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      const imports = /^import \{ z(?: as (\w+))? \} from "zod";$/gm;
      const names = [...source.matchAll(imports)].map((m) => m[1] ?? 'z');
      if (names.length === 0) return undefined;
      const contents = source.replace(
        imports,
        (_, name: string | undefined) => `import * as ${name ?? 'z'} from "zod";`,
      );
      for (const name of names) {
        const bare = [...contents.matchAll(new RegExp(`\\b${name}\\b(?!\\s*\\.\\s*\\w)`, 'g'))].filter(
          (m) => !contents.startsWith(`import * as ${name} from`, m.index - 'import * as '.length),
        );
        if (bare.length > 0) {
          return { errors: [{ text: `${args.path} uses zod's ${name} other than as ${name}.member` }] };
        }
      }
      return { contents, loader: 'js' };
    });
  },
};

/*
 * The CLI ships as a split bundle: its own code and every library it uses (the csbs-kit
 * packages, undici, zod, commander, yaml, …) are bundled into chunks, one per command plus
 * shared ones, loaded with `import()` only when a command needs them. A real command then
 * reads a handful of files instead of ~330 (undici alone is 110 modules, zod 95), which is
 * most of its start-up. The library packages themselves are not bundled: this is only the
 * shape of the `csbs` command's own dist.
 */
export default packageBuild(['src/index.ts', 'src/bin/csbs.ts'], {
  splitting: true,
  noExternal: [/.*/],
  // tsup would strip `node:` and mark every built-in external before any plugin of ours
  // sees it; the stand-ins below (builtinOnDemand) need to see them.
  removeNodeProtocol: false,
  // undici and commander are CommonJS and `require()` Node's built-ins; an ES module bundle
  // has no `require` of its own, so give it one.
  banner: {
    js: "import { createRequire as __csbsCreateRequire } from 'node:module';\nconst require = __csbsCreateRequire(import.meta.url);",
  },
  esbuildPlugins: [
    zodNamespaceImports,
    // undici only calls `assert(value[, message])`; node:assert loads on a failure.
    builtinOnDemand({
      name: 'undici-assert-on-failure',
      builtin: 'assert',
      importers: /[\\/]undici[\\/]lib[\\/]/,
      standIn: 'node-assert-on-failure.cjs',
      // Every mention of the binding: a call is fine, a member (`assert.ok`) is not.
      binding: /\bassert\b\s*(?:\.\s*\w+|[[(])/g,
      uses: /^assert\s*\($/,
    }),
    // commander only calls `childProcess.spawn`; node:child_process loads when it does.
    builtinOnDemand({
      name: 'commander-child-process-on-spawn',
      builtin: 'child_process',
      importers: /[\\/]commander[\\/]lib[\\/]/,
      standIn: 'child-process-on-spawn.js',
      binding: /\bchildProcess\b\s*(?:\.\s*\w+|[[(])/g,
      uses: /^childProcess\s*\.\s*spawn$/,
    }),
    commanderImportWithoutFacade('util', 'node-util-without-facade.js'),
    commanderImportWithoutFacade('process', 'node-process-without-facade.js'),
    {
      // `import { Agent } from 'undici'` in @csbs-kit/client gets the Agent alone; see the file.
      name: 'undici-agent-only',
      setup(build) {
        const agentOnly = fileURLToPath(new URL('./build/undici-agent.cjs', import.meta.url));
        build.onResolve({ filter: /^undici$/ }, () => ({ path: agentOnly }));
      },
    },
    {
      // undici's HTTP/2 client (and node:http2) loads on the first h2 connection; see the file.
      name: 'undici-h2-on-demand',
      setup(build) {
        const lazyH2 = fileURLToPath(new URL('./build/undici-client-h2-lazy.cjs', import.meta.url));
        build.onResolve({ filter: /^\.\/client-h2\.js$/ }, (args) =>
          /[\\/]undici[\\/]lib[\\/]dispatcher[\\/]client\.js$/.test(args.importer)
            ? { path: lazyH2 }
            : undefined,
        );
      },
    },
    {
      // `z.locales` holds English alone in the csbs bundle; see the file.
      name: 'zod-english-only',
      setup(build) {
        const english = fileURLToPath(new URL('./build/zod-locales-en.js', import.meta.url));
        build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
          /[\\/]zod[\\/]v4[\\/](?:classic|core)[\\/]/.test(args.importer) ? { path: english } : undefined,
        );
      },
    },
  ],
});
