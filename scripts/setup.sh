#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Install what passend needs on a fresh Debian 12 machine: Debian's -dev packages for C++, the
# project's .venv for Python. Idempotent: installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake ninja-build pkg-config ccache clang-format
  libeigen3-dev libhowardhinnant-date-dev nlohmann-json3-dev doctest-dev libcli11-dev libfmt-dev
  libxlsxwriter-dev libxxhash-dev libpugixml-dev libssl-dev libpq-dev postgresql python3 python3-venv python3-dev
  python3-jsonschema
  emscripten node-acorn chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# Java and Maven (the JNA example) come with this kind of machine; install Debian's if absent.
command -v mvn >/dev/null || missing+=(maven)
command -v javac >/dev/null || missing+=(default-jdk-headless)
# Node and npm (the WebAssembly module's tests, the web app, the Excel add-in): Debian's if absent.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python: the project's own virtual environment.
python=python3
if [ ! -x .venv/bin/python ]; then
  "$python" -m venv .venv
fi
if [ -f python/requirements-dev.txt ]; then
  stamp=.venv/.requirements-dev.sha
  want=$(sha256sum python/requirements-dev.txt | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    .venv/bin/pip install -q --upgrade pip
    .venv/bin/pip install -q -r python/requirements-dev.txt
    echo "$want" > "$stamp"
  fi
fi

# JavaScript: the versions locked in package-lock.json (ExcelJS), into node_modules.
if [ -f package-lock.json ]; then
  stamp=node_modules/.package-lock.sha
  want=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    npm ci --no-audit --no-fund --loglevel=error
    echo "$want" > "$stamp"
  fi
fi
