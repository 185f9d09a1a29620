import type * as NodeCrypto from 'node:crypto';
import { createRequire } from 'node:module';

/*
 * node:crypto is loaded on the first hash or signature, not when the signer is imported:
 * loading it (with the two dozen internal modules behind it, webcrypto included) takes
 * 10–15 ms on a 2-core machine, about a quarter of `node -e 0`, and a command that
 * authenticates with a token never hashes anything. A synchronous require keeps every
 * signing function synchronous.
 */
let loaded: typeof NodeCrypto | undefined;

export function nodeCrypto(): typeof NodeCrypto {
  loaded ??= createRequire(import.meta.url)('node:crypto') as typeof NodeCrypto;
  return loaded;
}
