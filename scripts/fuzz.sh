#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Developer-only: build the libFuzzer targets (Debian's clang 16 with AddressSanitizer and UBSan, the `fuzz`
# preset) and run one. The test suite does not need this: it replays tests/fuzz/corpus with g++.
#
#   bash scripts/fuzz.sh build                 # install clang if missing, build every target
#   bash scripts/fuzz.sh run TARGET [SECONDS]  # fuzz one target (default 600 s), niced, one job
#
# New inputs go to build/fuzz/corpus/TARGET (not committed); crashes, leaks and timeouts to
# build/fuzz/findings/TARGET/. Minimise a finding (fuzz_TARGET -minimize_crash=1 FILE), fix it and
# commit it under tests/fuzz/corpus/TARGET/ (docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(csv_folder json_dataset kpi_catalog focus_plan c_appender arrow_stream)

install_clang() {
  local missing=()
  for p in clang-16 libclang-rt-16-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "fuzz: installing ${missing[*]}"
    local sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

case "${1:-}" in
build)
  install_clang
  if command -v ccache >/dev/null; then
    export PASSEND_LAUNCHER=ccache CCACHE_BASEDIR=${CCACHE_BASEDIR:-$(cd .. && pwd)} CCACHE_NOHASHDIR=1
  fi
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j "$(nproc)" --target "${targets[@]/#/fuzz_}"
  ;;
run)
  target=${2:?"usage: fuzz.sh run TARGET [SECONDS]"}
  seconds=${3:-600}
  root=$(pwd)
  exe=$root/build/fuzz/tests/fuzz/fuzz_$target
  [ -x "$exe" ] || { echo "fuzz: $exe is not built (bash scripts/fuzz.sh build)" >&2; exit 2; }
  work=$root/build/fuzz/corpus/$target findings=$root/build/fuzz/findings/$target
  mkdir -p "$work" "$findings"
  dict=()
  [ -f "tests/fuzz/dict/$target.dict" ] && dict=("-dict=$root/tests/fuzz/dict/$target.dict")
  cd "$findings" # libFuzzer writes its job's log (fuzz-0.log) here
  # One job on one core at the lowest priority: the machine is shared. -timeout: a hang;
  # -rss_limit_mb: memory beyond what the input's size explains.
  nice -n 19 "$exe" -jobs=1 -workers=1 -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -max_total_time="$seconds" -print_final_stats=1 -artifact_prefix="$findings/" "${dict[@]}" \
    "$work" "$root/tests/fuzz/corpus/$target"
  ;;
*)
  echo "usage: fuzz.sh build | run TARGET [SECONDS]" >&2
  exit 2
  ;;
esac
