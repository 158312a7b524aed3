#!/usr/bin/env bash
# Set everything up and run every check: lint, types, layering, the tests on SQLite and on a real
# PostgreSQL server (started here on a loopback port in a temporary folder; the mail tests start their
# own Dovecot and SMTP server the same way), schemathesis against the office server's API, and the
# smoke tests of the checkout and of the packaged build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh postgresql dovecot-imapd
export QT_QPA_PLATFORM=offscreen

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy (strict on console/)"
.venv/bin/mypy console ui server entry

pgdir=$(mktemp -d /tmp/support-console-pg.XXXXXX)
port=${SUPPORT_CONSOLE_TEST_PG_PORT:-55432}
stop_pg() {
  bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  runuser -u postgres -- "$bindir/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 \
    || "$bindir/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$pgdir"
}
trap stop_pg EXIT
echo "== starting PostgreSQL on 127.0.0.1:$port"
# SCRAM for every role but the superuser: the tests of sign-in as oneself see wrong passwords refused
export SUPPORT_CONSOLE_TEST_PG_URL=$(PG_HOST_AUTH=scram-sha-256 bash scripts/pg-start.sh "$pgdir" "$port")
export SUPPORT_CONSOLE_REQUIRE_PG=1

echo "== pytest (SQLite and PostgreSQL)"
.venv/bin/python -m pytest -p no:cacheprovider -q "$@"

echo "== the office server's API under schemathesis (bounded; fails on any 5xx)"
bash scripts/api-fuzz.sh 60

echo "== smoke test"
.venv/bin/support-console --smoke-test

echo "== packaged build (build.spec, one folder) and its smoke test"
.venv/bin/pyinstaller --noconfirm --log-level WARN build.spec
bundle_mb=$(du -s --block-size=1000000 dist/support-console | cut -f1)
echo "dist/support-console: $bundle_mb MB (target <= 180)"
if [ "$bundle_mb" -gt 180 ]; then
  echo "test: the packaged build grew past 180 MB; see docs/packaging.md" >&2
  exit 1
fi
# From another folder, without the checkout on the path and without the system's zoneinfo (as on
# Windows): everything must come from the bundle.
frozen=$PWD/dist/support-console/support-console
elsewhere=$(mktemp -d)
(cd "$elsewhere" && env -u PYTHONPATH PYTHONTZPATH= "$frozen" --version \
  && env -u PYTHONPATH PYTHONTZPATH= "$frozen" --smoke-test)
rm -rf "$elsewhere"
