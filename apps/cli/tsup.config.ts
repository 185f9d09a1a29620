import { fileURLToPath } from 'node:url';
import { packageBuild } from '../../tsup.shared.ts';

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
  // undici and commander are CommonJS and `require()` Node's built-ins; an ES module bundle
  // has no `require` of its own, so give it one.
  banner: {
    js: "import { createRequire as __csbsCreateRequire } from 'node:module';\nconst require = __csbsCreateRequire(import.meta.url);",
  },
  esbuildPlugins: [
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
