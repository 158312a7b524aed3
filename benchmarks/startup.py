"""Start-up time: from launching ``support-console --demo`` to the first painted main window.

    .venv/bin/python benchmarks/startup.py [--runs 7]

The demo database is built once before timing (the first --demo start of a day builds it), so each
timed run is an ordinary start. Prints each run and the median; target <= 1.0 s on this machine
(issue 13: the window imports and builds only the queue page; the theme is read from its cache).
Runs offscreen unless a display is set.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = [sys.executable, "-c", "import sys; from ui.main import main; sys.exit(main())", "--demo"]


def one_run(env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run(APP, env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no first paint reported:\n{out.stdout}\n{out.stderr}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    env = dict(os.environ, SUPPORT_CONSOLE_STARTUP_PROBE="1")
    if not env.get("DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    one_run(env)  # builds today's demo database if needed, warms the disk cache
    times = [one_run(env) for _ in range(args.runs)]
    for n, t in enumerate(times, start=1):
        print(f"run {n}: {t:.3f} s")
    print(
        json.dumps(
            {
                "startup_s_median": round(statistics.median(times), 3),
                "runs": len(times),
                "platform": env.get("QT_QPA_PLATFORM", "xcb"),
            }
        )
    )


if __name__ == "__main__":
    main()
