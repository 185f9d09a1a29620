import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * The package version, read from the package.json above this file. The built entry and
 * its chunks sit at different depths under dist/, so we look upwards instead of importing
 * the JSON at a fixed relative path.
 */
export function packageVersion(): string {
  if (cached) return cached;
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 5; i++) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as {
        name?: string;
        version?: string;
      };
      if (pkg.name === 'csbs-kit' && pkg.version) {
        cached = pkg.version;
        return cached;
      }
    } catch {
      // Not at this level; keep looking upwards.
    }
    dir = new URL('..', dir);
  }
  cached = '0.0.0';
  return cached;
}
