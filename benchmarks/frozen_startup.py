"""The packaged build: start-up time of the frozen executable and the size of its folder.

    .venv/bin/pyinstaller --noconfirm build.spec            # builds dist/support-console/
    .venv/bin/python benchmarks/frozen_startup.py [--runs 7] [--bundle dist/support-console]

Times from launching ``support-console --demo`` (the frozen executable, with
SUPPORT_CONSOLE_STARTUP_PROBE=1: see benchmarks/startup.py and ui/launch.py) to the first painted main
window, once to warm up (it builds today's demo database if needed) and then ``--runs`` times; prints
each run, the median and the bundle's size (what ``du -s`` counts). Targets: start <= 2 s, bundle
<= 180 MB. Runs offscreen unless a display is set.
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
EXE_NAME = "support-console-cli.exe" if sys.platform == "win32" else "support-console"


def one_run(exe: Path, env: dict[str, str]) -> float:
    start = time.time()
    out = subprocess.run([str(exe), "--demo"], env=env, capture_output=True, text=True, timeout=120)
    for line in out.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - start
    raise RuntimeError(f"no first paint reported (exit {out.returncode}):\n{out.stdout}\n{out.stderr}")


def disk_usage(folder: Path) -> int:
    """Bytes the folder takes on disk, as ``du -s`` counts them (blocks; each hard link once)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for path in [folder, *folder.rglob("*")]:
        st = path.lstat()
        if (st.st_dev, st.st_ino) in seen:
            continue
        seen.add((st.st_dev, st.st_ino))
        blocks = getattr(st, "st_blocks", None)
        total += blocks * 512 if blocks is not None else st.st_size
    return total


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "support-console")
    args = parser.parse_args()
    exe = args.bundle / EXE_NAME
    if not exe.is_file():
        raise SystemExit(f"{exe} not found: build it first with 'pyinstaller --noconfirm build.spec'")
    env = dict(os.environ, SUPPORT_CONSOLE_STARTUP_PROBE="1")
    if not env.get("DISPLAY") and sys.platform.startswith("linux"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    one_run(exe, env)  # builds today's demo database if needed, warms the disk cache
    times = [one_run(exe, env) for _ in range(args.runs)]
    for n, t in enumerate(times, start=1):
        print(f"run {n}: {t:.3f} s")
    size = disk_usage(args.bundle)
    print(
        json.dumps(
            {
                "frozen_startup_s_median": round(statistics.median(times), 3),
                "runs": len(times),
                "bundle_mb": round(size / 1_000_000, 1),
                "bundle_mib": round(size / 2**20, 1),
                "platform": env.get("QT_QPA_PLATFORM", "native"),
            }
        )
    )


if __name__ == "__main__":
    main()
