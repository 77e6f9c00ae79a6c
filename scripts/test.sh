#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Every test: C++ (also under AddressSanitizer and UBSan), C, CLI, Python and the examples.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh default
ctest --preset default -j "$(nproc)"
if [ "${PASSEND_SKIP_ASAN:-0}" != 1 ]; then
  bash scripts/build.sh asan
  ctest --preset asan -j "$(nproc)"
fi
echo "test.sh: all suites passed"
