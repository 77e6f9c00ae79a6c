#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# Build the JNA example with Maven (JNA comes from Maven Central on first use) and run it.
#   run.sh LIBDIR BUILDDIR [DATA_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
libdir=$1 build=$2
shift 2
command -v mvn >/dev/null || { echo "run.sh: mvn is missing (scripts/setup.sh installs maven)" >&2; exit 1; }
command -v java >/dev/null || { echo "run.sh: java is missing (scripts/setup.sh installs a JDK)" >&2; exit 1; }
mvn -q -B -Dstyle.color=never -f "$here/pom.xml" -DbuildDir="$build" package >&2
exec java -cp "$build/classes:$(cat "$build/classpath.txt")" -Djna.library.path="$libdir" \
  nl.passend.example.PassendReport "$@"
