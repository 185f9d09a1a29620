#!/usr/bin/env bash
# The emulator's interop test runs keystoneauth1 and openstacksdk from Debian's packages
# (python3-keystoneauth1, python3-openstacksdk). Installs them with apt only when Debian's
# python3 cannot import them: idempotent and quiet. A failure here is reported, and the
# test that needs them then fails loudly rather than skipping.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"
python=/usr/bin/python3
importable() { [ -x "$python" ] && "$python" -c 'import keystoneauth1, openstack' 2>/dev/null; }

importable && exit 0
apt_install "openstack clients" python3-keystoneauth1 python3-openstacksdk || exit 1
importable || { echo "openstack clients: installed but not importable" >&2; exit 1; }
