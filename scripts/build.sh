#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Configure and build one CMake preset (default: "default"). Uses ccache when present.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
if command -v ccache >/dev/null; then
  export PASSEND_LAUNCHER=ccache
  # Relative paths in the cache key let worktrees beside this one share compiled objects.
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(cd .. && pwd)}
  # Debug info would otherwise tie every object to its checkout and defeat the sharing.
  export CCACHE_NOHASHDIR=${CCACHE_NOHASHDIR:-1}
fi
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
