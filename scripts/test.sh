#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Every test: C++ (also under AddressSanitizer and UBSan), C, CLI, Python, the examples and the
# WebAssembly module (built with Debian's emscripten, run by node against the CLI).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh default
# The WebAssembly module (docs/wasm.md): its tests (label wasm) run in the default preset's ctest.
bash scripts/build.sh wasm
ctest --preset default -j "$(nproc)"
if [ "${PASSEND_SKIP_ASAN:-0}" != 1 ]; then
  bash scripts/build.sh asan
  ctest --preset asan -j "$(nproc)"
fi
echo "test.sh: all suites passed"
