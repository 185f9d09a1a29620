# Sourced by the ensure-*.sh scripts: `apt_install WHAT PACKAGE...` installs Debian packages
# quietly (as root, or with a passwordless sudo), printing apt's last lines only when it
# fails. Returns non-zero on any failure, so a missing test dependency fails the run.
apt_install() {
  local what=$1
  shift
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$what: apt-get not found; install $* by hand" >&2
    return 1
  fi
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then as_root=(sudo -n); else
      echo "$what: need root (or sudo) to install $*" >&2
      return 1
    fi
  fi
  echo "$what: installing $* with apt" >&2
  local log
  log=$(mktemp)
  if ! { DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get update -qq &&
    DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "$@"; } >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    rm -f "$log"
    echo "$what: apt failed" >&2
    return 1
  fi
  rm -f "$log"
}
