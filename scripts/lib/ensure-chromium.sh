#!/usr/bin/env bash
# The CLI's HTML report test opens the report in a real headless Chromium (Debian's
# `chromium` package, driven by puppeteer-core; no browser download). Installs it with apt
# only when it is missing: idempotent and quiet. A failure here fails the run, and the test
# that needs it then fails loudly rather than skipping.
set -uo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/apt-install.sh"

command -v chromium >/dev/null 2>&1 && exit 0
apt_install chromium chromium fonts-dejavu-core || exit 1
command -v chromium >/dev/null 2>&1 || { echo "chromium: installed but not on PATH" >&2; exit 1; }
