#!/usr/bin/env bash
# Schemathesis against the office server's OpenAPI document, bounded in time: fails on any 5xx.
#
#     bash scripts/api-fuzz.sh [SECONDS]        # default 90
#
# Starts a real office server on a loopback port against a fresh database (the PostgreSQL named by
# SUPPORT_CONSOLE_TEST_PG_URL when set, which it empties; else a temporary SQLite file), with a
# supervisor, two customers and an API token, then lets schemathesis generate requests from
# docs/openapi.json's live copy (/openapi.json) until the time budget is spent.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=${1:-90}
py=${PYTHON:-$PWD/.venv/bin/python}
work=$(mktemp -d "${TMPDIR:-/tmp}/api-fuzz.XXXXXX")
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

url=${SUPPORT_CONSOLE_TEST_PG_URL:-sqlite+pysqlite:///$work/fuzz.sqlite3}
token=$("$py" - "$url" <<'PY'
import sys
from sqlalchemy import text
from console.db import make_engine, session_factory
from console.migrate import upgrade_to_head
from console.models import Base
from tests.server.office_world import make_office

engine = make_engine(sys.argv[1])
if engine.dialect.name == "postgresql":
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
upgrade_to_head(engine)
office = make_office(session_factory(engine))
print(office.token)
PY
)
# a generous rate limit: the fuzzer must meet the API, not the limiter
"$py" - "$url" <<'PY'
import sys
from sqlalchemy import update
from console.db import make_engine, session_factory, unit_of_work
from console.models_office import ApiToken
with unit_of_work(session_factory(make_engine(sys.argv[1]))) as s:
    s.execute(update(ApiToken).values(rate_per_minute=10000))
PY
port=$("$py" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$py" -m server --database "$url" --listen "127.0.0.1:$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/api/v1/health" >/dev/null 2>&1 && break
  sleep 0.2
done
status=0
# from the scratch folder: schemathesis keeps its cache (.schemathesis/) in the current folder.
# One worker: with two threads, hypothesis parses lambda sources concurrently, and CPython 3.11.7's
# ast.parse is not thread-safe ("SystemError: AST constructor recursion depth mismatch", seen once
# in a CI run of this script: the fuzzer itself crashed, not the server).
(cd "$work" && "$py" -m schemathesis.cli run "http://127.0.0.1:$port/openapi.json" \
  --checks not_a_server_error \
  --header "Authorization: Bearer $token" \
  --max-time "$budget" \
  --request-timeout 10 \
  --workers 1) \
  || status=$?
if grep -q "api.error" "$work/server.log"; then
  echo "api-fuzz: the server logged errors:" >&2
  grep "api.error" "$work/server.log" | head -20 >&2
  status=1
fi
exit $status
