#!/usr/bin/env bash
# Set up everything the app needs on a Debian machine with Python 3.11: the system libraries Qt
# loads, a virtual environment in .venv with the app and its test tools, and the compiled
# translation. Safe to run again. Extra Debian packages can be named: scripts/setup.sh postgresql
set -euo pipefail
cd "$(dirname "$0")/.."

# binutils: the packaged build (build.spec) reads and strips binaries with readelf and strip
debian_packages=(libgl1 libegl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 binutils
                 xvfb libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
                 libxcb-xinerama0 libxcb-randr0 libxcb-cursor0 "$@")
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  missing=()
  for pkg in "${debian_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".[test,build]"  # build: PyInstaller, for the packaged build
.venv/bin/python scripts/translations.py release
