#!/usr/bin/env bash
# Set everything up, then start Support Console on its embedded demo database.
# With no display (a server), the window opens on a virtual screen (Xvfb); set
# QT_QPA_PLATFORM=offscreen to run without any screen.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
  echo "demo: no display; running on a virtual screen (xvfb-run). Stop it with Ctrl+C."
  exec xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/support-console --demo "$@"
fi
exec .venv/bin/support-console --demo "$@"
