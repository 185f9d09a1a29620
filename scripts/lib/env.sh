# Sourced by the scripts in this folder: puts the repo's own Node (when the machine's is
# too old) and the pinned pnpm first on PATH. Safe to source more than once.
CSBS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CSBS_TOOLS="$CSBS_ROOT/.tools"
# Node 22+ is what undici 8, vitest 5, tsup 9 and changesets 3 need; 24 is the LTS we fetch.
CSBS_NODE_MIN_MAJOR=22
CSBS_NODE_VERSION=24.21.0
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
