#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Render the demo region's HTML report for checking by eye: a screenshot as the browser shows it
# (PNG) and the print layout (PDF, and its first pages as PNG when pdftoppm is installed).
#
#   bash scripts/render_report.sh [OUTDIR]      # default OUTDIR: build/report-check
#   HEIGHT=6000 bash scripts/render_report.sh   # a taller screenshot (default 2000 px)
#   REPORT_ARGS="--unit PO3104" bash scripts/render_report.sh   # extra `passend report` options
#
# Needs Debian's chromium (headless) and, for the print pages, poppler-utils (pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-build/report-check}
mkdir -p "$out"
bin=./build/default/passend
[ -x "$bin" ] || bash scripts/build.sh default >/dev/null
# shellcheck disable=SC2086
"$bin" report --demo --format html --out "$out/demo-report.html" ${REPORT_ARGS:-}
page="file://$(cd "$out" && pwd)/demo-report.html"

chromium=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$chromium" ]; then
  echo "render_report: chromium is not installed (apt-get install chromium)" >&2
  exit 1
fi
flags=(--headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run
  --hide-scrollbars)
"$chromium" "${flags[@]}" --screenshot="$out/demo-report.png" --window-size="1280,${HEIGHT:-2000}" \
  "$page" >"$out/chromium.log" 2>&1
"$chromium" "${flags[@]}" --no-pdf-header-footer --print-to-pdf="$out/demo-report.pdf" "$page" \
  >>"$out/chromium.log" 2>&1
echo "render_report: $out/demo-report.png (screen), $out/demo-report.pdf (print)"
if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 70 -f 1 -l "${PAGES:-3}" "$out/demo-report.pdf" "$out/demo-print"
  echo "render_report: $out/demo-print-*.png (first print pages)"
fi
