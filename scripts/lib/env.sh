# Sourced by the scripts in this folder: puts the repo's own Node (when the machine's is
# too old) and the pinned pnpm first on PATH. Safe to source more than once.
CSBS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CSBS_TOOLS="$CSBS_ROOT/.tools"
# The Node range of the root package.json, from the tools' own `engines`: undici 8 needs
# 22.19 (zlib.createZstdDecompress), tsup 9 ^22.18 || ^24.11 || >=26; 24 is the LTS we fetch.
# CSBS_NODE_LOWEST is the oldest Node the published packages claim; the consumer check runs
# the packed CLI on exactly that version.
CSBS_NODE_LOWEST=22.19.0
CSBS_NODE_VERSION=24.21.0
# Whether the `node` on PATH is in the supported range (a missing node is not).
csbs_node_supported() {
  node -e 'const [M, m] = process.versions.node.split(".").map(Number);
    process.exit((M === 22 && m >= 19) || (M === 24 && m >= 11) || M >= 26 ? 0 : 1)' 2>/dev/null
}
case ":$PATH:" in
  *":$CSBS_TOOLS/node/bin:"*) ;;
  *) [ -x "$CSBS_TOOLS/node/bin/node" ] && PATH="$CSBS_TOOLS/node/bin:$PATH" ;;
esac
case ":$PATH:" in
  *":$CSBS_TOOLS/pnpm/bin:"*) ;;
  *) [ -d "$CSBS_TOOLS/pnpm/bin" ] && PATH="$CSBS_TOOLS/pnpm/bin:$PATH" ;;
esac
if [ -z "${NPM_CONFIG_GLOBALCONFIG:-}" ] && [ -f "$CSBS_TOOLS/npm-globalconfig" ]; then
  NPM_CONFIG_GLOBALCONFIG=$(cat "$CSBS_TOOLS/npm-globalconfig")
  export NPM_CONFIG_GLOBALCONFIG
fi
# Turborepo would otherwise print a telemetry notice into every log.
export TURBO_TELEMETRY_DISABLED=1
export PATH CSBS_ROOT CSBS_TOOLS
