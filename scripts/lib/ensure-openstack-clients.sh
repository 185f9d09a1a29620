#!/usr/bin/env bash
# The emulator's interop test runs keystoneauth1 and openstacksdk from Debian's packages
# (python3-keystoneauth1, python3-openstacksdk). Installs them with apt only when Debian's
# python3 cannot import them: idempotent and quiet. A failure here is reported, and the
# test that needs them then fails loudly rather than skipping.
set -uo pipefail
python=/usr/bin/python3
packages=(python3-keystoneauth1 python3-openstacksdk)

if [ -x "$python" ] && "$python" -c 'import keystoneauth1, openstack' 2>/dev/null; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "openstack clients: apt-get not found; install ${packages[*]} by hand" >&2
  exit 1
fi
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then as_root=(sudo -n); else
    echo "openstack clients: need root (or sudo) to install ${packages[*]}" >&2
    exit 1
  fi
fi
echo "openstack clients: installing ${packages[*]} with apt" >&2
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { "${as_root[@]}" apt-get update -qq && "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"; } >"$log" 2>&1; then
  tail -n 20 "$log" >&2
  echo "openstack clients: apt failed" >&2
  exit 1
fi
"$python" -c 'import keystoneauth1, openstack' || { echo "openstack clients: installed but not importable" >&2; exit 1; }
