#!/usr/bin/env bash
# Configure and build one CMake preset (default: "default"). Uses ccache when present.
set -euo pipefail
cd "$(dirname "$0")/.."
preset=${1:-default}
if command -v ccache >/dev/null; then export PASSEND_LAUNCHER=ccache; fi
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" -j "$(nproc)"
