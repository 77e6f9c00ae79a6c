#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Load time and peak memory of `passend validate` on the national-scale dataset.
#
# Writes the national demo (150 partnerships, ~2.5 million pupils a year, ten school years) as
# contract CSV (`passend demo --national --out DIR`), then loads and checks it with
# `passend validate DIR` under /usr/bin/time -v, then in the same run load_benchmark (wall, CPU,
# peak memory and the bytes of the loaded columns) and its peer, polars reading the same tables
# with the same types (benchmarks/polars_load.py, with the worktree's .venv). The folder is about
# 700 MB; it is removed at the end unless KEEP=1. A folder that exists already is used as it is
# (REUSE=1), not written again.
#
#   benchmarks/national_load.sh [DIR=/tmp/passend-national]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${PASSEND_BIN:-build/default/passend}
out=${1:-/tmp/passend-national}
[ -x "$bin" ] || bash scripts/build.sh default
[ -x /usr/bin/time ] || { echo "national_load: needs /usr/bin/time (Debian package time)"; exit 2; }

peak_mb=0
measure() { # label, command...: run it under time -v and print the figures that matter
  local label=$1 log
  shift
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || { tail -20 "$log"; rm -f "$log"; exit 1; }
  awk -v label="$label" -F': ' '
    /Elapsed \(wall clock\)/ {wall=$2}
    /User time/ {user=$2}
    /System time/ {sys=$2}
    /Maximum resident set size/ {rss=$2}
    END {printf "%-9s wall %s, cpu %.1f s (user %s + sys %s), peak memory %.0f MB\n",
         label, wall, user + sys, user, sys, rss * 1024 / 1e6}' "$log"
  peak_mb=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 * 1024 / 1e6}' "$log")
  rm -f "$log"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
if [ "${REUSE:-0}" = 1 ] && [ -d "$out" ]; then
  KEEP=1
else
  rm -rf "$out"
  measure generate "$bin" demo --national --out "$out"
fi
echo "dataset  $(du -sh "$out" | cut -f1) in $out; $(($(wc -l <"$out/enrolments.csv") - 1)) enrolments, $(($(wc -l <"$out/pupils.csv") - 1)) pupils"
measure validate "$bin" validate "$out"
validate_peak_mb=$peak_mb
bench=$(dirname "$bin")/benchmarks/load_benchmark
if [ -x "$bench" ]; then
  line=$("$bench" "$out")
  echo "$line"
  # The target (issue 16): peak memory at most 1.5x the bytes of the loaded columns.
  columns_mb=$(sed -n 's/.*columns \([0-9]*\) MB.*/\1/p' <<<"$line")
  [ -n "$columns_mb" ] && awk -v p="$validate_peak_mb" -v c="$columns_mb" \
    'BEGIN {printf "validate peak memory %d MB, columns %d MB: %.2fx the columns (target 1.5x)\n", p, c, p / c}'
fi
[ -x .venv/bin/python ] && .venv/bin/python benchmarks/polars_load.py "$out"
[ "${KEEP:-0}" = 1 ] || rm -rf "$out"
