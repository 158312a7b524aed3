#!/usr/bin/env bash
# Start a throw-away PostgreSQL server (Debian's packages) on a loopback port in a folder.
# Usage: scripts/pg-start.sh DIR [PORT]   -> prints the SQLAlchemy URL of database "console_test".
# PG_HOST_AUTH=scram-sha-256 (on the first start of DIR): every role but the superuser "postgres"
# signs in over TCP with its password, checked by SCRAM (the default trusts everybody).
set -euo pipefail
dir=${1:?folder}
port=${2:-54329}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -x "$bindir/initdb" ] || { echo "PostgreSQL is not installed (apt-get install postgresql)" >&2; exit 1; }
mkdir -p "$dir"
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  run() { runuser -u postgres -- "$@"; }
else
  run() { "$@"; }
fi
if [ ! -f "$dir/data/PG_VERSION" ]; then
  run "$bindir/initdb" -D "$dir/data" -U postgres -A trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
  if [ "${PG_HOST_AUTH:-trust}" = scram-sha-256 ]; then
    printf '%s\n' "local all all trust" "host all postgres 127.0.0.1/32 trust" \
      "host all all 127.0.0.1/32 scram-sha-256" "host all all ::1/128 scram-sha-256" >"$dir/data/pg_hba.conf"
  fi
fi
run "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c max_connections=200" start >/dev/null
for db in console_test console_bench; do
  run "$bindir/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$db'" \
    | grep -q 1 || run "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db"
done
echo "postgresql+psycopg://postgres@127.0.0.1:$port/console_test"
