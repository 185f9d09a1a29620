#!/usr/bin/env bash
# The CLI's HTML report test opens the report in a real headless Chromium (Debian's
# `chromium` package, driven by puppeteer-core; no browser download). Installs it with apt
# only when it is missing: idempotent and quiet. A failure here fails the run, and the test
# that needs it then fails loudly rather than skipping.
set -uo pipefail
packages=(chromium fonts-dejavu-core)

if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "chromium: apt-get not found; install ${packages[*]} by hand" >&2
  exit 1
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then as_root=(sudo -n); else
    echo "chromium: need root (or sudo) to install ${packages[*]}" >&2
    exit 1
  fi
fi
echo "chromium: installing ${packages[*]} with apt" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"; } >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  echo "chromium: apt failed" >&2
  exit 1
fi
command -v chromium >/dev/null 2>&1 || { echo "chromium: installed but not on PATH" >&2; exit 1; }
