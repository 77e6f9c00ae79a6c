#!/usr/bin/env bash
# SPDX-License-Identifier: EUPL-1.2
# The vendor example against a real PostgreSQL server: write the demo region with the CLI, start
# a throw-away server on a loopback port in a temporary directory, load the region with COPY,
# run the example, check its KPIs equal the reference's on the same CSV files, stop the server.
#   run_test.sh CLI VENDOR_BIN PYTHON CHECKER "REFERENCE_CMD with @DATA@"
set -euo pipefail
cli=$1 vendor=$2 python=$3 checker=$4 reference=$5
here=$(cd "$(dirname "$0")" && pwd)

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ] || ! command -v psql >/dev/null; then
  echo "run_test.sh: PostgreSQL server binaries are missing (scripts/setup.sh installs postgresql)" >&2
  exit 1
fi
work=$(mktemp -d /tmp/passend-pg.XXXXXX)
# initdb refuses to run as root: the server runs as the postgres user then.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$work"
stop() {
  as_pg "$pgbin/pg_ctl" -D "$work/db" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT

"$cli" demo --out "$work/data" >/dev/null
chmod -R a+rX "$work/data"

as_pg "$pgbin/initdb" -D "$work/db" -A trust -U passend -E UTF8 --no-sync >/dev/null
port=$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$pgbin/pg_ctl" -D "$work/db" -l "$work/db/server.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
echo "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

psql=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U passend)
"${psql[@]}" -d postgres -c "CREATE DATABASE school"
"${psql[@]}" -d school -f "$here/schema.sql"
for f in "$work"/data/*.csv; do
  table=$(basename "$f" .csv)
  columns=$(head -1 "$f" | sed 's/^\xEF\xBB\xBF//' | tr -d '\r')
  "${psql[@]}" -d school -c "\\copy $table($columns) FROM '$f' WITH (FORMAT csv, HEADER true)"
  echo "COPY $table: $(( $(wc -l < "$f") - 1 )) rows"
done

"$python" "$checker" --reference "${reference//@DATA@/$work/data}" -- \
  "$vendor" "host=127.0.0.1 port=$port user=passend dbname=school"
