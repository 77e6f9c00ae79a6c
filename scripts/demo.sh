#!/usr/bin/env bash
# The main job on the built-in demo region: install, build, and print the report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh default >/dev/null
./build/default/passend summary --demo
