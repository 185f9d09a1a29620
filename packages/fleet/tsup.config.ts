import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts', 'src/report/index.ts'],
  format: ['esm'],
  target: 'node22',
  platform: 'node',
  dts: true,
  sourcemap: true,
  clean: true,
  tsconfig: 'tsconfig.build.json',
});
