#!/usr/bin/env bash
# Mark every source file of the repository with its licence: an `SPDX-License-Identifier:
# EUPL-1.2` comment as the first line (after a `#!` line). Idempotent: a file that has the
# identifier in its first three lines is left alone, so run it again after adding files. .ci/
# belongs to the machinery that runs CI and is left alone.
#   bash scripts/spdx.sh           add the line where it is missing, name the files changed
#   bash scripts/spdx.sh --check   change nothing; exit 1 naming the files without it
set -euo pipefail
cd "$(dirname "$0")/.."
id="SPDX-License-Identifier: EUPL-1.2"
check=0
[ "${1:-}" = "--check" ] && check=1

# The comment that carries the identifier, by the file's kind; nothing for a file that is not
# source (data, documents, notebooks).
comment_for() {
  case "$1" in
    *.c | *.h | *.h.in | *.map) echo "/* $id */" ;; # C90 has no // comments; ld scripts neither
    *.cpp | *.hpp | *.hpp.in | *.java) echo "// $id" ;;
    *.py | *.pyi | *.cmake | *.cmake.in | */CMakeLists.txt | CMakeLists.txt | *.sh) echo "# $id" ;;
    *.sql) echo "-- $id" ;;
    *) if head -c 2 "$1" | grep -q '^#!'; then echo "# $id"; fi ;;
  esac
}

missing=()
while IFS= read -r -d '' f; do
  [ -f "$f" ] || continue
  line=$(comment_for "$f")
  [ -n "$line" ] || continue
  head -n 3 "$f" | grep -q "SPDX-License-Identifier" && continue
  missing+=("$f")
  [ $check -eq 1 ] && continue
  if [ ! -s "$f" ]; then
    printf '%s\n' "$line" >"$f"
  elif head -c 2 "$f" | grep -q '^#!'; then
    sed -i "1a\\$line" "$f"
  else
    sed -i "1i\\$line" "$f"
  fi
done < <(git ls-files -z -- . ":!.ci")

if [ $check -eq 1 ]; then
  if [ ${#missing[@]} -gt 0 ]; then
    printf 'no "%s" line (run bash scripts/spdx.sh):\n' "$id"
    printf '  %s\n' "${missing[@]}"
    exit 1
  fi
  echo "spdx: every source file carries its licence"
else
  echo "spdx: ${#missing[@]} file(s) marked"
  [ ${#missing[@]} -eq 0 ] || printf '  %s\n' "${missing[@]}"
fi
