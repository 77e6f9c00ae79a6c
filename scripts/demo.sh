#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The main job on the built-in demo region: install, build, and run the full KPI report: the
# dashboard as a self-contained web page in build/demo-report.html, and as Markdown on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh default >/dev/null
./build/default/passend report --demo --format html --out build/demo-report.html
./build/default/passend report --demo
echo "demo: the dashboard as a web page: build/demo-report.html" >&2
