#!/usr/bin/env bash
# Start the test SMTP server (aiosmtpd, scripts/smtp_server.py) on a loopback port; each message it
# accepts is stored as DIR/<n>.eml. Prints its pid once it listens.
# Usage: scripts/smtp-start.sh DIR PORT [--auth USER:PASSWORD] [--tls starttls|ssl]
# Stop:  kill "$(cat DIR/smtp.pid)"
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?folder}
port=${2:?port}
shift 2
mkdir -p "$dir"
py=.venv/bin/python
[ -x "$py" ] || py=python3
"$py" scripts/smtp_server.py "$dir" "$port" "$@" </dev/null >"$dir/smtp.log" 2>&1 &
pid=$!
echo "$pid" >"$dir/smtp.pid"
for _ in $(seq 1 100); do
  if grep -q ready "$dir/smtp.log" 2>/dev/null; then
    echo "$pid"
    exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
echo "the SMTP server did not start on 127.0.0.1:$port; see $dir/smtp.log" >&2
cat "$dir/smtp.log" >&2 || true
exit 1
