#!/usr/bin/env bash
# Fails when a tracked file refers to the reading material kept beside our own checkouts
# (a sibling "shared" folder): a person who clones the repository does not have it, so a
# test, config, script or README that reads or links it breaks, or misleads, on their machine.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
pattern='[.][.]/shared|(^|[^a-z/])shared/(spec|DESIGN)'
hits=$(git grep -nIE "$pattern" -- packages apps bench scripts docs fixtures \
  README.md turbo.json package.json vitest.shared.ts tsconfig.base.json biome.json .ci 2>/dev/null \
  | grep -vE '/CHANGELOG\.md:')
if [ -n "$hits" ]; then
  echo "self-contained: these tracked files refer to a folder outside the repository:" >&2
  echo "$hits" >&2
  exit 1
fi
echo "self-contained: no tracked file refers to anything outside the repository"
