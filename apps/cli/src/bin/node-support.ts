/**
 * The oldest Node the CLI runs on: undici 8 (under the client) calls
 * `zlib.createZstdDecompress`, which Node has from 22.19 (undici's own `engines` field).
 * Kept in a module without imports so the bin can check it before loading anything else.
 */
export const minimumNode = { major: 22, minor: 19 } as const;

/** `undefined` when `version` (`process.versions.node`) is new enough, else the line to print. */
export function unsupportedNodeMessage(version: string): string | undefined {
  const [major = 0, minor = 0] = version.split('.').map((part) => Number.parseInt(part, 10) || 0);
  if (major > minimumNode.major || (major === minimumNode.major && minor >= minimumNode.minor))
    return undefined;
  return `csbs needs Node ${minimumNode.major}.${minimumNode.minor} or newer; this is ${version}`;
}
