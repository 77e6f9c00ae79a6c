#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# `conan create` of the recipe and its test_package, offline, every C++ dependency from Debian's
# packages (profiles/debian12). Conan's home is HOME_DIR (made fresh each run), never the user's.
#
#   bash conan/create_offline.sh HOME_DIR [CONAN]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
home=${1:?"usage: create_offline.sh HOME_DIR [CONAN]"}
conan=${2:-$here/../.venv/bin/conan}
rm -rf "$home"
mkdir -p "$home"
export CONAN_HOME=$home
# No remote at all: a requirement the profile does not provide fails instead of downloading.
"$conan" remote remove "*" >/dev/null
if command -v ccache >/dev/null; then
  # Paths relative to a common base keep ccache's keys equal across Conan's build folders (new
  # each run) and the project's own build (scripts/build.sh uses the checkout's parent).
  base=$(cd "$here/../.." && pwd)
  case "$(cd "$home" && pwd)" in "$base"/*) ;; *) base=$home ;; esac
  export PASSEND_CONAN_LAUNCHER=ccache CCACHE_BASEDIR=$base CCACHE_NOHASHDIR=1
fi
# test_package builds where it lies: a copy in the home keeps the source tree clean.
cp -r "$here/test_package" "$home/test_package"
"$conan" create "$here" --profile:all="$here/profiles/debian12" --no-remote --build=missing \
  -o "passend/*:with_cli=False" --test-folder="$home/test_package"
